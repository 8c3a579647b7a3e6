package lexicon

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	"parallax/assets"
)

func TestLoad(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	if n := get().t.NumWords(); n < 140000 {
		t.Errorf("table has %d words, want WordNet 3.0's ~150k", n)
	}
}

func TestLemma(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		// Exception lists.
		{"went", "go"},
		{"children", "child"},
		{"mice", "mouse"},
		{"better", "good"},
		{"running", "run"},
		{"said", "say"},
		{"is", "be"},
		// Detachment rules.
		{"attacks", "attack"},
		{"killed", "kill"},
		{"decisions", "decision"},
		{"officials", "official"},
		{"boxes", "box"},
		{"churches", "church"},
		{"policemen", "policeman"},
		{"cities", "city"},
		{"tries", "try"},
		{"decided", "decide"},
		{"making", "make"},
		{"largest", "large"},
		{"taller", "tall"},
		// Lemmas stay; frequency picks between the word and a detached form.
		{"attack", "attack"},
		{"glass", "glass"}, // no "-s" stripped from "-ss" nouns
		{"physics", "physics"},
		{"news", "news"},
		{"us", "us"}, // two letters: no rules
		// Words WordNet lacks come back unchanged.
		{"daraa", "daraa"},
		{"2024", "2024"},
		{"", ""},
		{strings.Repeat("s", 100), strings.Repeat("s", 100)},
	} {
		if got := Lemma(tc.word); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestLemmas(t *testing.T) {
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"saw", []string{"see", "saw"}},
		{"leaves", []string{"leaf", "leave"}},
		{"running", []string{"run", "running"}},
		{"attacks", []string{"attack"}},
		{"daraa", nil},
	} {
		if got := Lemmas(tc.word); !slices.Equal(got, tc.want) {
			t.Errorf("Lemmas(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestKnown(t *testing.T) {
	for w, want := range map[string]bool{
		"mice": true, "attacks": true, "prime_minister": true, "well-known": true,
		"daraa": false, "2024": false, "": false,
	} {
		if got := Known(w); got != want {
			t.Errorf("Known(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestRelated(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want Relation
	}{
		{"attack", "attack", RelSame},
		{"daraa", "daraa", RelSame}, // identical, even unknown
		{"went", "goes", RelSame},
		{"children", "child", RelSame},
		{"car", "automobile", RelSynonym},
		{"cars", "automobiles", RelSynonym},
		{"buy", "purchase", RelSynonym},
		{"bought", "purchased", RelSynonym},
		{"murder", "slay", RelSynonym},
		{"quake", "earthquake", RelSynonym},
		{"big", "large", RelSynonym},
		{"decide", "decision", RelDerived},
		{"decided", "decisions", RelDerived},
		{"attack", "attacker", RelDerived},
		{"attackers", "attacked", RelDerived},
		{"rapid", "rapidly", RelDerived}, // pertainym
		{"economy", "economic", RelDerived},
		{"dog", "canine", RelHypernym},
		{"canine", "dog", RelHypernym},
		// WordNet puts "slay" (murder) one step under "kill": not synonyms.
		{"kill", "slay", RelHypernym},
		{"boat", "ferry", RelHypernym},
		// Negatives.
		{"dog", "cat", RelNone},
		{"car", "banana", RelNone},
		{"decide", "attack", RelNone},
		{"daraa", "deraa", RelNone},
		{"dog", "", RelNone},
		// "dog" and "frank" share a synset only in dog's 5th sense.
		{"dog", "frank", RelNone},
		// "entity" is several steps above "dog".
		{"dog", "entity", RelNone},
	} {
		if got := Related(tc.a, tc.b); got != tc.want {
			t.Errorf("Related(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := Related(tc.b, tc.a); got != tc.want {
			t.Errorf("Related(%q, %q) = %v, want %v (not symmetric)", tc.b, tc.a, got, tc.want)
		}
		wa, wb := Lookup(tc.a), Lookup(tc.b)
		if got := wa.Related(&wb); got != tc.want {
			t.Errorf("Word(%q).Related(%q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestPredicates(t *testing.T) {
	for _, tc := range []struct {
		f    func(a, b string) bool
		name string
		a, b string
		want bool
	}{
		{Synonyms, "Synonyms", "car", "automobile", true},
		{Synonyms, "Synonyms", "buy", "purchase", true},
		{Synonyms, "Synonyms", "murder", "slay", true},
		{Synonyms, "Synonyms", "car", "car", true},
		{Synonyms, "Synonyms", "kill", "slay", false},
		{Synonyms, "Synonyms", "dog", "cat", false},
		{Derived, "Derived", "decide", "decision", true},
		{Derived, "Derived", "attack", "attacker", true},
		{Derived, "Derived", "attack", "attack", false},
		{Derived, "Derived", "car", "automobile", false},
		{Hypernym, "Hypernym", "dog", "canine", true},
		{Hypernym, "Hypernym", "canine", "dog", true},
		{Hypernym, "Hypernym", "slay", "kill", true},
		{Hypernym, "Hypernym", "dog", "animal", false}, // two steps
		{Hypernym, "Hypernym", "car", "automobile", false},
	} {
		if got := tc.f(tc.a, tc.b); got != tc.want {
			t.Errorf("%s(%q, %q) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestRelationString(t *testing.T) {
	for r, want := range map[Relation]string{
		RelNone: "none", RelHypernym: "hypernym", RelDerived: "derived",
		RelSynonym: "synonym", RelSame: "same", Relation(9): "Relation(9)",
	} {
		if got := r.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", r, got, want)
		}
	}
	if !(RelNone < RelHypernym && RelHypernym < RelDerived && RelDerived < RelSynonym && RelSynonym < RelSame) {
		t.Error("relations are not ordered weakest to strongest")
	}
}

// TestNoAllocs guards the hot path: the scorer calls these for every word
// pair of every candidate claim pair.
func TestNoAllocs(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	wa, wb := Lookup("attackers"), Lookup("decisions")
	for name, f := range map[string]func(){
		"Related":      func() { Related("decided", "decisions") },
		"Lemma":        func() { Lemma("running") },
		"Lookup":       func() { Lookup("churches") },
		"Word.Related": func() { wa.Related(&wb) },
		"Synonyms":     func() { Synonyms("cars", "automobiles") },
		"Hypernym":     func() { Hypernym("dogs", "canines") },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s allocates %v times per call", name, n)
		}
	}
}

func TestCorruptTable(t *testing.T) {
	l := load(assets.WordNet[:len(assets.WordNet)/2])
	if l.err == nil {
		t.Fatal("half a table loaded without error")
	}
	var w Word
	l.analyse("mice", &w)
	if w.n != 0 || l.related(&w, &w) != RelSame {
		t.Error("a failed load should behave as an empty WordNet")
	}
}

// FuzzLemma checks that any input is handled: Lemma returns the word itself
// or a lemma WordNet has, and Related is symmetric.
func FuzzLemma(f *testing.F) {
	for _, s := range []string{"went", "attacks", "ss", "", "ies", "boxes", "é", "running"} {
		f.Add(s, "attack")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		l := Lemma(a)
		if l != a {
			if _, ok := get().index.lookup(l); !ok {
				t.Errorf("Lemma(%q) = %q, not in WordNet", a, l)
			}
		}
		if r1, r2 := Related(a, b), Related(b, a); r1 != r2 {
			t.Errorf("Related(%q, %q) = %v but reversed %v", a, b, r1, r2)
		}
	})
}

// BenchmarkLoad measures start-up: decoding the embedded table and building
// the word index. It also reports the heap the loaded lexicon keeps.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	kept := load(assets.WordNet)
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(kept)
	b.ReportAllocs()
	for b.Loop() {
		if l := load(assets.WordNet); l.err != nil {
			b.Fatal(l.err)
		}
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-kept")
}

var sink Relation

func BenchmarkRelated(b *testing.B) {
	pairs := [][2]string{{"cars", "automobiles"}, {"decided", "decision"}, {"dog", "canine"},
		{"killed", "ferry"}, {"minister", "said"}, {"daraa", "deraa"}}
	if err := Load(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		sink = Related(p[0], p[1])
	}
}

func BenchmarkWordRelated(b *testing.B) {
	words := []string{"cars", "automobiles", "decided", "decision", "dog", "canine", "killed", "ferry", "minister", "said", "daraa"}
	ws := make([]Word, len(words))
	for i, w := range words {
		ws[i] = Lookup(w)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sink = ws[i%len(ws)].Related(&ws[(i*7+3)%len(ws)])
	}
}
