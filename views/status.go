package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the line at the bottom of the window: what just happened,
// a progress bar while something long is running, and what the part on
// screen adds at the right (the comparison's counts and toggles): one line
// of chrome, not one per part. Messages stay until replaced, so an editor
// who looked away can still read the outcome.
type statusBar struct {
	label    *widget.Label
	progress *widget.ProgressBar
	spinner  *widget.ProgressBarInfinite
	// bars holds the progress bars; hidden while neither runs, so it
	// takes no width from the message.
	bars *fyne.Container
}

func newStatusBar() *statusBar { return &statusBar{} }

// build makes the line; extra (may be none) goes at its right end.
func (s *statusBar) build(extra ...fyne.CanvasObject) fyne.CanvasObject {
	s.label = widget.NewLabel("")
	s.label.Truncation = fyne.TextTruncateEllipsis
	s.label.SizeName = theme.SizeNameCaptionText
	s.progress = widget.NewProgressBar()
	s.progress.Hide()
	s.spinner = widget.NewProgressBarInfinite()
	s.spinner.Stop()
	s.spinner.Hide()
	s.bars = container.NewGridWrap(fyne.NewSize(220, s.progress.MinSize().Height), container.NewStack(s.progress, s.spinner))
	s.bars.Hide()
	right := container.NewHBox(append([]fyne.CanvasObject{s.bars}, extra...)...)
	// The label's padding trimmed: one thin line of chrome under the rows.
	tight := layout.NewCustomPaddedLayout(-theme.Padding(), -theme.Padding(), 0, 0)
	return container.New(tight, container.NewBorder(nil, nil, nil, right, s.label))
}

// set shows a message.
func (s *statusBar) set(msg string) { s.label.SetText(msg) }

// busy shows msg with an indeterminate progress bar.
func (s *statusBar) busy(msg string) {
	s.label.SetText(msg)
	s.progress.Hide()
	s.bars.Show()
	s.spinner.Show()
	s.spinner.Start()
}

// step shows determinate progress: done of total.
func (s *statusBar) step(msg string, done, total int) {
	s.spinner.Stop()
	s.spinner.Hide()
	if msg != "" {
		s.label.SetText(msg)
	}
	if total > 0 {
		s.progress.Max = float64(total)
		s.progress.SetValue(float64(done))
	}
	s.progress.Show()
	s.bars.Show()
}

// done hides the progress bars and shows msg, if any.
func (s *statusBar) done(msg string) {
	s.spinner.Stop()
	s.spinner.Hide()
	s.progress.Hide()
	s.bars.Hide()
	if msg != "" {
		s.label.SetText(msg)
	}
}
