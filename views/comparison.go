package views

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/compare"
	"parallax/app/sheet"
	"parallax/app/workspace"
)

// Sizes of the comparison grid.
const (
	gutterWidth = 56  // status bar, row number, verdict, note and manual marks
	minColumn   = 190 // narrower columns scroll sideways instead
	cellPad     = 6   // padding inside a cell
	// rewrapDelay lets a window resize settle before rows are re-wrapped:
	// the list keeps its old heights while the edge is dragged.
	rewrapDelay = 80 * time.Millisecond
	// saveDelay batches settings changes into one write.
	saveDelay = 400 * time.Millisecond
)

// comparisonView is the side-by-side comparison: a toolbar (filter, find,
// base, columns, strictness), a legend, column headers, the rows, the
// overview strip, the selected row's details, and a status line with the
// counts and, while aligning, a progress bar and a cancel button.
//
// Everything it shows comes from a sheet.Sheet built off the UI goroutine.
// On the UI goroutine it only measures words (cached), wraps them into
// row heights and hands widget.List a new, pre-sized list whenever the rows
// or the column width change (DESIGN.md: heights set on a list on screen
// refresh it once per call).
type comparisonView struct {
	m    *Main
	meas *measurer
	np   *notesPanel

	// saved is the comparison as stored; reports are its reports in the
	// order they were aligned (sheet document order).
	saved   app.Comparison
	reports []app.Report
	s       *sheet.Sheet
	// alignedStrictness is the strictness s was aligned with.
	alignedStrictness float64
	colour            []int // report colour index per document, stable across reorders

	filter  sheet.Filter
	order   []int  // documents in column order
	shown   []bool // per document
	visible []int  // rows shown, indices into s.Rows
	cols    []int  // shown documents in column order
	pieces  [][][]piece
	heights []float32
	offsets []float32
	colW    float32
	width   float32 // width the rows were wrapped for
	sel     int     // position in visible of the selected row, -1 for none
	restore bool    // scroll to saved.Top once the rows are on screen
	hits    []int   // find hits, positions in visible
	hit     int

	job    context.CancelFunc
	jobSeq int
	// saveSeq numbers the states taken for saving (UI goroutine); stored
	// is the latest one written, under storeMu.
	saveSeq int
	storeMu sync.Mutex
	stored  int
	rewrap  *time.Timer
	saveT   *time.Timer
	// rewrapDelay and saveDelay debounce re-wrapping and saving; tests
	// set them to 0 to run both at once.
	rewrapDelay, saveDelay time.Duration

	root       fyne.CanvasObject
	title      *widget.Label
	filterSel  *widget.Select
	findEntry  *widget.Entry
	findCount  *widget.Label
	baseSel    *widget.Select
	columns    *widget.Button
	strict     *widget.Slider
	legend     *fyne.Container
	header     *fyne.Container
	rowsHolder *fyne.Container
	list       *widget.List
	hscroll    *container.Scroll
	ov         *overview
	details    *fyne.Container
	detailsBox *container.Scroll
	split      *container.Split
	counts     *widget.Label
	progress   *widget.ProgressBar
	cancel     *widget.Button
	message    *widget.Label
}

func newComparisonView(m *Main) *comparisonView {
	v := &comparisonView{m: m, sel: -1, rewrapDelay: rewrapDelay, saveDelay: saveDelay}
	v.np = newNotesPanel(v)
	return v
}

// build makes the view's widgets.
func (v *comparisonView) build() fyne.CanvasObject {
	v.meas = newMeasurer()
	v.title = widget.NewLabel("")
	v.title.TextStyle.Bold = true
	v.title.Truncation = fyne.TextTruncateEllipsis

	v.filterSel = widget.NewSelect(nil, nil)
	v.filterSel.PlaceHolder = "All rows"
	v.findEntry = widget.NewEntry()
	v.findEntry.SetPlaceHolder("Find in comparison…")
	v.findEntry.OnChanged = v.onFind
	v.findEntry.OnSubmitted = func(string) { v.findNext(1) }
	v.findCount = widget.NewLabel("")
	v.findCount.SizeName = theme.SizeNameCaptionText
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { v.findNext(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { v.findNext(1) })
	v.baseSel = widget.NewSelect(nil, nil)
	v.columns = widget.NewButtonWithIcon("Columns", theme.ListIcon(), v.showColumnsMenu)
	v.strict = widget.NewSlider(-0.2, 0.2)
	v.strict.Step = 0.05
	v.strict.OnChangeEnded = v.onStrictness

	find := container.NewBorder(nil, nil, nil, container.NewHBox(v.findCount, up, down), v.findEntry)
	strict := container.NewBorder(nil, nil, caption("Looser"), caption("Stricter"), v.strict)
	toolbar := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, caption("Show"), nil, v.filterSel),
		find)
	toolbar2 := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, caption("Base"), nil, v.baseSel),
		container.NewBorder(nil, nil, nil, v.columns, strict))

	v.legend = v.buildLegend()
	v.header = container.New(&gridLayout{v: v})
	v.message = widget.NewLabel("")
	v.message.Alignment = fyne.TextAlignCenter
	v.rowsHolder = container.NewStack(container.NewCenter(v.message))
	v.hscroll = container.NewHScroll(container.NewBorder(v.header, nil, nil, nil, v.rowsHolder))
	v.ov = newOverview(v.jump)
	rows := container.New(&watchLayout{onWidth: v.onWidth}, container.NewBorder(nil, nil, nil, container.NewPadded(v.ov), v.hscroll))

	v.details = container.NewVBox()
	v.detailsBox = container.NewVScroll(container.NewPadded(v.details))
	work := container.NewHSplit(v.detailsBox, v.np.build())
	work.Offset = 0.45
	v.split = container.NewVSplit(rows, work)
	v.split.Offset = v.m.app.Preferences().FloatWithFallback(prefDetailsSplit, 0.62)

	v.counts = widget.NewLabel("")
	v.counts.Truncation = fyne.TextTruncateEllipsis
	v.progress = widget.NewProgressBar()
	v.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), v.cancelJob)
	busy := container.NewGridWrap(fyne.NewSize(200, v.progress.MinSize().Height), v.progress)
	v.progress.Hide()
	v.cancel.Hide()
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(busy, v.cancel), v.counts)

	top := container.NewVBox(
		container.NewPadded(container.NewVBox(v.title, toolbar, toolbar2)),
		container.NewPadded(v.legend),
		widget.NewSeparator())
	v.root = container.NewBorder(top, container.NewVBox(widget.NewSeparator(), bottom), nil, nil, v.split)
	v.showDetails()
	return v.root
}

// caption is a short secondary label.
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// buildLegend explains every colour the rows use.
func (v *comparisonView) buildLegend() *fyne.Container {
	chip := func(name fyne.ThemeColorName, text string, solid bool) fyne.CanvasObject {
		r := canvas.NewRectangle(themeColor(name))
		r.CornerRadius = 3
		size := fyne.NewSize(22, 14)
		if solid {
			size = fyne.NewSize(6, 16)
		}
		r.SetMinSize(size)
		return container.NewHBox(container.NewCenter(r), caption(text))
	}
	// Two lines: on one, the legend would set the window's minimum width.
	return container.NewVBox(
		container.NewHBox(
			caption("Words:"),
			chip(colorAdded, "added", false),
			chip(colorChanged, "changed", false),
			chip(colorMissing, "missing (struck through)", false),
			chip(colorShared, "shared, in a reworded claim", false),
			chip(colorFlag, "flag, numbered", false),
			widget.NewSeparator(),
			caption("Rows:"),
			chip(colorAgree, "all agree", true),
			chip(colorDiffer, "differ", true),
			chip(colorFlagged, "flagged", true),
			chip(colorSingle, "single source", true)),
		container.NewHBox(
			caption("Verdicts:"),
			verdictKey(app.Corroborated), verdictKey(app.Disputed), verdictKey(app.NeedsChecking), verdictKey(app.SingleSource),
			widget.NewSeparator(),
			caption("✎ noted   M manual fix   ★ base report, the others are compared with it")),
	)
}

// open shows a saved comparison: its reports are read and aligned in the
// background while the view says so, with a progress bar and a cancel.
func (v *comparisonView) open(c app.Comparison) {
	v.cancelJob()
	v.saveNow()
	v.np.open(nil, c.Summary)
	v.saved, v.reports, v.s = c, nil, nil
	v.restore = true
	v.sel = -1
	v.title.SetText(c.Name)
	v.message.SetText(fmt.Sprintf("Aligning the claims of %s…", countReports(len(c.Reports))))
	v.rowsHolder.Objects = []fyne.CanvasObject{container.NewCenter(v.message)}
	v.rowsHolder.Refresh()
	v.header.Objects = nil
	v.header.Refresh()
	v.strict.Value = c.Strictness
	v.strict.Refresh()
	v.counts.SetText("")
	v.showDetails()
	var (
		saved   app.Comparison
		reports []app.Report
		notes   []*app.Note
	)
	v.run(func(ctx context.Context, progress workspace.Progress) (*sheet.Sheet, error) {
		var err error
		if saved, reports, err = v.m.ws.OpenComparison(ctx, c.ID); err != nil {
			return nil, err
		}
		if notes, err = v.m.ws.Notes(ctx, c.ID); err != nil {
			return nil, err
		}
		a, err := v.m.ws.Align(ctx, saved, reports, progress)
		if err != nil {
			return nil, err
		}
		return sheet.New(a), nil
	}, func() {
		v.saved, v.reports = saved, reports
		v.np.open(notes, saved.Summary)
	})
}

// realign aligns the same reports again after a base or strictness change,
// keeping the current rows on screen until the new ones are ready.
func (v *comparisonView) realign() {
	if v.reports == nil {
		return
	}
	saved, reports := v.saved, v.reports
	v.run(func(ctx context.Context, progress workspace.Progress) (*sheet.Sheet, error) {
		a, err := v.m.ws.Align(ctx, saved, reports, progress)
		if err != nil {
			return nil, err
		}
		return sheet.New(a), nil
	}, nil)
}

// run does work off the UI goroutine with progress and a cancel button,
// then, unless a newer run overtook it, runs then (may be nil) and shows
// its sheet, both on the UI goroutine: what a slow, overtaken open read
// (a comparison's settings and notes) never replaces a newer one's.
func (v *comparisonView) run(work func(context.Context, workspace.Progress) (*sheet.Sheet, error), then func()) {
	v.cancelJob()
	ctx, cancel := context.WithCancel(v.m.ctx)
	v.job = cancel
	v.jobSeq++
	seq := v.jobSeq
	v.progress.SetValue(0)
	v.progress.Show()
	v.cancel.Show()
	v.m.spawn(func() {
		start := time.Now()
		s, err := work(ctx, func(done, total int) {
			do(func() {
				if seq == v.jobSeq && total > 0 {
					v.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		took := time.Since(start)
		do(func() {
			if seq != v.jobSeq {
				return // overtaken or cancelled
			}
			v.job = nil
			v.progress.Hide()
			v.cancel.Hide()
			cancel()
			if err != nil {
				v.failed(err)
				return
			}
			if then != nil {
				then()
			}
			v.show(s)
			v.counts.SetText(fmt.Sprintf("%s · aligned in %s", s.C.Counts(), took.Round(time.Millisecond)))
		})
	})
}

// cancelJob stops the alignment under way, if any. Cancelling the first
// alignment of a comparison leaves a message where the rows would be; a
// cancelled re-alignment keeps the rows and settings there were.
func (v *comparisonView) cancelJob() {
	if v.job == nil {
		return
	}
	// Overtake the job before cancelling it, so its last callback sees it
	// was overtaken.
	job := v.job
	v.job = nil
	v.jobSeq++
	job()
	v.progress.Hide()
	v.cancel.Hide()
	if v.s == nil {
		v.message.SetText("Alignment cancelled. Choose the comparison again to align it.")
		return
	}
	// Put the controls back to what the rows on screen were aligned with.
	v.saved.Strictness = v.alignedStrictness
	v.strict.Value = v.saved.Strictness
	v.strict.Refresh()
	v.saved.Base = v.reports[v.s.C.Base].ID
	v.fillBase()
	v.m.status.set("Re-alignment cancelled; the rows are as they were.")
}

// failed says why a comparison could not be shown.
func (v *comparisonView) failed(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if v.s == nil {
		v.message.SetText("This comparison could not be opened: " + err.Error())
		return
	}
	v.m.showError("Could not align the reports", err)
}

// show puts a freshly aligned sheet on screen, keeping the editor's
// filter, columns and place where they still apply.
func (v *comparisonView) show(s *sheet.Sheet) {
	first := v.s == nil
	var keep compare.Row
	if !first && v.sel >= 0 && v.sel < len(v.visible) {
		keep = v.s.C.Rows[v.s.Rows[v.visible[v.sel]].Index]
	}
	v.s = s
	v.np.placed()
	v.alignedStrictness = v.saved.Strictness
	n := len(s.C.Docs)
	if first {
		v.order = make([]int, n)
		for d := range v.order {
			v.order[d] = d
		}
		v.shown = make([]bool, n)
		for d := range v.shown {
			v.shown[d] = !slices.Contains(v.saved.Hidden, v.reports[d].ID)
		}
		if !slices.Contains(v.shown, true) {
			v.shown[0] = true
		}
		v.filter = s.ParseFilter(v.saved.Filter)
		// Colours follow the reports, not the columns: the same report has
		// the same colour after a reorder and after reopening.
		ids := make([]int64, n)
		for d, r := range v.reports {
			ids[d] = r.ID
		}
		sorted := slices.Clone(ids)
		slices.Sort(sorted)
		v.colour = make([]int, n)
		for d, id := range ids {
			v.colour[d] = slices.Index(sorted, id)
		}
	}
	v.pieces = make([][][]piece, len(s.Rows))
	v.fillFilters()
	v.fillBase()
	v.counts.SetText(s.C.Counts().String())
	v.sel = -1
	v.rebuild()
	switch {
	case first && v.restore:
		v.restore = false
		if v.saved.Top > 0 && v.saved.Top < len(v.visible) {
			v.list.ScrollToOffset(v.offsets[v.saved.Top])
		}
	case len(keep.Claims) > 0:
		// Select the row that now holds the first claim of the row that
		// was selected.
		row := s.RowOf(keep.Claims[0].Doc, keep.Claims[0].Claim)
		if p := slices.Index(v.visible, row); p >= 0 {
			v.jump(p)
		}
	}
	v.showDetails()
}

// fillFilters offers the sheet's filters.
func (v *comparisonView) fillFilters() {
	fs := v.s.Filters()
	labels := make([]string, len(fs))
	for i, f := range fs {
		labels[i] = f.Label(v.s)
	}
	v.filterSel.OnChanged = nil
	v.filterSel.Options = labels
	v.filterSel.SetSelected(v.filter.Label(v.s))
	v.filterSel.OnChanged = func(label string) {
		for _, f := range v.s.Filters() {
			if f.Label(v.s) == label {
				v.setFilter(f)
			}
		}
	}
}

// setFilter shows the rows f keeps (Ctrl+1 to Ctrl+5, or the chooser).
func (v *comparisonView) setFilter(f sheet.Filter) {
	if v.s == nil {
		return
	}
	v.filter = f
	if v.filterSel.Selected != f.Label(v.s) {
		on := v.filterSel.OnChanged
		v.filterSel.OnChanged = nil
		v.filterSel.SetSelected(f.Label(v.s))
		v.filterSel.OnChanged = on
	}
	v.sel = -1
	v.rebuild()
	v.onFind(v.findEntry.Text)
	v.showDetails()
	v.scheduleSave()
}

// fillBase offers the reports as base.
func (v *comparisonView) fillBase() {
	if v.s == nil {
		return
	}
	labels := make([]string, len(v.order))
	cur := ""
	for i, d := range v.order {
		labels[i] = v.docLabel(d)
		if v.isBase(d) {
			cur = labels[i]
		}
	}
	v.baseSel.OnChanged = nil
	v.baseSel.Options = labels
	v.baseSel.SetSelected(cur)
	v.baseSel.OnChanged = func(label string) {
		for _, d := range v.order {
			if v.docLabel(d) == label {
				v.setBase(d)
			}
		}
	}
}

// docLabel names report d in menus: "1 Reuters", numbered in column
// order so two reports of one outlet stay apart.
func (v *comparisonView) docLabel(d int) string {
	return fmt.Sprintf("%d %s", slices.Index(v.order, d)+1, v.s.C.Docs[d].Label())
}

// isBase reports whether report d is the chosen base (the first report
// when none was chosen).
func (v *comparisonView) isBase(d int) bool {
	return v.reports[d].ID == v.saved.Base || (v.saved.Base == 0 && d == 0)
}

// setBase makes report d the base and aligns again.
func (v *comparisonView) setBase(d int) {
	if v.s == nil || v.isBase(d) {
		return
	}
	v.saved.Base = v.reports[d].ID
	v.fillBase()
	v.scheduleSave()
	v.realign()
}

// onStrictness aligns again when the slider is let go.
func (v *comparisonView) onStrictness(x float64) {
	if v.s == nil || x == v.saved.Strictness {
		return
	}
	v.saved.Strictness = x
	v.scheduleSave()
	v.realign()
}

// moveColumn moves report d's column by delta places.
func (v *comparisonView) moveColumn(d, delta int) {
	i := slices.Index(v.order, d)
	j := i + delta
	if i < 0 || j < 0 || j >= len(v.order) {
		return
	}
	v.order[i], v.order[j] = v.order[j], v.order[i]
	v.fillBase()
	v.rebuild()
	v.scheduleSave()
}

// setShown shows or hides report d's column; one column always stays.
func (v *comparisonView) setShown(d int, on bool) {
	if !on {
		n := 0
		for _, s := range v.shown {
			if s {
				n++
			}
		}
		if n <= 1 {
			v.m.status.set("At least one column stays shown.")
			return
		}
	}
	v.shown[d] = on
	v.sel = -1
	v.rebuild()
	v.showDetails()
	v.scheduleSave()
}

// showColumnsMenu lists the reports to show or hide.
func (v *comparisonView) showColumnsMenu() {
	if v.s == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, d := range v.order {
		item := fyne.NewMenuItem(v.docLabel(d), func() { v.setShown(d, !v.shown[d]) })
		item.Checked = v.shown[d]
		items = append(items, item)
	}
	c := v.m.win.Canvas()
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.columns).Add(fyne.NewPos(0, v.columns.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// showColumnMenu offers what can be done to report d's column.
func (v *comparisonView) showColumnMenu(d int, at fyne.CanvasObject) {
	base := fyne.NewMenuItem("Make base report", func() { v.setBase(d) })
	base.Disabled = v.isBase(d)
	left := fyne.NewMenuItem("Move left", func() { v.moveColumn(d, -1) })
	left.Disabled = slices.Index(v.order, d) == 0
	right := fyne.NewMenuItem("Move right", func() { v.moveColumn(d, 1) })
	right.Disabled = slices.Index(v.order, d) == len(v.order)-1
	hide := fyne.NewMenuItem("Hide column", func() { v.setShown(d, false) })
	only := fyne.NewMenuItem("Show only this report's claims", func() { v.setFilter(sheet.Filter{Kind: sheet.OfReport, Doc: d}) })
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at).Add(fyne.NewPos(0, at.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", base, left, right, hide, fyne.NewMenuItemSeparator(), only), v.m.win.Canvas(), pos)
}

// onWidth re-wraps the rows once the width has settled.
func (v *comparisonView) onWidth(w float32) {
	if v.s == nil || abs32(w-v.width) < 1 {
		return
	}
	v.m.debounce(&v.rewrap, v.rewrapDelay, func() {
		if v.s != nil && abs32(v.availWidth()-v.width) >= 1 {
			v.rebuild()
		}
	})
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// availWidth is the width the columns share.
func (v *comparisonView) availWidth() float32 {
	return v.hscroll.Size().Width
}

// rebuild recomputes the rows shown, their wrapped heights for the
// current width, and swaps in a new list sized before it is shown.
func (v *comparisonView) rebuild() {
	s := v.s
	top := v.topRow()
	v.visible = s.Visible(v.filter, v.shown)
	v.cols = v.cols[:0]
	for _, d := range v.order {
		if v.shown[d] {
			v.cols = append(v.cols, d)
		}
	}
	v.width = v.availWidth()
	avail := v.width - gutterWidth
	if avail <= 0 {
		avail = float32(len(v.cols)) * minColumn // not laid out yet
	}
	v.colW = max(avail/float32(len(v.cols)), minColumn)
	v.heights, v.offsets = v.layRows(v.visible, v.cols, v.colW)

	v.buildHeader()
	list := widget.NewList(
		func() int { return len(v.visible) },
		v.createRow,
		v.updateRow)
	for i, h := range v.heights {
		list.SetItemHeight(i, h)
	}
	list.OnSelected = v.onSelected
	v.list = list
	if len(v.visible) == 0 {
		v.message.SetText(v.emptyMessage())
		v.rowsHolder.Objects = []fyne.CanvasObject{container.NewCenter(v.message)}
	} else {
		v.rowsHolder.Objects = []fyne.CanvasObject{list}
	}
	v.rowsHolder.Refresh()
	v.ov.set(s, v.visible, v.cols)
	v.ov.mark(v.sel)
	if v.sel >= 0 && v.sel < len(v.visible) {
		list.Select(v.sel)
		list.ScrollToOffset(max(v.offsets[v.sel]-v.rowsHolder.Size().Height/4, 0))
	} else if top > 0 {
		if p := sort.SearchInts(v.visible, top); p < len(v.visible) {
			list.ScrollToOffset(v.offsets[p])
		}
	}
}

// emptyMessage says why no row is shown.
func (v *comparisonView) emptyMessage() string {
	if v.filter.Kind == sheet.All {
		return "No claims in the shown columns."
	}
	return fmt.Sprintf("No rows are “%s”. Choose All rows (Ctrl+1) to see every row.", v.filter.Label(v.s))
}

// layRows measures and wraps every shown row: its height (the tallest of
// its cells) and its offset from the top of the list.
func (v *comparisonView) layRows(visible, cols []int, colW float32) (heights, offsets []float32) {
	heights = make([]float32, len(visible))
	offsets = make([]float32, len(visible))
	sep := theme.Padding()
	y := float32(0)
	for p, ri := range visible {
		h := v.meas.lineH
		for _, d := range cols {
			ps := v.cellPieces(ri, d)
			if ps != nil {
				h = max(h, v.meas.height(ps, colW-2*cellPad-4))
			}
		}
		heights[p] = h + 2*cellPad
		offsets[p] = y
		y += heights[p] + sep
	}
	return heights, offsets
}

// cellPieces returns the measured words of row ri's cell of report d
// (nil for an empty cell), measuring them the first time.
func (v *comparisonView) cellPieces(ri, d int) []piece {
	if v.pieces[ri] == nil {
		v.pieces[ri] = make([][]piece, len(v.s.C.Docs))
	}
	cell := &v.s.Rows[ri].Cells[d]
	if cell.Empty() {
		return nil
	}
	if v.pieces[ri][d] == nil {
		v.pieces[ri][d] = append(v.meas.cuePieces(cell.Time, cell.Speaker), v.meas.pieces(cell.Runs)...)
	}
	return v.pieces[ri][d]
}

// topRow is the sheet row at the top of the list, -1 when none.
func (v *comparisonView) topRow() int {
	if v.list == nil || len(v.visible) == 0 {
		return -1
	}
	return v.visible[v.topPos()]
}

// topPos is the position in visible of the row at the top of the list.
func (v *comparisonView) topPos() int {
	if v.list == nil || len(v.offsets) == 0 {
		return 0
	}
	off := v.list.GetScrollOffset()
	return min(sort.Search(len(v.offsets), func(i int) bool { return v.offsets[i]+v.heights[i] > off }), len(v.offsets)-1)
}

// createRow is a list row: the gutter, then one cell per shown column.
func (v *comparisonView) createRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{newGutter()}
	for range v.cols {
		objs = append(objs, newCell(v.meas))
	}
	return container.New(&gridLayout{v: v}, objs...)
}

// updateRow shows row p of the visible rows.
func (v *comparisonView) updateRow(p widget.ListItemID, o fyne.CanvasObject) {
	if p < 0 || p >= len(v.visible) {
		return
	}
	ri := v.visible[p]
	row := &v.s.Rows[ri]
	c := o.(*fyne.Container)
	c.Objects[0].(*gutter).set(ri+1, row)
	tip := v.flagTip(ri)
	for i, d := range v.cols {
		if i+1 >= len(c.Objects) {
			break
		}
		c.Objects[i+1].(*cell).set(v.cellPieces(ri, d), row.Cells[d].Ref, v.colour[d], tip)
	}
}

// flagTip explains row ri's flags for the hover tip.
func (v *comparisonView) flagTip(ri int) func(int) string {
	return func(n int) string {
		row := &v.s.C.Rows[v.s.Rows[ri].Index]
		if n < 1 || n > len(row.Flags) {
			return ""
		}
		f := &row.Flags[n-1]
		return fmt.Sprintf("%d. %s: %s (%s)", n, flagKindName(f.Kind), f.Detail,
			row.Who(f, func(d int) string { return v.s.C.Docs[d].Label() }))
	}
}

// flagKindName is a flag kind in the editor's words.
func flagKindName(k app.FlagKind) string {
	switch k {
	case app.FlagNumber:
		return "Number"
	case app.FlagName:
		return "Name or spelling"
	case app.FlagDate:
		return "Date"
	case app.FlagNegation:
		return "Negation"
	case app.FlagAttribution:
		return "Attribution"
	case app.FlagHedge:
		return "Hedge"
	}
	return string(k)
}

// onSelected shows the selected row's details.
func (v *comparisonView) onSelected(p widget.ListItemID) {
	v.sel = p
	v.ov.mark(p)
	v.showDetails()
	v.np.picked()
	v.scheduleSave()
}

// jump selects row p of the visible rows and scrolls it into view a
// quarter of the way down, so the rows before it give context.
func (v *comparisonView) jump(p int) {
	if v.list == nil || p < 0 || p >= len(v.visible) {
		return
	}
	v.list.ScrollToOffset(max(v.offsets[p]-v.rowsHolder.Size().Height/4, 0))
	v.list.Select(p)
}

// next moves to the next (dir 1) or previous (dir -1) row want accepts.
func (v *comparisonView) next(dir int, want func(*sheet.Row) bool, what string) {
	if v.s == nil {
		return
	}
	from := v.sel
	if from < 0 {
		from = v.topPos() - 1
		if dir < 0 {
			from = v.topPos()
		}
	}
	p := v.s.Next(v.visible, from, dir, want)
	if p < 0 {
		where := "below"
		if dir < 0 {
			where = "above"
		}
		v.m.status.set(fmt.Sprintf("No %s %s.", what, where))
		return
	}
	v.jump(p)
}

// onFind finds rows as the editor types.
func (v *comparisonView) onFind(q string) {
	if v.s == nil {
		return
	}
	v.hits = v.s.Find(v.visible, q)
	v.hit = -1
	switch {
	case strings.TrimSpace(q) == "":
		v.findCount.SetText("")
	case len(v.hits) == 0:
		v.findCount.SetText("no match")
	default:
		v.findCount.SetText(fmt.Sprintf("%d rows", len(v.hits)))
	}
}

// findNext goes to the next (or previous) row the search finds.
func (v *comparisonView) findNext(dir int) {
	if len(v.hits) == 0 {
		return
	}
	v.hit = (v.hit + dir + len(v.hits)) % len(v.hits)
	if v.hit < 0 {
		v.hit = 0
	}
	v.findCount.SetText(fmt.Sprintf("%d of %d", v.hit+1, len(v.hits)))
	v.jump(v.hits[v.hit])
}

// focusFind puts the cursor in the find box.
func (v *comparisonView) focusFind() { v.m.win.Canvas().Focus(v.findEntry) }

// showDetails fills the details panel for the selected row.
func (v *comparisonView) showDetails() {
	v.details.Objects = nil
	add := func(o fyne.CanvasObject) { v.details.Objects = append(v.details.Objects, o) }
	if v.s == nil || v.sel < 0 || v.sel >= len(v.visible) {
		hint := widget.NewLabel("Select a row to see its flags and the claims related to it. Alt+Down goes to the next difference, Alt+Shift+Down to the next flagged row; Help > Keyboard shortcuts lists them all.")
		hint.Wrapping = fyne.TextWrapWord
		add(hint)
		v.details.Refresh()
		v.np.showRow()
		return
	}
	ri := v.visible[v.sel]
	row := &v.s.Rows[ri]
	crow := &v.s.C.Rows[row.Index]
	head := widget.NewLabel(fmt.Sprintf("Row %d · %s · stated by %d of %d reports", ri+1, row.Status, row.Reports, len(v.s.C.Docs)))
	head.TextStyle.Bold = true
	add(head)
	tip := v.flagTip(ri)
	for i := range crow.Flags {
		l := widget.NewLabel(tip(i + 1))
		l.Wrapping = fyne.TextWrapWord
		add(container.NewBorder(nil, nil, flagBadge(i+1), nil, l))
	}
	if len(crow.Flags) == 0 && row.Reports > 1 {
		add(caption("No flags: the reports state this claim without a number, name, date, negation, attribution or hedge that differs."))
	}
	links := v.s.Links(ri)
	if len(links) > 0 {
		add(caption(fmt.Sprintf("Related claims in other rows (%d):", len(links))))
		for i, l := range links {
			if i == 8 {
				add(caption(fmt.Sprintf("and %d more", len(links)-8)))
				break
			}
			// A short button and a truncated label: the panel is narrow
			// beside the notes, and a long line must not widen it.
			b := widget.NewButton(fmt.Sprintf("Row %d", l.Row+1), func() { v.jumpToRow(l.Row) })
			b.Importance = widget.LowImportance
			text := widget.NewLabel(fmt.Sprintf("%s %.2f · %s", linkKind(l), l.Score, v.rowSnippet(l.Row)))
			text.Truncation = fyne.TextTruncateEllipsis
			add(container.NewBorder(nil, nil, b, nil, text))
		}
	}
	v.details.Refresh()
	v.detailsBox.ScrollToTop()
	v.np.showRow()
}

// linkKind names a link's level.
func linkKind(l sheet.Link) string {
	if l.Level == align.LevelSame {
		return "same claim"
	}
	return "related"
}

// rowSnippet is the start of a row's first claim.
func (v *comparisonView) rowSnippet(ri int) string {
	for _, d := range v.order {
		if c := v.s.Rows[ri].Cells[d]; !c.Empty() {
			return workspace.Shorten(oneLine(v.s.C.Docs[d].ClaimText(c.Claim)), 70)
		}
	}
	return ""
}

// jumpToRow selects sheet row ri, showing all rows if the filter hides it.
func (v *comparisonView) jumpToRow(ri int) {
	p := slices.Index(v.visible, ri)
	if p < 0 {
		for d := range v.shown {
			v.shown[d] = true
		}
		v.setFilter(sheet.Filter{}) // rebuilds the rows
		p = slices.Index(v.visible, ri)
	}
	v.jump(p)
}

// flagBadge is a flag's number as the cells draw it.
func flagBadge(n int) fyne.CanvasObject {
	bg := canvas.NewRectangle(themeColor(colorFlag))
	bg.CornerRadius = 4
	t := canvas.NewText(fmt.Sprint(n), themeColor(theme.ColorNameBackground))
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	bg.SetMinSize(fyne.NewSize(20, 18))
	return container.NewCenter(container.NewStack(bg, t))
}

// buildHeader makes one header per shown column: the report's colour,
// outlet, title and date, a base mark, and a menu of column actions.
func (v *comparisonView) buildHeader() {
	objs := []fyne.CanvasObject{layout.NewSpacer()}
	for _, d := range v.cols {
		r := v.reports[d]
		bar := canvas.NewRectangle(reportColor(v.colour[d]))
		bar.SetMinSize(fyne.NewSize(10, 5))
		name := widget.NewLabel(v.s.C.Docs[d].Label())
		if v.isBase(d) {
			name.SetText("★ " + name.Text + " (base)")
		}
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		title := workspace.Title(r)
		if title == v.s.C.Docs[d].Label() {
			title = ""
		}
		meta := newNote(strings.Join(nonEmpty(title, shortDate(r.Published), fmt.Sprintf("%d claims", len(v.s.C.Docs[d].Claims))), " · ")).truncate()
		var menu *widget.Button
		menu = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() { v.showColumnMenu(d, menu) })
		menu.Importance = widget.LowImportance
		top := container.NewBorder(nil, nil, nil, menu, name)
		objs = append(objs, container.New(&rowLayout{}, container.NewVBox(bar, top), meta.RichText))
	}
	v.header.Objects = objs
	v.header.Refresh()
}

// nonEmpty drops empty strings.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// scheduleSave stores the comparison's settings shortly.
func (v *comparisonView) scheduleSave() {
	v.m.debounce(&v.saveT, v.saveDelay, v.saveInBackground)
}

// state is the comparison as the editor has left it on screen.
func (v *comparisonView) state() (app.Comparison, bool) {
	if v.s == nil || v.saved.ID == 0 {
		return app.Comparison{}, false
	}
	c := v.saved
	c.Reports = make([]int64, 0, len(v.order))
	c.Hidden = nil
	for _, d := range v.order {
		c.Reports = append(c.Reports, v.reports[d].ID)
		if !v.shown[d] {
			c.Hidden = append(c.Hidden, v.reports[d].ID)
		}
	}
	c.Filter = v.filter.Format(v.s)
	c.Top = v.topPos()
	return c, true
}

func (v *comparisonView) saveInBackground() {
	c, ok := v.state()
	if !ok {
		return
	}
	v.saveSeq++
	seq := v.saveSeq
	v.m.spawn(func() {
		err := v.store(v.m.ctx, &c, seq)
		if errors.Is(err, context.Canceled) || errors.Is(err, errStale) {
			return
		}
		do(func() {
			v.np.summarySaved(c.Updated, err)
			if err != nil {
				v.m.status.set(err.Error())
			}
		})
	})
}

// saveNow stores the settings at once (closing the window, switching to
// another comparison).
func (v *comparisonView) saveNow() {
	v.np.flush()
	v.m.stop(&v.saveT)
	c, ok := v.state()
	if !ok {
		return
	}
	v.saveSeq++
	if err := v.store(context.Background(), &c, v.saveSeq); err != nil && !errors.Is(err, errStale) {
		v.m.status.set(err.Error())
	}
}

// errStale says a save was skipped because a newer one was written.
var errStale = errors.New("a newer save was written")

// store saves c, the seq-th state taken, one save at a time and never
// after a later state: background saves may reach the lock out of order,
// and an older copy committed last would undo the editor's latest change
// (the summary they were typing, say).
func (v *comparisonView) store(ctx context.Context, c *app.Comparison, seq int) error {
	v.storeMu.Lock()
	defer v.storeMu.Unlock()
	if seq < v.stored {
		return errStale
	}
	v.stored = seq
	return v.m.ws.SaveComparison(ctx, c)
}

// gridLayout places a row's (or the header's) gutter and cells in the
// view's column widths.
type gridLayout struct{ v *comparisonView }

func (g *gridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(gutterWidth+float32(max(len(objs)-1, 0))*g.v.colW, h)
}

func (g *gridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := g.v.colW
		if i == 0 {
			w = gutterWidth
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// watchLayout lays out one object full size and reports width changes.
type watchLayout struct {
	onWidth func(float32)
}

func (w *watchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (w *watchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	w.onWidth(size.Width)
}

// gutter shows a row's status as a coloured bar, its number, and the
// editor's work on it: a verdict chip, a note mark and a manual-fix mark.
type gutter struct {
	widget.BaseWidget
	bar     *canvas.Rectangle
	num     *canvas.Text
	chip    *verdictChip
	marks   *canvas.Text
	status  compare.Status
	verdict app.Verdict
}

func newGutter() *gutter {
	g := &gutter{bar: canvas.NewRectangle(color.Transparent), num: canvas.NewText("", color.Black),
		chip: newVerdictChip(), marks: canvas.NewText("", color.Black)}
	g.num.TextSize = theme.CaptionTextSize()
	g.num.Alignment = fyne.TextAlignTrailing
	g.marks.TextSize = theme.CaptionTextSize()
	g.ExtendBaseWidget(g)
	return g
}

// set shows sheet row n-1.
func (g *gutter) set(n int, row *sheet.Row) {
	g.num.Text = fmt.Sprint(n)
	g.status = row.Status
	g.verdict = row.Verdict
	g.marks.Text = ""
	if row.Notes > 0 {
		g.marks.Text = "✎"
	}
	if row.Manual {
		g.marks.Text += "M"
	}
	g.Refresh()
}

func (g *gutter) CreateRenderer() fyne.WidgetRenderer {
	return &gutterRenderer{g: g}
}

type gutterRenderer struct{ g *gutter }

func (r *gutterRenderer) Destroy() {}
func (r *gutterRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth, r.g.num.MinSize().Height)
}
func (r *gutterRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.g.bar, r.g.num, r.g.chip, r.g.marks}
}
func (r *gutterRenderer) Layout(size fyne.Size) {
	g := r.g
	g.bar.Move(fyne.NewPos(2, 2))
	g.bar.Resize(fyne.NewSize(6, size.Height-4))
	g.num.Move(fyne.NewPos(8, cellPad))
	g.num.Resize(fyne.NewSize(gutterWidth-12, g.num.MinSize().Height))
	y := cellPad + g.num.MinSize().Height + 2
	g.chip.Move(fyne.NewPos(gutterWidth-4-g.chip.MinSize().Width, y))
	g.chip.Resize(g.chip.MinSize())
	g.marks.Move(fyne.NewPos(12, y))
	g.marks.Resize(g.marks.MinSize())
}
func (r *gutterRenderer) Refresh() {
	g := r.g
	g.bar.FillColor = themeColor(statusColorName(g.status))
	g.num.Color = themeColor(theme.ColorNamePlaceHolder)
	g.marks.Color = themeColor(theme.ColorNamePrimary)
	g.chip.set(g.verdict)
	r.Layout(g.Size())
	canvas.Refresh(g)
}

// cell is one report's claim in a row: a faint edge in the report's
// colour, a tint for the row's reference claim, and the highlighted text.
// An empty cell (the report does not state the claim) draws nothing.
type cell struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	edge *canvas.Rectangle
	text *highlight
	ref  bool
	col  int
	// empty: no claim
	empty bool
}

func newCell(m *measurer) *cell {
	c := &cell{bg: canvas.NewRectangle(color.Transparent), edge: canvas.NewRectangle(color.Transparent), text: newHighlight(m)}
	c.ExtendBaseWidget(c)
	return c
}

func (c *cell) set(ps []piece, ref bool, colour int, tip func(int) string) {
	c.ref, c.col, c.empty = ref, colour, ps == nil
	c.text.set(ps, tip)
	c.Refresh()
}

func (c *cell) CreateRenderer() fyne.WidgetRenderer { return &cellRenderer{c: c} }

type cellRenderer struct{ c *cell }

func (r *cellRenderer) Destroy() {}
func (r *cellRenderer) MinSize() fyne.Size {
	return fyne.NewSize(minColumn, r.c.text.m.lineH+2*cellPad)
}
func (r *cellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.edge, r.c.text}
}
func (r *cellRenderer) Layout(size fyne.Size) {
	r.c.bg.Move(fyne.NewPos(1, 0))
	r.c.bg.Resize(fyne.NewSize(size.Width-2, size.Height))
	r.c.edge.Move(fyne.NewPos(1, 0))
	r.c.edge.Resize(fyne.NewSize(3, size.Height))
	r.c.text.Move(fyne.NewPos(cellPad+4, cellPad))
	r.c.text.Resize(fyne.NewSize(size.Width-2*cellPad-4, size.Height-2*cellPad))
}
func (r *cellRenderer) Refresh() {
	c := r.c
	switch {
	case c.empty:
		c.bg.FillColor = color.Transparent
		c.edge.FillColor = color.Transparent
	case c.ref:
		c.bg.FillColor = themeColor(colorRefCell)
		c.edge.FillColor = reportColor(c.col)
	default:
		c.bg.FillColor = color.Transparent
		c.edge.FillColor = reportColor(c.col)
	}
	r.Layout(c.Size())
	c.bg.Refresh()
	c.edge.Refresh()
}

// forget closes the comparison without saving it (it was removed).
func (v *comparisonView) forget() {
	v.cancelJob()
	v.m.stop(&v.saveT)
	v.m.stop(&v.np.saveT)
	v.np.forget()
	v.saved, v.reports, v.s, v.list = app.Comparison{}, nil, nil, nil
	v.rowsHolder.Objects = nil
	v.rowsHolder.Refresh()
}

// themeChanged redraws what holds colours fixed at build time.
func (v *comparisonView) themeChanged() {
	v.legend.Objects = v.buildLegend().Objects
	v.legend.Refresh()
	v.showDetails()
}
