package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// The tests read the status line after the fact: messages stay.
func init() { statusLinger = 0 }

// TestStatusClearsItself shows a message and waits: it is gone after its
// time, a newer message is not cleared by the older one's timer, and a
// message shown while work runs stays until the work is done.
func TestStatusClearsItself(t *testing.T) {
	test.NewTempApp(t)
	s := newStatusBar()
	s.build()
	s.linger, s.perRune = 30*time.Millisecond, time.Millisecond
	text := func() string {
		var out string
		ui(func() { out = s.label.Text })
		return out
	}
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(3 * time.Second)
		for text() != want {
			if time.Now().After(deadline) {
				t.Fatalf("status %q, want %q", text(), want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	ui(func() { s.set("Fix undone.") })
	if text() != "Fix undone." {
		t.Fatalf("status %q just after set", text())
	}
	waitFor("")

	ui(func() { s.set("first") })
	time.Sleep(20 * time.Millisecond)
	ui(func() { s.set("a much longer second message, read for longer") })
	time.Sleep(s.linger + 5*s.perRune) // the first one's time is over
	if text() == "" {
		t.Fatal("the first message's timer cleared the second")
	}
	waitFor("")

	ui(func() { s.busy("Importing…") })
	time.Sleep(3 * (s.linger + 20*s.perRune))
	if text() != "Importing…" {
		t.Fatalf("status while busy %q", text())
	}
	ui(func() { s.done("Added 3 reports.") })
	waitFor("")
}
