package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/compare"
)

// progressLine is the comparison's part of the window's status line: the
// counts of its rows and, while aligning, a progress bar and a cancel
// button.
type progressLine struct {
	counts   *widget.Label
	progress *widget.ProgressBar
	cancel   *widget.Button
	// bars holds the progress bar, hidden with it so it takes no width.
	bars *fyne.Container
}

// build makes the line; onCancel stops the work under way.
func (p *progressLine) build(onCancel func()) fyne.CanvasObject {
	p.counts = widget.NewLabel("")
	p.counts.SizeName = theme.SizeNameCaptionText
	p.progress = widget.NewProgressBar()
	p.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), onCancel)
	p.bars = container.NewGridWrap(fyne.NewSize(200, p.progress.MinSize().Height), p.progress)
	p.bars.Hide()
	p.cancel.Hide()
	return container.NewHBox(p.counts, p.bars, p.cancel)
}

// show counts the rows: "32 rows: 13 shared, 5 flagged, 19 single source".
// The links between rows are left out: they are the aligner's business,
// and the row details show a row's own.
func (p *progressLine) show(n compare.Counts) {
	p.counts.SetText(countsText(n))
}

// countsText is the status line's summary of a comparison's rows.
func countsText(n compare.Counts) string {
	return fmt.Sprintf("%d rows: %d shared, %d flagged, %d single source", n.Rows, n.Shared, n.Flagged, n.Single)
}

// busy shows the progress bar at 0 and the cancel button.
func (p *progressLine) busy() {
	p.progress.SetValue(0)
	p.bars.Show()
	p.cancel.Show()
}

// idle hides them.
func (p *progressLine) idle() {
	p.bars.Hide()
	p.cancel.Hide()
}
