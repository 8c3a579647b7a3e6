package worddiff

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

func TestMapOffsets(t *testing.T) {
	cases := []struct {
		name, a, b string
		// marks are words of a whose start is mapped; want are the
		// words of b those starts must land on.
		marks, want []string
	}{
		{"unchanged", "The ferry left. Nobody was hurt.", "The ferry left. Nobody was hurt.",
			[]string{"The", "Nobody"}, []string{"The", "Nobody"}},
		{"word fixed before", "The fery left. Nobody was hurt.", "The ferry left. Nobody was hurt.",
			[]string{"left.", "Nobody"}, []string{"left.", "Nobody"}},
		{"case fixed", "anna smith said no. then she left", "Anna Smith said no. Then she left",
			[]string{"said", "then"}, []string{"said", "Then"}},
		{"words inserted", "The ferry left. Nobody was hurt.", "The old ferry left at nine. Nobody at all was hurt.",
			[]string{"ferry", "Nobody", "hurt."}, []string{"ferry", "Nobody", "hurt."}},
		{"marked word replaced", "The ferry left. Nobody was hurt.", "The ferry left. None was hurt.",
			[]string{"Nobody"}, []string{"None"}},
		{"marked word deleted", "The ferry left. Sadly nobody was hurt.", "The ferry left. Nobody was hurt.",
			[]string{"Sadly"}, []string{"Nobody"}},
		{"paragraphs joined", "One two.\n\nThree four.", "One two. Three four.",
			[]string{"Three"}, []string{"Three"}},
		{"everything rewritten", "alpha beta gamma delta", "one two three four five six seven eight",
			[]string{"alpha", "gamma"}, []string{"one", "five"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var offs []int
			for _, m := range c.marks {
				offs = append(offs, wordAt(t, c.a, m))
			}
			got := MapOffsets(c.a, c.b, offs)
			for k, w := range c.want {
				if at := wordAt(t, c.b, w); got[k] != at {
					t.Errorf("%q at %d mapped to %d (%q), want %d", c.marks[k], offs[k], got[k], c.b[got[k]:], at)
				}
			}
		})
	}
	// Inside a word and in the space before it.
	a, b := "The ferry left.", "The big ferry left."
	if got := MapOffsets(a, b, []int{6, 3, 0, len(a)}); got[0] != 10 || got[1] != 7 || got[2] != 0 || got[3] != len(b) {
		t.Errorf("offsets 6, 3, 0, end mapped to %v", got)
	}
	if got := MapOffsets("", "words", []int{0}); got[0] != 0 {
		t.Errorf("empty a: %v", got)
	}
	if got := MapOffsets("words here", "", []int{0, 6}); got[0] != 0 || got[1] != 0 {
		t.Errorf("empty b: %v", got)
	}
}

// wordAt is the offset of the first whole word w of s.
func wordAt(t *testing.T, s, w string) int {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if (i == 0 || s[i-1] == ' ' || s[i-1] == '\n') && strings.HasPrefix(s[i:], w) &&
			(i+len(w) == len(s) || s[i+len(w)] == ' ' || s[i+len(w)] == '\n') {
			return i
		}
	}
	t.Fatalf("no word %q in %q", w, s)
	return 0
}

// TestMapOffsetsProperties edits random texts and checks that mapped
// offsets stay in order and inside b.
func TestMapOffsetsProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the ferry left the pier at nine and nobody was hurt said the coastguard on tuesday")
	text := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	for range 200 {
		a := text(rng.IntN(60))
		b := a
		for range rng.IntN(4) {
			p := rng.IntN(len(b) + 1)
			b = b[:p] + text(rng.IntN(5)) + b[min(len(b), p+rng.IntN(20)):]
		}
		var offs []int
		for o := 0; o <= len(a); o += 1 + rng.IntN(7) {
			offs = append(offs, o)
		}
		got := MapOffsets(a, b, offs)
		for k, g := range got {
			if g < 0 || g > len(b) || (k > 0 && g < got[k-1]) {
				t.Fatalf("MapOffsets(%q, %q, %v) = %v", a, b, offs, got)
			}
		}
	}
}

// TestMapOffsetsCost maps a two-hour transcript's cues after a few
// corrections spread over it, and after a rewrite of it all: both must
// answer quickly (the second at MapWords, in proportion).
func TestMapOffsetsCost(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	var sb strings.Builder
	for i := range 2000 {
		sb.WriteString("the council met on tuesday and voted " + strings.Repeat("x", i%7) + " to repair the wall. ")
	}
	a := sb.String()
	b := strings.Replace(a, "council", "Council", 1)
	b = b[:len(b)/2] + "an inserted sentence. " + b[len(b)/2:]
	b = strings.Replace(b, "wall. ", "harbour wall. ", -1)
	offs := make([]int, 0, 2000)
	for o := 0; o < len(a); o += 100 {
		offs = append(offs, o)
	}
	other := strings.Repeat("a different text of many words ", 1800)
	for name, b := range map[string]string{"corrections": b, "rewrite": other, "rewrite past MapWords": other + other} {
		start := time.Now()
		MapOffsets(a, b, offs)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: %v", name, d)
		}
		t.Logf("%s: %d words, %v", name, len(strings.Fields(a)), time.Since(start))
	}
}
