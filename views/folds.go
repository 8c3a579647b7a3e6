package views

import (
	"image/color"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/compare"
	"parallax/app/sheet"
)

// folds is the grid's folding of runs of single-source rows, one line a
// run, as a diff tool folds unchanged lines: the claims only one report
// states are the stretch an editor skims, and three reports of one story
// hold many. A click on the line or Enter unfolds it; the runs unfolded are
// saved with the comparison (app.Comparison.Unfolded).
//
// Only the lists of all rows and of one report's claims fold: a filter for
// single-source rows, verdicts or notes asked for exactly those rows.
type folds struct {
	// open are the runs the editor unfolded, by key (saved); peek those
	// opened because they hold a find hit (not saved, closed again when
	// the search is cleared).
	open map[string]bool
	peek map[string]bool
	// all are the runs among the rows the filter keeps; at the runs folded,
	// by their position in the grid's rows.
	all []sheet.Fold
	at  map[int]*sheet.Fold
}

// restore starts from a comparison's saved unfolded runs.
func (f *folds) restore(keys []string) {
	f.open = map[string]bool{}
	for _, k := range keys {
		f.open[k] = true
	}
	f.peek = nil
}

// saved are the keys of the runs unfolded, to save, sorted.
func (f *folds) saved() []string {
	return slices.Sorted(maps.Keys(f.open))
}

func (f *folds) isOpen(key string) bool { return f.open[key] || f.peek[key] }

// apply folds rows (the rows filter keeps, in order) and returns what the
// grid lists.
func (f *folds) apply(s *sheet.Sheet, filter sheet.Filter, rows []int) []int {
	f.all = nil
	if filter.Kind == sheet.All || filter.Kind == sheet.OfReport {
		f.all = s.Folds(rows)
	}
	out, at := sheet.Folded(rows, f.all, f.isOpen)
	f.at = at
	return out
}

// refold lists the rows again after a fold opened or closed, keeping the
// selected row selected and the row at the top on top.
func (g *grid) refold() {
	ri := g.selected()
	g.sel = -1
	g.rebuild()
	if p := slices.Index(g.visible, ri); ri >= 0 && p >= 0 && g.folds.at[p] == nil {
		g.sel = p
		g.list.Select(p)
	}
}

// setFold opens (or closes) the run named key and saves the choice.
func (g *grid) setFold(key string, open bool) {
	if open {
		g.folds.open[key] = true
	} else {
		delete(g.folds.open, key)
		delete(g.folds.peek, key)
	}
	g.v.save.schedule()
	g.refold()
}

// foldAll folds every run (on) or unfolds them all.
func (g *grid) foldAll(on bool) {
	if g.v.s == nil {
		return
	}
	clear(g.folds.open)
	g.folds.peek = nil
	if !on {
		for _, f := range g.folds.all {
			g.folds.open[f.Key] = true
		}
	}
	g.v.save.schedule()
	g.refold()
}

// enter is Enter on the rows: the selected fold unfolds; a selected row of
// an unfolded run folds it again; on any other row it does nothing.
func (g *grid) enter() {
	if g.sel < 0 || g.sel >= len(g.visible) {
		return
	}
	if f := g.folds.at[g.sel]; f != nil {
		g.setFold(f.Key, true)
	} else if f := sheet.FoldOf(g.folds.all, g.visible[g.sel]); f != nil {
		g.setFold(f.Key, false)
	}
}

// unfoldRow opens the folded run holding sheet row ri, if any, so that
// the row can be shown; it reports whether it did.
func (g *grid) unfoldRow(ri int) bool {
	f := sheet.FoldOf(g.folds.all, ri)
	if f == nil || g.folds.isOpen(f.Key) {
		return false
	}
	g.setFold(f.Key, true)
	return true
}

// peekFind opens, for as long as the search lasts, the folded runs holding
// a row that q finds, so every hit is a row on screen; it reports whether
// the rows were listed again.
func (g *grid) peekFind(q string) bool {
	s := g.v.s
	peek := map[string]bool{}
	if strings.TrimSpace(q) != "" {
		for _, f := range g.folds.all {
			if !g.folds.open[f.Key] && len(s.Find(f.Rows, q)) > 0 {
				peek[f.Key] = true
			}
		}
	}
	if maps.Equal(peek, g.folds.peek) || len(peek) == 0 && len(g.folds.peek) == 0 {
		return false
	}
	g.folds.peek = peek
	g.refold()
	return true
}

// foldHeight is the height of a folded run's line.
func (g *grid) foldHeight() float32 { return g.meas.lineH + cellPad }

// showFold draws the fold at position p on a list row and reports whether
// there is one; the row's cells are hidden while it shows.
func (g *grid) showFold(p int, item *fyne.Container) bool {
	row, line := item.Objects[0], item.Objects[2].(*foldLine)
	f := g.folds.at[p]
	if f == nil {
		line.Hide()
		row.Show()
		return false
	}
	row.Hide()
	line.set(g.v.s.FoldLabel(f), g.rowSnippet(f.Rows[0]), func() { g.setFold(f.Key, true) })
	line.Show()
	return true
}

// foldLine is a folded run on screen: the single-source colour in the
// gutter, "▸ 6 claims only in Reuters", and the start of the first claim.
// A click unfolds it.
type foldLine struct {
	widget.BaseWidget
	bar      *canvas.Rectangle
	label    *canvas.Text
	snippet  *canvas.Text
	onTapped func()
}

var (
	_ fyne.Tappable      = (*foldLine)(nil)
	_ desktop.Cursorable = (*foldLine)(nil)
)

func newFoldLine() *foldLine {
	l := &foldLine{bar: canvas.NewRectangle(color.Transparent),
		label: canvas.NewText("", color.Black), snippet: canvas.NewText("", color.Black)}
	l.label.TextStyle.Bold = true
	l.ExtendBaseWidget(l)
	return l
}

// set shows a fold's label and first words; tapped unfolds it.
func (l *foldLine) set(label, snippet string, tapped func()) {
	l.label.Text = "▸ " + label
	l.snippet.Text = ""
	if snippet != "" {
		l.snippet.Text = "“" + snippet + "”"
	}
	l.onTapped = tapped
	l.Refresh()
}

// Tapped unfolds the run.
func (l *foldLine) Tapped(*fyne.PointEvent) {
	if l.onTapped != nil {
		l.onTapped()
	}
}

// Cursor says the line can be clicked.
func (l *foldLine) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (l *foldLine) CreateRenderer() fyne.WidgetRenderer { return &foldLineRenderer{l: l} }

type foldLineRenderer struct{ l *foldLine }

func (r *foldLineRenderer) Destroy() {}
func (r *foldLineRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth, r.l.label.MinSize().Height)
}
func (r *foldLineRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.l.bar, r.l.label, r.l.snippet}
}
func (r *foldLineRenderer) Layout(size fyne.Size) {
	l := r.l
	l.bar.Move(fyne.NewPos(2, 2))
	l.bar.Resize(fyne.NewSize(6, size.Height-4))
	h := l.label.MinSize().Height
	y := (size.Height - h) / 2
	l.label.Move(fyne.NewPos(gutterWidth, y))
	l.label.Resize(l.label.MinSize())
	l.snippet.Move(fyne.NewPos(gutterWidth+l.label.MinSize().Width+2*cellPad, y))
	l.snippet.Resize(l.snippet.MinSize())
}
func (r *foldLineRenderer) Refresh() {
	l := r.l
	l.bar.FillColor = themeColor(statusColorName(compare.StatusSingle))
	l.label.Color = themeColor(theme.ColorNameForeground)
	l.label.TextSize = theme.TextSize()
	l.snippet.Color = themeColor(theme.ColorNamePlaceHolder)
	l.snippet.TextSize = theme.TextSize()
	r.Layout(l.Size())
	canvas.Refresh(l)
}
