package segment

import (
	"strings"
	"unicode"

	"parallax/app/textnorm"
)

// A piece the cutter leaves between two sentence ends need not state
// anything: a quote mark left over from tokenised copy, "News.", "Yes.",
// "That is all.", a row of asterisks. As a claim of its own it would be a
// row an editor has to read past, and its few words would match anything.
// The rule is general rather than a list: a sentence or heading with at
// most one word, or with at most maxFunction words that are all function
// words (textnorm.IsStop), is a fragment, and joins a neighbour. Transcript
// units are the cutter's own and are left as they are.

// maxFunction is the most words a piece of function words only may have
// and still be a fragment: "That is all." states nothing, "But there is
// much more to be done." is a quoted claim.
const maxFunction = 3

// fragment reports whether the piece c states nothing of its own.
func (d *doc) fragment(c Claim) bool {
	if c.Kind != Sentence && c.Kind != Heading {
		return false
	}
	toks := d.tokensIn(c.Start, c.End)
	if n := countWords(toks); n <= 1 {
		return true
	} else if n > maxFunction {
		return false
	}
	for i := range toks {
		if !toks[i].Has(textnorm.Stop) {
			return false
		}
	}
	return true
}

// joinFragments merges every fragment among the pieces into a neighbouring
// claim: the previous one when the fragment closes it (a closing quote or
// bracket, a straight quote that the previous claim leaves open) or follows
// it in the same paragraph, else the next one. A fragment never joins across
// a piece left out of the claims, so claims and left-out pieces stay
// disjoint; a fragment with no claim to join stays a claim.
func (d *doc) joinFragments(ps []Claim) []Claim {
	out := make([]Claim, 0, len(ps))
	waiting := false // out's last piece is a fragment waiting for the next claim
	for i, p := range ps {
		n := len(out)
		if waiting && !isLeft(p.Kind) {
			out[n-1].End = p.End
			if !d.fragment(p) {
				out[n-1].Kind = p.Kind
				waiting = false
			}
			continue
		}
		if waiting {
			out = joinBack(out)
			waiting = false
		}
		if !d.fragment(p) {
			out = append(out, p)
			continue
		}
		nextStart := -1
		if i+1 < len(ps) {
			nextStart = ps[i+1].Start
		}
		if n = len(out); n > 0 && !isLeft(out[n-1].Kind) && d.closes(out[n-1], p, nextStart) {
			out[n-1].End = p.End
			continue
		}
		out = append(out, p)
		waiting = true
	}
	if waiting {
		out = joinBack(out)
	}
	return out
}

// joinBack merges the last piece of out, a fragment that found no next
// claim, into the piece before it when that is a claim.
func joinBack(out []Claim) []Claim {
	n := len(out)
	if n < 2 || isLeft(out[n-2].Kind) {
		return out
	}
	out[n-2].End = out[n-1].End
	return out[:n-1]
}

// closes reports whether the fragment frag belongs with the claim prev
// before it rather than with the piece after it, which starts at next (-1
// when there is none).
func (d *doc) closes(prev, frag Claim, next int) bool {
	s := d.text[frag.Start:frag.End]
	openers, closers, other := 0, 0, 0
	var straight rune
	for _, r := range s {
		switch {
		case r == '"' || r == '\'':
			straight = r
		case isOpener(r):
			openers++
		case isCloser(r):
			closers++
		case !unicode.IsSpace(r):
			other++
		}
	}
	switch {
	case other > 0:
		// words: a section label opens what follows; a sentence fragment
		// belongs to its paragraph
		return frag.Kind != Heading && !hasBlankLine(d.text[prev.End:frag.Start])
	case openers > 0 && closers == 0:
		return false
	case closers > 0 && openers == 0:
		return true
	case straight != 0:
		// a straight quote at a paragraph's end closes; inside one it
		// closes the previous claim when that left a quotation open
		if next < 0 || hasBlankLine(d.text[frag.End:next]) {
			return true
		}
		return quotes(d.text[prev.Start:prev.End], straight)%2 == 1
	}
	return !hasBlankLine(d.text[prev.End:frag.Start])
}

// hasBlankLine reports whether s, the white space between two pieces, holds
// a line with nothing on it: the pieces are in different paragraphs.
func hasBlankLine(s string) bool {
	first := strings.IndexByte(s, '\n')
	return first >= 0 && strings.IndexByte(s[first+1:], '\n') >= 0
}

// quotes counts the straight quote marks q in s that are not an apostrophe
// inside a word ("Karsk's"): an odd count leaves a quotation open, which a
// lone quote mark after s then closes.
func quotes(s string, q rune) int {
	n := 0
	var before rune
	rs := []rune(s)
	for i, r := range rs {
		if r == q {
			inside := i+1 < len(rs) && unicode.IsLetter(before) && unicode.IsLetter(rs[i+1])
			if !inside {
				n++
			}
		}
		before = r
	}
	return n
}
