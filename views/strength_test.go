package views

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"parallax/app/compare"
)

// TestStrengthAtAGlance: a weak match's gutter draws a dashed bar and says
// "weak", a same-claim row's a solid bar and no word; the details say the
// strength in words and never a raw score, for the row and its links.
func TestStrengthAtAGlance(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	g := v.grid
	seen := map[compare.Strength]bool{}
	for p, ri := range g.visible {
		if g.folds.at[p] != nil {
			continue
		}
		row := &v.s.Rows[ri]
		if want := v.s.C.Rows[row.Index].Strength(); row.Strength != want {
			t.Fatalf("row %d: strength %v, the comparison says %v", ri, row.Strength, want)
		}
		item := g.createRow()
		g.updateRow(p, item)
		gut := item.(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*gutter)
		bar := barPieces(gut.bar)
		switch row.Strength {
		case compare.StrengthWeak:
			if gut.word.Text != "weak" || bar < 3 {
				t.Errorf("weak row %d: word %q, bar of %d pieces (want dashes)", ri, gut.word.Text, bar)
			}
		case compare.StrengthSame, compare.StrengthAlone:
			if gut.word.Text != "" || bar != 1 {
				t.Errorf("row %d (%v): word %q, bar of %d pieces (want one)", ri, row.Strength, gut.word.Text, bar)
			}
		}
		seen[row.Strength] = true
	}
	if !seen[compare.StrengthWeak] || !seen[compare.StrengthSame] {
		t.Fatalf("the samples should hold weak and same-claim rows: %v", seen)
	}

	score := regexp.MustCompile(`\b[01]\.\d\d\b`)
	for p, ri := range g.visible {
		if g.folds.at[p] != nil || v.s.Rows[ri].Reports < 2 {
			continue
		}
		ui(func() { g.jump(p) })
		d := strings.Join(texts(v.info.box), " ")
		if !strings.Contains(d, v.s.Rows[ri].Strength.String()) {
			t.Errorf("details of row %d do not say %q: %s", ri, v.s.Rows[ri].Strength, d)
		}
		if score.MatchString(d) {
			t.Errorf("details of row %d show a raw score: %s", ri, d)
		}
	}
}

// barPieces counts the rectangles a row bar draws.
func barPieces(b *rowBar) int {
	r := b.CreateRenderer()
	r.Layout(fyne.NewSize(6, 60))
	return len(r.Objects())
}
