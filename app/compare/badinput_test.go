package compare_test

import (
	"context"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/compare"
)

// TestBadInput feeds the claim engine the reports an editor will one day
// drop on it by mistake. Each must give a comparison that keeps the
// contract (every claim in one main row, spans inside the text) or a clear
// error, and never a panic.
func TestBadInput(t *testing.T) {
	ferry := "Twelve people died when the ferry capsized on Friday, police said. The captain survived."
	oneLine := strings.Repeat("the ferry capsized near the harbour and twelve people died ", 2<<20/58)
	cases := []struct {
		name    string
		reports []string
		shared  int // 1: some claim is stated by both; 0: none is; -1: either
	}{
		{"empty report", []string{"", ferry}, 0},
		{"white space only", []string{" \n\t\n ", ferry}, 0},
		{"one 2 MB line", []string{oneLine, ferry}, -1},
		{"another script", []string{"Двенадцать человек погибли, когда паром перевернулся в пятницу. Капитан выжил.", ferry}, 0},
		{"Arabic and Chinese", []string{"غرقت العبارة يوم الجمعة. 渡轮周五倾覆，十二人死亡。", ferry}, 0},
		{"nothing in common", []string{"The central bank raised interest rates by half a point.", ferry}, 0},
		{"identical", []string{ferry, ferry}, 1},
		{"punctuation only", []string{"... --- !!! ???", ferry}, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var reports []app.Report
			for i, r := range tc.reports {
				reports = append(reports, app.Report{Title: string(rune('A' + i)), Text: r})
			}
			c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			main := map[[2]int]int{}
			shared := false
			for _, r := range c.Rows {
				if !r.Link {
					for _, ref := range r.Claims {
						main[[2]int{ref.Doc, ref.Claim}]++
					}
				}
				shared = shared || r.Shared()
			}
			for d, doc := range c.Docs {
				for i, cl := range doc.Claims {
					if cl.Start < 0 || cl.End > len(doc.Report.Text) || cl.Start >= cl.End {
						t.Errorf("doc %d claim %d: span %d..%d of %d bytes", d, i, cl.Start, cl.End, len(doc.Report.Text))
					}
					if main[[2]int{d, i}] != 1 {
						t.Errorf("doc %d claim %d in %d main rows", d, i, main[[2]int{d, i}])
					}
				}
			}
			if tc.shared >= 0 && shared != (tc.shared == 1) {
				t.Errorf("shared rows: %v, want %v", shared, tc.shared)
			}
		})
	}
}
