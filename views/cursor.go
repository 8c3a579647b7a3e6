package views

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowList is the grid's rows: a widget.List whose keys move the selection
// itself, as in a diff tool, rather than Fyne's separate focus mark that
// Space then selects. Up and Down move it a row, Page Up and Page Down a
// screen, Home and End to the first and last row; the view scrolls just
// enough to keep the selected row on screen.
//
// Tapping a row focuses the list's outermost type (this one), so keys
// typed after a click come here, and only here: a text entry that has the
// focus (a note, the find box) keeps its arrows and Home and End. With
// nothing focused the window hands these keys to the rows (Main.onKey).
type rowList struct {
	widget.List
	g *grid
	// focused is whether the rows have the keyboard focus: the selected
	// row's frame and the ring around the rows say so.
	focused bool
}

var _ fyne.Focusable = (*rowList)(nil)

func newRowList(g *grid) *rowList {
	l := &rowList{g: g}
	l.Length = func() int { return len(g.visible) }
	l.CreateItem = g.createRow
	l.UpdateItem = g.updateRow
	l.OnSelected = g.picked
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained marks the rows as focused. It does not call List's own,
// which would draw a focus mark apart from the selection.
func (l *rowList) FocusGained() {
	l.focused = true
	l.g.showFocus()
}

// FocusLost marks the rows as no longer focused.
func (l *rowList) FocusLost() {
	l.focused = false
	l.g.showFocus()
}

// TypedKey moves the selection; Enter unfolds a folded run of
// single-source rows (or folds the run of the selected row again), as
// Enter opens a fold in a diff tool.
func (l *rowList) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyReturn || e.Name == fyne.KeyEnter {
		l.g.enter()
		return
	}
	l.g.key(e.Name)
}

// TypedRune ignores letters: the rows take no text.
func (l *rowList) TypedRune(rune) {}

// key moves the selection for a cursor key and reports whether k was one.
// With no row selected, the first key selects the row at the top.
func (g *grid) key(k fyne.KeyName) bool {
	n := len(g.visible)
	if g.list == nil || n == 0 {
		return false
	}
	cur := g.sel
	if cur < 0 || cur >= n {
		cur = -1
	}
	var p int
	switch k {
	case fyne.KeyUp:
		p = cur - 1
	case fyne.KeyDown:
		p = cur + 1
	case fyne.KeyPageUp:
		p = g.pageFrom(cur, -1)
	case fyne.KeyPageDown:
		p = g.pageFrom(cur, 1)
	case fyne.KeyHome:
		p = 0
	case fyne.KeyEnd:
		p = n - 1
	default:
		return false
	}
	if cur < 0 && (k == fyne.KeyUp || k == fyne.KeyDown) {
		p = g.topPos()
	}
	g.cursorTo(min(max(p, 0), n-1))
	return true
}

// cursorTo selects row p of the visible rows, scrolling just enough to
// show it whole (its top, when it is taller than the view).
func (g *grid) cursorTo(p int) {
	g.reveal(p)
	g.list.Select(p)
}

// reveal scrolls the least that puts row p on screen.
func (g *grid) reveal(p int) {
	top, h := g.list.GetScrollOffset(), g.list.Size().Height
	y0, y1 := g.offsets[p], g.offsets[p]+g.heights[p]
	switch {
	case y0 < top:
		g.list.ScrollToOffset(y0)
	case y1 > top+h:
		g.list.ScrollToOffset(min(y0, y1-h))
	}
}

// pageFrom is the row a screen away from row cur in direction dir (at
// least the next row), and scrolls the view by that screen, so the
// selected row keeps its place on screen as in a text editor.
func (g *grid) pageFrom(cur, dir int) int {
	if cur < 0 {
		cur = g.topPos()
	}
	h := g.list.Size().Height
	// Paging down, the rows below move up by what the row left gives back
	// when it returns to its limit (rowheight.go): the page is measured
	// as they will stand.
	shrink := float32(0)
	if dir > 0 && cur == g.sel && !g.whole {
		shrink = g.heights[cur] - g.lineHeightAs(cur, g.visible[cur], g.widths, false)
	}
	p := g.rowAt(g.offsets[cur] + float32(dir)*h + shrink)
	if p == cur {
		p += dir
	}
	g.list.ScrollToOffset(max(g.list.GetScrollOffset()+float32(dir)*h, 0))
	return p
}

// rowAt is the position in visible of the row at height y of the list
// (the last row below its end).
func (g *grid) rowAt(y float32) int {
	return min(sort.Search(len(g.offsets), func(i int) bool { return g.offsets[i]+g.heights[i] > y }), len(g.offsets)-1)
}

// focus gives the rows the keyboard focus.
func (g *grid) focus() {
	if g.list != nil && len(g.visible) > 0 {
		g.v.m.win.Canvas().Focus(g.list)
	}
}

// focusIfIdle gives the rows the focus when a comparison comes on screen,
// unless the editor is typing somewhere else or a dialog is open: the rows
// are what an editor who has just opened a comparison reads.
func (g *grid) focusIfIdle() {
	c := g.v.m.win.Canvas()
	if c.Overlays().Top() == nil && !g.v.m.typing() {
		g.focus()
	}
}

// keepFocus moves the focus to a freshly built list when the list it
// replaces had it (a filter, width or zoom change rebuilds the list).
func (g *grid) keepFocus(old *rowList) {
	if old == nil || !old.focused {
		return
	}
	if len(g.visible) == 0 {
		g.v.m.win.Canvas().Unfocus()
		return
	}
	g.focus()
}

// showFocus redraws what marks the focus: the ring around the rows and the
// selected row's frame.
func (g *grid) showFocus() {
	if g.ring != nil {
		g.ring.StrokeColor = color.Transparent
		if g.list != nil && g.list.focused {
			g.ring.StrokeColor = themeColor(theme.ColorNamePrimary)
		}
		g.ring.Refresh()
	}
	g.redrawSelected()
}

// newRing is the border drawn around the rows while they have the focus.
func newRing() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.StrokeColor = color.Transparent
	return r
}

// newFrame is the outline a row draws around itself when it is selected.
func newFrame() *canvas.Rectangle {
	f := newRing()
	f.CornerRadius = 3
	return f
}

// markRow shows or hides row p's frame: solid in the primary colour while
// the rows have the focus, quieter when the focus is elsewhere (in the
// note, say), so the editor always sees which row the keys and the panel
// act on.
func (g *grid) markRow(p int, frame *canvas.Rectangle) {
	switch {
	case p != g.sel:
		frame.StrokeColor = color.Transparent
	case g.list != nil && g.list.focused:
		frame.StrokeColor = themeColor(theme.ColorNamePrimary)
	default:
		frame.StrokeColor = themeColor(theme.ColorNamePlaceHolder)
	}
	frame.Refresh()
}

// typing reports whether a text entry other than the library's search box
// has the keyboard focus.
func (m *Main) typing() bool {
	f := m.win.Canvas().Focused()
	if f == nil || (m.lib != nil && f == fyne.Focusable(m.lib.search)) {
		return false
	}
	_, text := f.(interface{ SelectedText() string })
	return text
}

// onKey gets the keys typed while nothing has the focus: the cursor keys
// go to the rows of the comparison on screen, which take the focus.
func (m *Main) onKey(e *fyne.KeyEvent) {
	g := m.cmp.grid
	if !m.cmpView.Visible() || g.list == nil {
		return
	}
	if g.key(e.Name) {
		g.focus()
	}
}
