package views

import "fyne.io/fyne/v2"

// undoLimit bounds the steps kept: enough for an afternoon's review, small
// enough that closures holding notes and fixes never add up.
const undoLimit = 200

// undoStep is one thing the editor did that Edit › Undo takes back: a
// verdict given, a note deleted or merged, a manual fix made or removed.
// what names it for the status line ("verdict Disputed on row 4"); undo
// and redo put the comparison back and forward. They must not record steps
// of their own: they call the panel's unrecorded helpers, never the
// widgets' handlers.
type undoStep struct {
	what       string
	undo, redo func()
}

// undoStack is the comparison's history of undoable steps, newest last,
// with the steps undone waiting for a redo. A new step forgets the steps
// undone, as in every editor: redoing them over a different state would
// guess. Text typed in an entry is not here; entries keep their own undo.
type undoStack struct {
	done, undone []undoStep
}

// push records a step just done.
func (u *undoStack) push(s undoStep) {
	u.done = append(u.done, s)
	if len(u.done) > undoLimit {
		u.done = append(u.done[:0:0], u.done[len(u.done)-undoLimit:]...)
	}
	u.undone = nil
}

// undo takes back the newest step and returns what it was; ok is false
// when there is nothing to undo.
func (u *undoStack) undo() (what string, ok bool) {
	return move(&u.done, &u.undone, func(s undoStep) { s.undo() })
}

// redo does again the step undone last and returns what it was; ok is
// false when there is nothing to redo.
func (u *undoStack) redo() (what string, ok bool) {
	return move(&u.undone, &u.done, func(s undoStep) { s.redo() })
}

// move runs the last step of from and moves it to to.
func move(from, to *[]undoStep, run func(undoStep)) (what string, ok bool) {
	n := len(*from)
	if n == 0 {
		return "", false
	}
	s := (*from)[n-1]
	*from = (*from)[:n-1]
	*to = append(*to, s)
	run(s)
	return s.what, true
}

// clear forgets every step (another comparison is open: its notes and
// fixes are not the ones the steps hold).
func (u *undoStack) clear() { u.done, u.undone = nil, nil }

// undoLast runs Edit › Undo (redo false) or Edit › Redo on the open
// comparison's history and says what it did. A text entry with the focus
// gets the shortcut instead (forwardOr): its typing has its own undo.
func (m *Main) undoLast(redo bool) {
	var sc fyne.Shortcut = &fyne.ShortcutUndo{}
	if redo {
		sc = &fyne.ShortcutRedo{}
	}
	m.forwardOr(sc, func() {
		h := &m.cmp.history
		if !m.cmpView.Visible() || m.cmp.s == nil {
			m.status.set("Nothing to undo here: undo works on the open comparison.")
			return
		}
		if redo {
			if what, ok := h.redo(); ok {
				m.status.set("Redone: " + what + ".")
			} else {
				m.status.set("Nothing to redo.")
			}
			return
		}
		if what, ok := h.undo(); ok {
			m.status.set("Undone: " + what + ". Ctrl+Shift+Z redoes it.")
		} else {
			m.status.set("Nothing to undo.")
		}
	})
}
