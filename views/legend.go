package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
)

// caption is a short secondary label.
func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// buildLegend explains every colour the rows use.
func buildLegend() *fyne.Container {
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
	// Three lines: on fewer, the legend would set the window's minimum width.
	return container.NewVBox(
		container.NewHBox(
			caption("Words:"),
			chip(colorAdded, "added", false),
			chip(colorChanged, "changed", false),
			chip(colorMissing, "missing (struck through)", false),
			chip(colorShared, "shared, in a reworded claim", false),
			chip(colorFlag, "flag, numbered", false)),
		container.NewHBox(
			caption("Rows:"),
			chip(colorAgree, "all agree", true),
			chip(colorDiffer, "differ", true),
			chip(colorFlagged, "flagged", true),
			chip(colorSingle, "single source", true),
			widget.NewSeparator(),
			caption("Verdicts:"),
			verdictKey(app.Corroborated), verdictKey(app.Disputed), verdictKey(app.NeedsChecking), verdictKey(app.SingleSource)),
		caption("✎ noted   M manual fix   ★ base report, the others are compared with it"),
	)
}

// open shows a saved comparison: its reports are read and aligned in the
