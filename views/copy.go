package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
)

// rowText is row ri's claims in the shown columns, in column order, one
// line per claim led by its report's name ("Meridian Wire: …"): what an
// editor pastes into a message or a memo.
func (g *grid) rowText(ri int) string {
	s := g.v.s
	var lines []string
	for _, d := range g.cols {
		if c := s.Rows[ri].Cells[d]; !c.Empty() {
			lines = append(lines, s.C.Docs[d].Label()+": "+oneLine(s.C.Docs[d].ClaimText(c.Claim)))
		}
	}
	return strings.Join(lines, "\n")
}

// copyRow puts the selected row's claims on the clipboard (the cell
// menu's Copy row; Ctrl+C when no words are selected, copySelection).
func (v *comparisonView) copyRow() {
	ri := v.grid.selected()
	if v.s == nil || ri < 0 {
		v.m.status.set("Select a row to copy its claims.")
		return
	}
	text := v.grid.rowText(ri)
	v.m.app.Clipboard().SetContent(text)
	v.m.status.set(fmt.Sprintf("Copied row %d: %d claims with their reports' names.", ri+1, strings.Count(text, "\n")+1))
}

// copyClaim puts report d's claim in sheet row ri on the clipboard, as it
// stands in the report.
func (v *comparisonView) copyClaim(ri, d int) {
	c := v.s.Rows[ri].Cells[d]
	if c.Empty() {
		return
	}
	v.m.app.Clipboard().SetContent(v.s.C.Docs[d].ClaimText(c.Claim))
	v.m.status.set(fmt.Sprintf("Copied %s’s claim in row %d.", v.s.C.Docs[d].Label(), ri+1))
}

// forwardOr runs own, the window's action for a standard shortcut (copy,
// undo, redo), unless a widget that takes shortcuts has the focus, a text
// entry: then the entry gets the shortcut, so Ctrl+C copies the text
// selected in the note and Ctrl+Z undoes its typing. The desktop driver
// gives a menu item's shortcut to the menu before the focused widget, so
// the menu item hands it on.
func (m *Main) forwardOr(sc fyne.Shortcut, own func()) {
	if f, ok := m.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	own()
}
