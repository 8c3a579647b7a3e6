package views

import "fyne.io/fyne/v2/theme"

// A row is as tall as its tallest cell, up to maxRowLines lines: a claim
// a word diff doubled (the base's words struck through beside this
// report's) would otherwise take a laptop screen's rows for itself. The
// selected row shows its cells whole, and View › Whole claims in every row
// lifts the limit; a cut cell fades out on its last line.

// maxRowLines is the most lines a row not selected shows.
const maxRowLines = 4

// lineHeight is the height of list line p (sheet row ri): a folded run's
// one line, else the row's tallest cell wrapped to its shown column's
// width (widths, as g.cols), limited as above.
func (g *grid) lineHeight(p, ri int, widths []float32) float32 {
	return g.lineHeightAs(p, ri, widths, g.whole || p == g.sel)
}

// lineHeightAs is lineHeight with the row shown whole or limited as asked,
// whatever the selection.
func (g *grid) lineHeightAs(p, ri int, widths []float32, whole bool) float32 {
	if g.folds.at[p] != nil {
		return g.foldHeight()
	}
	lines := 1
	for i, d := range g.cols {
		if ps := g.cellPieces(ri, d); ps != nil {
			lines = max(lines, len(wrap(ps, widths[i]-2*cellPad-4)))
		}
	}
	if !whole {
		lines = min(lines, maxRowLines)
	}
	return float32(lines)*g.meas.lineH + 2*cellPad
}

// relayLines sizes the rows at positions old and p again after the
// selection moved from old to p (either may be -1): the row left goes back
// to its limit, the row selected shows whole and the view scrolls the
// least that keeps it on screen.
func (g *grid) relayLines(old, p int) {
	if g.list == nil {
		return
	}
	first := -1
	for _, q := range []int{old, p} {
		if q < 0 || q >= len(g.visible) {
			continue
		}
		if h := g.lineHeight(q, g.visible[q], g.widths); h != g.heights[q] {
			g.heights[q] = h
			g.list.SetItemHeight(q, h)
			if first < 0 || q < first {
				first = q
			}
		}
	}
	if first < 0 {
		return
	}
	sep := theme.Padding()
	for q := first + 1; q < len(g.offsets); q++ {
		g.offsets[q] = g.offsets[q-1] + g.heights[q-1] + sep
	}
	if p >= 0 && p < len(g.visible) {
		g.reveal(p)
	}
}

// setWhole shows every row's cells whole (on) or limits rows not selected
// to maxRowLines lines, and remembers the choice.
func (g *grid) setWhole(on bool) {
	g.whole = on
	g.v.m.app.Preferences().SetBool(prefWholeRows, on)
	g.v.m.checkMenu(menuWholeRows, on)
	if g.v.s != nil {
		g.rebuild()
	}
}
