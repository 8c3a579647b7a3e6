// Package annotate lays the editor's work on a freshly aligned comparison:
// it re-applies the manual fixes to the rows, in the order they were made,
// and puts each note back on the row that now holds its claims.
//
// Rows are rebuilt on every alignment (a strictness or base change, a
// report re-imported or edited), so neither notes nor fixes can name rows
// by number. They name claims by anchors (app.Anchor): the claim's report
// and a fingerprint of its folded words, with the words themselves kept for
// a claim that was edited. An anchor finds its claim by fingerprint first,
// then by resemblance within the same report; a note goes to the row that
// holds most of its claims. A note none of whose claims can be found is
// orphaned: kept, listed and exported, never dropped.
package annotate

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/compare"
	"parallax/app/textnorm"
)

// Resemblance is the least share of words (Dice over folded word sets) an
// edited claim must keep with an anchor's text to be taken for the anchored
// claim. Three words in five survive a corrected figure, a changed
// attribution or a sentence extended by a clause, and are too many for a
// different sentence of the same story, which typically shares a quarter.
const Resemblance = 0.6

// Print is the fingerprint of a claim's text: a hash of its folded words
// (textnorm.Tokens' Norm), so case, accents, quotes, punctuation and
// spacing changes do not change it.
func Print(text string) string {
	h := fnv.New64a()
	for i, t := range textnorm.Tokens(text) {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(t.Norm))
	}
	return strconv.FormatUint(h.Sum64(), 16)
}

// Annotated is a comparison with the editor's fixes applied and notes
// placed. Its rows are C.Rows; the slices indexed by row have one entry
// per row of C.Rows.
type Annotated struct {
	C *compare.Comparison
	// Notes are the comparison's notes, as given to SetNotes. They are
	// shared with the caller, which edits them (the window, as the editor
	// types) and calls Place when their anchors change; this package only
	// reads them.
	Notes []*app.Note
	// RowNotes[i] are the indexes in Notes of the notes on row i, the row's
	// own note first (most of its claims found, then oldest).
	RowNotes [][]int
	// Orphans are the indexes in Notes of the notes whose claims are all
	// gone.
	Orphans []int
	// Manual marks the rows a fix changed (a fix the aligner already
	// agrees with at these settings changes nothing).
	Manual []bool
	// Fixes are the fixes given to New, each with what became of it.
	Fixes []Applied

	// prints[d] maps fingerprints to claim indexes of report d, and
	// words[d][i] is claim i's word set, both made the first time an anchor
	// of report d is resolved (a comparison without notes or fixes never
	// pays for them); rowOf[d][i] is the main row holding claim i of
	// report d.
	prints []map[string][]int
	rowOf  [][]int
	docOf  map[int64]int
	words  [][]map[string]bool
}

// Applied is a fix and whether it still applies to the rows.
type Applied struct {
	Fix app.Fix
	// Err says in words why the fix could not be applied (its claims are
	// gone, or the rows it joins both hold a claim of one report); nil
	// when it was.
	Err error
}

// New applies fixes to c's rows in order (c is changed). Notes come
// separately (SetNotes), because the window edits them while an alignment
// runs in the background and places them once the rows are on its
// goroutine.
func New(c *compare.Comparison, fixes []app.Fix) *Annotated {
	a := &Annotated{C: c, docOf: map[int64]int{}, Manual: make([]bool, len(c.Rows))}
	a.prints = make([]map[string][]int, len(c.Docs))
	a.words = make([][]map[string]bool, len(c.Docs))
	for d := range c.Docs {
		a.docOf[c.Docs[d].Report.ID] = d
	}
	a.index()
	for _, f := range fixes {
		a.Fixes = append(a.Fixes, Applied{Fix: f, Err: a.apply(f)})
	}
	if slices.Contains(a.Manual, true) {
		a.dropInnerLinks()
	}
	a.RowNotes = make([][]int, len(c.Rows))
	return a
}

// SetNotes places notes on the rows.
func (a *Annotated) SetNotes(notes []*app.Note) {
	a.Notes = notes
	a.Place()
}

// index recomputes which main row holds each claim.
func (a *Annotated) index() {
	a.rowOf = make([][]int, len(a.C.Docs))
	for d := range a.C.Docs {
		a.rowOf[d] = make([]int, len(a.C.Docs[d].Claims))
	}
	for i := range a.C.Rows {
		if r := &a.C.Rows[i]; !r.Link {
			for _, ref := range r.Claims {
				a.rowOf[ref.Doc][ref.Claim] = i
			}
		}
	}
}

// dropInnerLinks removes the links between two claims a link fix put in
// one row: a row linked to itself says nothing.
func (a *Annotated) dropInnerLinks() {
	keep := a.C.Rows[:0]
	manual := a.Manual[:0]
	for i, r := range a.C.Rows {
		if r.Link && len(r.Claims) == 2 && a.RowOf(r.Claims[0]) == a.RowOf(r.Claims[1]) {
			continue
		}
		keep = append(keep, r)
		manual = append(manual, a.Manual[i])
	}
	a.C.Rows, a.Manual = keep, manual
	a.index()
}

// RowOf returns the main row holding claim ref.
func (a *Annotated) RowOf(ref align.Ref) int { return a.rowOf[ref.Doc][ref.Claim] }

// Anchors returns the anchors of claims.
func (a *Annotated) Anchors(claims []align.Ref) []app.Anchor {
	out := make([]app.Anchor, len(claims))
	for k, ref := range claims {
		doc := &a.C.Docs[ref.Doc]
		text := doc.ClaimText(ref.Claim)
		p := Print(text)
		out[k] = app.Anchor{Report: doc.Report.ID, Print: p, Text: text,
			Nth: slices.Index(a.printsOf(ref.Doc)[p], ref.Claim)}
	}
	return out
}

// printsOf returns report d's claims by fingerprint, made on first use.
func (a *Annotated) printsOf(d int) map[string][]int {
	if a.prints[d] == nil {
		doc := &a.C.Docs[d]
		a.prints[d] = make(map[string][]int, len(doc.Claims))
		for i := range doc.Claims {
			p := Print(doc.ClaimText(i))
			a.prints[d][p] = append(a.prints[d][p], i)
		}
	}
	return a.prints[d]
}

// Resolve finds the claim anchor names: a claim of the anchor's report with
// the same fingerprint (the Nth such claim when the report repeats the
// sentence, as a headline and a lead often do, or the last there is), else
// the claim of that report whose words resemble the anchor's text most, at
// least Resemblance of them (the first on a tie). A report no longer in
// the comparison resolves nothing.
func (a *Annotated) Resolve(an app.Anchor) (align.Ref, bool) {
	d, ok := a.docOf[an.Report]
	if !ok {
		return align.Ref{}, false
	}
	if is := a.printsOf(d)[an.Print]; len(is) > 0 {
		return align.Ref{Doc: d, Claim: is[min(max(an.Nth, 0), len(is)-1)]}, true
	}
	want := wordSet(an.Text)
	if len(want) == 0 {
		return align.Ref{}, false
	}
	if a.words[d] == nil {
		doc := &a.C.Docs[d]
		a.words[d] = make([]map[string]bool, len(doc.Claims))
		for i := range doc.Claims {
			a.words[d][i] = wordSet(doc.ClaimText(i))
		}
	}
	best, bestScore := -1, Resemblance
	for i, got := range a.words[d] {
		if s := dice(want, got); s > bestScore || best < 0 && s == bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return align.Ref{}, false
	}
	return align.Ref{Doc: d, Claim: best}, true
}

// wordSet is the set of text's folded words.
func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, t := range textnorm.Tokens(text) {
		set[t.Norm] = true
	}
	return set
}

// dice is the Dice coefficient of two word sets.
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// vote resolves anchors and returns the main row most of them lie in (of
// rows with as many, the one the earliest anchor lies in), how many do, and
// the claims found.
func (a *Annotated) vote(anchors []app.Anchor) (row, votes int, found []align.Ref) {
	count := map[int]int{}
	var order []int // rows in the order their first anchor came
	for _, an := range anchors {
		ref, ok := a.Resolve(an)
		if !ok {
			continue
		}
		found = append(found, ref)
		r := a.RowOf(ref)
		if count[r] == 0 {
			order = append(order, r)
		}
		count[r]++
	}
	row = -1
	for _, r := range order {
		if row < 0 || count[r] > count[row] {
			row = r
		}
	}
	return row, count[row], found
}

// Place puts every note on its row again, after a fix or a note's anchors
// changed.
func (a *Annotated) Place() {
	a.RowNotes = make([][]int, len(a.C.Rows))
	a.Orphans = nil
	votes := make([]int, len(a.Notes))
	for n := range a.Notes {
		row, v, _ := a.vote(a.Notes[n].Anchors)
		if row < 0 {
			a.Orphans = append(a.Orphans, n)
			continue
		}
		votes[n] = v
		// Keep the row's notes ordered: most claims found first, then
		// oldest (notes come in creation order).
		on := a.RowNotes[row]
		at := len(on)
		for at > 0 && votes[on[at-1]] < v {
			at--
		}
		a.RowNotes[row] = append(on[:at], append([]int{n}, on[at:]...)...)
	}
}

// Note returns the index in Notes of row i's own note, or -1.
func (a *Annotated) Note(i int) int {
	if len(a.RowNotes[i]) == 0 {
		return -1
	}
	return a.RowNotes[i][0]
}

// Verdict returns row i's verdict: its own note's, else Unreviewed.
func (a *Annotated) Verdict(i int) app.Verdict {
	if n := a.Note(i); n >= 0 {
		return a.Notes[n].Verdict.Or()
	}
	return app.Unreviewed
}

// apply applies one fix to the rows, or says why it cannot.
func (a *Annotated) apply(f app.Fix) error {
	ra, _, fa := a.vote(f.A)
	rb, _, fb := a.vote(f.B)
	if ra < 0 || rb < 0 {
		return fmt.Errorf("its claims are no longer in the reports")
	}
	switch f.Op {
	case app.FixLink:
		if ra == rb {
			return nil // the aligner agrees at these settings
		}
		merged := append(append([]align.Ref(nil), a.C.Rows[ra].Claims...), a.C.Rows[rb].Claims...)
		seen := map[int]bool{}
		for _, ref := range merged {
			if seen[ref.Doc] {
				return fmt.Errorf("both rows hold a claim of %q", a.C.Docs[ref.Doc].Label())
			}
			seen[ref.Doc] = true
		}
		keep, drop := min(ra, rb), max(ra, rb)
		a.C.Rows[keep] = a.C.NewRow(merged)
		a.Manual[keep] = true
		a.C.Rows = append(a.C.Rows[:drop], a.C.Rows[drop+1:]...)
		a.Manual = append(a.Manual[:drop], a.Manual[drop+1:]...)
	case app.FixSplit:
		moving := map[align.Ref]bool{}
		for _, ref := range fb {
			if a.RowOf(ref) == ra {
				moving[ref] = true
			}
		}
		for _, ref := range fa {
			if moving[ref] {
				return fmt.Errorf("it would take a claim away from itself")
			}
		}
		if len(moving) == 0 {
			return nil // the aligner agrees at these settings
		}
		var rest, out []align.Ref
		for _, ref := range a.C.Rows[ra].Claims {
			if moving[ref] {
				out = append(out, ref)
			} else {
				rest = append(rest, ref)
			}
		}
		a.C.Rows[ra] = a.C.NewRow(rest)
		a.C.Rows = append(a.C.Rows[:ra+1], append([]compare.Row{a.C.NewRow(out)}, a.C.Rows[ra+1:]...)...)
		a.Manual[ra] = true
		a.Manual = append(a.Manual[:ra+1], append([]bool{true}, a.Manual[ra+1:]...)...)
	default:
		return fmt.Errorf("unknown fix %q", f.Op)
	}
	a.index()
	return nil
}
