package views

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/sheet"
)

// toolbar is the one line above the rows: the comparison's name, the
// filter, find, the base report, the columns menu and the strictness
// (a slider in a pop-up: it is set once per comparison, if ever, and a
// line of its own took the rows' room). It owns those controls and hands
// what the editor chose to the view.
type toolbar struct {
	v *comparisonView

	title     *widget.Label
	filterSel *widget.Select
	findEntry *widget.Entry
	findCount *widget.Label
	baseSel   *widget.Select
	columns   *widget.Button
	strictBtn *widget.Button
	strict    *widget.Slider
	strictPop *widget.PopUp
}

func newToolbar(v *comparisonView) *toolbar { return &toolbar{v: v} }

// build makes the controls.
func (t *toolbar) build() fyne.CanvasObject {
	v := t.v
	t.title = widget.NewLabel("")
	t.title.TextStyle.Bold = true
	t.title.Truncation = fyne.TextTruncateEllipsis

	t.filterSel = widget.NewSelect(nil, nil)
	t.filterSel.PlaceHolder = "All rows"
	t.findEntry = widget.NewEntry()
	t.findEntry.SetPlaceHolder("Find in comparison…")
	t.findEntry.OnChanged = t.onFind
	t.findEntry.OnSubmitted = func(string) { t.findNext(1) }
	t.findCount = widget.NewLabel("")
	t.findCount.SizeName = theme.SizeNameCaptionText
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { t.findNext(-1) })
	down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { t.findNext(1) })
	t.baseSel = widget.NewSelect(nil, nil)
	t.baseSel.PlaceHolder = "Base report"
	t.columns = widget.NewButtonWithIcon("Columns", theme.ListIcon(), t.showColumnsMenu)
	t.strict = widget.NewSlider(-0.2, 0.2)
	t.strict.Step = 0.05
	t.strict.OnChangeEnded = v.onStrictness
	t.strictBtn = widget.NewButtonWithIcon("Strictness", theme.SettingsIcon(), t.showStrictness)
	for _, b := range []*widget.Button{up, down, t.columns, t.strictBtn} {
		b.Importance = widget.LowImportance
	}

	fixed := func(w float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	right := container.NewHBox(
		fixed(160, t.filterSel),
		fixed(190, t.findEntry), t.findCount, up, down,
		caption("Base"), fixed(170, t.baseSel),
		t.columns, t.strictBtn)
	return container.NewBorder(nil, nil, nil, right, t.title)
}

// showStrictness opens the strictness slider below its button: looser
// matches more claims, stricter fewer and surer ones; letting go aligns
// again.
func (t *toolbar) showStrictness() {
	if t.strictPop == nil {
		hint := caption("Looser finds more matches; stricter keeps only the surest. Letting go aligns again.")
		hint.Wrapping = fyne.TextWrapWord
		line := container.NewBorder(nil, nil, caption("Looser"), caption("Stricter"), t.strict)
		t.strictPop = widget.NewPopUp(container.NewPadded(container.NewVBox(line, hint)), t.v.m.win.Canvas())
	}
	b := t.strictBtn
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(b.Size().Width-320, b.Size().Height))
	t.strictPop.Resize(fyne.NewSize(320, t.strictPop.MinSize().Height))
	t.strictPop.ShowAtPosition(pos)
}

// setStrictness puts the slider at x without aligning again, and says on
// its button when it is not the default.
func (t *toolbar) setStrictness(x float64) {
	t.strict.Value = x
	t.strict.Refresh()
	label := "Strictness"
	switch {
	case x < 0:
		label = "Looser"
	case x > 0:
		label = "Stricter"
	}
	t.strictBtn.SetText(label)
}

// fillFilters offers the sheet's filters, the view's current one chosen.
func (t *toolbar) fillFilters() {
	v := t.v
	fs := v.s.Filters()
	labels := make([]string, len(fs))
	for i, f := range fs {
		labels[i] = f.Label(v.s)
	}
	t.filterSel.OnChanged = nil
	t.filterSel.Options = labels
	t.filterSel.SetSelected(v.filter.Label(v.s))
	t.filterSel.OnChanged = func(label string) {
		for _, f := range v.s.Filters() {
			if f.Label(v.s) == label {
				v.setFilter(f)
			}
		}
	}
}

// showFilter shows f as chosen without choosing it again.
func (t *toolbar) showFilter(f sheet.Filter) {
	s := t.v.s
	if t.filterSel.Selected != f.Label(s) {
		on := t.filterSel.OnChanged
		t.filterSel.OnChanged = nil
		t.filterSel.SetSelected(f.Label(s))
		t.filterSel.OnChanged = on
	}
}

// fillBase offers the reports as base.
func (t *toolbar) fillBase() {
	v := t.v
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
	t.baseSel.OnChanged = nil
	t.baseSel.Options = labels
	t.baseSel.SetSelected(cur)
	t.baseSel.OnChanged = func(label string) {
		for _, d := range v.order {
			if v.docLabel(d) == label {
				v.setBase(d)
			}
		}
	}
}

// showColumnsMenu lists the reports to show or hide.
func (t *toolbar) showColumnsMenu() {
	v := t.v
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
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.columns).Add(fyne.NewPos(0, t.columns.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos)
}

// showColumnMenu offers what can be done to report d's column.
func (t *toolbar) showColumnMenu(d int, at fyne.CanvasObject) {
	v := t.v
	base := fyne.NewMenuItem("Make base report", func() { v.setBase(d) })
	base.Disabled = v.isBase(d)
	left := fyne.NewMenuItem("Move left", func() { v.moveColumn(d, -1) })
	left.Disabled = slices.Index(v.order, d) == 0
	right := fyne.NewMenuItem("Move right", func() { v.moveColumn(d, 1) })
	right.Disabled = slices.Index(v.order, d) == len(v.order)-1
	hide := fyne.NewMenuItem("Hide column", func() { v.setShown(d, false) })
	only := fyne.NewMenuItem("Show only this report's claims", func() { v.setFilter(sheet.Filter{Kind: sheet.OfReport, Doc: d}) })
	width := fyne.NewMenuItem("Default width", func() { v.grid.resetWidth(d) })
	width.Disabled = v.saved.Widths[v.reports[d].ID] == 0
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at).Add(fyne.NewPos(0, at.Size().Height))
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", base, left, right, hide, width, fyne.NewMenuItemSeparator(), only), v.m.win.Canvas(), pos)
}

// onFind finds rows as the editor types.
func (t *toolbar) onFind(q string) {
	if t.v.s == nil {
		return
	}
	n := t.v.grid.find(q)
	switch {
	case strings.TrimSpace(q) == "":
		t.findCount.SetText("")
	case n == 0:
		t.findCount.SetText("no match")
	default:
		t.findCount.SetText(fmt.Sprintf("%d rows", n))
	}
}

// findNext goes to the next (or previous) row the search finds.
func (t *toolbar) findNext(dir int) {
	if n, of := t.v.grid.findNext(dir); of > 0 {
		t.findCount.SetText(fmt.Sprintf("%d of %d", n, of))
	}
}

// focusFind puts the cursor in the find box.
func (t *toolbar) focusFind() { t.v.m.win.Canvas().Focus(t.findEntry) }
