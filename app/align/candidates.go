package align

import (
	"cmp"
	"runtime"
	"slices"

	"parallax/app/parallel"
)

// Candidate generation.
//
// Scoring every claim against every claim of the other reports costs
// n²·(reports−1)/reports pair scores: 1,200 claims make 660,000 of them, a few
// seconds. Two claims that state the same thing share at least one
// informative word, name or number, so the aligner scores only such pairs,
// found through an inverted index (the blocking step of record linkage and
// the candidate retrieval of near-duplicate detection): content-word stems
// and number values (the TF-IDF bag of Prepare) and name keys map to the
// claims that hold them. A term held by more than a large share of the
// claims (the story's subject, "said") links nearly everything and tells
// little, so it is skipped as an index entry; it still counts when the pair
// is scored. Each claim keeps its top-k partners by the IDF weight of the
// terms they share; a pair is scored when either side keeps it. Cost is then
// about claims × k pair scores plus the postings walked, near-linear in the
// size of the comparison.

// maxPosting bounds a posting list whatever the comparison's size. A share
// alone lets the lists grow with the reports, and walking them makes the
// cost quadratic: two reports of 200,000 words have terms in thousands of
// claims, which rank partners no better than the rarer terms do.
const maxPosting = 256

// candidate is a pair of claims of different reports, by global index
// (a < b).
type candidate struct{ a, b int32 }

// nameSalt separates name keys from stems in the index.
const nameSalt = 0x6e616d656b657973

// candidates returns the pairs worth scoring among claims (refs[i] is claim
// i's report and index; claims[i] its analysis), sorted.
func candidates(claims []*Prepared, refs []Ref, k int, maxShare float64) []candidate {
	n := len(claims)
	type term struct {
		h uint64
		w float64
	}
	terms := make([][]term, n)
	df := map[uint64]int32{}
	for i, p := range claims {
		ts := make([]term, 0, len(p.bag)+len(p.names))
		for _, e := range p.bag {
			ts = append(ts, term{e.h, e.w})
		}
		for _, h := range p.names {
			ts = append(ts, term{h ^ nameSalt, 0.5 * p.wmax})
		}
		terms[i] = ts
		for _, t := range ts {
			df[t.h]++
		}
	}
	limit := int32(min(max(maxShare*float64(n), 32), maxPosting))
	post := map[uint64][]int32{}
	for i, ts := range terms {
		for _, t := range ts {
			if df[t.h] > 1 && df[t.h] <= limit {
				post[t.h] = append(post[t.h], int32(i))
			}
		}
	}

	// Each claim's top k, claims shared out over the processors, each
	// worker with its own accumulator.
	workers := runtime.GOMAXPROCS(0)
	tops := make([][]candidate, workers)
	parallel.For(workers, func(w int) {
		acc := make([]float64, n)
		var touched []int32
		for i := w; i < n; i += workers {
			touched = touched[:0]
			for _, t := range terms[i] {
				for _, j := range post[t.h] {
					if refs[j].Doc == refs[i].Doc {
						continue
					}
					if acc[j] == 0 {
						touched = append(touched, j)
					}
					acc[j] += t.w
				}
			}
			// Top k by shared weight, ties by index: deterministic.
			slices.SortFunc(touched, func(x, y int32) int {
				if c := cmp.Compare(acc[y], acc[x]); c != 0 {
					return c
				}
				return cmp.Compare(x, y)
			})
			for r, j := range touched {
				if r < k {
					c := candidate{int32(i), j}
					if c.a > c.b {
						c.a, c.b = c.b, c.a
					}
					tops[w] = append(tops[w], c)
				}
				acc[j] = 0
			}
		}
	})
	var out []candidate
	for _, t := range tops {
		out = append(out, t...)
	}
	slices.SortFunc(out, func(x, y candidate) int {
		if c := cmp.Compare(x.a, y.a); c != 0 {
			return c
		}
		return cmp.Compare(x.b, y.b)
	})
	return slices.Compact(out)
}
