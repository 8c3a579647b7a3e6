// Package sheet lays a comparison out for reading: one row per main row of
// the comparison, one cell per report, each cell's claim cut into marked
// runs (words added, missing or changed against the row's reference, and
// the row's flags where they occur), each row's status, and the questions
// the window asks of them: which rows a filter shows, where the next
// difference is, which rows a search finds, which rows a row is linked to.
//
// It is the window's view model, kept free of Fyne so it is built off the
// UI goroutine (a comparison of twelve long reports is thousands of cells)
// and tested and benchmarked without a display. The views only measure and
// draw what it says.
package sheet

import (
	"sort"
	"strings"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/annotate"
	"parallax/app/compare"
	"parallax/app/parallel"
)

// Sheet is a comparison laid out in rows and cells.
type Sheet struct {
	C *compare.Comparison
	// A is the comparison with the editor's fixes and notes (A.C is C).
	A *annotate.Annotated
	// Rows are the comparison's main rows, in its order (the base report's
	// order); links between them are not rows (see Links).
	Rows []Row
	// rowOf[doc][claim] is the index in Rows of the row holding the claim.
	rowOf [][]int
	// links[i] are the links that touch Rows[i].
	links [][]Link
}

// Row is one main row.
type Row struct {
	// Index is the row's index in C.Rows.
	Index  int
	Status compare.Status
	// Strength is how far the row's match can be trusted (same claim,
	// weak match; none for a claim alone), for the gutter and the details.
	Strength compare.Strength
	// Cells has one cell per report, by report index (not column order).
	Cells []Cell
	// Reports counts the reports that state the row's claim.
	Reports int
	// Verdict is the row's verdict, Notes how many notes lie on it and
	// Manual whether a manual fix shaped it (see Annotate).
	Verdict app.Verdict
	Notes   int
	Manual  bool
	// find is the row's text folded for find-in-comparison.
	find string
}

// Cell is one report's claim in a row.
type Cell struct {
	// Claim is the claim's index in its report, -1 when the report does not
	// state the row's claim (the window leaves such a cell empty).
	Claim int
	// Ref marks the row's reference claim, the one the others are marked
	// against, in a row of two or more claims.
	Ref  bool
	Runs []Run
	// Time and Speaker are a transcript claim's: the start time of the cue
	// it begins in ("00:12:04") and its speaker, drawn quietly before the
	// claim. Both are "" for other reports.
	Time, Speaker string
}

// Empty reports whether the cell has no claim.
func (c *Cell) Empty() bool { return c.Claim < 0 }

// Run is a stretch of a claim with one kind of marking.
type Run struct {
	compare.Run
	// Flag is the 1-based number of the row flag (Row.Index's Flags) that
	// these words carry, 0 for none.
	Flag int
}

// Link is a weaker tie from one row to another: two claims that overlap
// without being the same (align.LevelRelated) or the same claim kept apart
// because a row holds one claim per report.
type Link struct {
	// Row is the other row's index in Rows.
	Row   int
	Level align.Level
	Score float64
	// Strength is the link in an editor's words (same claim, related,
	// weak match), shown instead of the score.
	Strength compare.Strength
}

// New lays out a's comparison. It diffs every claim against its row's
// reference, on all cores; call it off the UI goroutine.
func New(a *annotate.Annotated) *Sheet {
	c := a.C
	s := &Sheet{C: c, A: a, rowOf: make([][]int, len(c.Docs))}
	for d := range c.Docs {
		s.rowOf[d] = make([]int, len(c.Docs[d].Claims))
	}
	for i := range c.Rows {
		if c.Rows[i].Link {
			continue
		}
		for _, ref := range c.Rows[i].Claims {
			s.rowOf[ref.Doc][ref.Claim] = len(s.Rows)
		}
		s.Rows = append(s.Rows, Row{Index: i})
	}
	parallel.For(len(s.Rows), func(i int) { s.layRow(&s.Rows[i]) })

	s.links = make([][]Link, len(s.Rows))
	for i := range c.Rows {
		r := &c.Rows[i]
		if !r.Link || len(r.Claims) != 2 {
			continue
		}
		a := s.rowOf[r.Claims[0].Doc][r.Claims[0].Claim]
		b := s.rowOf[r.Claims[1].Doc][r.Claims[1].Claim]
		if a == b {
			continue
		}
		s.links[a] = append(s.links[a], Link{b, r.Level, r.Score, r.Strength()})
		s.links[b] = append(s.links[b], Link{a, r.Level, r.Score, r.Strength()})
	}
	for _, ls := range s.links {
		sort.SliceStable(ls, func(i, j int) bool { return ls[i].Score > ls[j].Score })
	}
	s.Annotate()
	return s
}

// Annotate copies each row's verdict, note count and manual mark from A,
// after its notes were placed or edited.
func (s *Sheet) Annotate() {
	for i := range s.Rows {
		r := &s.Rows[i]
		r.Verdict = s.A.Verdict(r.Index)
		r.Notes = 0
		if r.Index < len(s.A.RowNotes) {
			r.Notes = len(s.A.RowNotes[r.Index])
		}
		r.Manual = s.A.Manual[r.Index]
	}
}

// layRow fills one row's status and cells.
func (s *Sheet) layRow(row *Row) {
	c := s.C
	r := &c.Rows[row.Index]
	row.Status = c.Status(row.Index)
	row.Strength = r.Strength()
	row.Cells = make([]Cell, len(c.Docs))
	for d := range row.Cells {
		row.Cells[d].Claim = -1
	}
	var find strings.Builder
	for k, ref := range r.Claims {
		runs := c.ClaimRuns(r, k)
		claim := c.Docs[ref.Doc].Claims[ref.Claim]
		cell := Cell{Claim: ref.Claim, Ref: k == r.Ref && len(r.Claims) > 1,
			Runs: markFlags(runs, r, k, claim.Start, claim.End)}
		if cue, ok := c.Docs[ref.Doc].ClaimCue(ref.Claim); ok {
			cell.Time, cell.Speaker = app.Timestamp(cue.Start), cue.Speaker
		}
		row.Cells[ref.Doc] = cell
		find.WriteString(FindQuery(c.Docs[ref.Doc].ClaimText(ref.Claim)))
		find.WriteByte('\n')
	}
	row.Reports = len(r.Claims)
	row.find = find.String()
}

// markFlags splits the claim's own runs where row flags lie in claim k
// (start and end are the claim's span in its report) and numbers them:
// every claim on a side of a flag carries its number (compare.Flag.In).
func markFlags(runs []compare.Run, r *compare.Row, k, start, end int) []Run {
	type mark struct{ a, b, n int }
	var marks []mark
	for i := range r.Flags {
		sp, ok := r.Flags[i].In(k)
		if !ok || sp.End <= sp.Start || sp.Start < start || sp.End > end {
			continue
		}
		marks = append(marks, mark{sp.Start - start, sp.End - start, i + 1})
	}
	out := make([]Run, 0, len(runs)+2*len(marks))
	for _, run := range runs {
		if run.At < 0 || len(marks) == 0 {
			out = append(out, Run{Run: run})
			continue
		}
		// Cut the run at every mark boundary inside it.
		cuts := []int{run.At, run.At + len(run.Text)}
		for _, m := range marks {
			for _, p := range []int{m.a, m.b} {
				if p > run.At && p < run.At+len(run.Text) {
					cuts = append(cuts, p)
				}
			}
		}
		sort.Ints(cuts)
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			if a == b {
				continue
			}
			piece := Run{Run: compare.Run{Text: run.Text[a-run.At : b-run.At], Kind: run.Kind, At: a}}
			for _, m := range marks {
				if a >= m.a && b <= m.b {
					piece.Flag = m.n
					break
				}
			}
			out = append(out, piece)
		}
	}
	return out
}

// Links returns the links of row i, strongest first.
func (s *Sheet) Links(i int) []Link { return s.links[i] }

// RowOf returns the index of the row holding claim of report doc.
func (s *Sheet) RowOf(doc, claim int) int { return s.rowOf[doc][claim] }
