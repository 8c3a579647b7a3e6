package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// progressLine is the comparison's bottom line: the counts of its rows
// and, while aligning, a progress bar and a cancel button.
type progressLine struct {
	counts   *widget.Label
	progress *widget.ProgressBar
	cancel   *widget.Button
}

// build makes the line; onCancel stops the work under way.
func (p *progressLine) build(onCancel func()) fyne.CanvasObject {
	p.counts = widget.NewLabel("")
	p.counts.Truncation = fyne.TextTruncateEllipsis
	p.progress = widget.NewProgressBar()
	p.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), onCancel)
	busy := container.NewGridWrap(fyne.NewSize(200, p.progress.MinSize().Height), p.progress)
	p.progress.Hide()
	p.cancel.Hide()
	return container.NewBorder(nil, nil, nil, container.NewHBox(busy, p.cancel), p.counts)
}

// busy shows the progress bar at 0 and the cancel button.
func (p *progressLine) busy() {
	p.progress.SetValue(0)
	p.progress.Show()
	p.cancel.Show()
}

// idle hides them.
func (p *progressLine) idle() {
	p.progress.Hide()
	p.cancel.Hide()
}
