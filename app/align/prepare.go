package align

import (
	"slices"
	"strconv"

	"parallax/app/lexicon"
	"parallax/app/parallel"
	"parallax/app/textnorm"
)

// maxAlignWords bounds the content words of a claim that take part in word
// alignment, so a pair's relation matrix fits on the stack. Claims are
// sentences (the segmenter cuts transcripts at 45 words); a longer text is
// aligned on its first maxAlignWords content words and still counted whole
// by the n-gram and bag features.
const maxAlignWords = 64

// Prepared is a claim analysed once for scoring against many others: every
// set a pair feature reads is built here, so Features and Score only merge
// sorted slices and look at a small relation matrix.
//
// Sets are of 64-bit FNV-1a hashes, sorted and without duplicates. A hash
// collision between two different words would count them as one; at 64 bits
// and sentence-sized sets that never happens in practice.
type Prepared struct {
	// Text is the claim as given.
	Text string
	// id orders a pair canonically so Score is exactly symmetric.
	id uint64
	// ntok is the number of tokens (words and numbers, stop words too).
	ntok int
	// ngrams[n-1] is the set of token n-grams (on Norm, stop words kept),
	// n = 1..4: what BLEU-style n-gram precision counts.
	ngrams [4][]uint64
	// stemGrams are the sets of stem unigrams and bigrams (all tokens), so
	// an inflected rewording ("attacked"/"attacks") still shares n-grams.
	stemGrams [2][]uint64
	// seq is the sequence of token Norm hashes, for the longest common
	// subsequence (word order).
	seq []uint64
	// chars3 is the set of character 3-grams, like chars.
	chars3 []uint64
	// chars is the set of character 4-grams of the folded token stream
	// (tokens joined by one space, padded by spaces).
	chars []uint64
	// words are the content words (not stop words), in text order.
	words []word
	// bag is the set of content-word stems with their IDF weights, sorted
	// by hash: the vector of TF-IDF cosine and weighted overlap.
	bag []weighted
	// bagNorm2 is the squared norm of bag; bagSum its weight sum.
	bagNorm2, bagSum float64
	// numbers are the values the claim states, digits and number words
	// alike ("two" and "2" meet; "3.5 million" is 3500000).
	numbers []uint64
	// names are the name keys (textnorm.NameKey) of capitalised words not
	// at the claim's start and of acronyms.
	names []uint64
	// wmax is the largest weight idf gives (an unseen word's), the unit in
	// which absolute weight sums are expressed so they do not grow with the
	// size of the corpus the IDF was fitted on.
	wmax float64
	// neg counts negation markers, hedge hedging markers.
	neg, hedge int
	// wn are the WordNet keys (lexicon.Keys) of the first maxAlignWords
	// content words, by kind (the wn* constants), each entry a key ID
	// shifted left by 8 with the word's index in words below: sorted, so
	// a claim pair's WordNet relations are a few merge joins (alignWords).
	wn [numWN][]uint64
}

// The kinds of WordNet key a Prepared claim keeps, as lexicon.Keys names them.
const (
	wnLemma = iota
	wnSynset
	wnDerived
	wnHypernym
	numWN
)

// word is one content word of a Prepared claim.
type word struct {
	norm, stem, lemma, key uint64
	// w is the word's IDF weight.
	w float64
	// number is set for numbers and number words; their value is norm.
	number bool
	// name is set for capitalised words not at the start and acronyms.
	name bool
}

// weighted is one element of a weighted set.
type weighted struct {
	h uint64
	w float64
}

// Prepare analyses text once for scoring: tokens (textnorm.Analyze),
// lemmas of content words (lexicon.Lookup), stems, hashed n-gram and
// character n-gram sets, numbers, name keys, negation and hedge markers,
// and IDF weights from idf. A nil idf weighs every word 1.
func Prepare(text string, idf *IDF) *Prepared {
	p := analyse(text)
	p.weigh(idf)
	return p
}

// PrepareAll prepares texts with an IDF fitted on them, as FitIDF fits it
// (each distinct text one document): Prepare(texts[i], FitIDF(texts)) for
// every i, but each text is tokenised once, not once for the IDF and again
// for its analysis, and the work is spread over the processors.
func PrepareAll(texts []string) []*Prepared {
	out := make([]*Prepared, len(texts))
	parallel.For(len(texts), func(i int) { out[i] = analyse(texts[i]) })
	idf := NewIDF()
	seen := make(map[string]bool, len(texts))
	for i, p := range out {
		if seen[texts[i]] {
			continue
		}
		seen[texts[i]] = true
		idf.seen = idf.seen[:0]
		for k := range p.words {
			idf.seen = append(idf.seen, p.words[k].stem)
		}
		idf.addSeen()
	}
	parallel.For(len(out), func(i int) { out[i].weigh(idf) })
	return out
}

// analyse is Prepare without the IDF weights, which weigh adds.
func analyse(text string) *Prepared {
	toks := textnorm.Analyze(text)
	p := &Prepared{Text: text, id: hashString(text), ntok: len(toks)}

	// Token n-grams, BLEU style: over every token's Norm.
	th := make([]uint64, len(toks))
	for i := range toks {
		th[i] = hashString(toks[i].Norm)
	}
	for n := 1; n <= 4; n++ {
		if len(toks) < n {
			break
		}
		set := make([]uint64, 0, len(toks)-n+1)
		for i := 0; i+n <= len(toks); i++ {
			h := uint64(n)
			for k := i; k < i+n; k++ {
				h = mix(h, th[k])
			}
			set = append(set, h)
		}
		p.ngrams[n-1] = sortedSet(set)
	}

	p.seq = th
	sh := make([]uint64, len(toks))
	for i := range toks {
		sh[i] = hashString(toks[i].Stem)
	}
	p.stemGrams[0] = sortedSet(slices.Clone(sh))
	if len(sh) >= 2 {
		set := make([]uint64, 0, len(sh)-1)
		for i := 0; i+2 <= len(sh); i++ {
			set = append(set, mix(mix(7, sh[i]), sh[i+1]))
		}
		p.stemGrams[1] = sortedSet(set)
	}

	// Character 4-grams over " norm norm ... ".
	buf := make([]byte, 0, len(text)+2)
	buf = append(buf, ' ')
	for i := range toks {
		buf = append(buf, toks[i].Norm...)
		buf = append(buf, ' ')
	}
	if len(buf) >= 4 {
		set := make([]uint64, 0, len(buf)-3)
		for i := 0; i+4 <= len(buf); i++ {
			set = append(set, hashBytes(buf[i:i+4]))
		}
		p.chars = sortedSet(set)
	}
	if len(buf) >= 3 {
		set := make([]uint64, 0, len(buf)-2)
		for i := 0; i+3 <= len(buf); i++ {
			set = append(set, hashBytes(buf[i:i+3]))
		}
		p.chars3 = sortedSet(set)
	}

	// Content words, numbers, names, markers.
	p.words = make([]word, 0, len(toks))
	var keys lexicon.Keys
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		switch {
		case isNegation(t.Norm):
			p.neg++
		case hedges[t.Norm]:
			p.hedge++
		}
		if v, skip, ok := numberAt(toks, i); ok {
			p.numbers = append(p.numbers, v)
			p.words = append(p.words, word{norm: v, stem: v, lemma: v, key: v, number: true})
			i += skip
			continue
		}
		if t.Has(textnorm.Stop) {
			continue
		}
		w := word{norm: hashString(t.Norm), stem: hashString(t.Stem), key: hashString(t.Key)}
		lex := lexicon.Lookup(t.Norm)
		w.lemma = hashString(lex.Lemma())
		if len(p.words) < maxAlignWords {
			lex.Keys(&keys)
			p.addKeys(&keys, len(p.words))
		}
		w.name = t.Has(textnorm.Acronym) || (i > 0 && t.Has(textnorm.Capital))
		if w.name {
			p.names = append(p.names, w.key)
		}
		p.words = append(p.words, w)
	}
	p.numbers = sortedSet(p.numbers)
	p.names = sortedSet(p.names)
	for k := range p.wn {
		slices.Sort(p.wn[k])
	}
	return p
}

// weigh sets the IDF weights of p's words (a number's stem is its value)
// and builds the weighted bag from them.
func (p *Prepared) weigh(idf *IDF) {
	p.wmax = idf.maxWeight()
	for i := range p.words {
		p.words[i].w = idf.weight(p.words[i].stem)
	}

	// The weighted bag of content stems.
	bag := make([]weighted, 0, len(p.words))
	for i := range p.words {
		bag = append(bag, weighted{p.words[i].stem, p.words[i].w})
	}
	slices.SortFunc(bag, func(a, b weighted) int {
		switch {
		case a.h < b.h:
			return -1
		case a.h > b.h:
			return 1
		}
		return 0
	})
	bag = slices.CompactFunc(bag, func(a, b weighted) bool { return a.h == b.h })
	for _, e := range bag {
		p.bagNorm2 += e.w * e.w
		p.bagSum += e.w
	}
	p.bag = bag
}

// addKeys adds the WordNet keys of content word i.
func (p *Prepared) addKeys(k *lexicon.Keys, i int) {
	for kind, ids := range [numWN][]uint32{k.Lemmas, k.Synsets, k.Derived, k.Hypernyms} {
		for _, id := range ids {
			p.wn[kind] = append(p.wn[kind], uint64(id)<<8|uint64(i))
		}
	}
}

// negations are the words that turn a claim around. textnorm keeps them out
// of the stop list for the same reason; contractions ("didn't", "won't")
// are recognised by their ending.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nothing": true, "nobody": true,
	"neither": true, "nor": true, "nowhere": true, "without": true, "cannot": true,
	"deny": true, "denied": true, "denies": true, "denying": true,
}

func isNegation(norm string) bool {
	if negations[norm] {
		return true
	}
	n := len(norm)
	return n > 3 && norm[n-3:] == "n't"
}

// hedges are the markers of a claim stated with less than full certainty
// (DESIGN.md's "hedge" flag): a hedged and an unhedged claim may share every
// other word and still not say the same thing.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "possibly": true, "perhaps": true,
	"reportedly": true, "allegedly": true, "alleged": true, "suspected": true,
	"likely": true, "unlikely": true, "apparently": true, "probably": true,
	"expected": true, "believed": true, "unconfirmed": true,
}

// numberWords maps number words to their values, so "two" meets "2".
var numberWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// scales multiply the number before them: "3.5 million" is 3500000.
var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// numberAt reads a number at toks[i]: digits or a number word, optionally
// followed by a scale word. It returns the value's hash, how many extra
// tokens it consumed and whether there was a number. Ordinals and years are
// numbers too ("15th" keeps its norm as its value).
func numberAt(toks []textnorm.Token, i int) (uint64, int, bool) {
	t := &toks[i]
	var v float64
	switch {
	case t.Kind == textnorm.Number:
		f, err := strconv.ParseFloat(t.Norm, 64)
		if err != nil { // "15th", "3g": the text is the value
			return hashString("#" + t.Norm), 0, true
		}
		v = f
	default:
		f, ok := numberWords[t.Norm]
		if !ok || (t.Norm == "one" && i+1 < len(toks) && toks[i+1].Norm == "of") {
			// "one of the ..." is not a count.
			return 0, 0, false
		}
		v = f
	}
	skip := 0
	if i+1 < len(toks) {
		if s, ok := scales[toks[i+1].Norm]; ok {
			v *= s
			skip = 1
		}
	}
	return hashString("#" + strconv.FormatFloat(v, 'g', -1, 64)), skip, true
}

// sortedSet sorts s and removes duplicates in place.
func sortedSet(s []uint64) []uint64 {
	slices.Sort(s)
	return slices.Compact(s)
}

// FNV-1a, 64 bit: cheap, allocation-free and good enough for set membership.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// mix folds x into the running n-gram hash h (splitmix64 finaliser).
func mix(h, x uint64) uint64 {
	h ^= x + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
