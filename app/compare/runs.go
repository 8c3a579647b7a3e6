package compare

import (
	"strings"

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
	// Shared marks, in a claim that rewords its reference rather than
	// edits it (ParaphraseAbove), a content word the reference has too.
	Shared Kind = "shared"
)

// ParaphraseAbove is the share of a claim's words that its word diff
// against the reference marks added or changed (changedShare) from which
// the claim may be a paraphrase, not an edit of the reference's sentence:
// if the words the diff keeps are scattered too (paraphrase), Runs marks
// the content words the two share (Shared) and leaves the rest plain,
// rather than painting nearly every word.
//
// Measured by TestParaphraseShare on the claims of ECB+ train rows against
// their reference (4,548) and on the MSRP paraphrase pairs (2,753): a word
// diff is worth reading while most of the words it keeps lie in stretches
// of three words or more (inStretches). On average that share falls with
// the changed share and passes one half at 0.50–0.55 on ECB+ (0.50, then
// 0.47 at 0.55–0.60, 0.44 at 0.60–0.65) and at 0.60–0.65 on MSRP (0.55 at
// 0.55–0.60, then 0.49, 0.35): past 0.6 neither corpus leaves a readable
// diff on average, and the diff paints a fifth or more of the content
// words the claims share (0.21 on both at 0.60–0.65, 0.42 on ECB+ at
// 0.90–0.95). Below it the diff stays, being the more exact account where
// it still reads; above it a claim whose kept words do form stretches
// stays a diff too. With both conditions, 54 % of the ECB+ claims
// (independent reports; 2,265 of the 4,192 that share a content word with
// their reference) are drawn as paraphrases, and 3 % of the MSRP pairs
// (83 of 2,753, mostly edited wire copy).
const ParaphraseAbove = 0.6

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
// an empty ref) is one Same run. A claim that rewords ref rather than edits
// it (ParaphraseAbove) is marked by the words it shares instead
// (sharedRuns).
//
// The window and every export mark claims with it, so a highlight means
// the same thing wherever an editor reads it.
func Runs(ref, text string) []Run {
	if ref == "" || ref == text {
		return []Run{{text, Same, 0}}
	}
	runs := diffRuns(ref, text)
	if paraphrase(runs) {
		return sharedRuns(ref, text)
	}
	return runs
}

// paraphrase reports whether a claim's word diff against its reference
// (runs) reads as a rewording rather than an edit: it marks most of the
// claim's words added or changed (ParaphraseAbove), and most of the words
// it keeps lie scattered, not in stretches of three or more (inStretches).
// A long transcript cut that holds the reference's sentence whole among
// words of its own stays an edit: its diff shows that sentence plainly.
func paraphrase(runs []Run) bool {
	return changedShare(runs) >= ParaphraseAbove && inStretches(runs) < 0.5
}

// diffRuns marks text against ref word by word (see Runs).
func diffRuns(ref, text string) []Run {
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

// sharedRuns marks the content words of text (no stop words) whose stem a
// content word of ref has too, in runs of Shared words (with the spaces
// between them) and plain Same runs between: what a paraphrase keeps of
// the reference, in any order.
func sharedRuns(ref, text string) []Run {
	stems := map[string]bool{}
	for _, t := range textnorm.Analyze(ref) {
		if !t.Has(textnorm.Stop) {
			stems[t.Stem] = true
		}
	}
	var out []Run
	at := 0 // text before at is in out
	for _, t := range textnorm.Analyze(text) {
		if t.Has(textnorm.Stop) || !stems[t.Stem] {
			continue
		}
		n := len(out)
		if n > 0 && out[n-1].Kind == Shared && strings.TrimSpace(text[at:t.Start]) == "" {
			out[n-1].Text = text[out[n-1].At:t.End]
		} else {
			if t.Start > at {
				out = append(out, Run{text[at:t.Start], Same, at})
			}
			out = append(out, Run{text[t.Start:t.End], Shared, t.Start})
		}
		at = t.End
	}
	if at < len(text) || len(out) == 0 {
		out = append(out, Run{text[at:], Same, at})
	}
	return out
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

// inStretches is the share of the words a claim keeps from its reference
// (Same runs of a word diff) that lie in stretches of three words or more:
// the readable part of a word diff. Shared words scattered one or two at
// a time between changes say little. It is 0 when no word is kept.
func inStretches(runs []Run) float64 {
	all, long := 0, 0
	for _, r := range runs {
		if r.Kind != Same || r.At < 0 {
			continue
		}
		n := len(textnorm.Tokens(r.Text))
		all += n
		if n >= 3 {
			long += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(long) / float64(all)
}
