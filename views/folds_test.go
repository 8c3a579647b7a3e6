package views

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parallax/app/compare"
	"parallax/app/sheet"
)

// listed counts the sheet rows the grid lists, a folded run's rows included.
func listed(g *grid) int {
	n := len(g.visible)
	for _, f := range g.folds.at {
		n += len(f.Rows) - 1
	}
	return n
}

// foldLineAt is the fold line the list draws at position p, nil when the
// row there is not folded.
func foldLineAt(t *testing.T, g *grid, p int) *foldLine {
	t.Helper()
	item := g.createRow()
	g.updateRow(p, item)
	l := item.(*fyne.Container).Objects[2].(*foldLine)
	if !l.Visible() {
		return nil
	}
	return l
}

// TestSingleSourceRunsFolded: the samples open with every run of two or
// more single-source rows on one line that says what it holds, and every
// other row as it was.
func TestSingleSourceRunsFolded(t *testing.T) {
	m := compared(t, seeded(t))
	g := m.cmp.grid
	s := m.cmp.s
	if len(g.folds.at) == 0 {
		t.Fatal("no run of single-source rows is folded in the samples")
	}
	if listed(g) != len(s.Rows) {
		t.Fatalf("the grid lists %d rows of %d", listed(g), len(s.Rows))
	}
	for p, ri := range g.visible {
		f := g.folds.at[p]
		l := foldLineAt(t, g, p)
		switch {
		case f == nil && l != nil:
			t.Errorf("position %d (row %d) draws a fold line", p, ri)
		case f == nil && s.Rows[ri].Status == compare.StatusSingle && p+1 < len(g.visible) &&
			g.folds.at[p+1] == nil && s.Rows[g.visible[p+1]].Status == compare.StatusSingle:
			t.Errorf("rows %d and %d, both single source, are not folded", ri, g.visible[p+1])
		case f != nil:
			if l == nil {
				t.Fatalf("position %d is folded but draws its row", p)
			}
			if !strings.HasPrefix(l.label.Text, "▸ ") || !strings.Contains(l.label.Text, " claims ") || !strings.Contains(l.label.Text, "only") {
				t.Errorf("fold line %q", l.label.Text)
			}
			if g.heights[p] != g.foldHeight() {
				t.Errorf("fold at %d is %v tall, want one line (%v)", p, g.heights[p], g.foldHeight())
			}
		}
	}
	// Filters for exactly the single-source rows, or verdicts, fold nothing.
	m.cmp.setFilter(sheet.Filter{Kind: sheet.Single})
	if len(g.folds.at) != 0 || len(g.visible) != s.C.Counts().Single {
		t.Errorf("single-source filter: %d folds, %d rows", len(g.folds.at), len(g.visible))
	}
}

// firstFold is the position of the first folded run.
func firstFold(t *testing.T, g *grid) (int, *sheet.Fold) {
	t.Helper()
	for p := range g.visible {
		if f := g.folds.at[p]; f != nil {
			return p, f
		}
	}
	t.Fatal("nothing is folded")
	return -1, nil
}

// TestUnfoldByClickAndEnter: a click on a fold line unfolds its run; Enter
// on a selected fold unfolds it and Enter on a row of the run folds it again;
// the runs unfolded come back after a restart.
func TestUnfoldByClickAndEnter(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	g := v.grid
	p, f := firstFold(t, g)
	run := slices.Clone(f.Rows)
	before := len(g.visible)

	ui(func() { test.Tap(foldLineAt(t, g, p)) })
	if g.folds.at[p] != nil || len(g.visible) != before+len(run)-1 {
		t.Fatalf("after a click the grid lists %d lines (was %d), fold at %d: %v", len(g.visible), before, p, g.folds.at[p])
	}
	for i, ri := range run {
		if g.visible[p+i] != ri {
			t.Fatalf("unfolded run lists row %d at %d, want %d", g.visible[p+i], p+i, ri)
		}
	}
	if c, _ := v.state(); !slices.Contains(c.Unfolded, f.Key) {
		t.Errorf("unfolded run %s is not saved: %v", f.Key, c.Unfolded)
	}

	// Enter on a row of the open run folds it; Enter on the fold opens it.
	ui(func() { g.jump(p + 1) })
	enter := &fyne.KeyEvent{Name: fyne.KeyReturn}
	ui(func() { g.list.TypedKey(enter) })
	if g.folds.at[p] == nil {
		t.Fatal("Enter on a row of an unfolded run does not fold it again")
	}
	ui(func() { g.jump(p) })
	if g.selected() != -1 {
		t.Errorf("a selected fold line selects row %d", g.selected())
	}
	ui(func() { g.list.TypedKey(enter) })
	if g.folds.at[p] != nil {
		t.Fatal("Enter on a selected fold does not unfold it")
	}

	// Unfold a second run, restart, reopen: both stay open, others fold.
	p2, f2 := firstFold(t, g)
	ui(func() { test.Tap(foldLineAt(t, g, p2)) })
	m.saveState()
	m2 := newTestMain(t, st)
	comps, err := m2.ws.Comparisons(context.Background())
	if err != nil || len(comps) != 1 {
		t.Fatal(comps, err)
	}
	m2.openComparison(comps[0])
	m2.jobs.Wait()
	g2 := m2.cmp.grid
	for _, k := range []string{f.Key, f2.Key} {
		if !g2.folds.open[k] {
			t.Errorf("run %s folded again after a restart", k)
		}
	}
	if len(g2.folds.at) != len(g.folds.at) || len(g2.visible) != len(g.visible) {
		t.Errorf("after a restart %d folds and %d lines, before %d and %d", len(g2.folds.at), len(g2.visible), len(g.folds.at), len(g.visible))
	}

	// Fold all, unfold all.
	ui(func() { g2.foldAll(false) })
	if len(g2.folds.at) != 0 || len(g2.visible) != len(m2.cmp.s.Rows) {
		t.Errorf("unfold all leaves %d folds", len(g2.folds.at))
	}
	ui(func() { g2.foldAll(true) })
	if c, _ := m2.cmp.state(); len(c.Unfolded) != 0 || len(g2.folds.at) == 0 {
		t.Errorf("fold all: %d folds, saved unfolded %v", len(g2.folds.at), c.Unfolded)
	}
}

// TestFindAndLinksReachFoldedRows: a search finds claims in folded runs and
// opens those runs while it lasts; going to a folded row opens its run.
func TestFindAndLinksReachFoldedRows(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	g := v.grid
	_, f := firstFold(t, g)
	hidden := f.Rows[len(f.Rows)-1]
	words := strings.Fields(v.s.C.Docs[singleDoc(v.s, hidden)].ClaimText(v.s.Rows[hidden].Cells[singleDoc(v.s, hidden)].Claim))
	q := strings.Join(words[:min(4, len(words))], " ")

	ui(func() { test.Type(v.bar.findEntry, q) })
	if !g.folds.peek[f.Key] || !slices.Contains(g.visible, hidden) {
		t.Fatalf("finding %q does not open the run holding it", q)
	}
	found := false
	for _, h := range g.hits {
		found = found || g.visible[h] == hidden
	}
	if !found {
		t.Errorf("find %q: hits %v miss row %d", q, g.hits, hidden)
	}
	ui(func() { v.bar.findEntry.SetText("") })
	if g.folds.isOpen(f.Key) || slices.Contains(g.visible, hidden) {
		t.Error("clearing the search leaves the run open")
	}
	if c, _ := v.state(); len(c.Unfolded) != 0 {
		t.Errorf("a search saved unfolded runs: %v", c.Unfolded)
	}

	ui(func() { g.jumpToRow(hidden) })
	if ri := g.selected(); ri != hidden {
		t.Errorf("going to folded row %d selects %d", hidden, ri)
	}
}

// singleDoc is the report of single-source row ri.
func singleDoc(s *sheet.Sheet, ri int) int {
	return slices.IndexFunc(s.Rows[ri].Cells, func(c sheet.Cell) bool { return !c.Empty() })
}
