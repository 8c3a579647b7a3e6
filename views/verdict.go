package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
)

// verdictMarks are the letters of the verdict chips. A letter rather than
// a colour alone, so a verdict is told from a row status (which uses the
// same hues) and read by an editor who does not see colours well.
var verdictMarks = map[app.Verdict]string{
	app.Corroborated: "C", app.Disputed: "D", app.NeedsChecking: "?", app.SingleSource: "S",
}

// verdictColorName is the colour of a verdict's chip: the hue of the row
// status that usually leads to it (agreeing rows get corroborated,
// flagged ones disputed).
func verdictColorName(v app.Verdict) fyne.ThemeColorName {
	switch v {
	case app.Corroborated:
		return colorAgree
	case app.Disputed:
		return colorFlagged
	case app.NeedsChecking:
		return colorDiffer
	}
	return colorSingle
}

// verdictChip is a verdict's letter on its colour; empty for unreviewed.
type verdictChip struct {
	widget.BaseWidget
	bg      *canvas.Rectangle
	letter  *canvas.Text
	verdict app.Verdict
}

func newVerdictChip() *verdictChip {
	c := &verdictChip{bg: canvas.NewRectangle(color.Transparent), letter: canvas.NewText("", color.White)}
	c.bg.CornerRadius = 3
	c.letter.TextSize = theme.CaptionTextSize()
	c.letter.TextStyle.Bold = true
	c.letter.Alignment = fyne.TextAlignCenter
	c.ExtendBaseWidget(c)
	return c
}

// set shows verdict v.
func (c *verdictChip) set(v app.Verdict) {
	c.verdict = v.Or()
	c.letter.Text = verdictMarks[c.verdict]
	c.bg.FillColor = color.Transparent
	if c.letter.Text != "" {
		c.bg.FillColor = themeColor(verdictColorName(c.verdict))
	}
	c.letter.Color = themeColor(theme.ColorNameBackground)
	c.bg.Refresh()
	c.letter.Refresh()
}

func (c *verdictChip) MinSize() fyne.Size { return fyne.NewSize(16, 15) }

func (c *verdictChip) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(c.bg, c.letter))
}

// verdictKey is a legend entry: the chip and the verdict's name.
func verdictKey(v app.Verdict) fyne.CanvasObject {
	c := newVerdictChip()
	c.set(v)
	return container.NewHBox(container.NewCenter(c), caption(string(v)))
}
