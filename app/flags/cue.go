package flags

import (
	"fmt"
	"strings"

	"parallax/app"
	"parallax/app/lexicon"
	"parallax/app/textnorm"
)

// cue is a negation or a hedge: its words and the word it governs.
type cue struct {
	first, last int   // the cue's tokens ("did not", "may", "appears to")
	target      []int // the governed words; all must be found on the other side
}

var negWords = set("not", "no", "never", "nor", "none", "nothing", "nobody", "cannot", "without", "neither")

// determinerNegations negate a noun phrase, not a verb: the whole phrase
// must be asserted on the other side ("no survivors" vs "survivors").
var determinerNegations = set("no", "without", "none", "nothing", "nobody", "neither")

var hedgeWords = set("might", "reportedly", "allegedly", "possibly", "probably", "apparently",
	"presumably", "purportedly", "seemingly", "perhaps", "suspected", "unconfirmed", "possible",
	"likely", "may", "could", "alleged", "supposedly", "unverified")

// hedgeVerbs take "to": "appears to", "is believed to", "is thought to".
var hedgeVerbs = set("appear", "appears", "appeared", "seem", "seems", "seemed", "believed",
	"thought", "understood", "rumoured", "rumored")

var determiners = set("a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those")

// isNegation reports whether token i negates and how many tokens the cue
// spans (failed to).
func (c *Claim) isNegation(i int) (bool, int) {
	t := &c.toks[i]
	if t.Kind != textnorm.Word {
		return false, 0
	}
	nm := t.Norm
	if in(negWords, nm) || strings.HasSuffix(nm, "n't") {
		next := c.norm(i + 1)
		switch {
		case nm == "not" && next == "only", nm == "no" && next == "doubt":
			return false, 0
		case nm == "not" && (c.norm(i-1) == "or" || c.norm(i-1) == "if"):
			return false, 0
		}
		return true, 1
	}
	switch c.lemma[i] {
	case "deny", "refuse":
		if c.norm(i+1) == "that" {
			return false, 0 // the denied clause is too far to anchor
		}
		return true, 1
	case "fail":
		if c.norm(i+1) == "to" {
			return true, 2
		}
	}
	return false, 0
}

// isHedge reports whether token i hedges and how many tokens the cue spans.
func (c *Claim) isHedge(i int) (bool, int) {
	t := &c.toks[i]
	if t.Kind != textnorm.Word {
		return false, 0
	}
	nm := t.Norm
	next := c.norm(i + 1)
	if in(hedgeVerbs, nm) && next == "to" {
		return true, 2
	}
	if nm == "said" && next == "to" && (c.norm(i+2) == "be" || c.norm(i+2) == "have") && i > 0 && in(auxiliaries, c.norm(i-1)) {
		return true, 2 // "is said to be"
	}
	if !in(hedgeWords, nm) {
		return false, 0
	}
	switch nm {
	case "may", "could", "might":
		if next == "not" || nm == "may" && c.monthAt(i) > 0 {
			return false, 0
		}
		if nm == "may" && t.Has(textnorm.Capital) && i > 0 && !c.brk[i] {
			return false, 0 // "in May" without a day: a month, not a modal
		}
	case "alleged":
		if i > 0 && !c.brk[i] && !in(determiners, c.norm(i-1)) {
			return false, 0 // "police alleged": an attribution
		}
	}
	return true, 1
}

// findCues reads the negations and hedges of the claim.
func (c *Claim) findCues() {
	for i := 0; i < len(c.toks); i++ {
		if ok, w := c.isNegation(i); ok {
			last := i + w - 1
			first := i
			if first > 0 && !c.brk[first] && strings.HasPrefix(c.toks[i].Norm, "not") && in(auxiliaries, c.norm(first-1)) {
				first-- // "did not", "was not"
			}
			var target []int
			if in(determinerNegations, c.toks[i].Norm) {
				for k := last + 1; k < len(c.toks) && k <= last+3 && !c.brk[k] && c.content(k); k++ {
					if c.toks[k].Norm == "one" || c.toks[k].Norm == "longer" {
						continue
					}
					target = append(target, k)
				}
			} else if k := c.target(last, 4); k >= 0 {
				target = []int{k}
			}
			if len(target) > 0 {
				c.negs = append(c.negs, cue{first: first, last: last, target: target})
			}
			continue
		}
		if ok, w := c.isHedge(i); ok {
			last := i + w - 1
			if k := c.target(last, 4); k >= 0 {
				c.hedges = append(c.hedges, cue{first: i, last: last, target: []int{k}})
			}
		}
	}
}

// covered reports whether token j lies under one of cues: it is a cue's
// target, or a cue stands within four tokens before it in the same clause.
func (c *Claim) covered(cues []cue, j int) bool {
	for _, x := range cues {
		for _, t := range x.target {
			if t == j {
				return true
			}
		}
		if x.last < j && j-x.last <= 4 {
			broken := false
			for k := x.last + 1; k <= j; k++ {
				if c.brk[k] {
					broken = true
				}
			}
			if !broken {
				return true
			}
		}
	}
	return false
}

// asserted returns, for each target word of x in a, a token of b that is
// the same word and is not under one of b's cues of the same kind; ok is
// false when any target word has none.
func asserted(a *Claim, x *cue, b *Claim, bcues []cue) (j int, ok bool) {
	j = -1
	for _, t := range x.target {
		found := -1
		for k := range b.toks {
			if same(a, t, b, k) && !b.covered(bcues, k) && (len(x.target) > 1 || anchored(a, x, b, k)) {
				found = k
				break
			}
		}
		if found < 0 {
			return -1, false
		}
		if j < 0 {
			j = found
		}
	}
	return j, true
}

// anchored reports whether the statement around cue x in a is the one
// around token j of b: another content word near the cue (its subject or
// object, "ferry" in "the ferry may have been overloaded") is also near j.
// It keeps "may have been overloaded" from meeting "questions mount over
// overloading".
func anchored(a *Claim, x *cue, b *Claim, j int) bool {
	t := x.target[0]
	for i := max(0, x.first-4); i < len(a.toks) && i <= t+3; i++ {
		if i >= x.first && i <= x.last || i == t || !a.content(i) || a.broken(min(i, t), max(i, t)) {
			continue
		}
		for k := max(0, j-5); k < len(b.toks) && k <= j+5; k++ {
			if k != j && same(a, i, b, k) && !b.broken(min(j, k), max(j, k)) {
				return true
			}
		}
	}
	return false
}

// plain returns the quote and span of the asserted words on the other side:
// the word with its auxiliaries, through the last target word found.
func plain(a *Claim, x *cue, b *Claim, j int) (string, app.Span) {
	end := j
	for _, t := range x.target[1:] {
		for k := j; k < len(b.toks) && k <= j+4; k++ {
			if same(a, t, b, k) {
				end = max(end, k)
			}
		}
	}
	s := b.withAux(j)
	return b.quote(s, end), b.spanOf(s, end)
}

// cueQuote returns the cue with the words it governs.
func (c *Claim) cueQuote(x *cue) (string, app.Span) {
	last := x.target[len(x.target)-1]
	return c.quote(x.first, last), c.spanOf(x.first, last)
}

// compareNegations flags a word negated on one side and asserted on the
// other (the same word up to inflection, not itself negated there).
func compareNegations(out []app.Flag, a, b *Claim) []app.Flag {
	return compareCues(out, a, b, app.FlagNegation, "negated", func(c *Claim) []cue { return c.negs })
}

// compareHedges flags a word hedged on one side and stated plainly on the
// other. Two different hedges of one word (may vs reportedly) are not
// flagged: both sides hold back.
func compareHedges(out []app.Flag, a, b *Claim) []app.Flag {
	return compareCues(out, a, b, app.FlagHedge, "hedged", func(c *Claim) []cue { return c.hedges })
}

// compareCues flags each cue of either side (from cues) whose governed words
// the other side states without such a cue. The detail labels the cued
// side ("negated: \"did not sink\" vs \"sank\""), A first.
func compareCues(out []app.Flag, a, b *Claim, kind app.FlagKind, label string, cues func(*Claim) []cue) []app.Flag {
	for k := range cues(a) {
		x := &cues(a)[k]
		if j, ok := asserted(a, x, b, cues(b)); ok {
			qa, sa := a.cueQuote(x)
			qb, sb := plain(a, x, b, j)
			out = append(out, app.Flag{Kind: kind, Detail: fmt.Sprintf("%s: %q vs %q", label, qa, qb), A: sa, B: sb})
		}
	}
	for k := range cues(b) {
		x := &cues(b)[k]
		if j, ok := asserted(b, x, a, cues(a)); ok {
			qb, sb := b.cueQuote(x)
			qa, sa := plain(b, x, a, j)
			out = append(out, app.Flag{Kind: kind, Detail: fmt.Sprintf("%q vs %s: %q", qa, label, qb), A: sa, B: sb})
		}
	}
	return out
}

// --- attribution ---

// attribution is a reporting verb with its source: "police said",
// "according to the minister", "said Peter Odundo".
type attribution struct {
	verb, verbLast int    // the reporting verb ("according to" is two tokens)
	class          string // say, according to, claim, confirm, believe
	src            []int  // the source's content words; none for a pronoun
	first, last    int    // the whole attribution, for quoting
	scope          [2]int // the attributed words, [from, to) in tokens
}

var sayVerbs = set("said", "says", "say", "saying", "told", "tells", "tell", "stated",
	"added", "adds", "announced", "announces", "explained", "noted", "reported", "wrote", "writes")
var claimVerbs = set("claimed", "claims", "claim", "alleged", "alleges", "insisted", "insists",
	"maintained", "maintains", "asserted", "asserts", "contended")
var confirmVerbs = set("confirmed", "confirms", "acknowledged", "acknowledges", "admitted", "admits")
var believeVerbs = set("believe", "believes")

// wh words after a reporting verb make it the claim's content ("did not say
// how many"), not its attribution.
var whWords = set("how", "whether", "what", "why", "when", "if", "where", "who")

// reportingClass returns the class of the reporting verb at token i, or ""
// when the token is not one used as an attribution.
func reportingClass(c *Claim, i int) string {
	t := &c.toks[i]
	if t.Kind != textnorm.Word {
		return ""
	}
	nm := t.Norm
	var class string
	switch {
	case nm == "according" && c.norm(i+1) == "to":
		return "according to"
	case in(sayVerbs, nm):
		class = "say"
	case in(claimVerbs, nm):
		class = "claim"
		if (nm == "claims" || nm == "claim") && (i == 0 || c.brk[i] || in(determiners, c.norm(i-1))) {
			return "" // "the claims": a noun
		}
		if nm == "alleged" && (i == 0 || c.brk[i] || in(determiners, c.norm(i-1))) {
			return "" // "the alleged attack": a hedge
		}
	case in(confirmVerbs, nm):
		class = "confirm"
	case in(believeVerbs, nm):
		if c.norm(i+1) == "to" {
			return ""
		}
		class = "believe"
	default:
		return ""
	}
	if in(whWords, c.norm(i+1)) || nm == "said" && c.norm(i+1) == "to" {
		return ""
	}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if ok, _ := c.isNegation(k); ok {
			return ""
		}
		if nm := c.toks[k].Norm; k == i-1 && in(beForms, nm) {
			return "" // "were told to leave", "to say", "what they are saying"
		}
	}
	return class
}

var beForms = set("was", "were", "been", "be", "is", "are", "am", "to", "being")

// pronouns as sources say nothing about who is speaking.
var pronouns = set("he", "she", "they", "it", "we", "i", "you", "him", "her", "them")

// findAttributions reads the reporting verbs of the claim and their sources.
func (c *Claim) findAttributions() {
	n := len(c.toks)
	for i := 0; i < n; i++ {
		class := reportingClass(c, i)
		if class == "" {
			if nm := c.toks[i].Norm; in(sayVerbs, nm) || in(claimVerbs, nm) || in(confirmVerbs, nm) {
				c.negReport = true // "did not say how many": still a voice, not a fact
			}
			continue
		}
		at := attribution{verb: i, verbLast: i, class: class, first: i, last: i}
		if class == "according to" {
			at.verbLast = i + 1
			at.last = i + 1
			for k := i + 2; k < n && k <= i+8 && !c.brk[k]; k++ {
				if c.content(k) {
					at.src = append(at.src, k)
					at.last = k
				} else if !in(determiners, c.toks[k].Norm) && c.toks[k].Norm != "of" {
					break
				}
			}
			c.attrs = append(c.attrs, c.scoped(at))
			i++
			continue
		}
		// the source before the verb: "a police spokesman said"
		pronoun := false
		for k := i - 1; k >= 0 && k >= i-5 && !c.brk[k+1]; k-- {
			if c.content(k) && c.toks[k].Kind == textnorm.Word && reportingClass(c, k) == "" {
				at.src = append([]int{k}, at.src...)
				at.first = k
			} else if in(determiners, c.toks[k].Norm) && len(at.src) > 0 {
				at.first = k
			} else {
				if in(pronouns, c.toks[k].Norm) && len(at.src) == 0 {
					pronoun = true
					at.first = k
				}
				break
			}
		}
		// inverted after a quote or a comma: "…,” said Peter Odundo
		if len(at.src) == 0 && !pronoun && (i == 0 || c.brk[i]) && in(invertible, c.toks[i].Norm) {
			for k := i + 1; k < n && k <= i+4 && !c.brk[k]; k++ {
				if c.content(k) {
					at.src = append(at.src, k)
					at.last = k
				} else if !in(determiners, c.toks[k].Norm) {
					break
				}
			}
		}
		c.attrs = append(c.attrs, c.scoped(at))
	}
}

// scoped sets the words an attribution covers: the sentence before it when
// it closes a clause ("…, police said."), else the words after it to the end
// of the sentence ("Police said the ferry …").
func (c *Claim) scoped(at attribution) attribution {
	n := len(c.toks)
	if at.first > 0 && (at.last+1 >= n || c.brk[at.last+1]) {
		s := at.first - 1
		for s > 0 && s > at.first-25 && !c.sentenceStart(s) {
			s--
		}
		at.scope = [2]int{s, at.first}
		return at
	}
	e := at.last + 1
	for e < n && e <= at.last+10 && !c.sentenceStart(e) {
		e++
	}
	at.scope = [2]int{at.last + 1, e}
	return at
}

// restated reports whether b says most of what x attributes in a: two
// thirds of the attributed content words and at least three of them, or
// all of two or more when b says them within one clause. Only then is an
// attribution on one side and none on the other a discrepancy; when the
// attributed words are elsewhere, the claim cut differs, not the story.
func restated(a *Claim, x *attribution, b *Claim) bool {
	words, found := 0, 0
	lo, hi := len(b.toks), -1
	for i := x.scope[0]; i < x.scope[1]; i++ {
		if !a.content(i) {
			continue
		}
		words++
		if j := find(a, i, b); j >= 0 {
			found++
			lo, hi = min(lo, j), max(hi, j)
		}
	}
	if found >= 3 && 3*found >= 2*words {
		return true
	}
	return found >= 2 && found == words && !b.broken(lo, hi)
}

// broken reports whether a clause break lies between tokens i and j.
func (c *Claim) broken(i, j int) bool {
	for k := i + 1; k <= j; k++ {
		if c.brk[k] {
			return true
		}
	}
	return false
}

// unattributed reports whether nothing in c attributes its statement: no
// reporting verb (not even a negated one) and no quotation marks around the
// claim.
func (c *Claim) unattributed() bool {
	return len(c.attrs) == 0 && !c.quoted && !c.negReport
}

// invertible verbs put their source after them in news style: "…,” said
// Peter Odundo. "told" does not: what follows it is the listener.
var invertible = set("said", "says", "added", "wrote", "explained")

// authorities are generic sources an editor reads as one voice.
var authorities = set("official", "officials", "authority", "authorities", "government", "ministry",
	"minister", "spokesman", "spokeswoman", "spokesperson", "source", "sources")

// sameSource reports whether two sources may be the same speaker: they
// share a word (up to inflection or spelling of a name), or WordNet relates
// two of their words.
func sameSource(a *Claim, x *attribution, b *Claim, y *attribution) bool {
	for _, i := range x.src {
		for _, j := range y.src {
			if same(a, i, b, j) {
				return true
			}
			ki, kj := a.toks[i].Key, b.toks[j].Key
			if len(ki) >= 4 && ki == kj || nameVariant(a, i, b, j) {
				return true
			}
			if in(authorities, a.toks[i].Norm) && in(authorities, b.toks[j].Norm) {
				return true
			}
			if lexicon.Related(a.toks[i].Norm, b.toks[j].Norm) >= lexicon.RelHypernym {
				return true
			}
		}
	}
	return false
}

// generic reports whether a source is made of dictionary words only (police,
// officials, witnesses), so that two different ones really are different
// speakers. A name may be the same person under another name or title, so
// sources with names are never called different.
func (c *Claim) generic(x *attribution) bool {
	if len(x.src) == 0 {
		return false
	}
	for _, k := range x.src {
		t := &c.toks[k]
		if !c.known[k] || t.Has(textnorm.Acronym) {
			return false
		}
		if t.Has(textnorm.Capital) && k > 0 && !c.brk[k] && !c.sentenceStart(k) {
			return false
		}
	}
	return true
}

// sentenceStart reports whether token k begins a sentence of the claim.
func (c *Claim) sentenceStart(k int) bool {
	if k == 0 {
		return true
	}
	gap := c.text[c.toks[k-1].End:c.toks[k].Start]
	return strings.ContainsAny(gap, ".!?\"“")
}

func (c *Claim) verbQuote(x *attribution) (string, app.Span) {
	return c.quote(x.verb, x.verbLast), c.spanOf(x.verb, x.verbLast)
}

func (c *Claim) attrQuote(x *attribution) (string, app.Span) {
	return c.quote(x.first, x.last), c.spanOf(x.first, x.last)
}

// compareAttributions pairs the attributions of a and b by source and flags
// a different kind of reporting verb, two different generic sources, or an
// attribution on one side only.
func compareAttributions(out []app.Flag, a, b *Claim) []app.Flag {
	switch {
	case len(a.attrs) == 0 && len(b.attrs) == 0:
		return out
	case len(b.attrs) == 0:
		if b.unattributed() && restated(a, &a.attrs[0], b) {
			q, s := a.attrQuote(&a.attrs[0])
			out = append(out, app.Flag{Kind: app.FlagAttribution, Detail: fmt.Sprintf("%q vs stated as fact", q), A: s, B: b.none()})
		}
		return out
	case len(a.attrs) == 0:
		if a.unattributed() && restated(b, &b.attrs[0], a) {
			q, s := b.attrQuote(&b.attrs[0])
			out = append(out, app.Flag{Kind: app.FlagAttribution, Detail: fmt.Sprintf("stated as fact vs %q", q), A: a.none(), B: s})
		}
		return out
	}
	usedB := make([]bool, len(b.attrs))
	var loneA []int
	for i := range a.attrs {
		x := &a.attrs[i]
		best := -1
		for j := range b.attrs {
			if usedB[j] {
				continue
			}
			y := &b.attrs[j]
			if sameSource(a, x, b, y) {
				best = j
				break
			}
			if best < 0 && (len(x.src) == 0 || len(y.src) == 0) {
				best = j // a pronoun or a bare verb: may be anyone, so assume the same
			}
		}
		if best < 0 {
			loneA = append(loneA, i)
			continue
		}
		usedB[best] = true
		y := &b.attrs[best]
		if x.class != y.class && (restated(a, x, b) || restated(b, y, a)) {
			qa, sa := a.verbQuote(x)
			qb, sb := b.verbQuote(y)
			out = append(out, app.Flag{Kind: app.FlagAttribution, Detail: fmt.Sprintf("%q vs %q", qa, qb), A: sa, B: sb})
		}
	}
	var loneB []int
	for j := range b.attrs {
		if !usedB[j] {
			loneB = append(loneB, j)
		}
	}
	if len(loneA) == 1 && len(loneB) == 1 {
		x, y := &a.attrs[loneA[0]], &b.attrs[loneB[0]]
		if a.generic(x) && b.generic(y) && (restated(a, x, b) || restated(b, y, a)) {
			qa, sa := a.attrQuote(x)
			qb, sb := b.attrQuote(y)
			out = append(out, app.Flag{Kind: app.FlagAttribution, Detail: fmt.Sprintf("%q vs %q", qa, qb), A: sa, B: sb})
		}
	}
	return out
}
