package export

import (
	"fmt"
	"strings"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/compare"
)

// row is one row of a comparison as an export writes it: its claims marked
// against the row's reference, its flags and the editor's notes. Every
// writer reads rows through Memo.row, so all formats agree on what a row
// says.
type row struct {
	I      int // index in C.Rows
	Claims []claim
	Flags  []flag
	Notes  []app.Note
	Manual bool
}

// claim is one claim of a row with its differences from the reference.
type claim struct {
	Doc  int
	Ref  bool // the row's reference claim, in a row of two or more
	Runs []Run
	// Cue is the claim's time and speaker in a transcript (cueLabel).
	Cue string
}

// cueLabel is what a memo writes before claim i of a transcript: the start
// time of the cue the claim begins in and its speaker when the subtitles
// name one, "[00:12:04]" or "[00:12:04] Anna Smith:", so the editor can
// find the moment in the broadcast. It is "" for reports without cues.
func cueLabel(d *compare.Doc, i int) string {
	cue, ok := d.ClaimCue(i)
	if !ok {
		return ""
	}
	s := "[" + app.Timestamp(cue.Start) + "]"
	if sp := oneLine(cue.Speaker); sp != "" {
		s += " " + sp + ":"
	}
	return s
}

// withCue is a claim's text after its cue label, when it has one.
func withCue(cue, text string) string {
	if cue == "" {
		return text
	}
	return cue + " " + text
}

// flag is one flag of a row; Against names the reports on each of its
// sides, in the order Detail quotes them ("[1] AP, [3] Reuters vs [2] BBC").
type flag struct{ Kind, Against, Detail string }

// row returns row i of m.
func (m *Memo) row(i int) row {
	c := m.C
	r := &c.Rows[i]
	out := row{I: i, Claims: make([]claim, len(r.Claims)), Notes: m.notes(i), Manual: m.manual(i)}
	for k, ref := range r.Claims {
		out.Claims[k] = claim{ref.Doc, len(r.Claims) > 1 && k == r.Ref, c.ClaimRuns(r, k),
			cueLabel(&c.Docs[ref.Doc], ref.Claim)}
	}
	for k := range r.Flags {
		f := &r.Flags[k]
		out.Flags = append(out.Flags, flag{string(f.Kind), r.Who(f, func(d int) string { return label(c, d) }), f.Detail})
	}
	return out
}

// outline is the order of a memo (Markdown, PDF): the claims two or more
// reports state, then the links between rows worth reading, then, report by
// report, what only one report states, and the orphaned notes last.
type outline struct {
	Shared, Links []row
	// Weak counts the links left out: claims of one story that merely
	// touch. The JSON lists them.
	Weak int
	// Single[d] are the rows of report d's single-source claims.
	Single  [][]row
	Orphans []orphan
}

// orphan is an orphaned note with the claims it was written on.
type orphan struct {
	Note app.Note
	// About are the anchored claims: Label names the report (or says it is
	// no longer compared), Text is the claim as it read when anchored.
	About []quote
}

// quote is a claim's text with the label of its report.
type quote struct{ Label, Text string }

// outline sorts m's written rows into a memo's sections.
func (m *Memo) outline() *outline {
	c := m.C
	o := &outline{Single: make([][]row, len(c.Docs))}
	for i := range c.Rows {
		r := &c.Rows[i]
		switch {
		case !m.keep(i):
		case r.Shared():
			o.Shared = append(o.Shared, m.row(i))
		case len(r.Claims) == 1:
			o.Single[r.Claims[0].Doc] = append(o.Single[r.Claims[0].Doc], m.row(i))
		// A memo lists the links worth reading: same-claim links and
		// related claims whose own score says they share details.
		case r.Level == align.LevelRelated && r.Score < align.Related:
			o.Weak++
		default:
			o.Links = append(o.Links, m.row(i))
		}
	}
	o.Orphans = m.orphans()
	return o
}

// orphans returns m's orphaned notes with the claims they were about.
func (m *Memo) orphans() []orphan {
	var out []orphan
	for _, n := range m.Orphans {
		on := orphan{Note: n}
		for _, a := range n.Anchors {
			l := "A report no longer compared"
			if d := m.docOf(a.Report); d >= 0 {
				l = label(m.C, d)
			}
			on.About = append(on.About, quote{l, a.Text})
		}
		out = append(out, on)
	}
	return out
}

// heading is a shared or linked row's heading in a memo, numbered n: "3.
// same, score 0.91 — flagged: hedge — manual".
func (m *Memo) heading(n int, r row) string {
	cr := &m.C.Rows[r.I]
	level := cr.Level.String()
	if cr.Link && cr.Level == align.LevelSame {
		level = "same claim, in another row too"
	}
	h := fmt.Sprintf("%d. %s, score %.2f", n, level, cr.Score)
	var kinds []string
	seen := map[string]bool{}
	for _, f := range r.Flags {
		if !seen[f.Kind] {
			seen[f.Kind] = true
			kinds = append(kinds, f.Kind)
		}
	}
	if len(kinds) > 0 {
		h += " — flagged: " + strings.Join(kinds, ", ")
	}
	if r.Manual {
		h += " — manual"
	}
	return h
}

// noteLine is one note as a memo writes it; Own marks the row's own note,
// whose verdict is the row's.
type noteLine struct {
	Lead, Text string
	Own        bool
	Verdict    app.Verdict
}

// noteLines are a row's notes as a memo writes them, one entry per note:
// the lead ("Verdict: disputed." for the row's own note, "Further note,
// corroborated:" for others) and the note's text as written. A note that
// says nothing is left out (says).
func noteLines(notes []app.Note) []noteLine {
	var out []noteLine
	for k, n := range notes {
		if !says(n) {
			continue
		}
		lead := fmt.Sprintf("Verdict: %s.", n.Verdict.Or())
		if k > 0 {
			lead = fmt.Sprintf("Further note, %s:", n.Verdict.Or())
		}
		out = append(out, noteLine{lead, n.Text, k == 0, n.Verdict.Or()})
	}
	return out
}

// says reports whether a note says anything: a verdict or some text. A note
// that does not is left out of a memo, so a row nobody judged reads as if
// it had no note.
func says(n app.Note) bool {
	return n.Verdict.Or() != app.Unreviewed || strings.TrimSpace(n.Text) != ""
}
