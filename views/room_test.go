package views

import (
	"testing"

	"fyne.io/fyne/v2"
)

// menuBar is the height of the main menu the desktop driver draws inside
// the window on Linux and Windows (28 px, measured on the real window
// under Xvfb); the headless driver draws none, so a test window stands for
// a real one of its height plus menuBar.
const menuBar = 28

// relayout lays the window out again, as the desktop driver does when a
// part's minimum size changed (the headless canvas does not notice a
// header filled after the window was laid out).
func relayout(m *Main) {
	ui(func() {
		size := m.win.Canvas().Size()
		m.win.Resize(size.Add(fyne.NewSize(0, 1)))
		m.win.Resize(size)
	})
}

// wholeLines counts the list lines (rows and folded runs) and the rows
// among them shown whole in the grid's viewport, scrolled to the top.
func wholeLines(g *grid) (lines, rows int) {
	view := g.list.Size().Height
	for p := range g.visible {
		if g.offsets[p]+g.heights[p] > view+0.5 {
			break
		}
		lines++
		if g.folds.at[p] == nil {
			rows++
		}
	}
	return lines, rows
}

// TestRoomForRows: on a 1366×768 laptop screen with the sidebar shown, the
// samples compared give the rows at least 60 % of the window's height, and
// show at least five whole lines with the row details open and at least
// eight with them folded (Ctrl+J).
func TestRoomForRows(t *testing.T) {
	const w, h = 1366, 768
	m := comparedAt(t, seeded(t), fyne.NewSize(w, h-menuBar))
	relayout(m)
	v := m.cmp
	g := v.grid
	if !m.sidebar.Visible() || !v.panelShown() || !v.legendShown() {
		t.Fatalf("not the default window: sidebar %v, details %v, legend %v", m.sidebar.Visible(), v.panelShown(), v.legendShown())
	}
	rowsH := g.list.Size().Height
	if rowsH < 0.6*h {
		t.Errorf("the rows get %.0f px of a %d px window (%.0f %%), want at least 60 %%", rowsH, h, 100*rowsH/h)
	}
	lines, rows := wholeLines(g)
	t.Logf("details open: rows %.0f px (%.0f %%), %d whole lines, %d of them rows", rowsH, 100*rowsH/h, lines, rows)
	if lines < 5 {
		t.Errorf("with the details open %d whole lines are shown, want at least 5", lines)
	}

	ui(func() { press(t, m, shortcut(fyne.KeyJ)) })
	relayout(m)
	if v.panelShown() {
		t.Fatal("Ctrl+J does not fold the details")
	}
	lines, rows = wholeLines(g)
	t.Logf("details folded: rows %.0f px, %d whole lines, %d of them rows", g.list.Size().Height, lines, rows)
	if lines < 8 {
		t.Errorf("with the details folded %d whole lines are shown, want at least 8", lines)
	}
	if m.app.Preferences().Bool(prefDetailsShown) {
		t.Error("folding the details is not remembered")
	}
	ui(func() { press(t, m, shortcut(fyne.KeyJ)) })
	if !v.panelShown() {
		t.Error("Ctrl+J does not bring the details back")
	}
}

// TestLongRowsLimited: a row not selected shows at most maxRowLines lines;
// the selected row shows whole and goes back when another is selected;
// View › Whole claims in every row lifts the limit and is remembered.
func TestLongRowsLimited(t *testing.T) {
	m := comparedAt(t, seeded(t), fyne.NewSize(1366, 768-menuBar))
	g := m.cmp.grid
	limit := float32(maxRowLines)*g.meas.lineH + 2*cellPad
	long := -1
	for p := range g.visible {
		if g.heights[p] > limit+0.5 {
			t.Fatalf("line %d is %.0f px, over the limit %.0f", p, g.heights[p], limit)
		}
		if long < 0 && g.folds.at[p] == nil && g.lineHeight(p, g.visible[p], g.widths) == limit {
			if whole := g.wholeHeight(p); whole > limit {
				long = p
			}
		}
	}
	if long < 0 {
		t.Fatal("no row of the samples is longer than the limit")
	}
	ui(func() { g.jump(long) })
	if g.heights[long] <= limit || g.heights[long] != g.wholeHeight(long) {
		t.Errorf("selected long row is %.0f px, whole it is %.0f", g.heights[long], g.wholeHeight(long))
	}
	next := long + 1
	for g.folds.at[next] != nil {
		next++
	}
	ui(func() { g.jump(next) })
	if g.heights[long] != limit {
		t.Errorf("the row left is %.0f px, want the limit %.0f", g.heights[long], limit)
	}
	for p := 1; p < len(g.offsets); p++ {
		if g.offsets[p] <= g.offsets[p-1]+g.heights[p-1] {
			t.Fatalf("line %d starts at %.0f, inside line %d", p, g.offsets[p], p-1)
		}
	}
	ui(func() { g.setWhole(true) })
	if g.heights[long] != g.wholeHeight(long) || !m.app.Preferences().Bool(prefWholeRows) {
		t.Errorf("whole claims: long row %.0f px, preference %v", g.heights[long], m.app.Preferences().Bool(prefWholeRows))
	}
}

// wholeHeight is line p's height with its cells whole.
func (g *grid) wholeHeight(p int) float32 {
	whole := g.whole
	g.whole = true
	defer func() { g.whole = whole }()
	return g.lineHeight(p, g.visible[p], g.widths)
}

// TestSidebarAndLegendToggle: Ctrl+B hides the sidebar and gives the rows
// its width; the legend line hides; both are remembered.
func TestSidebarAndLegendToggle(t *testing.T) {
	st := seeded(t)
	m := comparedAt(t, st, fyne.NewSize(1366, 768-menuBar))
	g := m.cmp.grid
	w := g.widths[0]
	ui(func() { press(t, m, shortcut(fyne.KeyB)) })
	relayout(m)
	if m.sidebar.Visible() || g.widths[0] <= w {
		t.Fatalf("Ctrl+B: sidebar shown %v, columns %.0f px (were %.0f)", m.sidebar.Visible(), g.widths[0], w)
	}
	ui(func() { m.cmp.showLegend(false) })
	// A second window of the same app, as after a restart: the same
	// preferences.
	m2 := newTestMainIn(t, m.app, st)
	if m2.sidebar.Visible() || m2.cmp.legendShown() {
		t.Errorf("after a restart: sidebar %v, legend %v", m2.sidebar.Visible(), m2.cmp.legendShown())
	}
	ui(func() { press(t, m2, shortcut(fyne.KeyB)) })
	if !m2.sidebar.Visible() {
		t.Error("Ctrl+B does not bring the sidebar back")
	}
}
