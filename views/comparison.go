package views

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/sheet"
	"parallax/app/workspace"
)

// comparisonView is the side-by-side comparison. It holds what its parts
// share, the aligned sheet and the editor's arrangement of it (filter,
// column order, shown reports, colours, base), runs the alignments, and
// wires the parts, each of which owns its widgets and state:
//
//   - toolbar: name, filter, find, base, columns, strictness;
//   - the legend of colours;
//   - grid: column headers, rows (gutter and cells), the overview strip;
//   - rowInfo: the selected row's flags and links, beside notesPanel;
//   - progressLine: counts, progress and cancel;
//   - saver: the settings written back, debounced.
//
// Everything shown comes from a sheet.Sheet built off the UI goroutine.
type comparisonView struct {
	m *Main

	bar    *toolbar
	legend *fyne.Container
	// legendBox pads the legend; hidden with it.
	legendBox *fyne.Container
	grid      *grid
	info      *rowInfo
	np        *notesPanel
	line      progressLine
	save      *saver

	// saved is the comparison as stored; reports are its reports in the
	// order they were aligned (sheet document order).
	saved   app.Comparison
	reports []app.Report
	s       *sheet.Sheet
	// alignedStrictness is the strictness s was aligned with.
	alignedStrictness float64
	colour            []int // report colour index per document, stable across reorders

	filter sheet.Filter
	order  []int  // documents in column order
	shown  []bool // per document
	// restore: scroll to saved.Top once the rows are on screen.
	restore bool

	job    context.CancelFunc
	jobSeq int

	// history is what Edit › Undo takes back (undo.go): the verdicts,
	// deleted notes and manual fixes of this comparison.
	history undoStack

	root  *fyne.Container
	split *container.Split
	// work is the row details beside the notes, below the rows; it folds.
	work *container.Split
	// statusLine is the view's part of the window's status line: counts,
	// progress, and the legend and details toggles (panels.go).
	statusLine            *fyne.Container
	legendBtn, detailsBtn *toggleText
}

func newComparisonView(m *Main) *comparisonView {
	v := &comparisonView{m: m}
	v.np = newNotesPanel(v)
	v.bar = newToolbar(v)
	v.grid = newGrid(v)
	v.info = newRowInfo(v, v.grid.jumpToRow)
	v.save = &saver{v: v, delay: saveDelay}
	v.grid.onSelect = v.onSelected
	v.grid.onColumnMenu = v.bar.showColumnMenu
	return v
}

// build makes the view's widgets.
func (v *comparisonView) build() fyne.CanvasObject {
	top := v.bar.build()
	rows := v.grid.build()
	v.legend = buildLegend()
	v.legendBox = container.New(layout.NewCustomPaddedLayout(0, 0, theme.Padding()*2, theme.Padding()), v.legend)
	v.work = container.NewHSplit(v.info.build(), v.np.build())
	v.work.Offset = 0.45
	v.split = container.NewVSplit(rows, v.work)
	v.split.Offset = v.m.app.Preferences().FloatWithFallback(prefDetailsSplit, defaultDetailsSplit)

	v.root = container.NewBorder(
		container.NewVBox(top, v.legendBox, widget.NewSeparator()),
		nil, nil, nil, v.split)
	v.buildPanels()
	v.showDetails()
	return v.root
}

// open shows a saved comparison: its reports are read and aligned in the
// background while the view says so, with a progress bar and a cancel.
func (v *comparisonView) open(c app.Comparison) {
	v.cancelJob()
	v.save.now()
	v.np.open(nil, c.Summary)
	v.saved, v.reports, v.s = c, nil, nil
	v.history.clear()
	v.restore = true
	v.grid.sel = -1
	v.bar.title.SetText(c.Name)
	v.m.win.SetTitle("Parallax — " + c.Name)
	v.grid.say(fmt.Sprintf("Aligning the claims of %s…", countReports(len(c.Reports))))
	v.bar.setStrictness(c.Strictness)
	v.line.counts.SetText("")
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
	v.line.busy()
	v.m.spawn(func() {
		s, err := work(ctx, func(done, total int) {
			do(func() {
				if seq == v.jobSeq && total > 0 {
					v.line.progress.SetValue(float64(done) / float64(total))
				}
			})
		})
		do(func() {
			if seq != v.jobSeq {
				return // overtaken or cancelled
			}
			v.job = nil
			v.line.idle()
			cancel()
			if err != nil {
				v.failed(err)
				return
			}
			if then != nil {
				then()
			}
			v.show(s)
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
	v.line.idle()
	if v.s == nil {
		v.grid.message.SetText("Alignment cancelled. Choose the comparison again to align it.")
		return
	}
	// Put the controls back to what the rows on screen were aligned with.
	v.saved.Strictness = v.alignedStrictness
	v.bar.setStrictness(v.saved.Strictness)
	v.saved.Base = v.reports[v.s.C.Base].ID
	v.bar.fillBase()
	v.m.status.set("Re-alignment cancelled; the rows are as they were.")
}

// failed says why a comparison could not be shown.
func (v *comparisonView) failed(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if v.s == nil {
		v.grid.message.SetText("This comparison could not be opened: " + err.Error())
		return
	}
	v.m.showError("Could not align the reports", err)
}

// show puts a freshly aligned sheet on screen, keeping the editor's
// filter, columns and place where they still apply.
func (v *comparisonView) show(s *sheet.Sheet) {
	first := v.s == nil
	var keep compare.Row
	if ri := v.grid.selected(); !first && ri >= 0 {
		keep = v.s.C.Rows[v.s.Rows[ri].Index]
	}
	v.s = s
	v.np.placed()
	v.alignedStrictness = v.saved.Strictness
	if first {
		v.arrange()
	}
	v.grid.reset(s)
	v.bar.fillFilters()
	v.bar.fillBase()
	v.line.show(s.C.Counts())
	v.grid.rebuild()
	v.m.showTitle()
	switch {
	case first && v.restore:
		v.restore = false
		v.grid.scrollTo(v.saved.Top)
		v.grid.focusIfIdle()
	case len(keep.Claims) > 0:
		// Select the row that now holds the first claim of the row that
		// was selected.
		row := s.RowOf(keep.Claims[0].Doc, keep.Claims[0].Claim)
		if p := slices.Index(v.grid.visible, row); p >= 0 {
			v.grid.jump(p)
		}
	}
	v.showDetails()
}

// arrange takes the columns, filter and colours of a comparison just
// opened from its saved settings.
func (v *comparisonView) arrange() {
	n := len(v.s.C.Docs)
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
	v.filter = v.s.ParseFilter(v.saved.Filter)
	v.grid.folds.restore(v.saved.Unfolded)
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

// setFilter shows the rows f keeps (Ctrl+1 to Ctrl+5, or the chooser).
func (v *comparisonView) setFilter(f sheet.Filter) {
	if v.s == nil {
		return
	}
	v.filter = f
	v.bar.showFilter(f)
	v.grid.sel = -1
	v.grid.rebuild()
	v.bar.onFind(v.bar.findEntry.Text)
	v.showDetails()
	v.save.schedule()
}

// showAll shows every column and every row.
func (v *comparisonView) showAll() {
	for d := range v.shown {
		v.shown[d] = true
	}
	v.setFilter(sheet.Filter{})
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
	v.bar.fillBase()
	v.save.schedule()
	v.realign()
}

// onStrictness aligns again when the slider is let go.
func (v *comparisonView) onStrictness(x float64) {
	if v.s == nil || x == v.saved.Strictness {
		return
	}
	v.saved.Strictness = x
	v.bar.setStrictness(x)
	v.save.schedule()
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
	v.bar.fillBase()
	v.grid.rebuild()
	v.save.schedule()
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
	v.grid.sel = -1
	v.grid.rebuild()
	v.showDetails()
	v.save.schedule()
}

// onSelected shows the selected row's details.
func (v *comparisonView) onSelected(int) {
	v.showDetails()
	v.np.picked()
	v.save.schedule()
}

// showDetails fills the details and notes for the selected row.
func (v *comparisonView) showDetails() {
	v.info.show(v.grid.selected())
	v.np.showRow()
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
	c.Top = v.grid.topPos()
	c.Widths = maps.Clone(v.saved.Widths)
	c.Unfolded = v.grid.folds.saved()
	return c, true
}

// loaded reports the name of the comparison on screen (or behind the
// report pane), ok false when none is aligned and shown.
func (v *comparisonView) loaded() (name string, ok bool) {
	if v.s == nil || v.saved.ID == 0 {
		return "", false
	}
	return v.saved.Name, true
}

// forget closes the comparison without saving it (it was removed).
func (v *comparisonView) forget() {
	v.cancelJob()
	v.save.stop()
	v.m.stop(&v.np.saveT)
	v.np.forget()
	v.saved, v.reports, v.s = app.Comparison{}, nil, nil
	v.history.clear()
	v.grid.clear()
}

// themeChanged redraws what holds colours fixed at build time.
func (v *comparisonView) themeChanged() {
	v.legend.Objects = buildLegend().Objects
	v.legend.Refresh()
	v.showDetails()
}
