package segment

import (
	"math"
	"strings"
	"unicode/utf8"

	"parallax/app/textnorm"
)

// Cue strengths for a cut before a word.
const (
	cueNone = iota
	cueWeak
	cueMedium
	cueStrong
	cueForced
	cueNever
)

// cutCost is what cutting before a word with a cue of each strength costs;
// negative costs reward the cut. Together with unitCost they are the whole
// model: with no cue a cut costs more than a unit drifting far from the
// target length, so cuts land on cues whenever one is in reach.
var cutCost = [...]float64{
	cueNone:   12,
	cueWeak:   4,
	cueMedium: -2,
	cueStrong: -6,
	cueForced: -1000,
	cueNever:  1000,
}

// unitCost is the cost of a unit of n words.
func unitCost(n, max int) float64 {
	switch {
	case n < minUnit:
		return 60 + float64(minUnit-n)*10
	case n < 8:
		return 6
	case n <= max:
		x := float64(n-targetUnit) / 14
		return x * x
	}
	return 30 + float64(n-max)*4
}

// phrase is a cue of one or more words (folded norms).
type phrase struct {
	words []string
	level int
}

// phrases are the discourse and turn cues of news speech. A cut goes before
// the first word.
var phrases = []phrase{
	{w("however"), cueStrong},
	{w("meanwhile"), cueStrong},
	{w("this is why"), cueStrong},
	{w("that is why"), cueStrong},
	{w("that's why"), cueStrong},
	{w("at least for now"), cueStrong},
	{w("and so"), cueStrong},
	{w("in the meantime"), cueStrong},
	{w("on the other hand"), cueStrong},
	{w("nevertheless"), cueStrong},
	{w("nonetheless"), cueStrong},
	{w("instead"), cueMedium},
	{w("because"), cueMedium},
	{w("although"), cueMedium},
	{w("for now"), cueMedium},
	{w("among them"), cueMedium},
	{w("the opposition"), cueMedium},
	{w("there are"), cueMedium},
	{w("there is"), cueMedium},
	{w("there was"), cueMedium},
	{w("there were"), cueMedium},
	{w("there will"), cueMedium},
	{w("it's clear"), cueMedium},
	{w("it is clear"), cueMedium},
	{w("these people"), cueMedium},
	{w("people are"), cueMedium},
	{w("that was the"), cueMedium}, // handing back after a clip: "that was the minister speaking"
	{w("and"), cueWeak},
	{w("if"), cueWeak},
	{w("which"), cueWeak},
	{w("after"), cueWeak},
	{w("before"), cueWeak},
	{w("when"), cueWeak},
	{w("while"), cueWeak},
	{w("until"), cueWeak},
	{w("including"), cueWeak},
	{w("where"), cueWeak},
	{w("though"), cueWeak},
}

func w(s string) []string { return strings.Fields(s) }

// pronouns open a clause when they do not follow a word that governs them.
// Only the first person: in news speech it marks a quoted speaker taking
// the turn ("we would like to begin"), while he, she and they as often
// start a relative clause ("areas they had taken").
var pronouns = set("we", "i", "i'm", "we're", "we've", "we'll")

// quantities open a clause as its subject: "hundreds of thousands of
// Syrians ...", "tens of thousands more could be heading here".
var quantities = set("hundreds", "thousands", "tens", "dozens", "millions", "scores")

// enders are words a unit should not end on: a cut after one leaves a
// dangling article, preposition, auxiliary or reporting verb.
var enders = set("the", "a", "an", "of", "to", "for", "with", "by", "from", "in", "on", "at",
	"that", "says", "said", "say", "told", "and", "or", "but", "is", "are", "was", "were", "be",
	"been", "has", "have", "had", "will", "would", "could", "should", "can", "its", "their",
	"his", "her", "our", "my", "your", "this", "these", "those", "as", "than", "very")

// reporting verbs, for "the rebel group says" as a clause opener.
var reporting = set("says", "said", "say", "told", "added", "insists", "insisted", "claims",
	"claimed", "argues", "argued")

// weakAfterBut are words after which "but" joins phrases rather than
// clauses ("not only ... but also", "had few cards to play but hoped").
var weakAfterBut = set("also", "not", "only", "rather", "still", "then", "even")

// governors are words after which a pronoun or a name continues the clause
// rather than starting one.
// relatives open a non-restrictive relative clause after a comma.
var relatives = set("which", "who", "whose", "where")

var governors = set("that", "which", "who", "if", "when", "as", "because", "than", "and", "or",
	"but", "so", "said", "says", "say", "saying", "asked", "told", "believe", "think", "hope",
	"hoped", "know", "knew", "where", "what", "how", "why", "whether", "though", "although",
	"while", "until", "since", "before", "after", "to", "of", "for", "with", "by", "from", "in",
	"on", "at", "the", "a", "an", "like", "about", "than", "against", "into", "over", "under",
	"is", "are", "was", "were", "be", "been", "afraid", "fear", "feared", "fears", "worried",
	"concerned", "sure", "clear", "certain", "thought", "everything", "anything", "something",
	"nothing", "all", "way", "one")

// auxiliaries after a capitalised name mark a new subject: "Jordan had been
// mediating", "Jordan has already said".
var auxiliaries = set("has", "had", "have", "is", "was", "are", "were", "will", "would",
	"said", "says", "could", "can", "should", "must", "may", "might", "did", "does")

// clauseOpeners may follow "now" or "so" when those open a clause.
var clauseOpeners = set("the", "a", "we", "they", "i", "it", "he", "she", "there", "this",
	"that", "let's", "what", "these", "those", "our", "their", "his", "her")

// outlets are the names reporters sign off with.
var outlets = [][]string{
	w("al jazeera"), w("bbc news"), w("bbc"), w("cnn"), w("reuters"), w("npr news"), w("npr"),
	w("sky news"), w("abc news"), w("cbs news"), w("nbc news"), w("france 24"), w("dw news"),
	w("euronews"), w("associated press"), w("voa"), w("trt world"), w("channel 4 news"),
	w("itv news"), w("pbs newshour"), w("fox news"),
}

// cutSpeech cuts the tokens of a span starting at s into units of at most about max
// words (see the package comment) and records the cuts. With signoff set, a
// reporter's sign-off near the end becomes its own unit.
func (d *doc) cutSpeech(toks []textnorm.Token, s int, max int, signoff bool) {
	n := len(toks)
	if n < 2 {
		return
	}
	cues := d.cues(toks, signoff)
	// ends[i]: toks[i] is a word a unit should not end on (enders),
	// looked up once per token rather than once per unit tried (maxSpan
	// per token).
	ends := make([]bool, n)
	for i, t := range toks {
		ends[i] = enders[t.Norm]
	}
	// best[j]: least cost of cutting toks[:j]; from[j]: start of the last unit.
	best := make([]float64, n+1)
	from := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j] = math.Inf(1)
		lo := j - maxSpan
		if lo < 0 {
			lo = 0
		}
		for i := j - 1; i >= lo; i-- {
			c := best[i] + unitCost(j-i, max)
			if i > 0 {
				c += cutCost[cues[i]]
				if cues[i] < cueStrong && ends[i-1] {
					c += 8
				}
			}
			if c < best[j] {
				best[j], from[j] = c, i
			}
			if i > 0 && cues[i] == cueForced {
				break // a unit may not swallow a forced cut
			}
		}
	}
	for j := n; j > 0; j = from[j] {
		i := from[j]
		if i > 0 {
			d.cut(d.unitStart(toks[i].Start, s), Unit)
		} else {
			d.cut(s, Unit)
		}
	}
}

// unitStart moves a cut before a word back over opening quotes and brackets
// written against it, so "“a possible" stays together.
func (d *doc) unitStart(pos, floor int) int {
	for pos > floor {
		r, n := utf8.DecodeLastRuneInString(d.text[floor:pos])
		if !isOpener(r) {
			break
		}
		pos -= n
	}
	return pos
}

// cues returns the cue strength of a cut before each token.
func (d *doc) cues(toks []textnorm.Token, signoff bool) []int8 {
	n := len(toks)
	cues := make([]int8, n)
	inside := make([]bool, n) // inside a phrase matched earlier
	for p := 1; p < n; p++ {
		level := cueNone
		gap := d.text[toks[p-1].End:toks[p].Start]
		switch {
		case strings.ContainsAny(gap, ".!?…"):
			level = cueStrong
		case strings.ContainsAny(gap, ";:—–") || strings.Contains(gap, " - "):
			level = cueMedium
		case strings.Contains(gap, ","):
			level = cueWeak
		}
		if !inside[p] {
			for _, ph := range phrases {
				if matchAt(toks, p, ph.words) {
					if ph.level > level && (ph.level == cueStrong || !governors[toks[p-1].Norm]) {
						level = ph.level
					}
					for k := 1; k < len(ph.words); k++ {
						inside[p+k] = true
					}
					break
				}
			}
			level = maxInt(level, d.clauseCue(toks, p))
		}
		cues[p] = int8(level)
		if toks[p].Has(textnorm.Joined) {
			cues[p] = cueNever // inside a hyphenated compound
		}
	}
	if signoff {
		if p := d.signoff(toks); p > 0 {
			cues[p] = cueForced
		}
	}
	return cues
}

// clauseCue scores cues that depend on the neighbours of toks[p].
func (d *doc) clauseCue(toks []textnorm.Token, p int) int {
	t := toks[p]
	prev := toks[p-1].Norm
	next := ""
	if p+1 < len(toks) {
		next = toks[p+1].Norm
	}
	free := !governors[prev] && !auxiliaries[prev]
	switch {
	case relatives[t.Norm] && strings.Contains(d.text[toks[p-1].End:t.Start], ","):
		// ", which has ..." opens a clause that states a claim of its own.
		return cueMedium
	case t.Norm == "but":
		if weakAfterBut[next] || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ing") || auxiliaries[next] {
			return cueWeak
		}
		return cueStrong
	case (t.Norm == "now" || t.Norm == "so") && clauseOpeners[next] && free:
		return cueMedium
	case quantities[t.Norm] && next == "of" && free:
		return cueMedium
	case t.Norm == "the" && free && (reportingAt(toks, p+2) || reportingAt(toks, p+3)):
		return cueMedium
	case pronouns[t.Norm] && free:
		if auxiliaries[next] || next == "are" || next == "think" || next == "believe" {
			return cueMedium // "we are doing everything we can"
		}
		return cueWeak
	case !d.lower && t.Has(textnorm.Capital) && !t.Has(textnorm.Stop) && auxiliaries[next] &&
		!governors[prev] && !toks[p-1].Has(textnorm.Capital):
		return cueMedium
	}
	return cueNone
}

// signoff returns the index of the first word of a reporter's sign-off
// among the last words ("Mira Colton Sky News in the Osk
// border"), or -1.
func (d *doc) signoff(toks []textnorm.Token) int {
	n := len(toks)
	for q := n - 1; q >= 1 && q >= n-15; q-- {
		for _, o := range outlets {
			if !matchAt(toks, q, o) {
				continue
			}
			names := 0
			for k := q - 1; k >= 0 && names < 3; k-- {
				t := toks[k]
				if t.Has(textnorm.Stop) || t.Kind != textnorm.Word {
					break
				}
				if !d.lower && !t.Has(textnorm.Capital) {
					break
				}
				names++
				if d.lower && names == 2 {
					break
				}
			}
			if names == 0 || q-names < minUnit {
				return -1
			}
			return q - names
		}
	}
	return -1
}

func reportingAt(toks []textnorm.Token, p int) bool {
	return p < len(toks) && reporting[toks[p].Norm]
}

func matchAt(toks []textnorm.Token, p int, words []string) bool {
	if p+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[p+k].Norm != w {
			return false
		}
	}
	return true
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}
