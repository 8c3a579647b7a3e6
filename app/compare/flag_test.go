package compare_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/compare"
)

// checkFlag checks the shape of flag f of row r: two or more sides, each
// claim of the row on at most one, in order, each span inside its claim.
func checkFlag(t *testing.T, docs *[]compare.Doc, r *compare.Row, f compare.Flag) {
	t.Helper()
	if len(f.Sides) < 2 || f.Detail == "" {
		t.Errorf("flag %+v: %d sides", f, len(f.Sides))
	}
	seen := map[int]bool{}
	for _, s := range f.Sides {
		if len(s.Claims) == 0 || len(s.Claims) != len(s.Spans) || !slices.IsSorted(s.Claims) {
			t.Errorf("flag %+v: side %+v", f, s)
		}
		for i, k := range s.Claims {
			if k < 0 || k >= len(r.Claims) || seen[k] {
				t.Errorf("flag %+v: claim %d of a row of %d", f, k, len(r.Claims))
				continue
			}
			seen[k] = true
			c := (*docs)[r.Claims[k].Doc].Claims[r.Claims[k].Claim]
			if sp := s.Spans[i]; sp.Start < c.Start || sp.End > c.End || sp.Start > sp.End {
				t.Errorf("flag %+v: span %v outside claim %v", f, sp, c)
			}
		}
	}
}

// rowWith compares texts as reports named A, B, C... and returns the
// comparison and the index of its row holding the claim of report 0 that
// contains word, a row of one claim per report.
func rowWith(t *testing.T, word string, texts ...string) (*compare.Comparison, int) {
	t.Helper()
	var reports []app.Report
	for i, s := range texts {
		reports = append(reports, app.Report{Outlet: string(rune('A' + i)), Text: s})
	}
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Rows {
		r := &c.Rows[i]
		if r.Link {
			continue
		}
		for _, ref := range r.Claims {
			if ref.Doc == 0 && strings.Contains(c.Docs[0].ClaimText(ref.Claim), word) {
				if len(r.Claims) != len(texts) {
					t.Fatalf("the row of %q holds %d claims, want %d: %+v", word, len(r.Claims), len(texts), r.Claims)
				}
				for _, f := range r.Flags {
					checkFlag(t, &c.Docs, r, f)
				}
				return c, i
			}
		}
	}
	t.Fatalf("no row holds %q", word)
	return nil, 0
}

// sides names the reports on each side of f, "A, C vs B".
func sides(c *compare.Comparison, r *compare.Row, f *compare.Flag) string {
	return r.Who(f, func(d int) string { return c.Docs[d].Label() })
}

// The lead of three invented reports: the base report gives no month, the
// other two give different ones. Against the base alone nothing differs;
// between the two others the month does.
const (
	festivalBase = "The Mantra lantern festival will return to the old harbour of Lindby, the town council said on its website.\n\nStalls open at noon."
	festivalDec  = "The Mantra lantern festival will return to the old harbour of Lindby in December, the town council said on its website.\n\nStalls open at noon."
	festivalSep  = "The Mantra lantern festival will return to the old harbour of Lindby in September, the town council said on its website.\n\nStalls open at noon."
	festivalOct  = "The Mantra lantern festival will return to the old harbour of Lindby in October, the town council said on its website.\n\nStalls open at noon."
)

// ferry reports a count of passengers (n), or none.
func ferry(n string) string {
	with := ""
	if n != "" {
		with = " with " + n + " passengers on board"
	}
	return "The ferry Kestrel ran aground off Skarra Point" + with + " early on Sunday, the coastguard said.\n\nA tug was sent from the port."
}

func TestFlagsBetweenNonBaseReports(t *testing.T) {
	for _, tc := range []struct {
		name       string
		texts      []string
		word       string
		kind       app.FlagKind
		detail     string
		who        string
		flagsPerCl []int // flags marking each claim of the row
	}{
		{"month", []string{festivalBase, festivalDec, festivalSep}, "Mantra",
			app.FlagDate, `"December" vs "September"`, "B vs C", []int{0, 1, 1}},
		{"number", []string{ferry(""), ferry("112"), ferry("150")}, "Kestrel",
			app.FlagNumber, "112 passengers vs 150 passengers", "B vs C", []int{0, 1, 1}},
		// Found against the base and between B and C: one flag, not three.
		{"month, the base on one side", []string{festivalDec, festivalSep, festivalDec}, "Mantra",
			app.FlagDate, `"December" vs "September"`, "A, C vs B", []int{1, 1, 1}},
		{"number, the base alone", []string{ferry("112"), ferry("150"), ferry("150")}, "Kestrel",
			app.FlagNumber, "112 passengers vs 150 passengers", "A vs B, C", []int{1, 1, 1}},
		{"three months", []string{festivalDec, festivalSep, festivalOct}, "Mantra",
			app.FlagDate, `"December" vs "September" vs "October"`, "A vs B vs C", []int{1, 1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, i := rowWith(t, tc.word, tc.texts...)
			r := &c.Rows[i]
			if len(r.Flags) != 1 {
				for _, f := range r.Flags {
					t.Logf("flag %s: %s (%s)", f.Kind, f.Detail, sides(c, r, &f))
				}
				t.Fatalf("%d flags, want 1", len(r.Flags))
			}
			f := &r.Flags[0]
			if f.Kind != tc.kind || f.Detail != tc.detail || sides(c, r, f) != tc.who {
				t.Errorf("flag %s %q (%s), want %s %q (%s)", f.Kind, f.Detail, sides(c, r, f), tc.kind, tc.detail, tc.who)
			}
			for k, want := range tc.flagsPerCl {
				sp, ok := f.In(k)
				if ok != (want == 1) {
					t.Errorf("claim %d: in the flag %v, want %v", k, ok, want == 1)
				}
				if ok && sp.Start >= sp.End {
					t.Errorf("claim %d: empty mark %v", k, sp)
				}
			}
			if got := c.Status(i); got != compare.StatusFlagged {
				t.Errorf("status %v, want flagged", got)
			}
		})
	}
}

// A row made by hand of claims the aligner kept apart is flagged like the
// aligner's own, though run analyses for flags only the claims of same rows.
func TestNewRowFlagsClaimsOfNoSameRow(t *testing.T) {
	reports := []app.Report{
		{Outlet: "A", Text: ferry("112")},
		{Outlet: "B", Text: "Gulls circled the harbour.\n\nA count by the crew gave 150 passengers."},
	}
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := align.Ref{Doc: 0, Claim: 0}, align.Ref{Doc: 1, Claim: 1}
	for _, r := range c.Rows {
		if r.Shared() && slices.Contains(r.Claims, a) && slices.Contains(r.Claims, b) {
			t.Fatalf("the aligner already made them one row: %+v", r)
		}
	}
	r := c.NewRow([]align.Ref{b, a})
	if len(r.Flags) != 1 || r.Flags[0].Kind != app.FlagNumber || r.Flags[0].Detail != "112 passengers vs 150 passengers" {
		t.Fatalf("flags %+v, want one: 112 passengers vs 150 passengers", r.Flags)
	}
}
