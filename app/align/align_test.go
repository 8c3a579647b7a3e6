package align

import (
	"math"
	"testing"
)

// feature returns the named feature of a pair prepared without IDF.
func feature(t *testing.T, a, b, name string) float64 {
	t.Helper()
	f := Features(Prepare(a, nil), Prepare(b, nil))
	for i, n := range FeatureNames {
		if n == name {
			return f[i]
		}
	}
	t.Fatalf("no feature %q", name)
	return 0
}

func TestFeatureNames(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range FeatureNames {
		if n == "" || seen[n] {
			t.Errorf("feature name %q empty or repeated", n)
		}
		seen[n] = true
	}
	s, p := Trained()
	for _, m := range []Model{s, p} {
		if len(m.Features) != NumFeatures {
			t.Fatalf("committed model has %d features, the code %d: run go run ./app/align/internal/train", len(m.Features), NumFeatures)
		}
		for i, n := range m.Features {
			if n != FeatureNames[i] {
				t.Fatalf("committed model feature %d is %q, the code's %q: retrain", i, n, FeatureNames[i])
			}
		}
	}
}

func TestFeatures(t *testing.T) {
	for _, tc := range []struct {
		name, a, b, feature string
		lo, hi              float64
	}{
		{"identical", "The army shelled Deraa on Monday.", "The army shelled Deraa on Monday.", "ngram4_min", 1, 1},
		{"reordered keeps unigrams", "On Monday the army shelled Deraa.", "The army shelled Deraa on Monday.", "ngram1_min", 1, 1},
		{"reordered loses 4-grams", "On Monday the army shelled Deraa.", "The army shelled Deraa on Monday.", "ngram4_min", 0, 0.5},
		{"synonym aligns", "The man bought a car.", "The man purchased an automobile.", "align_min", 1, 1},
		{"synonym is not strict", "The man bought a car.", "The man purchased an automobile.", "align_strict_hm", 0, 0.5},
		{"inflection aligns strictly", "Rebels attacked the town.", "The rebels attack towns.", "align_strict_hm", 1, 1},
		{"unrelated", "The central bank raised interest rates.", "A cat sleeps on the sofa.", "align_max", 0, 0},
		{"number words meet digits", "Two soldiers were killed.", "2 soldiers were killed.", "num_match", 1, 1},
		{"number clash", "Twelve people died in the blast.", "Fifteen people died in the blast.", "num_clash", 1, 1},
		{"scaled numbers", "It cost $3.5 million.", "It cost $3,500,000.", "num_match", 1, 1},
		{"negation", "The talks resumed on Friday.", "The talks did not resume on Friday.", "negation_diff", 1, 1},
		{"contracted negation", "Talks didn't resume.", "Talks did not resume.", "negation_diff", 0, 0},
		{"hedge", "The minister resigned.", "The minister may have resigned.", "hedge_diff", 1, 1},
		{"name transliteration", "Forces entered Daraa on Sunday.", "Forces entered Deraa on Sunday.", "char3_jaccard", 0.5, 0.95},
		{"name clash", "Putin met Erdogan in Sochi.", "Putin met Macron in Sochi.", "name_clash", 1, 1},
		{"empty", "", "", "ngram1_min", 0, 0},
	} {
		if got := feature(t, tc.a, tc.b, tc.feature); got < tc.lo-1e-9 || got > tc.hi+1e-9 {
			t.Errorf("%s: %s(%q, %q) = %.3f, want in [%g, %g]", tc.name, tc.feature, tc.a, tc.b, got, tc.lo, tc.hi)
		}
	}
}

// TestScoreOrders checks the committed models order invented pairs the way
// an editor would.
func TestScoreOrders(t *testing.T) {
	corpus := []string{
		"Syrian troops shelled the southern city of Deraa on Monday, killing at least 12 people.",
		"At least 12 people were killed on Monday when Syrian forces shelled the southern city of Daraa.",
		"At least 15 people were killed on Monday when Syrian forces shelled the southern city of Daraa.",
		"Syrian troops did not shell Deraa on Monday.",
		"The European Central Bank left interest rates unchanged on Thursday.",
		"Syrian troops shelled Deraa.",
	}
	idf := FitIDF(corpus)
	p := make([]*Prepared, len(corpus))
	for i, c := range corpus {
		p[i] = Prepare(c, idf)
	}
	para, numDiff, neg, unrel, part := Compare(p[0], p[1]), Compare(p[0], p[2]), Compare(p[0], p[3]), Compare(p[0], p[4]), Compare(p[0], p[5])
	if para.Level() != LevelSame {
		t.Errorf("paraphrase: %+v, level %v; want same", para, para.Level())
	}
	if unrel.Level() != LevelNone || unrel.Score > 0.2 {
		t.Errorf("unrelated: %+v, level %v; want none", unrel, unrel.Level())
	}
	if !(para.Score > numDiff.Score && para.Paraphrase > numDiff.Paraphrase) {
		t.Errorf("a number change should lower both: paraphrase %+v, number changed %+v", para, numDiff)
	}
	if !(para.Score > neg.Score && para.Paraphrase > neg.Paraphrase) {
		t.Errorf("a negation should lower both: paraphrase %+v, negated %+v", para, neg)
	}
	if part.Level() == LevelNone {
		t.Errorf("a shortened claim should at least be related: %+v", part)
	}
	for i := range p {
		for j := range p {
			if s := Score(p[i], p[j]); s < 0 || s > 1 || s != Score(p[j], p[i]) {
				t.Errorf("Score(%d,%d) = %v, reversed %v", i, j, s, Score(p[j], p[i]))
			}
		}
	}
}

func TestIDF(t *testing.T) {
	idf := FitIDF([]string{"the army said", "the rebels said", "the army said", "Assad said"})
	if idf.Docs() != 3 {
		t.Errorf("Docs = %d, want 3 (distinct texts)", idf.Docs())
	}
	if said, assad := idf.Weight("said"), idf.Weight("Assad"); !(assad > said && said >= 1) {
		t.Errorf("weights said %.3f, Assad %.3f: want 1 <= said < Assad", said, assad)
	}
	var nilIDF *IDF
	if w := nilIDF.Weight("x"); w != 1 {
		t.Errorf("nil IDF weight = %v, want 1", w)
	}
}

func TestScoreAllocations(t *testing.T) {
	a := Prepare("Syrian troops shelled the southern city of Deraa on Monday, killing 12.", nil)
	b := Prepare("Twelve people were killed when Syrian forces shelled Daraa on Monday.", nil)
	if n := testing.AllocsPerRun(100, func() { Compare(a, b) }); n != 0 {
		t.Errorf("Compare allocates %v times, want 0", n)
	}
}

func TestLCS(t *testing.T) {
	for _, tc := range []struct {
		x, y []uint64
		want int
	}{
		{nil, nil, 0},
		{[]uint64{1, 2, 3}, []uint64{1, 2, 3}, 3},
		{[]uint64{1, 2, 3, 4}, []uint64{2, 4, 1}, 2},
		{[]uint64{1, 1, 1}, []uint64{1}, 1},
	} {
		if got := lcs(tc.x, tc.y); got != tc.want {
			t.Errorf("lcs(%v, %v) = %d, want %d", tc.x, tc.y, got, tc.want)
		}
	}
}

func FuzzScore(f *testing.F) {
	f.Add("The army shelled Deraa on Monday.", "On Monday, troops shelled Daraa.")
	f.Add("Two soldiers didn't die.", "2 soldiers died, officials may say.")
	f.Add("", "x")
	f.Add("U.S. forces killed 3.5 million—", "1,200 1.2.3 ’s won t")
	f.Fuzz(func(t *testing.T, a, b string) {
		idf := FitIDF([]string{a, b})
		pa, pb := Prepare(a, idf), Prepare(b, idf)
		r, rr := Compare(pa, pb), Compare(pb, pa)
		for _, v := range []float64{r.Score, r.Paraphrase} {
			if math.IsNaN(v) || v < 0 || v > 1 {
				t.Fatalf("Compare(%q, %q) = %+v, out of [0,1]", a, b, r)
			}
		}
		if r != rr {
			t.Fatalf("not symmetric: %+v vs %+v", r, rr)
		}
		for _, v := range Features(pa, pb) {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("Features(%q, %q) has %v", a, b, v)
			}
		}
	})
}

var benchClaims = []string{
	"Syrian troops shelled the southern city of Deraa on Monday, killing at least 12 people, activists said.",
	"At least twelve people were killed on Monday when Syrian forces shelled the southern city of Daraa, according to activists.",
}

func BenchmarkPrepare(b *testing.B) {
	idf := FitIDF(benchClaims)
	b.ReportAllocs()
	for b.Loop() {
		Prepare(benchClaims[0], idf)
	}
}

func BenchmarkScore(b *testing.B) {
	idf := FitIDF(benchClaims)
	x, y := Prepare(benchClaims[0], idf), Prepare(benchClaims[1], idf)
	b.ReportAllocs()
	for b.Loop() {
		Score(x, y)
	}
}

func BenchmarkCompare(b *testing.B) {
	idf := FitIDF(benchClaims)
	x, y := Prepare(benchClaims[0], idf), Prepare(benchClaims[1], idf)
	b.ReportAllocs()
	for b.Loop() {
		Compare(x, y)
	}
}
