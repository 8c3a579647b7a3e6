// Package fit trains the claim-pair model of package align from the shared
// evaluation data, in pure Go: it reads pair TSV files, extracts align's
// features, standardises them, fits L2-regularised logistic regression by
// iteratively reweighted least squares (Newton's method) or ridge regression
// in closed form, and measures the result the way score.py does (MSRP
// accuracy/F1 of the 0/1 decision, STS-B Pearson of the score).
//
// It is shared by the training command (internal/train), which writes
// model_gen.go, and by align's test that checks the committed figures are
// reproduced. Everything is deterministic: folds are taken by index, and
// parallel feature extraction writes each row to its own slot.
package fit

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"parallax/app/align"
	"parallax/app/parallel"
)

// Pair is one labelled pair of a pair TSV file.
type Pair struct {
	Label        float64
	ID1, ID2     string
	Text1, Text2 string
}

// ReadTSV reads a pair TSV file (header label, id1, id2, text1, text2).
func ReadTSV(path string) ([]Pair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Pair
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 {
			continue
		}
		y, err := strconv.ParseFloat(cols[0], 64)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: label %q: %w", path, line, cols[0], err)
		}
		out = append(out, Pair{y, cols[1], cols[2], cols[3], cols[4]})
	}
	return out, sc.Err()
}

// Featurize returns the feature rows of pairs, with an IDF fitted on all
// their texts, exactly as `parallax pairs` scores its input.
func Featurize(pairs []Pair) [][]float64 {
	texts := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		texts = append(texts, p.Text1, p.Text2)
	}
	prep := make(map[string]*align.Prepared, len(texts))
	uniq := make([]string, 0, len(texts))
	for _, t := range texts {
		if _, ok := prep[t]; !ok {
			prep[t] = nil
			uniq = append(uniq, t)
		}
	}
	preps := align.PrepareAll(uniq)
	for i, t := range uniq {
		prep[t] = preps[i]
	}
	X := make([][]float64, len(pairs))
	parallel.For(len(pairs), func(i int) { X[i] = align.Features(prep[pairs[i].Text1], prep[pairs[i].Text2]) })
	return X
}

// Standardizer maps features to zero mean and unit variance.
type Standardizer struct{ Mean, Scale []float64 }

// FitStandardizer measures the mean and standard deviation of each column.
// A constant column gets scale 1.
func FitStandardizer(X [][]float64) Standardizer {
	d := len(X[0])
	s := Standardizer{make([]float64, d), make([]float64, d)}
	for _, x := range X {
		for j, v := range x {
			s.Mean[j] += v
		}
	}
	for j := range s.Mean {
		s.Mean[j] /= float64(len(X))
	}
	for _, x := range X {
		for j, v := range x {
			s.Scale[j] += (v - s.Mean[j]) * (v - s.Mean[j])
		}
	}
	for j := range s.Scale {
		s.Scale[j] = math.Sqrt(s.Scale[j] / float64(len(X)))
		if s.Scale[j] < 1e-9 {
			s.Scale[j] = 1
		}
	}
	return s
}

// Apply returns standardised copies of the rows, clipped as prediction
// clips them (align.Standardize).
func (s Standardizer) Apply(X [][]float64) [][]float64 {
	out := make([][]float64, len(X))
	for i, x := range X {
		z := make([]float64, len(x))
		for j, v := range x {
			z[j] = align.Standardize(v, s.Mean[j], s.Scale[j])
		}
		out[i] = z
	}
	return out
}

// Logistic fits L2-regularised logistic regression on standardised rows Z
// with targets y in [0,1] (soft targets allowed: the cross-entropy is
// minimised all the same) and sample weights sw (nil: all 1), by Newton's
// method (IRLS). The bias is not penalised.
func Logistic(Z [][]float64, y, sw []float64, lambda float64) (w []float64, bias float64) {
	d := len(Z[0]) + 1
	beta := make([]float64, d)
	for it := 0; it < 50; it++ {
		g := make([]float64, d)
		H := make([]float64, d*d)
		for i, z := range Z {
			s := 1.0
			if sw != nil {
				s = sw[i]
			}
			eta := beta[d-1]
			for j, v := range z {
				eta += beta[j] * v
			}
			p := 1 / (1 + math.Exp(-eta))
			r := s * (p - y[i])
			h := s * max(p*(1-p), 1e-9)
			for j := 0; j < d; j++ {
				xj := 1.0
				if j < d-1 {
					xj = z[j]
				}
				g[j] += r * xj
				row := H[j*d:]
				for k := 0; k <= j; k++ {
					xk := 1.0
					if k < d-1 {
						xk = z[k]
					}
					row[k] += h * xj * xk
				}
			}
		}
		for j := 0; j < d; j++ {
			for k := 0; k < j; k++ {
				H[k*d+j] = H[j*d+k]
			}
			if j < d-1 {
				g[j] += lambda * beta[j]
				H[j*d+j] += lambda
			}
		}
		step := solve(H, g, d)
		change := 0.0
		for j := range beta {
			beta[j] -= step[j]
			change = max(change, math.Abs(step[j]))
		}
		if change < 1e-8 {
			break
		}
	}
	return beta[:d-1], beta[d-1]
}

// Ridge fits ridge regression of y on standardised rows Z in closed form;
// the bias (the mean of y, as Z is centred) is not penalised.
func Ridge(Z [][]float64, y []float64, lambda float64) (w []float64, bias float64) {
	d := len(Z[0]) + 1
	A := make([]float64, d*d)
	b := make([]float64, d)
	for i, z := range Z {
		for j := 0; j < d; j++ {
			xj := 1.0
			if j < d-1 {
				xj = z[j]
			}
			b[j] += xj * y[i]
			for k := 0; k < d; k++ {
				xk := 1.0
				if k < d-1 {
					xk = z[k]
				}
				A[j*d+k] += xj * xk
			}
		}
	}
	for j := 0; j < d-1; j++ {
		A[j*d+j] += lambda
	}
	beta := solve(A, b, d)
	return beta[:d-1], beta[d-1]
}

// solve solves the symmetric positive definite system A x = b (d×d, row
// major) by Cholesky decomposition; A is overwritten.
func solve(A, b []float64, d int) []float64 {
	L := A
	for j := 0; j < d; j++ {
		s := L[j*d+j]
		for k := 0; k < j; k++ {
			s -= L[j*d+k] * L[j*d+k]
		}
		if s <= 1e-12 {
			s = 1e-12
		}
		L[j*d+j] = math.Sqrt(s)
		for i := j + 1; i < d; i++ {
			t := L[i*d+j]
			for k := 0; k < j; k++ {
				t -= L[i*d+k] * L[j*d+k]
			}
			L[i*d+j] = t / L[j*d+j]
		}
	}
	x := make([]float64, d)
	for i := 0; i < d; i++ {
		t := b[i]
		for k := 0; k < i; k++ {
			t -= L[i*d+k] * x[k]
		}
		x[i] = t / L[i*d+i]
	}
	for i := d - 1; i >= 0; i-- {
		t := x[i]
		for k := i + 1; k < d; k++ {
			t -= L[k*d+i] * x[k]
		}
		x[i] = t / L[i*d+i]
	}
	return x
}

// Pearson returns the correlation of x and y.
func Pearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Binary returns accuracy and F1 of the positive class for the decision
// score >= thr against 0/1 labels, as score.py computes them.
func Binary(scores, labels []float64, thr float64) (acc, f1 float64) {
	var tp, fp, fn, ok int
	for i, s := range scores {
		yes, pos := s >= thr, labels[i] >= 0.5
		switch {
		case yes && pos:
			tp++
		case yes:
			fp++
		case pos:
			fn++
		}
		if yes == pos {
			ok++
		}
	}
	acc = float64(ok) / float64(len(scores))
	if tp > 0 {
		p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
		f1 = 2 * p * r / (p + r)
	}
	return acc, f1
}

// BestThreshold returns the threshold on scores that maximises accuracy
// plus F1 of the positive class against 0/1 labels (the two figures score.py
// reports; accuracy alone leaves F1 a point lower for a tenth of a point of
// accuracy; ties go to the lower threshold). Candidates are midpoints between consecutive distinct scores.
func BestThreshold(scores, labels []float64) float64 {
	type sl struct{ s, y float64 }
	v := make([]sl, len(scores))
	pos := 0
	for i := range scores {
		v[i] = sl{scores[i], labels[i]}
		if labels[i] >= 0.5 {
			pos++
		}
	}
	slices.SortFunc(v, func(a, b sl) int {
		switch {
		case a.s < b.s:
			return -1
		case a.s > b.s:
			return 1
		}
		return 0
	})
	// Threshold below v[k]: predict yes for v[k:].
	n := len(v)
	tp, fp := pos, n-pos
	bestThr, bestAcc, bestF1 := v[0].s, -1.0, -1.0
	for k := 0; k < n; k++ {
		if k == 0 || v[k].s != v[k-1].s {
			thr := v[k].s
			if k > 0 {
				thr = (v[k].s + v[k-1].s) / 2
			}
			acc := float64(tp+(n-pos-fp)) / float64(n)
			f1 := 0.0
			if tp > 0 {
				f1 = 2 * float64(tp) / float64(2*tp+fp+(pos-tp))
			}
			if acc+f1 > bestAcc+bestF1+1e-12 {
				bestThr, bestAcc, bestF1 = thr, acc, f1
			}
		}
		if v[k].y >= 0.5 {
			tp--
		} else {
			fp--
		}
	}
	return bestThr
}

// BestF1Threshold returns the threshold on scores maximising F1 of labels
// >= cut; the threshold Related is chosen this way.
func BestF1Threshold(scores, gold []float64, cut float64) float64 {
	labels := make([]float64, len(gold))
	for i, g := range gold {
		if g >= cut {
			labels[i] = 1
		}
	}
	best, bestF1 := 0.0, -1.0
	for t := 0.0; t <= 1.0; t += 0.005 {
		if _, f1 := Binary(scores, labels, t); f1 > bestF1 {
			best, bestF1 = t, f1
		}
	}
	return best
}
