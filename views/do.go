package views

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// uiMu serialises the callbacks background work hands to the UI.
var uiMu sync.Mutex

// do runs f on the UI goroutine (fyne.Do), one callback at a time. The
// desktop driver already runs them one by one on its main goroutine, where
// the lock is never contended; Fyne's headless test driver runs each on the
// calling goroutine, and the lock gives the tests the same one-at-a-time
// order the window has, so -race checks the code rather than the driver.
// fyne.Do called on the main goroutine queues rather than runs, so a
// callback that starts more work cannot deadlock on the lock.
func do(f func()) {
	fyne.Do(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		f()
	})
}

// debounce runs f on the UI goroutine once d has passed without another
// call for the same timer t, counting the wait in m.jobs so tests can wait
// for it. A zero d runs f at once (tests).
func (m *Main) debounce(t **time.Timer, d time.Duration, f func()) {
	m.stop(t)
	if d == 0 {
		f()
		return
	}
	m.jobs.Add(1)
	*t = time.AfterFunc(d, func() {
		defer m.jobs.Done()
		do(f)
	})
}

// stop cancels a debounced call that has not run yet.
func (m *Main) stop(t **time.Timer) {
	if *t != nil && (*t).Stop() {
		m.jobs.Done()
	}
	*t = nil
}
