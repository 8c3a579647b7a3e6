package compare_test

import (
	"context"
	"testing"

	"parallax/app"
	"parallax/app/compare"
)

func TestStatusAndCounts(t *testing.T) {
	a := "The ferry capsized on Friday. Twelve people died, police said. The harbour was closed for the day."
	b := "The ferry capsized on Friday. Fifteen people died, police said. Sailings resume on Monday."
	c, err := compare.Texts(context.Background(), []app.Report{{Title: "A", Text: a}, {Title: "B", Text: b}}, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	byText := map[string]compare.Status{}
	for i, r := range c.Rows {
		if r.Link {
			continue
		}
		ref := r.Claims[r.Ref]
		byText[c.Docs[ref.Doc].ClaimText(ref.Claim)] = c.Status(i)
	}
	want := map[string]compare.Status{
		"The ferry capsized on Friday.":       compare.StatusAgree,
		"Twelve people died, police said.":    compare.StatusFlagged,
		"The harbour was closed for the day.": compare.StatusSingle,
		"Sailings resume on Monday.":          compare.StatusSingle,
	}
	for text, s := range want {
		if byText[text] != s {
			t.Errorf("%q: status %v, want %v (all: %v)", text, byText[text], s, byText)
		}
	}
	n := c.Counts()
	if n.Rows != 4 || n.Shared != 2 || n.Flagged != 1 || n.Single != 2 {
		t.Errorf("counts %+v (%s)", n, n)
	}
}
