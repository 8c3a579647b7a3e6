package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/compare"
)

// caption is a short secondary label.
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// legendEntry is one thing the rows draw: its key as drawn, a word or two
// for the one-line legend above the rows, and a sentence for Help › Legend.
type legendEntry struct {
	group string
	key   func() fyne.CanvasObject
	short string
	long  string
}

// wordChip is a word highlight's key; barKey a row status bar's.
func wordChip(name fyne.ThemeColorName) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		r := canvas.NewRectangle(themeColor(name))
		r.CornerRadius = 3
		r.SetMinSize(fyne.NewSize(18, 12))
		return container.NewCenter(r)
	}
}

func barKey(status compare.Status, strength compare.Strength) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		b := newRowBar()
		b.set(themeColor(statusColorName(status)), strength)
		return container.NewCenter(b)
	}
}

func chipKey(v app.Verdict) func() fyne.CanvasObject {
	return func() fyne.CanvasObject {
		c := newVerdictChip()
		c.set(v)
		return container.NewCenter(c)
	}
}

func textKey(s string) func() fyne.CanvasObject {
	return func() fyne.CanvasObject { return legendText(s, theme.ColorNamePrimary) }
}

// legendText is a word of the legend line: caption-sized text without a
// label's padding, so the line is as tall as the text.
func legendText(s string, c fyne.ThemeColorName) *canvas.Text {
	t := canvas.NewText(s, themeColor(c))
	t.TextSize = theme.CaptionTextSize()
	return t
}

// legendEntries explain every colour and mark of the rows, in the order
// the legend shows them.
var legendEntries = []legendEntry{
	{"Words", wordChip(colorAdded), "added", "Words only this report has, against the base report's claim."},
	{"Words", wordChip(colorChanged), "changed", "Words this report put in place of the base's (the base's words are struck through before them)."},
	{"Words", wordChip(colorMissing), "missing", "Words of the base's claim this report lacks, struck through where they would stand."},
	{"Words", wordChip(colorShared), "shared", "In a claim that rewords the base's rather than edits it, the words the two share, faintly tinted, instead of painting every word as changed."},
	{"Words", wordChip(colorFlag), "flag", "A flag, underlined and numbered in every claim it concerns: a number, name or spelling, date, negation, attribution or hedge that differs between two claims of the row. The row details explain it."},
	{"Rows", barKey(compare.StatusAgree, compare.StrengthSame), "all agree", "Every report states the claim in the same words."},
	{"Rows", barKey(compare.StatusDiffer, compare.StrengthSame), "differ", "The reports state the claim worded differently."},
	{"Rows", barKey(compare.StatusFlagged, compare.StrengthSame), "flagged", "The reports state the claim and a flag marks a discrepancy."},
	{"Rows", barKey(compare.StatusSingle, compare.StrengthSame), "single source", "Only one report states the claim. Runs of them are folded to one line (▸); click or press Enter to unfold."},
	{"Rows", barKey(compare.StatusDiffer, compare.StrengthWeak), "weak match", "A dashed bar and the word “weak”: the claims were matched on thin evidence. Check them before relying on the row."},
	{"Rows", barKey(compare.StatusDiffer, compare.StrengthRelated), "related", "A hollow bar: the claims overlap, sharing details, without being the same claim."},
	{"Verdicts", chipKey(app.Corroborated), "corroborated", "Your verdict: corroborated."},
	{"Verdicts", chipKey(app.Disputed), "disputed", "Your verdict: disputed."},
	{"Verdicts", chipKey(app.NeedsChecking), "needs checking", "Your verdict: needs checking."},
	{"Verdicts", chipKey(app.SingleSource), "single source", "Your verdict: single source."},
	{"Marks", textKey("✎"), "note", "The row has a note."},
	{"Marks", textKey("M"), "manual fix", "A manual fix (link, unlink, split) shaped the row."},
	{"Marks", textKey("★"), "base", "The base report: its claims set the rows' order and the others are compared with them."},
}

// buildLegend is the legend above the rows: one line, its groups as far as
// the width allows (the rest is in Help › Legend), so that it never sets
// the window's minimum width nor takes a second line from the rows.
func buildLegend() *fyne.Container {
	var objs []fyne.CanvasObject
	group := ""
	for _, e := range legendEntries {
		if e.group != group {
			if group != "" {
				objs = append(objs, widget.NewSeparator())
			}
			group = e.group
			t := legendText(group+":", theme.ColorNamePlaceHolder)
			objs = append(objs, t)
		}
		objs = append(objs, container.NewHBox(e.key(), legendText(e.short, theme.ColorNameForeground)))
	}
	return container.New(&fitLayout{}, objs...)
}

// showLegend is Help › Legend: every entry with its sentence.
func (m *Main) showLegend() {
	grid := container.NewVBox()
	group := ""
	for _, e := range legendEntries {
		if e.group != group {
			group = e.group
			h := widget.NewLabel(group)
			h.TextStyle.Bold = true
			grid.Add(h)
		}
		text := widget.NewLabel(e.short + ": " + e.long)
		text.Wrapping = fyne.TextWrapWord
		key := container.NewGridWrap(fyne.NewSize(40, text.MinSize().Height), container.NewCenter(e.key()))
		grid.Add(container.NewBorder(nil, nil, key, nil, text))
	}
	d := dialog.NewCustom("Legend", "Close", container.NewVScroll(grid), m.win)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
}

// fitLayout lays objects out left to right at their minimum widths and
// hides those that do not fit; its minimum width is its first object's,
// so a line of it never widens the window.
type fitLayout struct{}

func (fitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	w := float32(0)
	if len(objs) > 0 {
		w = objs[0].MinSize().Width
	}
	return fyne.NewSize(w, h)
}

func (fitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	gap := theme.Padding()
	full := false
	for _, o := range objs {
		min := o.MinSize()
		if full || x+min.Width > size.Width {
			full = true
			o.Hide()
			continue
		}
		o.Show()
		o.Move(fyne.NewPos(x, (size.Height-min.Height)/2))
		o.Resize(fyne.NewSize(min.Width, min.Height))
		x += min.Width + gap
	}
}
