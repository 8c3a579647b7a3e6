package flags_test

import (
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/flags"
	"parallax/assets"
)

// span finds the claim that starts with from and ends with to in text.
func span(t *testing.T, text, from, to string) app.Span {
	t.Helper()
	s := strings.Index(text, from)
	if s < 0 {
		t.Fatalf("sample text lacks %q", from)
	}
	e := strings.Index(text[s:], to)
	if e < 0 {
		t.Fatalf("sample text lacks %q after %q", to, from)
	}
	return app.Span{Start: s, End: s + e + len(to)}
}

// TestSamples checks that the deliberate disagreements of the built-in
// samples (see assets.Sample) are flagged on claim pairs an aligner would
// put in one row, and that claims the samples agree on raise nothing.
func TestSamples(t *testing.T) {
	ss := assets.Samples()
	if len(ss) != 3 {
		t.Fatalf("want 3 samples (wire, web, radio), got %d", len(ss))
	}
	wire, web, radio := string(ss[0].Text), string(ss[1].Text), string(ss[2].Text)
	type claim struct{ text, from, to string }
	tests := []struct {
		name string
		a, b claim
		want []string // "kind: detail fragment"; nil for agreement
	}{
		{"dead 12 vs 15",
			claim{wire, "Twelve people were killed", "in a decade."},
			claim{web, "The death toll from", "near Kivangu."},
			[]string{"number: Twelve people vs 15"}},
		{"dead 12 vs at least a dozen",
			claim{wire, "Twelve people were killed", "in a decade."},
			claim{radio, "after the ferry MV Lulinda capsized", "a dozen people are dead"},
			nil}, // "at least a dozen" allows 12: vaguer, not different
		{"dead 15 vs at least a dozen",
			claim{web, "The death toll from", "near Kivangu."},
			claim{radio, "after the ferry MV Lulinda capsized", "a dozen people are dead"},
			[]string{`name: "Kivangu" vs "Kiwangu" (spelling variant)`}},
		{"captain Mwansa vs Mwanza",
			claim{wire, "The captain, Amos Mwansa", "a police spokesman said."},
			claim{web, "The captain, Amos Mwanza", "questioned by police."},
			[]string{`name: "Mwansa" vs "Mwanza" (spelling variant)`}},
		{"captain Mwanza in both",
			claim{web, "The captain, Amos Mwanza", "questioned by police."},
			claim{radio, "the captain Amos Mwanza", "with their inquiries"},
			nil},
		{"said vs according to",
			claim{wire, "Regional Transport Minister Halima Serwanga said", "50 passengers."},
			claim{web, "The vessel was licensed", "Halima Serwanga."},
			[]string{`attribution: "said" vs "according to"`}},
		{"may have been overloaded vs was overloaded",
			claim{wire, "Police said the ferry may", "overloaded."},
			claim{web, "The ferry was overloaded, police said.", "police said."},
			[]string{`hedge: hedged: "may have been overloaded" vs "was overloaded"`}},
		{"forecast agrees",
			claim{wire, "Strong winds had been forecast", "overnight."},
			claim{radio, "strong winds had been forecast", "overnight"},
			nil},
		{"investigation agrees",
			claim{wire, "The cause of the accident", "investigation."},
			claim{web, "The cause of the accident", "investigation."},
			nil},
		{"overturned agrees",
			claim{wire, "The ferry overturned shortly", "to Esse Island."},
			claim{web, "The ferry overturned shortly", "80 people on board."},
			nil},
		{"rescued agrees",
			claim{wire, "Police said 83 passengers", "had been rescued."},
			claim{web, "The ferry overturned shortly", "Sixty-one were rescued."},
			nil},
		{"accountable agrees",
			claim{wire, "\"We will find out", "held to account.\""},
			claim{web, "\u201cWe will find out", "held to account.\u201d"},
			nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sa := span(t, tc.a.text, tc.a.from, tc.a.to)
			sb := span(t, tc.b.text, tc.b.from, tc.b.to)
			got := flags.Compare(tc.a.text, sa, tc.b.text, sb)
			checkSpans(t, tc.a.text, sa, tc.b.text, sb, got)
			r := render(got)
			if tc.want == nil {
				if len(got) != 0 {
					t.Fatalf("want no flag, got %q", r)
				}
				return
			}
			for _, w := range tc.want {
				found := false
				for _, g := range r {
					found = found || strings.Contains(g, w)
				}
				if !found {
					t.Errorf("missing %q in %q", w, r)
				}
			}
			for _, g := range r {
				if strings.HasPrefix(g, "number:") && !strings.HasPrefix(tc.want[0], "number:") {
					t.Errorf("unexpected number flag %q", g)
				}
			}
		})
	}
}

// TestSelfIsSilent compares every line of every sample with itself, and
// with itself re-cased as lower-cased wire copy: a claim never disagrees
// with its own words.
func TestSelfIsSilent(t *testing.T) {
	for _, s := range assets.Samples() {
		text := string(s.Text)
		lower := strings.ToLower(text)
		off := 0
		for _, line := range strings.SplitAfter(text, "\n") {
			sp := app.Span{Start: off, End: off + len(strings.TrimRight(line, "\n"))}
			off += len(line)
			if got := flags.Compare(text, sp, text, sp); len(got) != 0 {
				t.Errorf("%s: %q vs itself: %q", s.File, text[sp.Start:sp.End], render(got))
			}
			if got := flags.Compare(text, sp, lower, sp); len(got) != 0 {
				t.Errorf("%s: %q vs lower case: %q", s.File, text[sp.Start:sp.End], render(got))
			}
		}
	}
}
