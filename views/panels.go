package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The comparison's parts that give way to the rows: the legend line and
// the row details and notes below the rows. Each folds away with a button
// on the status line (and a View menu item; Ctrl+J for the details, the
// key of an editor's bottom panel), and the window remembers which are
// shown, and the height of the details (the split), between runs.

// Labels of the View menu's toggles, ticked while the part is shown.
const (
	menuSidebar   = "Library sidebar"
	menuLegend    = "Legend"
	menuDetails   = "Row details and notes"
	menuWholeRows = "Whole claims in every row"
)

// defaultDetailsSplit gives the rows four fifths of the height
// above the details, so a laptop screen shows several rows with the
// details open.
const defaultDetailsSplit = 0.81

// buildPanels makes the status line's part of the comparison (its counts,
// progress and the two toggles) and applies the remembered choices.
func (v *comparisonView) buildPanels() {
	prefs := v.m.app.Preferences()
	v.legendBtn = newToggleText(func() { v.showLegend(!v.legendShown()) })
	v.detailsBtn = newToggleText(func() { v.showPanel(!v.panelShown()) })
	v.statusLine = container.NewHBox(v.line.build(v.cancelJob), v.legendBtn, v.detailsBtn)
	v.showLegend(prefs.BoolWithFallback(prefLegendShown, true))
	v.showPanel(prefs.BoolWithFallback(prefDetailsShown, true))
}

// showLegend shows or hides the legend line and remembers it.
func (v *comparisonView) showLegend(on bool) {
	v.legendBox.Hidden = !on
	v.legendBox.Refresh()
	v.root.Refresh()
	v.legendBtn.set("Legend", on)
	v.m.app.Preferences().SetBool(prefLegendShown, on)
	v.m.checkMenu(menuLegend, on)
}

// showPanel shows or folds the row details and notes (Ctrl+J) and
// remembers it; folded, the rows take their height.
func (v *comparisonView) showPanel(on bool) {
	if on {
		v.work.Show()
		v.detailsBtn.set("▾ Details (Ctrl+J)", true)
	} else {
		v.work.Hide()
		v.detailsBtn.set("▴ Details (Ctrl+J)", false)
	}
	v.split.Refresh()
	v.m.app.Preferences().SetBool(prefDetailsShown, on)
	v.m.checkMenu(menuDetails, on)
}

// legendShown and panelShown say what the View menu ticks.
func (v *comparisonView) legendShown() bool { return v.legendBox != nil && v.legendBox.Visible() }
func (v *comparisonView) panelShown() bool  { return v.work != nil && v.work.Visible() }

// toggleText is a small clickable word on the status line ("▾ Details"):
// a button there would make the line a button tall.
type toggleText struct {
	widget.BaseWidget
	text     *canvas.Text
	onTapped func()
}

var (
	_ fyne.Tappable      = (*toggleText)(nil)
	_ desktop.Cursorable = (*toggleText)(nil)
)

func newToggleText(onTapped func()) *toggleText {
	t := &toggleText{text: canvas.NewText("", color.Black), onTapped: onTapped}
	t.text.TextSize = theme.CaptionTextSize()
	t.ExtendBaseWidget(t)
	return t
}

// set shows s, bold while the part it toggles is shown.
func (t *toggleText) set(s string, on bool) {
	t.text.Text = s
	t.text.TextStyle.Bold = on
	t.Refresh()
}

// Tapped toggles.
func (t *toggleText) Tapped(*fyne.PointEvent) { t.onTapped() }

// Cursor says the word can be clicked.
func (t *toggleText) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (t *toggleText) MinSize() fyne.Size {
	return t.text.MinSize().Add(fyne.NewSize(2*theme.Padding(), 0))
}

func (t *toggleText) CreateRenderer() fyne.WidgetRenderer {
	return &toggleTextRenderer{t: t}
}

type toggleTextRenderer struct{ t *toggleText }

func (r *toggleTextRenderer) Destroy()                     {}
func (r *toggleTextRenderer) MinSize() fyne.Size           { return r.t.MinSize() }
func (r *toggleTextRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.t.text} }
func (r *toggleTextRenderer) Layout(size fyne.Size) {
	m := r.t.text.MinSize()
	r.t.text.Move(fyne.NewPos(theme.Padding(), (size.Height-m.Height)/2))
	r.t.text.Resize(m)
}
func (r *toggleTextRenderer) Refresh() {
	r.t.text.Color = themeColor(theme.ColorNamePrimary)
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}
