// Package flags finds typed discrepancies between two claims that the aligner
// put in one row: a different number, a name spelled two ways, a different
// date, a negation, a different attribution, a hedge on one side only.
//
// # Why rules and not a model
//
// A flag is a claim Parallax makes to an editor: "these two reports disagree
// here". A false flag costs the editor a re-read of both passages, so every
// rule below is written for precision first. Each kind fires only when both
// sides contain something comparable that is anchored to the same words
// (a number's head noun, a negated verb's lemma, a hedged verb, the source of
// an attribution); something said on one side only is the aligner's business
// (a row of one claim, or a word-level difference), not a flag. Hand-written
// rules also explain themselves: every Detail quotes both sides, so the
// editor can see at once why the flag was raised.
//
// # Cost
//
// A row of N claims compares every pair of its claims (compare.Flag).
// Analyze reads a claim once (tokens, lemmas, numbers, dates, cues) and
// Between compares two analysed claims without re-reading either text, so a
// row costs N analyses and N(N-1)/2 cheap comparisons, not N² analyses.
// Compare is the one-pair convenience.
//
// # What each kind means here
//
// Negations and hedges are anchored: the governed word must be found on the
// other side next to another word of the same clause ("the ferry ... was
// overloaded"), so "may have been overloaded" does not meet a headline's
// "questions mount over overloading". Attributions are compared only when
// the attributed words are restated on the other side (two thirds of them),
// since a claim cut differently may simply have left the "police said" in a
// neighbouring claim.
//
//   - number: two quantities with the same head (dead, killed, people, km...)
//     whose ranges cannot both be true. Every quantity is read as an interval:
//     "12" is [12,12], "at least a dozen" [12,∞), "about 20" [16,24],
//     "dozens" [20,150), "tens of thousands" [20000,100000). Overlapping
//     intervals are compatible ("at least 12" vs "15" is not flagged: the
//     first is vaguer, not wrong). "100 km (60 miles)" is one quantity, and
//     units of one dimension are compared after conversion with 10% slack for
//     rounding. Increments ("three more bodies") are not totals and are
//     never compared.
//   - name: a word spelled two ways (same textnorm.NameKey, or one edit
//     apart) where neither spelling is an English word (lexicon.Known) or the
//     text writes both as names; and a different name after the same title
//     ("Captain Mwanza" vs "Captain Okello").
//   - date: the same component (weekday, month, day, year, clock time) with
//     different values, for dates attached to the same event. A date on the
//     reporting verb ("police said on Saturday") is a different event from a
//     date on the story ("capsized on Friday") and is never compared with it.
//     Relative dates (yesterday, this morning) are not compared: reports
//     published on different days legitimately use different ones.
//   - negation: one side negates a word (not, never, n't, no, without,
//     denied, refused, failed to) that the other side asserts, matched by
//     stem or WordNet lemma.
//   - attribution: the reporting verbs differ in kind ("said" vs "according
//     to" vs "claimed" vs "confirmed"), or two generic sources differ
//     ("police said" vs "officials said"), or one side attributes what the
//     other states as fact.
//   - hedge: one side hedges a word (may, might, could, reportedly,
//     allegedly, appears to, is believed to, suspected...) that the other
//     side states plainly. Two different hedges are not flagged.
package flags

import (
	"sort"
	"strings"
	"unicode/utf8"

	"parallax/app"
	"parallax/app/lexicon"
	"parallax/app/textnorm"
)

// Claim is one claim read once for comparison: its tokens and the numbers,
// dates, names, negations, hedges and attributions found in it. Build it
// with Analyze and compare it with Between as often as the row needs; it is
// read-only after Analyze, so one Claim may be compared from several
// goroutines.
type Claim struct {
	text  string
	span  app.Span
	toks  []textnorm.Token
	lemma []string
	known []bool // known[i]: WordNet has a lemma for word token i (looked up once)
	brk   []bool // brk[i]: clause punctuation between toks[i-1] and toks[i]
	lower bool   // the claim has no capital letters (lower-cased wire copy)
	// quoted: the claim opens with a quotation mark, so it is someone's
	// words even without a reporting verb; negReport: it has a reporting
	// verb that is not an attribution ("did not say how many").
	quoted, negReport bool
	used              []bool // tokens consumed by a date or a quantity

	nums   []quantity
	dates  []dateExpr
	negs   []cue
	hedges []cue
	attrs  []attribution
	roles  []roleName
}

// Analyze reads the claim text[span.Start:span.End] once. The span is
// clamped to the text, so a stale or empty span yields an empty claim rather
// than a panic; every span in the flags Between returns lies inside it.
func Analyze(text string, span app.Span) *Claim {
	e := min(max(span.End, 0), len(text))
	s := min(max(span.Start, 0), e)
	c := &Claim{text: text, span: app.Span{Start: s, End: e}}
	c.toks = textnorm.AppendAnalyze(nil, text, s, e)
	n := len(c.toks)
	c.lemma = make([]string, n)
	c.known = make([]bool, n)
	c.brk = make([]bool, n)
	c.used = make([]bool, n)
	c.lower = true
	prev := s
	for i := range c.toks {
		t := &c.toks[i]
		if t.Kind == textnorm.Word {
			w := lexicon.Lookup(t.Norm)
			c.lemma[i], c.known[i] = w.Lemma(), w.Known()
		}
		if t.Has(textnorm.Capital) || t.Has(textnorm.Acronym) && strings.ToLower(t.Text) != t.Text {
			c.lower = false
		}
		c.brk[i] = i > 0 && hasBreak(text[prev:t.Start])
		prev = t.End
	}
	if r := strings.TrimLeft(text[s:e], " \t\n"); r != "" {
		q, _ := utf8.DecodeRuneInString(r)
		c.quoted = textnorm.IsQuote(q) && q != '\''
	}
	c.findDates()
	c.findNumbers()
	c.findCues()
	c.findAttributions()
	c.findRoles()
	return c
}

// hasBreak reports whether the text between two tokens ends a clause: a
// comma, stop, colon, bracket, quote or dash. A hyphen inside a compound
// ("Iran-backed") is not a break.
func hasBreak(gap string) bool {
	if strings.ContainsAny(gap, ",;:.!?()[]\"“”«»—–") {
		return true
	}
	return strings.Contains(gap, " - ")
}

// Span returns the claim's span in its report, after clamping.
func (c *Claim) Span() app.Span { return c.span }

// Compare returns the discrepancies between two claims of one row, each
// given as a span of its report's text. Flag.A lies in refText, Flag.B in
// otherText. To compare many pairs of claims, Analyze each once and use
// Between.
func Compare(refText string, ref app.Span, otherText string, other app.Span) []app.Flag {
	return Between(Analyze(refText, ref), Analyze(otherText, other))
}

// Between returns the discrepancies between two analysed claims a and b,
// ordered by their position in a, then in b. It
// returns nil when the claims say the same thing as far as the rules can
// tell: a flag is raised only for a real conflict (see the package comment).
func Between(a, b *Claim) []app.Flag {
	if a == nil || b == nil {
		return nil
	}
	var out []app.Flag
	out = compareNumbers(out, a, b)
	out = compareDates(out, a, b)
	out = compareNames(out, a, b)
	out = compareNegations(out, a, b)
	out = compareAttributions(out, a, b)
	out = compareHedges(out, a, b)
	sort.SliceStable(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.A.Start != y.A.Start {
			return x.A.Start < y.A.Start
		}
		if x.B.Start != y.B.Start {
			return x.B.Start < y.B.Start
		}
		if x.Kind != y.Kind {
			return x.Kind < y.Kind
		}
		return x.Detail < y.Detail
	})
	return out
}

// --- token helpers shared by the rules ---

// content reports whether token i is a word that carries content.
func (c *Claim) content(i int) bool {
	t := &c.toks[i]
	return t.Kind == textnorm.Word && !t.Has(textnorm.Stop)
}

// norm returns the folded form of token i, or "" out of range.
func (c *Claim) norm(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].Norm
}

// quote returns the report text of tokens i..j inclusive, as written.
func (c *Claim) quote(i, j int) string {
	return c.text[c.toks[i].Start:c.toks[j].End]
}

// spanOf returns the byte span of tokens i..j inclusive.
func (c *Claim) spanOf(i, j int) app.Span {
	return app.Span{Start: c.toks[i].Start, End: c.toks[j].End}
}

// none is the empty span at the start of the claim: the side has no
// counterpart for the flag.
func (c *Claim) none() app.Span { return app.Span{Start: c.span.Start, End: c.span.Start} }

// same reports whether token i of a and token j of b are the same word up to
// inflection: equal stems or equal WordNet lemmas.
func same(a *Claim, i int, b *Claim, j int) bool {
	ta, tb := &a.toks[i], &b.toks[j]
	if ta.Kind != tb.Kind {
		return false
	}
	if ta.Norm == tb.Norm || ta.Stem != "" && ta.Stem == tb.Stem {
		return true
	}
	return a.lemma[i] != "" && a.lemma[i] == b.lemma[j]
}

// find returns the first token of b that is the same word as token i of a,
// or -1.
func find(a *Claim, i int, b *Claim) int {
	for j := range b.toks {
		if same(a, i, b, j) {
			return j
		}
	}
	return -1
}

// auxiliaries are the words a negation, hedge or copula puts before the word
// it governs ("may have been overloaded", "did not sink").
var auxiliaries = set("be", "been", "being", "is", "are", "was", "were", "am", "have", "has", "had",
	"having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may",
	"might", "must", "to", "yet", "even", "ever", "also", "still", "longer", "so", "far")

// withAux widens token j leftwards over the auxiliaries just before it, so a
// plain statement is quoted as "was overloaded" rather than "overloaded".
func (c *Claim) withAux(j int) int {
	i := j
	for i > 0 && !c.brk[i] && j-i < 3 && in(auxiliaries, c.toks[i-1].Norm) {
		i--
	}
	return i
}

// target returns the first content word after token i within limit tokens,
// skipping auxiliaries and articles, without crossing a clause break; -1
// when there is none.
func (c *Claim) target(i, limit int) int {
	for j := i + 1; j < len(c.toks) && j <= i+limit; j++ {
		if c.brk[j] {
			return -1
		}
		if c.toks[j].Kind == textnorm.Number {
			return -1
		}
		if c.content(j) {
			if _, ok := auxiliaries[c.toks[j].Norm]; !ok {
				return j
			}
		}
	}
	return -1
}

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func in(m map[string]struct{}, w string) bool {
	_, ok := m[w]
	return ok
}
