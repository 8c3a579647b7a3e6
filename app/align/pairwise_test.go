package align

import (
	"fmt"
	"sort"
	"testing"
)

// TestECBPairwise measures how well single numbers decide "same claim" on
// the ECB+ train topics, pair by pair, before any row is built: the best F1
// over thresholds of Paraphrase, Score, and Score plus report affinity.
// It is the evidence for the row rule of Rows.
func TestECBPairwise(t *testing.T) {
	evalEnabled(t)
	cases := loadECB(t)
	type sample struct {
		p, s, aff float64
		pos       bool
		cand      bool
	}
	var xs []sample
	for _, c := range cases {
		if c.t.Split != "train" {
			continue
		}
		aff := reportAffinity(c.docs, defaultPolicy.NameWeight)
		group := defaultPolicy.group(c.docs, aff)
		// claim of each annotated sentence
		claimOf := func(d, s int) int {
			sp := c.sent[d][s]
			for j, cl := range c.spans[d] {
				cs := [2]int{cl.Start, cl.End}
				if 2*overlap(cs, sp) >= sp[1]-sp[0] {
					return j
				}
			}
			return -1
		}
		gold := map[[4]int]string{}
		for _, p := range c.t.Pairs {
			gold[[4]int{p.A[0], p.A[1], p.B[0], p.B[1]}] = p.Label
		}
		var refs []Ref
		var claims []*Prepared
		for d := range c.docs {
			for j := range c.docs[d] {
				refs = append(refs, Ref{d, j})
				claims = append(claims, c.docs[d][j])
			}
		}
		cset := map[[2]Ref]bool{}
		k := defaultPolicy.TopK + defaultPolicy.TopKPerDoc*len(c.docs)
		for _, cd := range candidates(claims, refs, k, defaultPolicy.MaxShare) {
			a, b := refs[cd.a], refs[cd.b]
			if b.Doc < a.Doc {
				a, b = b, a
			}
			cset[[2]Ref{a, b}] = true
		}
		n := len(c.t.Documents)
		for i := range n {
			for j := i + 1; j < n; j++ {
				if group[i] != group[j] {
					continue
				}
				for _, sa := range c.t.Documents[i].Annotated {
					for _, sb := range c.t.Documents[j].Annotated {
						g := gold[[4]int{i, sa, j, sb}]
						if g == "partial" {
							continue
						}
						ca, cb := claimOf(i, sa), claimOf(j, sb)
						if ca < 0 || cb < 0 {
							continue
						}
						r := Compare(c.docs[i][ca], c.docs[j][cb])
						xs = append(xs, sample{r.Paraphrase, r.Score, aff[i][j], g == "aligned", cset[[2]Ref{{i, ca}, {j, cb}}]})
					}
				}
			}
		}
	}
	npos, ncand := 0, 0
	for _, x := range xs {
		if x.pos {
			npos++
			if x.cand {
				ncand++
			}
		}
	}
	t.Logf("%d samples, %d aligned, %d of them candidates", len(xs), npos, ncand)
	for _, w := range [][3]float64{{1, 0, 0}, {0, 1, 0}, {0.5, 0.5, 0}, {0.25, 0.75, 0}, {0, 1, 0.2}, {0, 1, 0.5}, {0, 1, 1}} {
		v := func(x sample) float64 { return w[0]*x.p + w[1]*x.s + w[2]*x.aff }
		key := fmt.Sprint(w)
		sort.Slice(xs, func(a, b int) bool { return v(xs[a]) > v(xs[b]) })
		tp, fp := 0, 0
		best, bt := 0.0, 0.0
		for _, x := range xs {
			if x.pos {
				tp++
			} else {
				fp++
			}
			p := float64(tp) / float64(tp+fp)
			r := float64(tp) / float64(npos)
			f := 2 * p * r / (p + r)
			if f > best {
				best = f
				bt = v(x)
			}
		}
		t.Logf("%s: best pairwise F1 %.3f at %.3f", key, best, bt)
	}
}

// TestECBAffinity prints the spread of report affinity for reports of one
// story and of two, which bounds where GroupAt can sit.
func TestECBAffinity(t *testing.T) {
	evalEnabled(t)
	var same, diff []float64
	for _, c := range loadECB(t) {
		aff := reportAffinity(c.docs, defaultPolicy.NameWeight)
		for i := range aff {
			for j := i + 1; j < len(aff); j++ {
				if c.t.Documents[i].Story == c.t.Documents[j].Story {
					same = append(same, aff[i][j])
				} else {
					diff = append(diff, aff[i][j])
				}
			}
		}
	}
	q := func(x []float64) string {
		sort.Float64s(x)
		return fmt.Sprintf("p10 %.2f p25 %.2f p50 %.2f p75 %.2f p90 %.2f", x[len(x)/10], x[len(x)/4], x[len(x)/2], x[3*len(x)/4], x[9*len(x)/10])
	}
	t.Logf("same story: %s", q(same))
	t.Logf("diff story: %s", q(diff))
}
