package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusLinger is how long a message stays on the status line before it
// clears itself, plus a little per letter so a long one can be read to its
// end: a line that says "Fix undone." an hour later reads as news. Tests
// keep messages (0) so they can read them.
var statusLinger = 6 * time.Second

// lingerPerRune is the reading time added per letter of a message.
const lingerPerRune = 40 * time.Millisecond

// statusBar is the line at the bottom of the window: what just happened,
// a progress bar while something long is running, and what the part on
// screen adds at the right (the comparison's counts and toggles): one line
// of chrome, not one per part. A message clears itself after a few seconds
// (statusLinger); one shown while work is under way stays until the work
// is done.
type statusBar struct {
	label    *widget.Label
	progress *widget.ProgressBar
	spinner  *widget.ProgressBarInfinite

	// linger and perRune are statusLinger and lingerPerRune when the bar
	// was made; a linger of 0 keeps messages.
	linger, perRune time.Duration
	// shown numbers the messages, so a timer clears only the message it
	// was started for; busy holds messages while work runs.
	shown int
	busyN bool
	timer *time.Timer
	// bars holds the progress bars; hidden while neither runs, so it
	// takes no width from the message.
	bars *fyne.Container
}

func newStatusBar() *statusBar { return &statusBar{linger: statusLinger, perRune: lingerPerRune} }

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

// set shows a message, which clears itself unless work is under way.
func (s *statusBar) set(msg string) {
	s.label.SetText(msg)
	s.shown++
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	if msg == "" || s.linger == 0 || s.busyN {
		return
	}
	n := s.shown
	s.timer = time.AfterFunc(s.linger+time.Duration(len([]rune(msg)))*s.perRune, func() {
		do(func() {
			if s.shown == n && !s.busyN {
				s.label.SetText("")
			}
		})
	})
}

// busy shows msg with an indeterminate progress bar.
func (s *statusBar) busy(msg string) {
	s.busyN = true
	s.set(msg)
	s.progress.Hide()
	s.bars.Show()
	s.spinner.Show()
	s.spinner.Start()
}

// step shows determinate progress: done of total.
func (s *statusBar) step(msg string, done, total int) {
	s.busyN = true
	s.spinner.Stop()
	s.spinner.Hide()
	if msg != "" {
		s.set(msg)
	}
	if total > 0 {
		s.progress.Max = float64(total)
		s.progress.SetValue(float64(done))
	}
	s.progress.Show()
	s.bars.Show()
}

// done hides the progress bars and shows msg, if any; the message on the
// line, msg or the last one of the work, then clears itself.
func (s *statusBar) done(msg string) {
	s.busyN = false
	s.spinner.Stop()
	s.spinner.Hide()
	s.progress.Hide()
	s.bars.Hide()
	if msg == "" {
		msg = s.label.Text
	}
	s.set(msg)
}
