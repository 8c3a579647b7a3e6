package align

import "testing"

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
