package views

import (
	"fmt"
	"slices"
	"time"

	"parallax/app"
)

// The notes panel's undoable steps (Edit › Undo, Ctrl+Z): a verdict, a
// note deleted or merged away, a manual fix made or removed. The helpers
// here change the comparison without recording a step, for the steps'
// undo and redo; the panel's handlers record.

// noteState is what a step puts back on a note: its text and verdict.
type noteState struct {
	text    string
	verdict app.Verdict
}

// recordVerdict records that the editor changed note n's verdict.
func (p *notesPanel) recordVerdict(n *app.Note, was, now app.Verdict) {
	p.v.history.push(undoStep{what: fmt.Sprintf("verdict %s on row %d", verdictLabel(now), p.row+1),
		undo: func() { p.applyNote(n, noteState{n.Text, was}) },
		redo: func() { p.applyNote(n, noteState{n.Text, now}) }})
}

// deleteNote deletes n (an orphan the editor chose to delete), as a step
// Edit › Undo takes back.
func (p *notesPanel) deleteNote(n *app.Note) {
	p.removeNote(n)
	p.v.history.push(undoStep{what: "deleting a note",
		undo: func() { p.restoreNote(n) },
		redo: func() { p.removeNote(n) }})
}

// applyNote gives note n the text and verdict of st, saves it, and selects
// the row it is on, so the editor sees what changed.
func (p *notesPanel) applyNote(n *app.Note, st noteState) {
	if !slices.Contains(p.notes, n) {
		return
	}
	p.showNoteRow(n)
	p.mu.Lock()
	n.Text, n.Verdict = st.text, st.verdict
	n.Updated = time.Time{}
	p.mu.Unlock()
	p.markDirty(n, 0)
	p.refreshRow()
	p.showRow()
	p.showOrphans()
}

// restoreNote brings back note n that removeNote deleted: on the row that
// holds its claims, or among the orphans; it is saved again (anew if the
// library's copy is already gone).
func (p *notesPanel) restoreNote(n *app.Note) {
	if slices.Contains(p.notes, n) {
		return
	}
	p.mu.Lock()
	delete(p.gone, n)
	n.Updated = time.Time{}
	p.mu.Unlock()
	p.notes = append(slices.Clone(p.notes), n)
	p.markDirty(n, 0)
	p.placed()
	p.showNoteRow(n)
	p.redraw()
	p.showRow()
}

// showNoteRow selects the row note n is on, if any.
func (p *notesPanel) showNoteRow(n *app.Note) {
	s := p.v.s
	i := slices.Index(s.A.Notes, n)
	if i < 0 {
		return
	}
	for r := range s.Rows {
		if slices.Contains(s.A.RowNotes[s.Rows[r].Index], i) {
			if r != p.v.grid.selected() {
				p.v.grid.jumpToRow(r)
			}
			return
		}
	}
}

// storeFix stores fix f (setting its ID) and aligns again so it shows;
// then, says done (unless "") and runs then (unless nil).
func (p *notesPanel) storeFix(f *app.Fix, done string, then func()) {
	f.ID, f.Comparison = 0, p.v.saved.ID
	c := *f
	p.flush()
	p.v.m.spawn(func() {
		err := p.v.m.ws.AddFix(p.v.m.ctx, &c)
		do(func() {
			if err != nil {
				p.v.m.showError("The fix could not be saved", err)
				return
			}
			f.ID = c.ID
			p.afterFix(done, then)
		})
	})
}

// dropFix removes fix f and aligns again; then, says done (unless "") and
// runs then (unless nil).
func (p *notesPanel) dropFix(f *app.Fix, done string, then func()) {
	id := f.ID
	p.flush()
	p.v.m.spawn(func() {
		err := p.v.m.ws.UndoFix(p.v.m.ctx, id)
		do(func() {
			if err != nil {
				p.v.m.showError("The fix could not be undone", err)
				return
			}
			p.afterFix(done, then)
		})
	})
}

// afterFix ends storeFix and dropFix.
func (p *notesPanel) afterFix(done string, then func()) {
	if done != "" {
		p.v.m.status.set(done)
	}
	if then != nil {
		then()
	}
	p.v.realign()
}
