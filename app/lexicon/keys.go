package lexicon

import (
	"slices"

	"parallax/app/lexicon/internal/wntable"
)

// Keys are a looked-up word's WordNet identities as sorted sets of IDs, so
// that relating two words is merging small sets instead of walking the
// table. A scorer that relates every word of a claim to every word of many
// others computes them once per word (Word.Keys) and joins them per claim
// pair; RelateKeys says what each join means, and equals Word.Related for
// any two words of different text.
//
// Word IDs and synset IDs are separate spaces: Lemmas and Derived hold word
// IDs, Synsets and Hypernyms synset IDs. A synset ID determines its part of
// speech (the table numbers nouns first, then verbs, adjectives, adverbs), so
// a synset shared across two words' sets is always of one part of speech, as
// Related's per-part-of-speech comparisons require.
type Keys struct {
	// Lemmas are the word IDs of the word's candidate lemmas (RelSame).
	Lemmas []uint32
	// Synsets are the first SenseCut senses of every candidate (RelSynonym,
	// and the lower end of RelHypernym).
	Synsets []uint32
	// Derived are the word IDs a candidate's derivation and pertainym links
	// reach (RelDerived: another word's Lemmas among them).
	Derived []uint32
	// Hypernyms are the synsets one step above the first senses of the noun
	// and verb candidates, of the same part of speech (RelHypernym: another
	// word's Synsets among them).
	Hypernyms []uint32
}

// Keys fills k with the word's keys, reusing k's slices; a word WordNet does
// not know has none.
func (a *Word) Keys(k *Keys) {
	k.Lemmas, k.Synsets, k.Derived, k.Hypernyms = k.Lemmas[:0], k.Synsets[:0], k.Derived[:0], k.Hypernyms[:0]
	l := get()
	t := l.t
	for i := range int(a.n) {
		c := a.c[i]
		k.Lemmas = append(k.Lemmas, c.word)
		k.Derived = append(k.Derived, t.Derived[t.DerivStart[c.word]:t.DerivStart[c.word+1]]...)
		fs := l.firstSenses(c)
		k.Synsets = append(k.Synsets, fs...)
		if c.pos != wntable.Noun && c.pos != wntable.Verb {
			continue
		}
		first, end := t.FirstSynset(int(c.pos)), t.FirstSynset(int(c.pos)+1)
		for _, s := range fs {
			for _, h := range t.Hypernyms[t.HypStart[s]:t.HypStart[s+1]] {
				if h >= first && h < end {
					k.Hypernyms = append(k.Hypernyms, h)
				}
			}
		}
	}
	k.Lemmas = sortedIDs(k.Lemmas)
	k.Synsets = sortedIDs(k.Synsets)
	k.Derived = sortedIDs(k.Derived)
	k.Hypernyms = sortedIDs(k.Hypernyms)
}

// RelateKeys returns the strongest relation between two words of different
// text from their keys: Word.Related without the table. (Words of the same
// text are RelSame, which keys cannot tell of a word WordNet lacks.) As in
// Related, derivation is looked up from a's side.
func RelateKeys(a, b *Keys) Relation {
	switch {
	case sharesID(a.Lemmas, b.Lemmas):
		return RelSame
	case sharesID(a.Synsets, b.Synsets):
		return RelSynonym
	case sharesID(a.Derived, b.Lemmas):
		return RelDerived
	case sharesID(a.Hypernyms, b.Synsets) || sharesID(b.Hypernyms, a.Synsets):
		return RelHypernym
	}
	return RelNone
}

func sortedIDs(s []uint32) []uint32 {
	slices.Sort(s)
	return slices.Compact(s)
}

// sharesID reports whether two sorted sets meet.
func sharesID(x, y []uint32) bool {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			return true
		}
	}
	return false
}
