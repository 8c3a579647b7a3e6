package align

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"parallax/app/segment"
	"parallax/assets"
)

// checkInvariants fails t when rows break Rows' contract.
func checkInvariants(t *testing.T, docs [][]*Prepared, rows []Row) {
	t.Helper()
	seen := map[Ref]int{}
	for _, r := range rows {
		in := map[int]bool{}
		for _, c := range r.Claims {
			if in[c.Doc] {
				t.Fatalf("row %v holds two claims of report %d", r.Claims, c.Doc)
			}
			in[c.Doc] = true
			if !r.Link {
				seen[c]++
			}
		}
		if r.Link && len(r.Claims) != 2 || !r.Link && r.Level != LevelSame {
			t.Fatalf("row %v: level %v, link %v", r.Claims, r.Level, r.Link)
		}
	}
	for d := range docs {
		for c := range docs[d] {
			if seen[Ref{d, c}] != 1 {
				t.Fatalf("claim %d/%d in %d main rows", d, c, seen[Ref{d, c}])
			}
		}
	}
}

func TestRowsInvariantsRandom(t *testing.T) {
	vocab := strings.Fields("the army shelled town on monday police said twelve people died ferry capsized near port rebels attacked border minister resigned talks resumed friday jordan syria daraa aid convoy crossed bank raised rates storm hit coast")
	for seed := range uint64(30) {
		rng := rand.New(rand.NewPCG(seed, 7))
		n := 1 + rng.IntN(6)
		var texts []string
		var shape []int
		for range n {
			m := rng.IntN(8)
			shape = append(shape, m)
			for range m {
				w := make([]string, 3+rng.IntN(10))
				for k := range w {
					w[k] = vocab[rng.IntN(len(vocab))]
				}
				texts = append(texts, strings.Join(w, " ")+".")
			}
		}
		idf := FitIDF(texts)
		docs := make([][]*Prepared, n)
		k := 0
		for i, m := range shape {
			docs[i] = []*Prepared{}
			for range m {
				docs[i] = append(docs[i], Prepare(texts[k], idf))
				k++
			}
		}
		opt := Options{Base: rng.IntN(n)}
		rows := Rows(docs, opt)
		checkInvariants(t, docs, rows)
		if again := Rows(docs, opt); !reflect.DeepEqual(rows, again) {
			t.Fatalf("seed %d: Rows is not deterministic", seed)
		}
	}
}

// Two stories about similar but different events (two ferry sinkings in
// different places, with different names and numbers): claims of one must
// not be linked to claims of the other.
func TestRowsEventGrouping(t *testing.T) {
	a := []string{
		"A ferry capsized off Kivangu on Friday, killing twelve people, police said.",
		"The Kivangu ferry Nyota was carrying 80 passengers when it overturned.",
		"Captain Juma Mwangi survived, Kivangu police chief Amani Otieno said.",
	}
	b := []string{
		"A ferry sank near Port Selwyn on Tuesday, killing 31 people, officials said.",
		"The Selwyn vessel Aurora was carrying 240 passengers when it went down.",
		"Harbour master Lena Broderick said the Aurora had been overloaded.",
	}
	var reports [][]string
	for range 3 {
		reports = append(reports, a)
	}
	for range 3 {
		reports = append(reports, b)
	}
	docs := prepareReports(reports)
	rows := Rows(docs, Options{})
	checkInvariants(t, docs, rows)
	linked := false
	for _, r := range rows {
		for i := range r.Claims {
			for j := i + 1; j < len(r.Claims); j++ {
				if (r.Claims[i].Doc < 3) != (r.Claims[j].Doc < 3) {
					t.Errorf("%s row links the two events: %v", r.Level, r.Claims)
				} else {
					linked = true
				}
			}
		}
	}
	if !linked {
		t.Error("no claims linked within one event")
	}
}

// benchDocs builds 12 reports of about 100 claims (2,000 words) each from the
// built-in samples, reshuffled per report so reports overlap but differ.
func benchDocs(b *testing.B) [][]*Prepared {
	var pool []string
	for _, s := range assets.Samples() {
		text := string(s.Text)
		for _, c := range segment.Segment(text) {
			pool = append(pool, text[c.Start:c.End])
		}
	}
	if len(pool) == 0 {
		b.Skip("no samples")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var reports [][]string
	var all []string
	for r := range 12 {
		var claims []string
		words := 0
		for words < 2000 {
			c := pool[rng.IntN(len(pool))]
			if rng.IntN(3) == 0 { // an invented claim of this report only
				c = fmt.Sprintf("Report %d adds detail %d about %s.", r, len(claims), strings.Fields(c)[0])
			}
			claims = append(claims, c)
			words += len(strings.Fields(c))
		}
		reports = append(reports, claims)
		all = append(all, claims...)
	}
	idf := FitIDF(all)
	docs := make([][]*Prepared, len(reports))
	for i, r := range reports {
		for _, c := range r {
			docs[i] = append(docs[i], Prepare(c, idf))
		}
	}
	return docs
}

func BenchmarkRows12x100(b *testing.B) {
	docs := benchDocs(b)
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	b.ReportMetric(float64(n), "claims")
	b.ResetTimer()
	for b.Loop() {
		Rows(docs, Options{})
	}
}
