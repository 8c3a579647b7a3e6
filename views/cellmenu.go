package views

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/align"
)

// showCellMenu shows the menu of the cell of report d in row p of the
// visible rows where it was right-clicked (at). The row is selected first,
// so the details, the notes panel and the keys follow it.
func (g *grid) showCellMenu(p, d int, at fyne.Position) {
	if g.v.s == nil || g.list == nil || p < 0 || p >= len(g.visible) {
		return
	}
	g.list.Select(p)
	widget.ShowPopUpMenuAtPosition(g.cellMenu(p, d), g.v.m.win.Canvas(), at)
}

// cellMenu is the menu of the cell of report d in row p: copy the words
// selected in it, the claim or the row, the manual fixes and the
// verdicts, each the notes panel's own action. Ctrl+C, shown beside the
// item it does, copies the words when some are selected and else the row.
func (g *grid) cellMenu(p, d int) *fyne.Menu {
	v := g.v
	ri := g.visible[p]
	np := v.np
	claims := v.s.C.Rows[v.s.Rows[ri].Index].Claims
	k := slices.IndexFunc(claims, func(c align.Ref) bool { return c.Doc == d })
	empty := v.s.Rows[ri].Cells[d].Empty()

	copyWords := fyne.NewMenuItem("Copy selected words", v.copySelection)
	if from, _ := g.words.in(ri, d); from >= 0 {
		copyWords.Shortcut = &fyne.ShortcutCopy{}
	} else {
		copyWords.Disabled = true
	}
	copyClaim := fyne.NewMenuItem("Copy claim", func() { v.copyClaim(ri, d) })
	copyClaim.Disabled = empty
	copyRow := fyne.NewMenuItem("Copy row", v.copyRow)
	if copyWords.Disabled {
		copyRow.Shortcut = &fyne.ShortcutCopy{}
	}
	link := fyne.NewMenuItem("Link with another row…", func() { np.rowAction(np.startLink) })
	unlink := fyne.NewMenuItem("Unlink this claim", func() { np.rowAction(func() { np.unlinkClaim(k) }) })
	unlink.Disabled = empty || k < 0 || len(claims) < 2
	split := fyne.NewMenuItem("Split row…", func() { np.rowAction(np.showSplit) })
	split.Disabled = len(claims) < 3
	verdicts := fyne.NewMenuItem("Verdict", nil)
	verdicts.ChildMenu = fyne.NewMenu("")
	for _, vd := range app.Verdicts {
		item := fyne.NewMenuItem(verdictLabel(vd), func() { np.setVerdict(vd) })
		item.Checked = v.s.Rows[ri].Verdict.Or() == vd
		verdicts.ChildMenu.Items = append(verdicts.ChildMenu.Items, item)
	}
	note := fyne.NewMenuItem("Write note", np.focusNote)
	return fyne.NewMenu("", copyWords, copyClaim, copyRow, fyne.NewMenuItemSeparator(),
		link, unlink, split, fyne.NewMenuItemSeparator(), verdicts, note)
}
