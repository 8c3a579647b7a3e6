package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/sheet"
	"parallax/assets"
)

// shortcut is Ctrl+key (Cmd+key on macOS).
func shortcut(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// buildMenu makes the main menu. The desktop driver runs a menu item's
// shortcut from anywhere in the window, even while an entry has focus, so
// the accelerators need no separate registration.
func (m *Main) buildMenu() *fyne.MainMenu {
	add := fyne.NewMenuItem("Add report…", m.showAddReport)
	add.Shortcut = shortcut(fyne.KeyN)
	add.Icon = theme.ContentAddIcon()
	open := fyne.NewMenuItem("Open files…", m.showOpenFiles)
	open.Shortcut = shortcut(fyne.KeyO)
	open.Icon = theme.FolderOpenIcon()
	fetch := fyne.NewMenuItem("Add from address…", func() { m.showAddAddress() })
	fetch.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	fetch.Icon = theme.DownloadIcon()
	details := fyne.NewMenuItem("Edit report details…", m.showEditShown)
	remove := fyne.NewMenuItem("Remove report…", m.confirmRemove)
	remove.Icon = theme.DeleteIcon()
	// Action nil: the driver supplies its own quit for an IsQuit item.
	quit := fyne.NewMenuItem("Quit", nil)
	quit.IsQuit = true
	quit.Shortcut = shortcut(fyne.KeyQ)

	compareItem := fyne.NewMenuItem("Compare ticked reports", m.compareTicked)
	compareItem.Shortcut = shortcut(fyne.KeyK)
	removeCmp := fyne.NewMenuItem("Remove comparison…", m.confirmRemoveComparison)
	exportItem := fyne.NewMenuItem("Export notes…", m.cmp.showExport)
	exportItem.Shortcut = shortcut(fyne.KeyE)
	exportItem.Icon = theme.DocumentSaveIcon()
	printItem := fyne.NewMenuItem("Print…", m.cmp.print)
	printItem.Shortcut = shortcut(fyne.KeyP)
	reimport := fyne.NewMenuItem("Re-import report…", m.showReimport)

	find := fyne.NewMenuItem("Find", m.find)
	find.Shortcut = shortcut(fyne.KeyF)
	find.Icon = theme.SearchIcon()
	findNext := fyne.NewMenuItem("Find next", func() { m.cmp.bar.findNext(1) })
	findNext.Shortcut = shortcut(fyne.KeyG)
	findPrev := fyne.NewMenuItem("Find previous", func() { m.cmp.bar.findNext(-1) })
	findPrev.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyG, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	searchLib := fyne.NewMenuItem("Search library", m.lib.focusSearch)
	searchLib.Shortcut = shortcut(fyne.KeyL)
	// Copy, Undo and Redo go to a text entry that has the focus (forwardOr).
	undo := fyne.NewMenuItem("Undo", func() { m.undoLast(false) })
	undo.Shortcut = &fyne.ShortcutUndo{}
	undo.Icon = theme.ContentUndoIcon()
	redo := fyne.NewMenuItem("Redo", func() { m.undoLast(true) })
	redo.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	redo.Icon = theme.ContentRedoIcon()
	copyRow := fyne.NewMenuItem("Copy", func() { m.forwardOr(&fyne.ShortcutCopy{Clipboard: m.app.Clipboard()}, m.cmp.copySelection) })
	copyRow.Shortcut = &fyne.ShortcutCopy{}
	copyRow.Icon = theme.ContentCopyIcon()

	var filters []*fyne.MenuItem
	for i, f := range []sheet.FilterKind{sheet.All, sheet.Shared, sheet.Differences, sheet.Flagged, sheet.Single} {
		item := fyne.NewMenuItem(filterMenuNames[f], func() { m.cmp.setFilter(sheet.Filter{Kind: f}) })
		item.Shortcut = shortcut(fyne.KeyName(fmt.Sprint(i + 1)))
		filters = append(filters, item)
	}
	themes := fyne.NewMenuItem("Theme", nil)
	themes.ChildMenu = fyne.NewMenu("",
		fyne.NewMenuItem("Follow the system", func() { m.setTheme(themeSystem) }),
		fyne.NewMenuItem("Light", func() { m.setTheme(themeLight) }),
		fyne.NewMenuItem("Dark", func() { m.setTheme(themeDark) }))
	zoomIn := fyne.NewMenuItem("Larger text", func() { m.cmp.zoomBy(1) })
	zoomIn.Shortcut = shortcut(fyne.KeyEqual)
	zoomIn.Icon = theme.ZoomInIcon()
	zoomOut := fyne.NewMenuItem("Smaller text", func() { m.cmp.zoomBy(-1) })
	zoomOut.Shortcut = shortcut(fyne.KeyMinus)
	zoomOut.Icon = theme.ZoomOutIcon()
	zoomReset := fyne.NewMenuItem("Text at 100 %", func() { m.cmp.zoomBy(0) })
	zoomReset.Shortcut = shortcut(fyne.Key0)
	fold := fyne.NewMenuItem("Fold single-source runs", func() { m.cmp.grid.foldAll(true) })
	unfold := fyne.NewMenuItem("Unfold single-source runs", func() { m.cmp.grid.foldAll(false) })
	whole := fyne.NewMenuItem(menuWholeRows, func() { m.cmp.grid.setWhole(!m.cmp.grid.whole) })
	whole.Checked = m.cmp.grid.whole
	sidebar := fyne.NewMenuItem(menuSidebar, m.toggleSidebar)
	sidebar.Shortcut = shortcut(fyne.KeyB)
	sidebar.Checked = m.sidebar.Visible()
	panel := fyne.NewMenuItem(menuDetails, func() { m.cmp.showPanel(!m.cmp.panelShown()) })
	panel.Shortcut = shortcut(fyne.KeyJ)
	panel.Checked = m.cmp.panelShown()
	legend := fyne.NewMenuItem(menuLegend, func() { m.cmp.showLegend(!m.cmp.legendShown()) })
	legend.Checked = m.cmp.legendShown()
	view := fyne.NewMenu("View", append(filters, fyne.NewMenuItemSeparator(), fold, unfold, whole, fyne.NewMenuItemSeparator(),
		sidebar, panel, legend, fyne.NewMenuItemSeparator(), zoomIn, zoomOut, zoomReset, fyne.NewMenuItemSeparator(), themes)...)

	// Verdicts take Alt+1…5: they work while the note has the focus, and
	// Ctrl+1…5 are the filters.
	rowMenu := fyne.NewMenu("Row")
	for i, v := range app.Verdicts {
		item := fyne.NewMenuItem("Verdict: "+string(v), func() { m.cmp.np.setVerdict(v) })
		item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierAlt}
		rowMenu.Items = append(rowMenu.Items, item)
	}
	write := fyne.NewMenuItem("Write note", func() { m.cmp.np.focusNote() })
	write.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt}
	link := fyne.NewMenuItem("Link with another row…", func() { m.cmp.np.rowAction(m.cmp.np.startLink) })
	undoFix := fyne.NewMenuItem("Undo last manual fix", func() { m.cmp.np.undoLast() })
	rowMenu.Items = append(rowMenu.Items, write, fyne.NewMenuItemSeparator(), link, undoFix)

	goMenu := fyne.NewMenu("Go")
	for _, g := range goItems {
		item := fyne.NewMenuItem(g.name, func() { g.run(m.cmp) })
		item.Shortcut = g.key
		goMenu.Items = append(goMenu.Items, item)
	}

	keys := fyne.NewMenuItem("Keyboard shortcuts", m.showShortcuts)
	legendHelp := fyne.NewMenuItem("Legend", m.showLegend)
	about := fyne.NewMenuItem("About Parallax", m.showAbout)
	about.Icon = theme.InfoIcon()

	return fyne.NewMainMenu(
		fyne.NewMenu("File", add, open, fetch, reimport, details, fyne.NewMenuItemSeparator(), compareItem, exportItem, printItem, fyne.NewMenuItemSeparator(),
			remove, removeCmp, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu("Edit", undo, redo, fyne.NewMenuItemSeparator(), copyRow, fyne.NewMenuItemSeparator(), find, findNext, findPrev, searchLib),
		view,
		rowMenu,
		goMenu,
		fyne.NewMenu("Help", keys, legendHelp, about),
	)
}

// filterMenuNames label the View menu's filters.
var filterMenuNames = map[sheet.FilterKind]string{
	sheet.All: "All rows", sheet.Shared: "Shared by 2+ reports", sheet.Differences: "Differences only",
	sheet.Flagged: "Flagged only", sheet.Single: "Single source only"}

// goItems are the Go menu: moving between the rows that matter. Alt+Up
// and Alt+Down are the keys Meld and other diff tools use for changes.
var goItems = []struct {
	name string
	key  fyne.Shortcut
	run  func(v *comparisonView)
}{
	{"Next difference", &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt},
		func(v *comparisonView) { v.grid.next(1, sheet.IsDifference, "more differences") }},
	{"Previous difference", &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt},
		func(v *comparisonView) { v.grid.next(-1, sheet.IsDifference, "more differences") }},
	{"Next flagged row", &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift},
		func(v *comparisonView) { v.grid.next(1, sheet.IsFlagged, "more flagged rows") }},
	{"Previous flagged row", &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift},
		func(v *comparisonView) { v.grid.next(-1, sheet.IsFlagged, "more flagged rows") }},
	{"Next single-source row", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierAlt},
		func(v *comparisonView) { v.grid.next(1, isSingle, "more single-source rows") }},
	{"Previous single-source row", &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift},
		func(v *comparisonView) { v.grid.next(-1, isSingle, "more single-source rows") }},
	{"Next unreviewed row", &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierAlt},
		func(v *comparisonView) { v.grid.next(1, isUnreviewed, "more unreviewed rows") }},
	{"Previous unreviewed row", &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierAlt | fyne.KeyModifierShift},
		func(v *comparisonView) { v.grid.next(-1, isUnreviewed, "more unreviewed rows") }},
}

// isSingle and isUnreviewed are the rows the Go menu's single-source and
// unreviewed items stop at: those the filters of the same names keep.
var (
	isSingle     = sheet.Filter{Kind: sheet.Single}.Keep
	isUnreviewed = sheet.Filter{Kind: sheet.Judged, Verdict: app.Unreviewed}.Keep
)

// addKeys gives the window the keys no menu item carries: the cursor keys
// to the rows when nothing has the focus (onKey), Ctrl+Y for redo, and
// Ctrl++ (Shift and =, or the keypad's +) for larger text. The canvas gets
// these only when the focused widget does not take shortcuts itself, so a
// text entry keeps its own Ctrl+Y.
func (m *Main) addKeys() {
	c := m.win.Canvas()
	c.SetOnTypedKey(m.onKey)
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { m.undoLast(true) })
	for _, sc := range []*desktop.CustomShortcut{
		{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift},
		{KeyName: fyne.KeyPlus, Modifier: fyne.KeyModifierShortcutDefault},
	} {
		c.AddShortcut(sc, func(fyne.Shortcut) { m.cmp.zoomBy(1) })
	}
}

// find searches where the editor is looking: the open comparison, else
// the library.
func (m *Main) find() {
	if m.cmpView.Visible() {
		m.cmp.bar.focusFind()
		return
	}
	m.lib.focusSearch()
}

// showShortcuts lists every keyboard shortcut (Help > Keyboard shortcuts),
// read from the menus so the list can never drift from what the keys do.
func (m *Main) showShortcuts() {
	var lines []string
	for _, menu := range m.win.MainMenu().Items {
		for _, item := range menu.Items {
			if item.Shortcut != nil {
				lines = append(lines, fmt.Sprintf("%s\t%s › %s", shortcutText(item.Shortcut), menu.Label, item.Label))
			}
		}
	}
	lines = append(lines,
		"Up, Down\tSelect the row above or below (when the rows have the focus: click a row, or Tab to them)",
		"Page Up, Page Down\tSelect the row a screen up or down",
		"Home, End\tSelect the first or the last row",
		"Ctrl+Y\tRedo",
		"Right-click a cell\tCopy the claim or the row, link, unlink, split, verdicts",
		"Drag a header's edge\tResize the column (double-click the edge: default width)",
		"Enter in Find\tGo to the next row found",
		"Enter in the rows\tUnfold the folded run selected, or fold the run of the selected row again")
	grid := container.NewGridWithColumns(2)
	for _, l := range lines {
		key, what, _ := strings.Cut(l, "\t")
		k := widget.NewLabel(key)
		k.TextStyle.Monospace = true
		grid.Add(k)
		grid.Add(widget.NewLabel(what))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), m.win)
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
}

// shortcutText spells a shortcut for the editor: "Ctrl+F", "Alt+Shift+Down",
// "Ctrl+C" for the standard Copy.
func shortcutText(s fyne.Shortcut) string {
	cs, ok := s.(fyne.KeyboardShortcut)
	if !ok {
		return s.ShortcutName()
	}
	var parts []string
	mod := cs.Mod()
	if mod&fyne.KeyModifierShortcutDefault != 0 && fyne.KeyModifierShortcutDefault == fyne.KeyModifierSuper {
		parts = append(parts, "Cmd")
	} else if mod&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if mod&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if mod&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	return strings.Join(append(parts, string(cs.Key())), "+")
}

// version is the app's version from its metadata (FyneApp.toml or
// fyne build flags), or a plain note for a development build.
func (m *Main) version() string {
	md := m.app.Metadata()
	switch {
	case md.Version == "", md.Version == "dev":
		return "development build"
	case md.Build > 0:
		return fmt.Sprintf("Version %s (build %d)", md.Version, md.Build)
	}
	return "Version " + md.Version
}

// showAbout shows the About box.
func (m *Main) showAbout() {
	icon := canvas.NewImageFromResource(fyne.NewStaticResource("parallax.png", assets.Icon))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSize(96, 96))

	name := widget.NewLabel("Parallax")
	name.SizeName = theme.SizeNameHeadingText
	name.TextStyle.Bold = true
	name.Alignment = fyne.TextAlignCenter
	ver := newNote(m.version())
	ver.seg.Style.Alignment = fyne.TextAlignCenter
	what := widget.NewLabel("Compare several reports of the same story claim by claim: where the sources agree, where they differ, and what only one of them says.")
	what.Wrapping = fyne.TextWrapWord
	what.Alignment = fyne.TextAlignCenter

	content := container.NewVBox(container.NewCenter(icon), name, ver.RichText, what)
	d := dialog.NewCustom("About Parallax", "Close", content, m.win)
	d.Resize(fyne.NewSize(420, 340))
	d.Show()
}
