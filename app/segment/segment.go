// Package segment cuts a report's text into claims: the sentences, headings,
// date lines and transcript units that the aligner compares across reports.
//
// # Contract
//
// Segment returns byte spans of the original text, ordered, non-overlapping,
// each trimmed of surrounding white space, that together with the pieces
// left out as report metadata (datelines, bylines and credits, see lead.go)
// cover every byte that is not white space. The segmenter only ever decides
// where to cut and which pieces are claims; it never rewrites text, so every
// highlight in the window maps back to the report, and the property is easy
// to test by fuzzing (FuzzSegment). Internally this is literal: the package
// collects cut positions, pieces are the trimmed stretches between
// consecutive cuts, and pieces that state nothing ("News.", a lone quote
// mark: see fragments.go) join a neighbouring claim.
//
// # Three styles
//
// News reaches an editor in (at least) three styles, and one sentence
// splitter does not serve them all:
//
//   - Edited prose: sentences end in . ! ? followed by space; abbreviations
//     (Gen., No. 5, U.S., a.m.), initials (J. Smith), decimals and ellipses
//     must not end them; closing quotes and brackets after the full stop
//     belong to the sentence; em dashes never end one. Headings (a short line
//     without final punctuation) are claims of their own; a dateline
//     ("GENEVA (Reuters) -") or byline is left out, and the claim starts
//     with the sentence it opens.
//   - Lower-cased tokenised wire copy ("karsk ( velnews ) - ... the u.s. envoy said ."):
//     the usual cue that a sentence starts with a capital is gone, so the
//     decision rests on the word before the full stop. A document that writes
//     its full stops apart (" .") never ends a sentence on an attached dot
//     except after the possessive artefact ("the capital s. the damage").
//   - Transcripts of speech: little or no punctuation, so a "sentence" can be
//     hundreds of words. A block is read as a transcript when it has at
//     least 50 words and fewer than one sentence end per 40 words. It is then
//     cut by dynamic programming over the positions between words: a cut
//     before a discourse or turn cue (but, however, so, because, meanwhile,
//     this is why, at least for now, the opposition, a capitalised name
//     followed by has/had/said, "we" opening a clause, "hundreds of", a
//     comma or full stop where the transcript has one) is cheap or
//     rewarded, a cut inside a hyphenated word is barred, a cut after an
//     article, preposition or reporting verb is taxed, a cut elsewhere
//     is expensive, and every unit pays for its length: heavily under six
//     words, lightly away from about 22, heavily over 40. The cheapest set of
//     cuts (an exact minimum, O(words × 90)) gives units of roughly 8 to 40
//     words that start at cues where the speech has them. A sign-off
//     ("Mira Colton, Sky News, in the Osk valley") at the end is
//     always its own unit. The same cutter splits run-on prose sentences of
//     more than 70 words.
//
// The method is rule-based in the manner of Punkt's orthographic heuristics
// (Kiss and Strunk 2006) rather than trained: the rules are few, each is
// covered by a table test, and the golden files in testdata show their
// effect on whole texts in each style.
package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/app/textnorm"
)

// Claim is one claim of a text: the byte span text[Start:End], trimmed of
// white space, and what kind of unit it is.
//
// It lives here rather than in package app because it is all the
// segmenter knows; app.Claim (when the domain grows one) should embed or
// convert from it, adding the report and the claim's index.
type Claim struct {
	Start, End int
	Kind       Kind
}

// Kind says how a claim was found, so the window can style headings and an
// aligner can give a date line less weight than a sentence.
type Kind uint8

// Claim kinds.
const (
	Sentence Kind = iota + 1 // a sentence of prose
	Heading                  // a short line without final punctuation
	Dateline                 // a heading-like line with a date ("Published 12 March 2022")
	Unit                     // a cut of a transcript or of a run-on sentence
)

func (k Kind) String() string {
	switch k {
	case Sentence:
		return "sentence"
	case Heading:
		return "heading"
	case Dateline:
		return "dateline"
	case Unit:
		return "unit"
	case lead:
		return "lead"
	case credit:
		return "credit"
	}
	return "?"
}

// Limits of the transcript cutter, in words.
const (
	minUnit       = 6  // a unit shorter than this merges with a neighbour when it can
	targetUnit    = 22 // the length the cutter leans toward when cues are silent
	maxUnit       = 40 // longer units are split
	maxProse      = 45 // prose sentences longer than this are cut like transcripts
	maxSpan       = 90 // longest unit the cutter considers at all
	minTranscript = 50 // a block needs this many words to be read as a transcript
	wordsPerEnd   = 40 // ... and at least this many words per sentence end
)

// Segment cuts text into claims. See the package comment for the rules.
func Segment(text string) []Claim {
	claims, _ := split(text)
	return claims
}

// split cuts text into claims and the pieces left out of them as report
// metadata (datelines, bylines, credits: see lead.go), both in
// text order.
func split(text string) (claims, left []Claim) {
	d := newDoc(text)
	d.cut(0, Sentence)
	for _, b := range d.blocks() {
		d.block(b[0], b[1])
	}
	pieces := d.pieces()
	for i, p := range pieces {
		if (p.Kind == Sentence || p.Kind == Heading) && d.isCredit(p.Start, p.End) {
			pieces[i].Kind = credit
		}
	}
	for _, p := range d.joinFragments(pieces) {
		if isLeft(p.Kind) {
			left = append(left, p)
		} else {
			claims = append(claims, p)
		}
	}
	return claims, left
}

// cut marks the start of a claim of the given kind at byte pos.
type cut struct {
	pos  int
	kind Kind
}

type doc struct {
	text   string
	toks   []textnorm.Token
	lower  bool // lower-cased copy: capitals carry no signal
	spaced bool // full stops written apart from the word before (" .")
	speech bool // the whole text reads as a transcript
	cuts   []cut
}

func newDoc(text string) *doc {
	d := &doc{text: text, toks: textnorm.Tokens(text)}
	letters, upper := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	d.lower = letters > 0 && upper*200 < letters
	spaced, attached, ends := 0, 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+1 < len(text) && !isSpaceByte(text[i+1]) {
			continue
		}
		ends++
		if i > 0 && (text[i-1] == ' ' || text[i-1] == '\t') {
			spaced++
		} else {
			attached++
		}
	}
	d.spaced = spaced >= 2 && spaced >= attached
	words := countWords(d.toks)
	d.speech = words >= minTranscript && words >= wordsPerEnd*(ends+1)
	return d
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func (d *doc) cut(pos int, k Kind) {
	d.cuts = append(d.cuts, cut{pos, k})
}

// priority orders kinds when two cuts fall on one position.
func priority(k Kind) int {
	switch k {
	case lead, credit:
		return 5
	case Dateline:
		return 4
	case Heading:
		return 3
	case Unit:
		return 2
	}
	return 1
}

// pieces turns the cuts into trimmed, non-empty spans.
func (d *doc) pieces() []Claim {
	sort.SliceStable(d.cuts, func(i, j int) bool { return d.cuts[i].pos < d.cuts[j].pos })
	var out []Claim
	for i := 0; i < len(d.cuts); i++ {
		c := d.cuts[i]
		for i+1 < len(d.cuts) && d.cuts[i+1].pos == c.pos {
			i++
			if priority(d.cuts[i].kind) > priority(c.kind) {
				c.kind = d.cuts[i].kind
			}
		}
		end := len(d.text)
		if i+1 < len(d.cuts) {
			end = d.cuts[i+1].pos
		}
		s, e := trim(d.text, c.pos, end)
		if s < e {
			out = append(out, Claim{Start: s, End: e, Kind: c.kind})
		}
	}
	return out
}

// trim narrows text[s:e] to exclude leading and trailing white space.
func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// blocks returns the paragraphs of the text: runs of lines separated by
// lines that hold only white space, trimmed.
func (d *doc) blocks() [][2]int {
	var out [][2]int
	text := d.text
	start := -1 // start of the current block
	last := 0   // end of the last non-blank line
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 {
			j = len(text)
		} else {
			j += i
		}
		ls, le := trim(text, i, j)
		if ls == le {
			if start >= 0 {
				out = append(out, [2]int{start, last})
				start = -1
			}
		} else {
			if start < 0 {
				start = ls
			}
			last = le
		}
		i = j + 1
	}
	if start >= 0 {
		out = append(out, [2]int{start, last})
	}
	return out
}

// tokensIn returns the document tokens that start within [s, e).
func (d *doc) tokensIn(s, e int) []textnorm.Token {
	i := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= s })
	j := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].Start >= e })
	return d.toks[i:j]
}

// block segments one paragraph.
func (d *doc) block(s, e int) {
	d.cut(s, Sentence)
	toks := d.tokensIn(s, e)
	ends := d.countEnds(s, e)
	words := countWords(toks)
	if d.speech || (words >= minTranscript && words >= wordsPerEnd*(ends+1)) {
		if d.speech && d.shortLine(s, e, toks) {
			d.cut(s, Heading)
			return
		}
		d.cutSpeech(toks, s, maxUnit, true)
		return
	}
	d.prose(s, e)
}

// countWords counts words, a hyphenated compound as one.
func countWords(toks []textnorm.Token) int {
	n := 0
	for i := range toks {
		if !toks[i].Has(textnorm.Joined) {
			n++
		}
	}
	return n
}

// countEnds counts the sentence ends in text[s:e] as the prose rules see them.
func (d *doc) countEnds(s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if c := d.text[i]; c == '.' || c == '!' || c == '?' {
			after, ok := d.boundary(i, s, e)
			if ok || after >= e {
				n++
			}
			if after > i {
				i = after - 1
			}
		}
	}
	return n
}
