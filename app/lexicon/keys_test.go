package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestKeysEqualRelated checks that RelateKeys gives exactly what the table
// walk gives, over every pair of a vocabulary of news words (the seed
// reports') and a sample of WordNet's own words with their derivations, so
// every relation occurs many times.
func TestKeysEqualRelated(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	vocab := []string{"cars", "automobiles", "decided", "decision", "dog", "canine", "killed", "slay",
		"bought", "purchase", "attackers", "rapidly", "rapid", "went", "children", "daraa", "2024"}
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		vocab = append(vocab, strings.FieldsFunc(strings.ToLower(string(b)), func(r rune) bool { return !unicode.IsLetter(r) })...)
	}
	l := get()
	tb := l.t
	for i := 0; i < tb.NumWords(); i += 211 {
		vocab = append(vocab, tb.Word(i))
		for _, d := range tb.Derived[tb.DerivStart[i]:tb.DerivStart[i+1]] {
			vocab = append(vocab, tb.Word(int(d)))
		}
	}
	slices.Sort(vocab)
	vocab = slices.Compact(vocab)
	vocab = vocab[:min(len(vocab), 2500)] // quick whatever the seeds hold
	words := make([]Word, len(vocab))
	keys := make([]Keys, len(vocab))
	for i, v := range vocab {
		words[i] = Lookup(v)
		words[i].Keys(&keys[i])
	}
	var count [RelSame + 1]int
	for i := range words {
		for j := range words {
			if i == j {
				continue
			}
			want := l.relateWords(&words[i], &words[j])
			if got := RelateKeys(&keys[i], &keys[j]); got != want {
				t.Fatalf("%q/%q: keys say %v, the table %v", vocab[i], vocab[j], got, want)
			}
			count[want]++
		}
	}
	for r, n := range count {
		if n < 50 {
			t.Errorf("only %d pairs of relation %v: the vocabulary does not test it", n, Relation(r))
		}
	}
	t.Logf("%d words; pairs per relation %v", len(vocab), count)
}
