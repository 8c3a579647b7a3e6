package align

import (
	"slices"
	"testing"
)

func TestRowsOneClaimPerReportAndBaseOrder(t *testing.T) {
	reports := [][]string{
		{"The ferry capsized on Friday morning near Kivangu.", "Twelve people died, police said.", "Sailings were suspended."},
		{"Fifteen people died, according to police.", "The ferry overturned on Friday morning close to Kivangu.", "The ferry had failed a safety inspection."},
	}
	docs := prepareReports(reports)
	rows := Rows(docs, Options{})
	seen := map[Ref]int{}
	for _, r := range rows {
		if r.Link {
			continue
		}
		docsIn := map[int]bool{}
		for _, c := range r.Claims {
			if docsIn[c.Doc] {
				t.Errorf("row %v holds two claims of report %d", r.Claims, c.Doc)
			}
			docsIn[c.Doc] = true
			seen[c]++
		}
	}
	for d, r := range reports {
		for c := range r {
			if seen[Ref{d, c}] != 1 {
				t.Errorf("claim %d/%d is in %d main rows, want 1", d, c, seen[Ref{d, c}])
			}
		}
	}
	// The capsize claims state the same thing and lead, as in the base report.
	if first := rows[0]; len(first.Claims) != 2 || first.Claims[0] != (Ref{0, 0}) || first.Claims[1] != (Ref{1, 1}) {
		t.Errorf("first row = %+v, want the two capsize claims", first)
	}
	// Base order: base claims appear in their own order.
	last := -1
	for _, r := range rows {
		for _, c := range r.Claims {
			if c.Doc == 0 && r.Level == LevelSame {
				if c.Claim < last {
					t.Errorf("base claim %d after %d", c.Claim, last)
				}
				last = c.Claim
			}
		}
	}
}

// prepareReports prepares each report's claims with one IDF fitted over all
// of them, as a comparison does.
func prepareReports(reports [][]string) [][]*Prepared {
	var texts []string
	for _, r := range reports {
		texts = append(texts, r...)
	}
	idf := FitIDF(texts)
	docs := make([][]*Prepared, len(reports))
	for i, r := range reports {
		for _, c := range r {
			docs[i] = append(docs[i], Prepare(c, idf))
		}
	}
	return docs
}

// Rows merge on a same pair only when their claims are the same claim as
// wholes (MergeAt): asked for more than any pair can give, every same pair
// beyond the first of a row stays a same link; at the default, the reports
// that quote one statement share one row.
func TestRowsMergeOnlyAsWholes(t *testing.T) {
	reports := [][]string{
		{"Lena Voss checked into the Halden clinic on Monday.", `"We ask that you respect her privacy at this time," he said in a statement.`},
		{"Lena Voss is being treated at the Halden clinic.", `"We ask that you respect her privacy at this time," he said.`},
		{"Voss entered the Halden clinic, her agent said.", `"We ask that you respect her privacy at this time," her agent Piet Marr told the Courier.`},
		{"The Halden clinic admitted Lena Voss.", `"We ask that you respect her privacy at this time," a statement said.`},
	}
	docs := prepareReports(reports)
	quoteRow := func(pol policy) (claims, sameLinks int) {
		for _, r := range rowsWith(docs, Options{}, pol) {
			switch {
			case r.Link && r.Level == LevelSame:
				sameLinks++
			case !r.Link && slices.Contains(r.Claims, Ref{1, 1}):
				claims = len(r.Claims)
			}
		}
		return
	}
	if n, _ := quoteRow(defaultPolicy); n != 4 {
		t.Errorf("the quote's row holds %d claims, want the 4 reports that quote it", n)
	}
	strict := defaultPolicy
	strict.MergeAt = 10
	if n, links := quoteRow(strict); n != 2 || links == 0 {
		t.Errorf("with MergeAt out of reach the quote's row holds %d claims and %d same links, want 2 and some", n, links)
	}
}
