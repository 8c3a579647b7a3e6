package worddiff

import (
	"hash/fnv"
	"sort"
)

// MapWords bounds the work of each of MapOffsets' diffs as MaxWords bounds
// a Diff's: the chunks of the two texts, and the words of a stretch of
// changed chunks, on both sides together. Past it a stretch is one
// Replace, inside which offsets map in proportion.
const MapWords = 8000

// MapOffsets maps byte offsets into a to the same places in b, an edited
// version of a (a transcript the editor corrected), so that marks on a's
// words (a cue's start, a note's anchor) stay on the same words in b.
//
// Whole texts are too long to diff word by word (Myers' algorithm costs
// the product of their length and their differences), so the diff is
// taken in two steps. The words are cut into chunks at content-defined
// boundaries, after a sentence's end or a word whose hash is 0 modulo
// chunkSpread (the idea of rsync's and LBFS's rolling-hash chunking:
// boundaries depend on the words, not their positions, so an inserted
// word changes only its own chunk), and the chunk sequences are diffed;
// then each stretch of changed chunks is diffed word by word. Corrections
// spread over a two-hour transcript thus cost milliseconds, and only a
// text rewritten throughout falls back to proportion.
//
// Words are compared as Diff compares them, punctuation included and case
// folded (so "anna" corrected to "Anna" is the same word). An
// offset in or just before a word that survived the edit keeps its place
// in that word (or in the white space before it, as far as b has as
// much); one in words the edit replaced maps, in proportion, to the start
// of a word of the replacement; one in words the edit deleted maps to the
// start of the next word that survived. Offsets after the last word keep
// their distance from the end. The result is non-decreasing when offs is,
// and every offset lies in [0, len(b)].
func MapOffsets(a, b string, offs []int) []int {
	c := config{fold: DefaultFold, punct: true}
	ta, tb := tokenize(a, &c), tokenize(b, &c)
	ops := diffChunked(ta, tb)
	out := make([]int, len(offs))
	for k, off := range offs {
		out[k] = mapOffset(a, b, ta, tb, ops, off)
		if k > 0 && out[k] < out[k-1] && off >= offs[k-1] {
			out[k] = out[k-1]
		}
	}
	return out
}

// mapOffset maps one offset of a to b (see MapOffsets).
func mapOffset(a, b string, ta, tb []token, ops []op, off int) int {
	off = min(max(off, 0), len(a))
	if len(ta) == 0 {
		return min(off, len(b))
	}
	i := sort.Search(len(ta), func(i int) bool { return ta[i].end > off })
	if i == len(ta) {
		// After the last word: as far from the end.
		return min(max(len(b)-(len(a)-off), 0), len(b))
	}
	o := ops[sort.Search(len(ops), func(k int) bool { return ops[k].i1 > i })]
	var j int
	switch o.op {
	case Equal:
		j = o.j0 + i - o.i0
	case Replace:
		j = o.j0 + (i-o.i0)*(o.j1-o.j0)/(o.i1-o.i0)
		return tb[j].start
	default: // Delete: the next word that survived, or the end
		if o.j0 < len(tb) {
			return tb[o.j0].start
		}
		return len(b)
	}
	if off >= ta[i].start { // inside the word
		return tb[j].start + min(off-ta[i].start, tb[j].end-tb[j].start)
	}
	// In the white space before the word.
	gap := tb[j].start
	if j > 0 {
		gap -= tb[j-1].end
	}
	return tb[j].start - min(ta[i].start-off, gap)
}

// chunkSpread is the mean chunk length, in words, where sentences do not
// end sooner.
const chunkSpread = 12

// sentenceEnd are the tokens after which a chunk always ends.
var sentenceEnd = map[string]bool{".": true, "?": true, "!": true, "。": true, "？": true, "！": true}

// chunks cuts ts into content-defined chunks (see MapOffsets): each is a
// token whose span is the chunk's token indexes and whose key is its words.
func chunks(ts []token) []token {
	var out []token
	start := 0
	var key []byte
	for i, t := range ts {
		key = append(append(key, t.key...), 0)
		h := fnv.New32a()
		h.Write([]byte(t.key))
		if sentenceEnd[t.key] || h.Sum32()%chunkSpread == 0 || i+1 == len(ts) {
			out = append(out, token{start: start, end: i + 1, key: string(key)})
			start, key = i+1, key[:0]
		}
	}
	return out
}

// diffChunked is the edit script between ta and tb taken chunk by chunk,
// then word by word inside changed chunks.
func diffChunked(ta, tb []token) []op {
	ca, cb := chunks(ta), chunks(tb)
	var ops []op
	for _, c := range diffTokens(ca, cb, MapWords) {
		i0, i1 := chunkSpan(ca, c.i0, c.i1, len(ta))
		j0, j1 := chunkSpan(cb, c.j0, c.j1, len(tb))
		if c.op == Equal {
			ops = append(ops, op{Equal, i0, i1, j0, j1})
			continue
		}
		for _, o := range diffTokens(ta[i0:i1], tb[j0:j1], MapWords) {
			ops = append(ops, op{o.op, o.i0 + i0, o.i1 + i0, o.j0 + j0, o.j1 + j0})
		}
	}
	return ops
}

// chunkSpan returns the token indexes of chunks cs[k0:k1] (n tokens in
// all): where chunk k0 starts, and where chunk k1-1 ends.
func chunkSpan(cs []token, k0, k1, n int) (int, int) {
	if k0 == k1 {
		if k0 < len(cs) {
			return cs[k0].start, cs[k0].start
		}
		return n, n
	}
	return cs[k0].start, cs[k1-1].end
}
