package views

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// drawnCell is the first drawn, non-empty cell of row p of the visible rows.
func drawnCell(t *testing.T, m *Main, p int) *cell {
	t.Helper()
	var c *cell
	ui(func() {
		for _, o := range test.WidgetRenderer(m.cmp.grid.list).Objects() {
			walk(o, func(o fyne.CanvasObject) bool {
				if cl, ok := o.(*cell); ok && cl.pos == p && !cl.empty && c == nil {
					c = cl
				}
				return false
			})
		}
	})
	if c == nil {
		t.Fatalf("no cell of row %d drawn", p)
	}
	return c
}

// wordPos is the middle of piece i of h, on the line it was laid out on.
func wordPos(h *highlight, i int) fyne.Position {
	line := 0
	for l, s := range h.starts {
		if s <= i {
			line = l
		}
	}
	x := float32(0)
	for k := h.starts[line]; k < i; k++ {
		x += h.pieces[k].w + h.pieces[k].space
	}
	return fyne.NewPos(x+h.pieces[i].w/2, (float32(line)+0.5)*h.m.lineH)
}

// TestCellClickAndWordSelection: a click on a claim's text selects its row
// and gives the rows the keys, as a click beside it does; dragging across
// words selects them (drawn, and copied by Ctrl+C as the report has them,
// without the struck-through words of the base or the flag numbers); a
// click clears the selection, and Ctrl+C copies the row again.
func TestCellClickAndWordSelection(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	ri := selectRow(t, m, "Twelve people were killed")
	p := slices.Index(v.grid.visible, ri)
	ui(func() { v.grid.cursorTo(0); m.win.Canvas().Unfocus() })

	c := drawnCell(t, m, p)
	ui(func() { c.Tapped(&fyne.PointEvent{}) })
	if v.grid.sel != p || !v.grid.list.focused {
		t.Fatalf("a click on a claim's text: row %d selected (want %d), rows focused %v", v.grid.sel, p, v.grid.list.focused)
	}

	c = drawnCell(t, m, p)
	h := c.text
	var from, to fyne.Position
	ui(func() { from, to = wordPos(h, 0), wordPos(h, min(3, len(h.pieces)-1)) })
	ui(func() {
		h.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(to.X-from.X, to.Y-from.Y)})
		h.DragEnd()
	})
	var want []string
	for _, pc := range h.pieces[:min(4, len(h.pieces))] {
		if pc.kind != badgeKind && !struck(pc.kind) {
			want = append(want, pc.text)
		}
	}
	if v.grid.words.from != 0 || v.grid.words.to != min(3, len(h.pieces)-1) || h.selFrom != 0 {
		t.Fatalf("dragging over the first four words selected %+v (highlight %d–%d)", v.grid.words, h.selFrom, h.selTo)
	}
	ui(func() { press(t, m, &fyne.ShortcutCopy{}) })
	if got := m.app.Clipboard().Content(); got != strings.Join(want, " ") {
		t.Errorf("Ctrl+C with words selected copied %q, want %q", got, strings.Join(want, " "))
	}
	if !strings.Contains(m.status.label.Text, "words of") {
		t.Errorf("status after copying words: %q", m.status.label.Text)
	}
	if got := v.grid.cellMenu(p, c.doc).Items[0]; got.Label != "Copy selected words" || got.Disabled {
		t.Errorf("the cell menu's first item is %q (disabled %v)", got.Label, got.Disabled)
	}

	c = drawnCell(t, m, p)
	ui(func() { c.Tapped(&fyne.PointEvent{}) })
	if v.grid.words.ok() {
		t.Fatalf("a click kept the selected words %+v", v.grid.words)
	}
	ui(func() { press(t, m, &fyne.ShortcutCopy{}) })
	if got := m.app.Clipboard().Content(); !strings.Contains(got, "\n") {
		t.Errorf("Ctrl+C after the click copied %q, want the row", got)
	}
}
