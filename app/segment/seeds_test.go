package segment

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedsDir holds the shared seed reports and their hand-made gold; the test
// is skipped where the directory is absent. No seed text is copied into the
// repository.
const seedsDir = "../../../shared/seeds"

type gold struct {
	Pairs []struct {
		A, B struct {
			Doc   string `json:"doc"`
			Quote string `json:"quote"`
		}
		Label string `json:"label"`
	} `json:"pairs"`
	Segmentation map[string]struct {
		Sentences     int      `json:"sentences"`
		MustStayWhole []string `json:"must_stay_whole"`
		Headings      []string `json:"headings"`
		Words         int      `json:"words"`
	} `json:"segmentation"`
}

// TestSeeds checks the segmentation checks of gold.json the way
// tools/score.py does, plus that every quote of a same or related pair is at
// least 60% inside one claim. With -v it prints every claim for eyeballing.
func TestSeeds(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(seedsDir, "gold.json"))
	if err != nil {
		t.Skipf("no seeds: %v", err)
	}
	var g gold
	if err := json.Unmarshal(raw, &g); err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	claims := map[string][]Claim{}
	load := func(name string) (string, []Claim) {
		if _, ok := texts[name]; !ok {
			b, err := os.ReadFile(filepath.Join(seedsDir, name))
			if err != nil {
				t.Fatal(err)
			}
			texts[name] = string(b)
			claims[name] = Segment(string(b))
			checkClaims(t, texts[name], claims[name])
		}
		return texts[name], claims[name]
	}
	span := func(name, quote string) (int, int) {
		text, _ := load(name)
		i := strings.Index(text, quote)
		if i < 0 {
			t.Fatalf("%s: quote not found: %q", name, quote)
		}
		return i, i + len(quote)
	}

	for name, seg := range g.Segmentation {
		text, cl := load(name)
		// Sentences over maxProse words are cut into units, so the gold's
		// sentence count bounds the claims from below and, with the units
		// added, from above.
		headings, units := 0, 0
		for _, c := range cl {
			switch c.Kind {
			case Heading:
				headings++
			case Unit:
				units++
			}
		}
		if n := len(cl) - headings; seg.Sentences > 0 && (n < seg.Sentences || n-units > seg.Sentences) {
			t.Errorf("%s: %d claims besides %d headings (%d units of long sentences), gold has %d sentences",
				name, n, headings, units, seg.Sentences)
		}
		for _, q := range seg.MustStayWhole {
			s, e := span(name, q)
			whole := false
			for _, c := range cl {
				if c.Start <= s && c.End >= e-2 {
					whole = true
				}
			}
			if !whole {
				t.Errorf("%s: split inside %q", name, q)
			}
		}
		for _, q := range seg.Headings {
			s, e := span(name, q)
			own := false
			for _, c := range cl {
				if abs(c.Start-s) <= 2 && abs(c.End-e) <= 2 {
					own = true
				}
			}
			if !own {
				t.Errorf("%s: heading %q is not its own claim", name, q)
			}
		}
		if seg.Words > 0 {
			longest, shortest := 0, 1<<30
			for _, c := range cl {
				n := len(strings.Fields(text[c.Start:c.End]))
				longest = max(longest, n)
				shortest = min(shortest, n)
			}
			if len(strings.Fields(text)) != seg.Words {
				t.Errorf("%s: %d words, gold says %d", name, len(strings.Fields(text)), seg.Words)
			}
			// score.py wants at least 12 claims, none over 45 words; the
			// cutter promises 6 to 40.
			if len(cl) < 12 || longest > maxUnit || shortest < minUnit {
				t.Errorf("%s: transcript cut into %d claims of %d to %d words", name, len(cl), shortest, longest)
			}
		}
	}

	type quote struct{ doc, text string }
	seen := map[quote]bool{}
	full, part := 0, 0
	for _, p := range g.Pairs {
		for _, q := range []quote{{p.A.Doc, p.A.Quote}, {p.B.Doc, p.B.Quote}} {
			if seen[q] {
				continue
			}
			seen[q] = true
			s, e := span(q.doc, q.text)
			_, cl := load(q.doc)
			best := 0
			for _, c := range cl {
				best = max(best, min(c.End, e)-max(c.Start, s))
			}
			cover := float64(best) / float64(e-s)
			switch {
			case cover >= 0.999:
				full++
			case cover >= 0.6:
				part++
				t.Logf("%s: quote %.0f%% in one claim: %q", q.doc[:3], 100*cover, q.text)
			default:
				t.Errorf("%s: quote only %.0f%% in one claim: %q", q.doc[:3], 100*cover, q.text)
			}
		}
	}
	t.Logf("gold quotes: %d wholly inside one claim, %d partly (≥60%%)", full, part)

	if testing.Verbose() {
		for name, cl := range claims {
			t.Logf("=== %s: %d claims", name, len(cl))
			for i, c := range cl {
				s := texts[name][c.Start:c.End]
				t.Logf("%3d %-8s %2dw %s", i, c.Kind, len(strings.Fields(s)), s)
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
