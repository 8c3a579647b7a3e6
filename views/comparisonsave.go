package views

import (
	"context"
	"errors"
	"sync"
	"time"

	"parallax/app"
)

// saveDelay batches settings changes into one write.
const saveDelay = 400 * time.Millisecond

// saver stores the comparison's settings as the editor leaves them on
// screen (column order, hidden reports, filter, place), debounced, in the
// background and never out of order.
type saver struct {
	v *comparisonView
	// seq numbers the states taken for saving (UI goroutine); stored is
	// the latest one written, under mu.
	seq    int
	mu     sync.Mutex
	stored int
	timer  *time.Timer
	// delay debounces saving; tests set it to 0 to save at once.
	delay time.Duration
}

// schedule stores the settings shortly.
func (s *saver) schedule() { s.after(s.delay) }

// after stores the settings once nothing changed them for delay.
func (s *saver) after(delay time.Duration) {
	s.v.m.debounce(&s.timer, delay, s.inBackground)
}

// inBackground stores the settings as they are now, off the UI goroutine.
func (s *saver) inBackground() {
	v := s.v
	c, ok := v.state()
	if !ok {
		return
	}
	s.seq++
	seq := s.seq
	v.m.spawn(func() {
		err := s.store(v.m.ctx, &c, seq)
		if errors.Is(err, context.Canceled) || errors.Is(err, errStale) {
			return
		}
		do(func() {
			v.np.summarySaved(c.Updated, err)
			if err != nil {
				v.m.status.set(err.Error())
			}
		})
	})
}

// now stores the settings at once (closing the window, switching to
// another comparison).
func (s *saver) now() {
	v := s.v
	v.np.flush()
	s.stop()
	c, ok := v.state()
	if !ok {
		return
	}
	s.seq++
	if err := s.store(context.Background(), &c, s.seq); err != nil && !errors.Is(err, errStale) {
		v.m.status.set(err.Error())
	}
}

// stop drops a save scheduled and not yet begun.
func (s *saver) stop() { s.v.m.stop(&s.timer) }

// errStale says a save was skipped because a newer one was written.
var errStale = errors.New("a newer save was written")

// store saves c, the seq-th state taken, one save at a time and never
// after a later state: background saves may reach the lock out of order,
// and an older copy committed last would undo the editor's latest change
// (the summary they were typing, say).
func (s *saver) store(ctx context.Context, c *app.Comparison, seq int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq < s.stored {
		return errStale
	}
	s.stored = seq
	return s.v.m.ws.SaveComparison(ctx, c)
}
