package views

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/workspace"
)

// searchDelay is how long typing must pause before the library is searched:
// long enough not to query SQLite on every key, short enough to feel live.
const searchDelay = 250 * time.Millisecond

// searchLimit caps the hits shown; a library search is for finding a report,
// not for reading hundreds.
const searchLimit = 200

// library is the sidebar: a search box over the list of reports, or a
// message saying what to do when there is nothing to list.
type library struct {
	m *Main

	search  *widget.Entry
	heading *note
	list    *widget.List
	empty   fyne.CanvasObject
	noMatch *widget.Label
	body    *fyne.Container

	// all is the whole library, newest first; shown is what the list shows:
	// all of it, or the hits of query. Both are touched only on the UI
	// goroutine.
	all   []app.Report
	shown []app.Report
	query string
	// selected is the ID of the selected report, 0 for none.
	selected int64
	// ticked are the reports chosen for a comparison, in the order they
	// were ticked (the first becomes the base); compare is their button.
	ticked  []int64
	compare *widget.Button
	// restoring is set while show puts the selection back.
	restoring bool

	// timer debounces the search box; seq discards results of searches
	// overtaken by newer typing.
	timer *time.Timer
	seq   int
	delay time.Duration
}

func newLibrary(m *Main) *library {
	return &library{m: m, delay: searchDelay}
}

// build makes the sidebar's widgets.
func (l *library) build() fyne.CanvasObject {
	l.search = widget.NewEntry()
	l.search.SetPlaceHolder("Search reports…")
	l.search.ActionItem = widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { l.search.SetText("") })
	l.search.OnChanged = l.onSearchChanged

	l.heading = newNote("")

	l.list = widget.NewList(l.length, l.createItem, l.updateItem)
	l.list.OnSelected = l.onSelected
	l.list.OnUnselected = l.onUnselected

	l.empty = l.buildEmpty()
	l.noMatch = widget.NewLabel("")
	l.noMatch.Wrapping = fyne.TextWrapWord
	l.noMatch.Alignment = fyne.TextAlignCenter

	l.body = container.NewStack(l.list, l.empty, container.NewVBox(l.noMatch))
	l.showBody()

	l.compare = widget.NewButtonWithIcon("Compare", theme.ViewRestoreIcon(), l.m.compareTicked)
	l.compare.Importance = widget.HighImportance
	l.updateCompare()
	top := container.NewVBox(l.search, container.NewBorder(nil, nil, nil, l.compare, l.heading.RichText))
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, l.body)
}

// buildEmpty is what a library with no reports says: how to get some in.
func (l *library) buildEmpty() fyne.CanvasObject {
	title := widget.NewLabel("Your library is empty")
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	hint := widget.NewLabel("Add the reports of one story to compare them claim by claim: paste text with Add report (Ctrl+N), open files such as web pages, Word documents, PDFs and subtitles (Ctrl+O), fetch a page by its address (Ctrl+Shift+O), or drop files and folders onto this window.")
	hint.Wrapping = fyne.TextWrapWord
	hint.Alignment = fyne.TextAlignCenter
	add := widget.NewButtonWithIcon("Add report", theme.ContentAddIcon(), l.m.showAddReport)
	open := widget.NewButtonWithIcon("Open files…", theme.FolderOpenIcon(), l.m.showOpenFiles)
	return container.NewVBox(
		layout.NewSpacer(),
		title, hint,
		container.NewCenter(container.NewHBox(add, open)),
		layout.NewSpacer())
}

func (l *library) length() int { return len(l.shown) }

// createItem is one row: the title in bold over "outlet · date".
func (l *library) createItem() fyne.CanvasObject {
	title := widget.NewLabel("Title")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	meta := newNote("Outlet · date").truncate()
	return container.NewBorder(nil, nil, widget.NewCheck("", nil), nil, container.New(&rowLayout{}, title, meta.RichText))
}

func (l *library) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(l.shown) {
		return
	}
	r := l.shown[id]
	check := o.(*fyne.Container).Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(slices.Contains(l.ticked, r.ID))
	check.OnChanged = func(on bool) { l.tick(r.ID, on) }
	c := o.(*fyne.Container).Objects[0].(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(workspace.Title(r))
	meta := c.Objects[1].(*widget.RichText)
	meta.Segments[0].(*widget.TextSegment).Text = rowMeta(r)
	meta.Refresh()
}

// rowMeta is the secondary line of a row: "Outlet · 14 Mar 2025".
func rowMeta(r app.Report) string {
	var parts []string
	if r.Outlet != "" {
		parts = append(parts, r.Outlet)
	}
	if r.Published != "" {
		parts = append(parts, shortDate(r.Published))
	} else if !r.Created.IsZero() {
		parts = append(parts, "added "+r.Created.Local().Format("2 Jan 2006"))
	}
	if len(parts) == 0 && r.FileName != "" {
		parts = append(parts, r.FileName)
	}
	if len(parts) == 0 {
		return "pasted text"
	}
	return strings.Join(parts, " · ")
}

// tick adds or removes a report from the reports to compare.
func (l *library) tick(id int64, on bool) {
	l.ticked = slices.DeleteFunc(l.ticked, func(t int64) bool { return t == id })
	if on {
		l.ticked = append(l.ticked, id)
	}
	l.updateCompare()
}

// untickAll clears the ticks (after a comparison is made of them).
func (l *library) untickAll() {
	l.ticked = nil
	l.updateCompare()
	l.list.Refresh()
}

// updateCompare labels the Compare button with the number ticked and
// enables it for 2 to 12 reports.
func (l *library) updateCompare() {
	n := len(l.ticked)
	switch {
	case n == 0:
		l.compare.SetText("Compare")
	default:
		l.compare.SetText(fmt.Sprintf("Compare %d", n))
	}
	if n >= app.MinReports && n <= app.MaxReports {
		l.compare.Enable()
	} else {
		l.compare.Disable()
	}
}

func (l *library) onSelected(id widget.ListItemID) {
	if id < 0 || id >= len(l.shown) {
		return
	}
	l.selected = l.shown[id].ID
	if l.restoring && l.m.cmpView.Visible() {
		return
	}
	l.m.openReport(l.selected)
}

func (l *library) onUnselected(widget.ListItemID) {}

// setReports replaces the library's contents and selects report id (0
// keeps the current selection when it still exists). A search in progress
// is run again so the list keeps showing its hits.
func (l *library) setReports(all []app.Report, id int64) {
	l.all = all
	// Forget ticks of reports no longer in the library.
	l.ticked = slices.DeleteFunc(l.ticked, func(t int64) bool {
		return !slices.ContainsFunc(all, func(r app.Report) bool { return r.ID == t })
	})
	l.updateCompare()
	if id != 0 {
		l.selected = id
	}
	if l.query != "" {
		l.runSearch(l.query)
		return
	}
	l.show(all)
}

// forget drops report id from what is shown, before the reload lands.
func (l *library) forget(id int64) {
	if l.selected == id {
		l.selected = 0
		l.list.UnselectAll()
	}
}

// neighbour is the ID of the row after report id (or before it, for the
// last row), 0 when there is none.
func (l *library) neighbour(id int64) int64 {
	for i, r := range l.shown {
		if r.ID != id {
			continue
		}
		switch {
		case i+1 < len(l.shown):
			return l.shown[i+1].ID
		case i > 0:
			return l.shown[i-1].ID
		}
	}
	return 0
}

// show puts reports in the list and restores the selection.
func (l *library) show(reports []app.Report) {
	l.shown = reports
	l.list.UnselectAll()
	l.list.Refresh()
	l.showBody()
	for i, r := range l.shown {
		if r.ID == l.selected {
			// Restoring the selection must not take the editor away from
			// the comparison on screen (a reload after an import does this).
			l.restoring = true
			l.list.Select(i)
			l.restoring = false
			l.list.ScrollTo(i)
			return
		}
	}
	if l.selected != 0 && l.query == "" {
		// The selected report is gone from the library.
		l.selected = 0
		l.m.openReport(0)
	}
}

// showBody picks the list, the empty-library message or the no-match
// message, and says how many reports there are.
func (l *library) showBody() {
	list, empty, noMatch := l.body.Objects[0], l.body.Objects[1], l.body.Objects[2]
	list.Hide()
	empty.Hide()
	noMatch.Hide()
	switch {
	case l.query != "" && len(l.shown) == 0:
		l.noMatch.SetText(fmt.Sprintf("No reports match “%s”.", l.query))
		noMatch.Show()
		l.heading.SetText(fmt.Sprintf("No matches among %s", countReports(len(l.all))))
	case l.query != "":
		list.Show()
		l.heading.SetText(fmt.Sprintf("%d of %s match", len(l.shown), countReports(len(l.all))))
	case len(l.all) == 0:
		empty.Show()
		l.heading.SetText("")
	default:
		list.Show()
		l.heading.SetText(countReports(len(l.all)))
	}
}

// onSearchChanged restarts the debounce timer; an empty box shows the
// whole library at once.
func (l *library) onSearchChanged(q string) {
	l.m.stop(&l.timer)
	l.seq++
	q = strings.TrimSpace(q)
	if q == "" {
		l.query = ""
		l.show(l.all)
		return
	}
	seq := l.seq
	l.m.debounce(&l.timer, l.delay, func() {
		l.m.spawn(func() { l.searchInBackground(seq, q) })
	})
}

// runSearch searches now (no debounce), in the background.
func (l *library) runSearch(q string) {
	l.seq++
	seq := l.seq
	l.m.spawn(func() { l.searchInBackground(seq, q) })
}

// searchInBackground runs on a worker goroutine.
func (l *library) searchInBackground(seq int, q string) {
	hits, err := l.m.ws.Search(l.m.ctx, q, searchLimit)
	do(func() {
		if seq != l.seq {
			return // overtaken by newer typing
		}
		if err != nil {
			l.m.status.set("Search failed: " + err.Error())
			return
		}
		reports := make([]app.Report, len(hits))
		for i, h := range hits {
			reports[i] = h.Report
		}
		l.query = q
		l.show(reports)
	})
}

// focusSearch puts the cursor in the search box (Ctrl+F).
func (l *library) focusSearch() {
	l.m.win.Canvas().Focus(l.search)
}

// rowLayout stacks a row's two labels tightly: the default VBox padding
// makes a long library list look sparse.
type rowLayout struct{}

func (rowLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height-2*theme.Padding())
}

func (rowLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, a.Height))
	objects[1].Move(fyne.NewPos(0, a.Height-2*theme.Padding()))
	objects[1].Resize(fyne.NewSize(size.Width, b.Height))
}
