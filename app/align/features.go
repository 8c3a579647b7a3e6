package align

import "math"

// The pair features, in the order Features returns them. Every feature is
// symmetric in its two claims (a directional measure enters as the min and
// the max of its two directions), so the score is too.
//
// Lexical overlap, BLEU style (Papineni et al. 2002): the precision of
// token n-grams of one claim among the other's, n = 1..4, stop words kept so
// that word order and phrasing count. A paraphrase keeps most n-grams in
// both directions; a claim that adds a clause keeps its short side's
// n-grams but not its long side's, so min and max tell "same" from
// "one contains the other" (related).
//
// Weighted overlap: the IDF-weighted share of each claim's content stems the
// other claim also has, and the TF-IDF cosine (Salton & Buckley 1988) of
// the two stem bags; sharing "Assad" says more than sharing "said".
//
// Monolingual word alignment after Sultan, Bethard & Sumner (2014), "Back to
// Basics for Monolingual Alignment: Exploiting Word Similarity and
// Contextual Evidence" (TACL 2), and their STS system (SemEval 2014/2015):
// content words are aligned one to one, greedily, strongest evidence first
// (identical word; same lemma, stem or transliteration key of a name;
// WordNet synonym; derivation; hypernym), ties broken by relative position
// in the sentence as weak contextual evidence. The proportion of aligned
// content words in each claim, by count and by IDF weight, was the single
// strongest STS feature in their work and is here. Strict alignment
// (identity, lemma, stem, name key) and full alignment (with WordNet) are
// separate features so the model can weigh what WordNet adds.
//
// Character 4-grams catch what tokens miss: spelling variants and
// transliterations (Deraa/Daraa), compounds written apart, typos.
//
// Facts an editor checks: numbers (digits and number words share a value),
// names (textnorm name keys) and negation and hedge markers. Two claims
// that share every word but disagree on a number are related, not the same.
//
// Length: claims of very different length rarely say the same thing.
const (
	fUni = iota // unigram precision, min of the two directions
	fUniMax
	fBi
	fBiMax
	fTri
	fTriMax
	fQuad
	fQuadMax
	fWOverlap // IDF-weighted stem overlap, min direction
	fWOverlapMax
	fCosine    // TF-IDF cosine of stem bags
	fAlign     // aligned content words (all relations), min direction
	fAlignMax  // ... max direction
	fAlignW    // IDF-weighted aligned share, min direction
	fAlignWMax // ... max direction
	fStrict    // aligned by identity/lemma/stem/name key only, harmonic mean
	fWordNet   // share of aligned words that needed WordNet (synonym, derivation, hypernym)
	fUnaligned // log(1+unaligned content words), larger side
	fChar      // character 4-gram Jaccard
	fCharMin   // character 4-gram containment, min direction
	fNumBoth   // both claims state numbers
	fNumMatch  // share of numbers (union) stated by both; 1 when neither has any
	fNumClash  // each claim has a number the other lacks
	fNameMatch // share of name keys (union) in both; 1 when neither has any
	fNameClash // each claim has a name the other lacks
	fNegDiff   // negation parity differs
	fHedgeDiff // one claim hedges, the other does not
	fLenRatio  // token count ratio, shorter/longer
	fLenMin    // log(1+content words), shorter side
	fStem1     // stem unigram precision, min direction
	fStem1Max
	fStem2 // stem bigram precision, min direction
	fStem2Max
	fLCS           // longest common token subsequence / length, min direction
	fLCSMax        // ... max direction
	fUnalignedMin  // log(1+unaligned content words), smaller side
	fUnalignedW    // IDF weight of unaligned content words in units of the rarest word's, larger side
	fUnalignedWMin // ... smaller side
	fLenDiff       // log(1+|token count difference|)
	fChar3         // character 3-gram Jaccard
	fNumOdd        // log(1+numbers stated by one claim only)
	fFactsOdd      // log(1+unaligned names and numbers), larger side
	numFeatures
)

// FeatureNames names the features of Features, index for index.
var FeatureNames = [numFeatures]string{
	"ngram1_min", "ngram1_max", "ngram2_min", "ngram2_max", "ngram3_min", "ngram3_max",
	"ngram4_min", "ngram4_max", "idf_overlap_min", "idf_overlap_max", "tfidf_cosine",
	"align_min", "align_max", "align_idf_min", "align_idf_max", "align_strict_hm",
	"align_wordnet_share", "unaligned_log", "char4_jaccard", "char4_contain_min",
	"num_both", "num_match", "num_clash", "name_match", "name_clash",
	"negation_diff", "hedge_diff", "len_ratio", "len_min_log",
	"stem1_min", "stem1_max", "stem2_min", "stem2_max", "lcs_min", "lcs_max",
	"unaligned_min_log", "unaligned_idf_max", "unaligned_idf_min", "len_diff_log",
	"char3_jaccard", "num_unmatched_log", "unaligned_facts_log",
}

// NumFeatures is the length of a feature vector.
const NumFeatures = int(numFeatures)

// Features returns the pair features of a and b (see FeatureNames and the
// comment on the feature constants).
func Features(a, b *Prepared) []float64 {
	var f [numFeatures]float64
	features(a, b, &f)
	return f[:]
}

// features fills f without allocating.
func features(a, b *Prepared, f *[numFeatures]float64) {
	if b.id < a.id || (b.id == a.id && b.Text < a.Text) {
		a, b = b, a // canonical order: alignment is greedy, so order matters
	}
	for n := range 4 {
		x, y := a.ngrams[n], b.ngrams[n]
		c := float64(intersect(x, y))
		f[fUni+2*n], f[fUniMax+2*n] = minMax(ratio(c, len(x)), ratio(c, len(y)))
	}

	shared, sharedSq := weightedIntersect(a.bag, b.bag)
	f[fWOverlap], f[fWOverlapMax] = minMax(ratioF(shared, a.bagSum), ratioF(shared, b.bagSum))
	if a.bagNorm2 > 0 && b.bagNorm2 > 0 {
		f[fCosine] = sharedSq / math.Sqrt(a.bagNorm2*b.bagNorm2)
	}

	al := alignWords(a, b)
	na, nb := min(len(a.words), maxAlignWords), min(len(b.words), maxAlignWords)
	f[fAlign], f[fAlignMax] = minMax(ratio(float64(al.count), na), ratio(float64(al.count), nb))
	f[fAlignW], f[fAlignWMax] = minMax(ratioF(al.wa, al.totA), ratioF(al.wb, al.totB))
	f[fStrict] = harmonic(ratio(float64(al.strict), na), ratio(float64(al.strict), nb))
	if al.count > 0 {
		f[fWordNet] = float64(al.count-al.strict) / float64(al.count)
	}
	f[fUnaligned] = math.Log1p(float64(max(na, nb) - al.count))

	c := intersect(a.chars, b.chars)
	f[fChar] = ratio(float64(c), len(a.chars)+len(b.chars)-c)
	f[fCharMin], _ = minMax(ratio(float64(c), len(a.chars)), ratio(float64(c), len(b.chars)))

	f[fNumBoth], f[fNumMatch], f[fNumClash] = setAgreement(a.numbers, b.numbers)
	_, f[fNameMatch], f[fNameClash] = setAgreement(a.names, b.names)
	if a.neg%2 != b.neg%2 {
		f[fNegDiff] = 1
	}
	if (a.hedge > 0) != (b.hedge > 0) {
		f[fHedgeDiff] = 1
	}
	f[fLenRatio] = ratio(float64(min(a.ntok, b.ntok)), max(a.ntok, b.ntok))
	f[fLenMin] = math.Log1p(float64(min(len(a.words), len(b.words))))

	for n := range 2 {
		x, y := a.stemGrams[n], b.stemGrams[n]
		c := float64(intersect(x, y))
		f[fStem1+2*n], f[fStem1Max+2*n] = minMax(ratio(c, len(x)), ratio(c, len(y)))
	}
	l := float64(lcs(a.seq, b.seq))
	f[fLCS], f[fLCSMax] = minMax(ratio(l, len(a.seq)), ratio(l, len(b.seq)))
	f[fUnalignedMin] = math.Log1p(float64(min(na, nb) - al.count))
	f[fUnalignedWMin], f[fUnalignedW] = minMax((al.totA-al.wa)/a.wmax, (al.totB-al.wb)/b.wmax)
	f[fLenDiff] = math.Log1p(math.Abs(float64(a.ntok - b.ntok)))
	c3 := intersect(a.chars3, b.chars3)
	f[fChar3] = ratio(float64(c3), len(a.chars3)+len(b.chars3)-c3)
	cn := intersect(a.numbers, b.numbers)
	f[fNumOdd] = math.Log1p(float64(len(a.numbers) + len(b.numbers) - 2*cn))
	f[fFactsOdd] = math.Log1p(float64(max(al.factsA, al.factsB)))
}

// maxLCS bounds the tokens the longest common subsequence looks at, so its
// dynamic programming row lives on the stack.
const maxLCS = 128

// lcs returns the length of the longest common subsequence of x and y
// (their first maxLCS tokens), in O(len(x)·len(y)) time and no allocation.
func lcs(x, y []uint64) int {
	x, y = x[:min(len(x), maxLCS)], y[:min(len(y), maxLCS)]
	var row [maxLCS + 1]int
	for i := range x {
		prev := 0 // row[j] of the previous i, at j-1
		for j := range y {
			cur := row[j+1]
			if x[i] == y[j] {
				row[j+1] = prev + 1
			} else if row[j] > row[j+1] {
				row[j+1] = row[j]
			}
			prev = cur
		}
	}
	return row[len(y)]
}

// setAgreement compares two sets of facts (numbers or names): whether both
// have any, the share of the union both have (1 when the union is empty),
// and whether each has one the other lacks.
func setAgreement(x, y []uint64) (both, match, clash float64) {
	c := intersect(x, y)
	u := len(x) + len(y) - c
	if len(x) > 0 && len(y) > 0 {
		both = 1
	}
	match = 1
	if u > 0 {
		match = float64(c) / float64(u)
	}
	if len(x) > c && len(y) > c {
		clash = 1
	}
	return
}

// alignment is the outcome of aligning two claims' content words.
type alignment struct {
	count, strict int     // aligned pairs; of which by identity/lemma/stem/key
	wa, wb        float64 // IDF weight of aligned words on each side
	totA, totB    float64 // IDF weight of all aligned-eligible words per side
	// factsA, factsB count unaligned names and numbers per side.
	factsA, factsB int
}

// Relation levels of two content words, strongest first.
const (
	relNone     = 0
	relHypernym = 1
	relDerived  = 2
	relSynonym  = 3
	relStem     = 4 // same lemma, stem or name key
	relIdentity = 5
	strictLevel = relStem
)

// alignWords aligns the content words of a and b one to one, greedily and
// strongest relation first (Sultan et al. 2014, without their dependency
// context); among equally strong candidates the one at the nearest relative
// position wins. It allocates nothing: the relation matrix lives on the
// stack.
func alignWords(a, b *Prepared) alignment {
	na, nb := min(len(a.words), maxAlignWords), min(len(b.words), maxAlignWords)
	var out alignment
	for i := range na {
		out.totA += a.words[i].w
	}
	for j := range nb {
		out.totB += b.words[j].w
	}
	if na == 0 || nb == 0 {
		return out
	}
	var rel [maxAlignWords][maxAlignWords]uint8
	var best uint8
	for i := range na {
		wa := &a.words[i]
		for j := range nb {
			r := relate(wa, &b.words[j])
			rel[i][j] = r
			best = max(best, r)
		}
	}
	// WordNet's relations, as lexicon.RelateKeys defines them from the
	// claims' keys; a word pair keeps its strongest relation.
	best = max(best,
		joinKeys(a.wn[wnLemma], b.wn[wnLemma], relStem, &rel, false),
		joinKeys(a.wn[wnSynset], b.wn[wnSynset], relSynonym, &rel, false),
		joinKeys(a.wn[wnDerived], b.wn[wnLemma], relDerived, &rel, false),
		joinKeys(a.wn[wnHypernym], b.wn[wnSynset], relHypernym, &rel, false),
		joinKeys(b.wn[wnHypernym], a.wn[wnSynset], relHypernym, &rel, true))
	var usedA, usedB uint64 // bit sets: maxAlignWords == 64
	for level := best; level > relNone; level-- {
		for i := range na {
			if usedA&(1<<i) != 0 {
				continue
			}
			pick, dist := -1, math.Inf(1)
			pos := (float64(i) + 0.5) / float64(na)
			for j := range nb {
				if usedB&(1<<j) != 0 || rel[i][j] != level {
					continue
				}
				if d := math.Abs(pos - (float64(j)+0.5)/float64(nb)); d < dist {
					pick, dist = j, d
				}
			}
			if pick < 0 {
				continue
			}
			usedA |= 1 << i
			usedB |= 1 << pick
			out.count++
			if level >= strictLevel {
				out.strict++
			}
			out.wa += a.words[i].w
			out.wb += b.words[pick].w
		}
	}
	for i := range na {
		if usedA&(1<<i) == 0 && (a.words[i].name || a.words[i].number) {
			out.factsA++
		}
	}
	for j := range nb {
		if usedB&(1<<j) == 0 && (b.words[j].name || b.words[j].number) {
			out.factsB++
		}
	}
	return out
}

// relate returns the relation level of two content words that needs no
// WordNet (joinKeys adds WordNet's).
func relate(x, y *word) uint8 {
	switch {
	case x.norm == y.norm:
		return relIdentity
	case x.number || y.number:
		return relNone // numbers match only by value
	case x.lemma == y.lemma || x.stem == y.stem:
		return relStem
	case x.name && y.name && x.key == y.key && x.key != 0:
		return relStem
	}
	return relNone
}

// joinKeys raises rel[i][j] to level for every word i of xs and word j of ys
// that share a key (rel[j][i] when swap), xs and ys being key sets of
// Prepared.wn. It returns level if any pair shared one, else relNone. A
// merge join: the cost is the sets' lengths, not their product.
func joinKeys(xs, ys []uint64, level uint8, rel *[maxAlignWords][maxAlignWords]uint8, swap bool) uint8 {
	hit := uint8(relNone)
	i, j := 0, 0
	for i < len(xs) && j < len(ys) {
		kx, ky := xs[i]>>8, ys[j]>>8
		switch {
		case kx < ky:
			i++
		case kx > ky:
			j++
		default:
			ie, je := i+1, j+1
			for ie < len(xs) && xs[ie]>>8 == kx {
				ie++
			}
			for je < len(ys) && ys[je]>>8 == kx {
				je++
			}
			for _, x := range xs[i:ie] {
				for _, y := range ys[j:je] {
					r := &rel[x&0xff][y&0xff]
					if swap {
						r = &rel[y&0xff][x&0xff]
					}
					*r = max(*r, level)
				}
			}
			hit = level
			i, j = ie, je
		}
	}
	return hit
}

// intersect counts the elements two sorted sets share.
func intersect(x, y []uint64) int {
	i, j, n := 0, 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i] < y[j]:
			i++
		case x[i] > y[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// weightedIntersect returns the weight sum and the sum of weight products
// of the elements two sorted weighted sets share.
func weightedIntersect(x, y []weighted) (sum, dot float64) {
	i, j := 0, 0
	for i < len(x) && j < len(y) {
		switch {
		case x[i].h < y[j].h:
			i++
		case x[i].h > y[j].h:
			j++
		default:
			sum += (x[i].w + y[j].w) / 2
			dot += x[i].w * y[j].w
			i++
			j++
		}
	}
	return sum, dot
}

func ratio(c float64, n int) float64 {
	if n <= 0 {
		return 0
	}
	return c / float64(n)
}

func ratioF(c, n float64) float64 {
	if n <= 0 {
		return 0
	}
	return min(c/n, 1)
}

func minMax(x, y float64) (float64, float64) {
	if x < y {
		return x, y
	}
	return y, x
}

func harmonic(x, y float64) float64 {
	if x+y == 0 {
		return 0
	}
	return 2 * x * y / (x + y)
}
