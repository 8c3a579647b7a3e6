package compare

import (
	"parallax/app/textnorm"
	"parallax/app/worddiff"
)

// Kind is how a run of a claim's text differs from its row's reference
// claim. The values double as CSS class names in the HTML export.
type Kind string

// The kinds of run.
const (
	Same    Kind = ""        // words the reference has too
	Added   Kind = "added"   // words only this claim has
	Missing Kind = "missing" // words of the reference this claim lacks
	Was     Kind = "was"     // words of the reference this claim changed
	Changed Kind = "changed" // this claim's words in their place
)

// Run is a stretch of text with one Kind.
type Run struct {
	Text string
	Kind Kind
	// At is the run's byte offset in the claim's text, or -1 for a run of
	// the reference's words (Missing, Was) that the claim does not contain.
	At int
}

// Runs marks text against ref word by word (worddiff.Diff): text is kept
// whole and in order, with the reference's missing or changed words
// inserted where they would stand. A claim that is its row's reference (or
// an empty ref) is one Same run.
//
// The window and every export mark claims with it, so a highlight means
// the same thing wherever an editor reads it.
func Runs(ref, text string) []Run {
	if ref == "" || ref == text {
		return []Run{{text, Same, 0}}
	}
	var out []Run
	add := func(s string, k Kind, at int) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Kind == k && (at < 0) == (out[n-1].At < 0) {
			out[n-1].Text += s
			return
		}
		out = append(out, Run{s, k, at})
	}
	at := 0
	for _, e := range worddiff.Diff(ref, text) {
		if e.B[0] > at {
			add(text[at:e.B[0]], Same, at)
			at = e.B[0]
		}
		a, b := ref[e.A[0]:e.A[1]], text[e.B[0]:e.B[1]]
		switch e.Op {
		case worddiff.Equal:
			add(b, Same, e.B[0])
		case worddiff.Insert:
			add(b, Added, e.B[0])
		case worddiff.Delete:
			// A deletion has no place in text; keep a space between it
			// and the words around it.
			if at > 0 {
				add(" ", Same, -1)
				add(a, Missing, -1)
			} else {
				add(a, Missing, -1)
				add(" ", Same, -1)
			}
		case worddiff.Replace:
			add(a, Was, -1)
			add(b, Changed, e.B[0])
		}
		at = max(at, e.B[1])
	}
	add(text[at:], Same, at)
	return out
}

// ClaimRuns returns claim k of row r marked against the row's reference.
func (c *Comparison) ClaimRuns(r *Row, k int) []Run {
	ref := r.Claims[r.Ref]
	cl := r.Claims[k]
	text := c.Docs[cl.Doc].ClaimText(cl.Claim)
	if k == r.Ref {
		return []Run{{text, Same, 0}}
	}
	return Runs(c.Docs[ref.Doc].ClaimText(ref.Claim), text)
}

// changedShare is the share of text's own words (runs with At >= 0) that
// lie in Added or Changed runs: 0 for a claim the reference states word for
// word, near 1 for one that shares hardly a word with it.
func changedShare(runs []Run) float64 {
	all, changed := 0, 0
	for _, r := range runs {
		if r.At < 0 {
			continue
		}
		n := len(textnorm.Tokens(r.Text))
		all += n
		if r.Kind == Added || r.Kind == Changed {
			changed += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(changed) / float64(all)
}
