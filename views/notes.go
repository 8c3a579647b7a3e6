package views

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/workspace"
)

// noteDelay is how long typing must pause before a note is written to the
// library: short enough that a crash loses at most the last word or two,
// long enough that a fast typist does not cause a write per key.
const noteDelay = 250 * time.Millisecond

// noteRetry is how long a note that could not be saved waits before it
// is tried again (then twice as long, up to maxRetries times).
const (
	noteRetry  = 2 * time.Second
	maxRetries = 4
)

// noteMaxWait is how long a note typed without a pause of noteDelay waits
// at most before it is saved anyway.
const noteMaxWait = time.Second

// notesPanel is the editor's work on a comparison, in tabs beside the row
// details: the selected row's verdict, note and manual fixes; the summary
// note of the whole comparison; the notes whose claims are gone
// (orphaned); and the list of manual fixes with their undo.
//
// It owns the comparison's notes. They outlive alignments (a new sheet
// only places them again) and are saved as they are typed: edits mark a
// note dirty and a debounced save writes the dirty notes in the
// background, one save at a time (saveMu) so a new note is inserted once
// and updated after. The saver reads a note's fields and writes its ID
// under mu; the UI goroutine writes fields under mu too.
type notesPanel struct {
	v *comparisonView

	notes  []*app.Note
	mu     sync.Mutex
	saveMu sync.Mutex
	// dirty are the edited notes waiting for the debounced save; inflight
	// those handed to a background save that has not reported back, so
	// that flush saves them too rather than race a save the closing window
	// may never finish. gone marks deleted notes (under mu), so a save
	// queued before the delete does not write them back.
	dirty    []*app.Note
	inflight []*app.Note
	gone     map[*app.Note]bool
	saveT    *time.Timer
	// saveDelay debounces note saves; tests set it to 0. maxWait bounds
	// how long typing without a pause goes unsaved (noteMaxWait), counted
	// from dirtySince, when the first unsaved change was made.
	saveDelay, maxWait time.Duration
	dirtySince         time.Time
	// retryDelay is the first wait before a failed save is tried again
	// (noteRetry), retries how many times it has been, retrying whether
	// a retry is waiting (the saves in flight when one fails fail too, and
	// must not each count as a round).
	retryDelay time.Duration
	retries    int
	retrying   bool

	// row is the sheet row the note editor is on, -1 for none; linking is
	// the sheet row waiting for the editor to pick a row to link it with,
	// -1 when not linking.
	row     int
	linking int

	tabs       *container.AppTabs
	rowTab     *container.TabItem
	orphanTab  *container.TabItem
	fixTab     *container.TabItem
	rowHead    *widget.Label
	verdict    *widget.Select
	text       *noteEntry
	state      *note
	others     *fyne.Container
	actions    *fyne.Container
	summary    *noteEntry
	summaryAt  *note
	orphanList *fyne.Container
	fixList    *fyne.Container
}

func newNotesPanel(v *comparisonView) *notesPanel {
	return &notesPanel{v: v, row: -1, linking: -1, saveDelay: noteDelay, maxWait: noteMaxWait, retryDelay: noteRetry, gone: map[*app.Note]bool{}}
}

// build makes the panel's widgets.
func (p *notesPanel) build() fyne.CanvasObject {
	p.rowHead = widget.NewLabel("")
	p.rowHead.TextStyle.Bold = true
	labels := make([]string, len(app.Verdicts))
	for i, v := range app.Verdicts {
		labels[i] = verdictLabel(v)
	}
	// A chooser rather than radio buttons: five verdicts side by side would
	// set the window's minimum width; Alt+1…5 choose without the mouse.
	p.verdict = widget.NewSelect(labels, nil)
	p.verdict.OnChanged = p.onVerdict
	p.text = newNoteEntry()
	p.text.SetMinRowsVisible(3)
	p.text.SetPlaceHolder("Your note on this row: what you checked, with whom, what is still open…")
	p.text.OnChanged = p.onText
	p.state = newNote("")
	p.others = container.NewVBox()
	// One action per line, so the panel stays narrow beside the details.
	p.actions = container.NewVBox()
	verdict := container.NewBorder(nil, nil, p.rowHead, nil, p.verdict)
	rowBox := container.NewVScroll(container.NewBorder(verdict,
		container.NewVBox(p.state.RichText, p.others, p.actions), nil, nil, p.text))

	p.summary = newNoteEntry()
	p.summary.SetPlaceHolder("Your summary of the whole comparison: what the sources agree on, what is disputed, what to do next.")
	p.summary.OnChanged = p.onSummary
	p.summaryAt = newNote("")
	summaryBox := container.NewVScroll(container.NewBorder(nil, p.summaryAt.RichText, nil, nil, p.summary))

	p.orphanList = container.NewVBox()
	p.fixList = container.NewVBox()
	p.rowTab = container.NewTabItem("Verdict and note", rowBox)
	p.orphanTab = container.NewTabItem("Orphans", container.NewVScroll(p.orphanList))
	p.fixTab = container.NewTabItem("Fixes", container.NewVScroll(p.fixList))
	p.tabs = container.NewAppTabs(p.rowTab, container.NewTabItem("Summary", summaryBox), p.orphanTab, p.fixTab)
	p.showRow()
	return p.tabs
}

// verdictLabel is a verdict as the radio buttons and menus show it.
func verdictLabel(v app.Verdict) string {
	s := string(v.Or())
	return strings.ToUpper(s[:1]) + s[1:]
}

// verdictOf reads a radio label back.
func verdictOf(label string) app.Verdict {
	for _, v := range app.Verdicts {
		if verdictLabel(v) == label {
			return v
		}
	}
	return app.Unreviewed
}

// open starts on a comparison's notes, read from the library. The summary
// stays read-only until the rows are on screen (placed): what an editor
// typed while the comparison loads would be replaced by the stored text.
func (p *notesPanel) open(notes []*app.Note, summary string) {
	p.flush()
	p.notes = notes
	p.row, p.linking = -1, -1
	p.summary.OnChanged = nil
	p.summary.SetText(summary)
	p.summary.OnChanged = p.onSummary
	p.summary.Disable()
	p.summaryAt.SetText("")
}

// forget drops the notes of a comparison that was removed.
func (p *notesPanel) forget() {
	p.dirty, p.inflight, p.notes = nil, nil, nil
	p.open(nil, "")
}

// placed runs when a new sheet is on screen: the notes go on its rows. A
// link the editor had started is dropped: it named a row of the old rows.
func (p *notesPanel) placed() {
	s := p.v.s
	s.A.SetNotes(p.notes)
	s.Annotate()
	if p.linking >= 0 {
		p.linking = -1
		p.v.m.status.set("Linking stopped: the rows changed. Start again from the row to link.")
	}
	p.summary.Enable()
	p.showOrphans()
	p.showFixes()
}

// current returns the note the editor sees on the selected row, or nil.
func (p *notesPanel) current() *app.Note {
	if p.row < 0 {
		return nil
	}
	if n := p.v.s.A.Note(p.v.s.Rows[p.row].Index); n >= 0 {
		return p.v.s.A.Notes[n]
	}
	return nil
}

// showRow shows the selected row's verdict, note, other notes and fixes.
func (p *notesPanel) showRow() {
	p.row = -1
	if p.v.s != nil {
		p.row = p.v.grid.selected()
	}
	p.text.OnChanged, p.verdict.OnChanged = nil, nil
	defer func() { p.text.OnChanged, p.verdict.OnChanged = p.onText, p.onVerdict }()
	p.others.Objects, p.actions.Objects = nil, nil
	if p.row < 0 {
		p.rowHead.SetText("No row selected")
		p.verdict.SetSelected(verdictLabel(app.Unreviewed))
		p.verdict.Disable()
		p.text.SetText("")
		p.text.Disable()
		p.state.SetText("Select a row to give it a verdict and a note.")
		p.others.Refresh()
		p.actions.Refresh()
		return
	}
	p.rowHead.SetText(fmt.Sprintf("Row %d verdict", p.row+1))
	p.verdict.Enable()
	p.text.Enable()
	n := p.current()
	if n == nil {
		p.verdict.SetSelected(verdictLabel(app.Unreviewed))
		p.text.SetText("")
		p.state.SetText("Notes are saved as you type.")
	} else {
		p.verdict.SetSelected(verdictLabel(n.Verdict))
		p.text.SetText(n.Text)
		p.state.SetText(p.savedText(n))
	}
	p.showOthers()
	p.showActions()
}

// savedText says when a note was last saved (the saver writes the time).
func (p *notesPanel) savedText(n *app.Note) string {
	p.mu.Lock()
	at := n.Updated
	p.mu.Unlock()
	if at.IsZero() {
		return "Saving…"
	}
	return "Saved " + at.Local().Format("15:04:05")
}

// onVerdict records the chosen verdict at once, as a step Edit › Undo
// takes back.
func (p *notesPanel) onVerdict(label string) {
	v := verdictOf(label)
	if label == "" || v == app.Unreviewed && p.current() == nil {
		return // nothing to record on a row without a note
	}
	was := app.Unreviewed
	if n := p.current(); n != nil {
		was = n.Verdict.Or()
	}
	p.edit(func(n *app.Note) { n.Verdict = v }, 0)
	if n := p.current(); n != nil && was != v {
		p.recordVerdict(n, was, v)
	}
}

// onText records the note as it is typed.
func (p *notesPanel) onText(text string) {
	p.edit(func(n *app.Note) { n.Text = text }, p.saveDelay)
}

// setVerdict sets the selected row's verdict from the Row menu.
func (p *notesPanel) setVerdict(v app.Verdict) {
	p.rowAction(func() { p.verdict.SetSelected(verdictLabel(v)) }) // runs onVerdict
}

// edit changes the selected row's note (making it if the row has none),
// anchors it to the row's claims as they are now, and saves it after
// delay.
func (p *notesPanel) edit(change func(*app.Note), delay time.Duration) {
	if p.row < 0 {
		return
	}
	s := p.v.s
	ri := s.Rows[p.row].Index
	anchors := s.A.Anchors(s.C.Rows[ri].Claims)
	before := s.Rows[p.row]
	n := p.current()
	p.mu.Lock()
	if n == nil {
		n = &app.Note{Comparison: p.v.saved.ID, Verdict: app.Unreviewed}
		p.notes = append(p.notes, n)
		s.A.Notes = p.notes
		s.A.RowNotes[ri] = append([]int{len(p.notes) - 1}, s.A.RowNotes[ri]...)
	}
	change(n)
	n.Anchors = anchors
	n.Updated = time.Time{}
	p.mu.Unlock()
	p.markDirty(n, delay)
	p.state.SetText("Saving…")
	// Redraw the gutter and overview only when what they show changed,
	// not on every key.
	if k := s.A.Note(ri); k < 0 || s.A.Notes[k].Verdict.Or() != before.Verdict || before.Notes == 0 {
		p.refreshRow()
	}
}

// refreshRow copies the notes' verdicts to the sheet and redraws the
// selected row's gutter and the overview.
func (p *notesPanel) refreshRow() {
	p.v.s.Annotate()
	p.redraw()
}

// redraw redraws the selected row's gutter and the overview from the
// sheet.
func (p *notesPanel) redraw() {
	p.v.grid.redrawSelected()
}

// markDirty queues n to be saved after delay, or at once when typing has
// gone on without a pause for noteMaxWait since the last save: an editor
// who types a paragraph without stopping, and whose laptop then dies,
// loses at most the last second of it.
func (p *notesPanel) markDirty(n *app.Note, delay time.Duration) {
	if !slices.Contains(p.dirty, n) {
		p.dirty = append(p.dirty, n)
	}
	p.retries = 0 // a new edit, a new round of retries
	if delay > 0 {
		if p.dirtySince.IsZero() {
			p.dirtySince = time.Now()
		} else if time.Since(p.dirtySince) >= p.maxWait {
			delay = 0
		}
	}
	p.v.m.debounce(&p.saveT, delay, p.saveDirty)
}

// saveDirty writes the dirty notes in the background and says when they
// are saved; a note that could not be saved stays dirty and says why.
func (p *notesPanel) saveDirty() {
	dirty := p.dirty
	p.dirty = nil
	p.dirtySince = time.Time{}
	p.retrying = false
	if len(dirty) == 0 {
		return
	}
	p.inflight = append(p.inflight, dirty...)
	p.v.m.spawn(func() {
		failed, err := p.save(context.WithoutCancel(p.v.m.ctx), dirty)
		do(func() {
			p.inflight = slices.DeleteFunc(p.inflight, func(n *app.Note) bool { return slices.Contains(dirty, n) })
			for _, n := range failed {
				if !slices.Contains(p.dirty, n) {
					p.dirty = append(p.dirty, n)
				}
			}
			if err != nil && !errors.Is(err, context.Canceled) {
				p.state.SetText("Not saved: " + err.Error())
				p.retry(err)
				return
			}
			p.retries = 0
			if n := p.current(); n != nil {
				p.state.SetText(p.savedText(n))
			}
		})
	})
}

// retry saves the notes that failed again after a while, twice as long
// each time, up to maxRetries: a library another program holds locked
// past the busy timeout, or a disk that was full, often is free again, and
// the editor should not have to type to have the note saved. A read-only
// library is not retried: the note stays in the window, marked not saved.
func (p *notesPanel) retry(err error) {
	if errors.Is(err, app.ErrReadOnly) || p.retrying || p.retries >= maxRetries || len(p.dirty) == 0 {
		return
	}
	p.retries++
	p.retrying = true
	p.v.m.debounce(&p.saveT, p.retryDelay<<(p.retries-1), p.saveDirty)
}

// save writes notes one at a time; it returns those that failed and the
// first error.
func (p *notesPanel) save(ctx context.Context, notes []*app.Note) (failed []*app.Note, first error) {
	p.saveMu.Lock()
	defer p.saveMu.Unlock()
	for _, n := range notes {
		p.mu.Lock()
		if p.gone[n] {
			p.mu.Unlock()
			continue
		}
		c := *n
		c.Anchors = slices.Clone(n.Anchors)
		p.mu.Unlock()
		if err := p.v.m.ws.SaveNote(ctx, &c); err != nil {
			failed = append(failed, n)
			if first == nil {
				first = err
			}
			continue
		}
		p.mu.Lock()
		n.ID, n.Created = c.ID, c.Created
		if n.Text == c.Text && n.Verdict == c.Verdict {
			n.Updated = c.Updated // unchanged since: saved as shown
		}
		p.mu.Unlock()
	}
	return failed, first
}

// flush saves every dirty or in-flight note now, on the calling
// goroutine: before the window closes or another comparison opens. A note
// a background save also holds is saved twice, which is harmless: the
// second save is an update with the same text.
func (p *notesPanel) flush() {
	p.v.m.stop(&p.saveT)
	notes := append(p.dirty, p.inflight...)
	p.dirty = nil
	if _, err := p.save(context.Background(), notes); err != nil {
		p.v.m.showError("A note could not be saved", err)
	}
}

// noteID reads n's ID, which the saver writes.
func (p *notesPanel) noteID(n *app.Note) int64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return n.ID
}

// onSummary saves the summary note as it is typed.
func (p *notesPanel) onSummary(text string) {
	p.v.saved.Summary = text
	p.summaryAt.SetText("Saving…")
	p.v.save.after(p.saveDelay)
}

// summarySaved says the summary is in the library.
func (p *notesPanel) summarySaved(at time.Time, err error) {
	if err != nil {
		p.summaryAt.SetText("Not saved: " + err.Error())
		return
	}
	if p.summaryAt.Text() != "" {
		p.summaryAt.SetText("Saved " + at.Local().Format("15:04:05"))
	}
}

// showOthers lists the further notes an alignment brought to the selected
// row, with a way to merge each into the row's own note.
func (p *notesPanel) showOthers() {
	s := p.v.s
	on := s.A.RowNotes[s.Rows[p.row].Index]
	if len(on) < 2 {
		p.others.Refresh()
		return
	}
	p.others.Add(newNote(fmt.Sprintf("%d more notes were written on these claims before the rows changed:", len(on)-1)).wrap().RichText)
	for _, i := range on[1:] {
		other := s.A.Notes[i]
		merge := widget.NewButton("Merge into the note above", func() { p.merge(other) })
		merge.Importance = widget.LowImportance
		l := widget.NewLabel(fmt.Sprintf("%s: %s", verdictLabel(other.Verdict), oneLine(other.Text)))
		l.Truncation = fyne.TextTruncateEllipsis
		p.others.Add(container.NewBorder(nil, nil, nil, merge, l))
	}
	p.others.Refresh()
}

// merge appends other's text to the row's own note, keeps the own note's
// verdict unless it has none, and deletes other: one step for Edit › Undo.
func (p *notesPanel) merge(other *app.Note) {
	own := p.current()
	if own == nil || own == other {
		return
	}
	before := noteState{own.Text, own.Verdict}
	after := p.mergeInto(own, other)
	p.v.history.push(undoStep{what: "merging two notes",
		undo: func() {
			p.restoreNote(other)
			if own.Text == after.text { // not typed over since
				p.applyNote(own, before)
			}
		},
		redo: func() { after = p.mergeInto(own, other) }})
}

// mergeInto merges other into own (see merge) without recording a step,
// and returns own as it is then.
func (p *notesPanel) mergeInto(own, other *app.Note) noteState {
	after := noteState{strings.TrimSpace(own.Text + "\n\n" + other.Text), own.Verdict}
	if own.Verdict.Or() == app.Unreviewed && other.Verdict.Or() != app.Unreviewed {
		after.verdict = other.Verdict
	}
	p.applyNote(own, after)
	p.removeNote(other)
	return after
}

// removeNote deletes n from the library and the rows. The library's copy
// goes after any save of n in flight, unless restoreNote brought n back
// first: the ID is read then, not now.
func (p *notesPanel) removeNote(n *app.Note) {
	i := slices.Index(p.notes, n)
	if i < 0 {
		return
	}
	p.dirty = slices.DeleteFunc(p.dirty, func(x *app.Note) bool { return x == n })
	p.notes = slices.Delete(slices.Clone(p.notes), i, i+1)
	p.mu.Lock()
	p.gone[n] = true
	p.mu.Unlock()
	p.v.m.spawn(func() {
		p.saveMu.Lock() // after any save of n in flight
		defer p.saveMu.Unlock()
		p.mu.Lock()
		id, still := n.ID, p.gone[n]
		p.mu.Unlock()
		if !still || id == 0 {
			return
		}
		if err := p.v.m.ws.RemoveNote(p.v.m.ctx, id); err != nil {
			do(func() { p.v.m.showError("The note could not be deleted", err) })
			return
		}
		// Gone from the library: brought back, it is stored anew.
		p.mu.Lock()
		if n.ID == id {
			n.ID = 0
		}
		p.mu.Unlock()
	})
	p.placed()
	p.redraw()
	p.showRow()
}

// showOrphans lists the notes whose claims are gone, each with a way to
// put it on the selected row or delete it.
func (p *notesPanel) showOrphans() {
	a := p.v.s.A
	p.orphanList.Objects = nil
	p.orphanTab.Text = fmt.Sprintf("Orphans (%d)", len(a.Orphans))
	if len(a.Orphans) == 0 {
		p.orphanList.Add(newNote("None: every note is on the row that holds its claims.").wrap().RichText)
	} else {
		p.orphanList.Add(newNote("These notes were written on claims that are no longer in the reports (a report was removed, or re-imported with those sentences rewritten). They are kept and exported; attach one to the selected row, or delete it.").wrap().RichText)
	}
	for _, i := range a.Orphans {
		n := a.Notes[i]
		about := ""
		if len(n.Anchors) > 0 {
			about = "About: “" + workspace.Shorten(oneLine(n.Anchors[0].Text), 90) + "”"
		}
		attach := widget.NewButton("Attach to selected row", func() { p.attach(n) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			dialog.ShowConfirm("Delete this note?", "The note will be gone from the library:\n\n"+workspace.Shorten(oneLine(n.Text), 200),
				func(ok bool) {
					if ok {
						p.deleteNote(n)
					}
				}, p.v.m.win)
		})
		text := widget.NewLabel(fmt.Sprintf("%s: %s", verdictLabel(n.Verdict), oneLine(n.Text)))
		text.Wrapping = fyne.TextWrapWord
		p.orphanList.Add(container.NewBorder(nil, nil, nil, container.NewHBox(attach, del),
			container.NewVBox(text, newNote(about).wrap().RichText)))
	}
	p.orphanList.Refresh()
	p.tabs.Refresh()
}

// attach anchors an orphaned note to the selected row's claims.
func (p *notesPanel) attach(n *app.Note) {
	if p.row < 0 {
		p.v.m.status.set("Select the row the note belongs to first.")
		return
	}
	s := p.v.s
	p.mu.Lock()
	n.Anchors = s.A.Anchors(s.C.Rows[s.Rows[p.row].Index].Claims)
	n.Updated = time.Time{}
	p.mu.Unlock()
	p.markDirty(n, 0)
	p.placed()
	p.redraw()
	p.showRow()
	p.tabs.Select(p.rowTab)
}

// oneLine folds a text's line breaks for a one-line label.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// showActions offers the manual fixes for the selected row.
func (p *notesPanel) showActions() {
	s := p.v.s
	ri := s.Rows[p.row].Index
	claims := s.C.Rows[ri].Claims
	if p.linking >= 0 {
		cancel := widget.NewButton("Cancel linking", func() { p.linking = -1; p.showRow() })
		p.actions.Add(newNote(fmt.Sprintf("Select the row to link row %d with.", p.linking+1)).wrap().RichText)
		p.actions.Add(cancel)
		p.actions.Refresh()
		return
	}
	link := widget.NewButtonWithIcon("Link with another row…", theme.ContentAddIcon(), p.startLink)
	link.Importance = widget.LowImportance
	p.actions.Add(link)
	if len(claims) > 1 {
		var unlink *widget.Button
		unlink = widget.NewButtonWithIcon("Unlink a claim…", theme.ContentRemoveIcon(), func() { p.showUnlink(unlink) })
		unlink.Importance = widget.LowImportance
		p.actions.Add(unlink)
	}
	if len(claims) > 2 {
		split := widget.NewButtonWithIcon("Split row…", theme.ContentCutIcon(), p.showSplit)
		split.Importance = widget.LowImportance
		p.actions.Add(split)
	}
	if s.Rows[p.row].Manual {
		p.actions.Add(newNote("A manual fix shaped this row (Fixes tab to undo it).").wrap().RichText)
	}
	p.actions.Refresh()
}

// rowAction runs f when a row is selected, else says to select one.
func (p *notesPanel) rowAction(f func()) {
	if p.v.s == nil || p.row < 0 {
		p.v.m.status.set("Select a row first.")
		return
	}
	f()
}

// focusNote puts the cursor in the selected row's note (Row › Write
// note), so an editor can judge and annotate rows without the mouse.
func (p *notesPanel) focusNote() {
	p.rowAction(func() {
		p.tabs.Select(p.rowTab)
		p.v.m.win.Canvas().Focus(p.text)
	})
}

// startLink waits for the editor to select the row to link with.
func (p *notesPanel) startLink() {
	p.linking = p.row
	p.v.m.status.set(fmt.Sprintf("Select the row to link row %d with; Cancel linking stops.", p.row+1))
	p.showRow()
}

// picked is told of a newly selected row; while linking it is the row to
// link with.
func (p *notesPanel) picked() {
	if p.linking < 0 || p.row < 0 || p.row == p.linking {
		return
	}
	s := p.v.s
	a, b := s.C.Rows[s.Rows[p.linking].Index].Claims, s.C.Rows[s.Rows[p.row].Index].Claims
	p.linking = -1
	for _, x := range a {
		for _, y := range b {
			if x.Doc == y.Doc {
				p.v.m.status.set(fmt.Sprintf("Not linked: both rows hold a claim of %s; a row holds one claim per report. Unlink one first.",
					s.C.Docs[x.Doc].Label()))
				p.showRow()
				return
			}
		}
	}
	p.addFix(app.Fix{Op: app.FixLink, A: s.A.Anchors(a), B: s.A.Anchors(b)}, "Linked the two rows.")
}

// showUnlink offers each claim of the row to take out of it.
func (p *notesPanel) showUnlink(at fyne.CanvasObject) {
	s := p.v.s
	claims := s.C.Rows[s.Rows[p.row].Index].Claims
	var items []*fyne.MenuItem
	for k, ref := range claims {
		label := fmt.Sprintf("Take %s’s claim out of this row", s.C.Docs[ref.Doc].Label())
		items = append(items, fyne.NewMenuItem(label, func() { p.unlinkClaim(k) }))
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), p.v.m.win.Canvas(), pos.AddXY(0, at.Size().Height))
}

// unlinkClaim takes claim k of the selected row out of it, into a row of
// its own.
func (p *notesPanel) unlinkClaim(k int) {
	s := p.v.s
	claims := s.C.Rows[s.Rows[p.row].Index].Claims
	if k < 0 || k >= len(claims) || len(claims) < 2 {
		return
	}
	rest := slices.Delete(slices.Clone(claims), k, k+1)
	p.addFix(app.Fix{Op: app.FixSplit, A: s.A.Anchors(rest), B: s.A.Anchors([]align.Ref{claims[k]})},
		"Unlinked the claim; it is a row of its own now.")
}

// showSplit asks which claims move to a new row.
func (p *notesPanel) showSplit() {
	s := p.v.s
	claims := s.C.Rows[s.Rows[p.row].Index].Claims
	checks := make([]*widget.Check, len(claims))
	box := container.NewVBox(widget.NewLabel("Tick the claims that move to a new row of their own:"))
	for k, ref := range claims {
		checks[k] = widget.NewCheck(s.C.Docs[ref.Doc].Label()+": "+workspace.Shorten(oneLine(s.C.Docs[ref.Doc].ClaimText(ref.Claim)), 80), nil)
		box.Add(checks[k])
	}
	dialog.ShowCustomConfirm("Split row", "Split", "Cancel", box, func(ok bool) {
		if !ok {
			return
		}
		var stay, move []align.Ref
		for k, ref := range claims {
			if checks[k].Checked {
				move = append(move, ref)
			} else {
				stay = append(stay, ref)
			}
		}
		if len(stay) == 0 || len(move) == 0 {
			p.v.m.status.set("Not split: tick some claims, not all of them.")
			return
		}
		p.addFix(app.Fix{Op: app.FixSplit, A: s.A.Anchors(stay), B: s.A.Anchors(move)}, "Split the row.")
	}, p.v.m.win)
}

// addFix stores a fix and aligns again so it shows; Edit › Undo takes it
// back.
func (p *notesPanel) addFix(f app.Fix, done string) {
	p.storeFix(&f, done+" Ctrl+Z takes it back.", func() {
		p.v.history.push(undoStep{what: describeFix(f),
			undo: func() { p.dropFix(&f, "", nil) },
			redo: func() { p.storeFix(&f, "", nil) }})
	})
}

// showFixes lists the manual fixes, newest first, each with an undo.
func (p *notesPanel) showFixes() {
	a := p.v.s.A
	p.fixList.Objects = nil
	p.fixTab.Text = fmt.Sprintf("Fixes (%d)", len(a.Fixes))
	if len(a.Fixes) == 0 {
		p.fixList.Add(newNote("None. Link rows the aligner missed, unlink wrong matches or split a row from the Verdict and note tab; fixes are kept and applied again after every re-alignment.").wrap().RichText)
	}
	for i := len(a.Fixes) - 1; i >= 0; i-- {
		f := a.Fixes[i]
		what := describeFix(f.Fix)
		if f.Err != nil {
			what += " (does not apply now: " + f.Err.Error() + ")"
		}
		l := widget.NewLabel(what)
		l.Wrapping = fyne.TextWrapWord
		undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() { p.undo(f.Fix) })
		p.fixList.Add(container.NewBorder(nil, nil, nil, undo, l))
	}
	p.fixList.Refresh()
	p.tabs.Refresh()
}

// describeFix says what a fix does, quoting the start of its claims.
func describeFix(f app.Fix) string {
	quote := func(as []app.Anchor) string {
		if len(as) == 0 {
			return "nothing"
		}
		return "“" + workspace.Shorten(oneLine(as[0].Text), 50) + "”"
	}
	if f.Op == app.FixLink {
		return fmt.Sprintf("Linked %s with %s", quote(f.A), quote(f.B))
	}
	return fmt.Sprintf("Took %s out of the row of %s", quote(f.B), quote(f.A))
}

// undo removes a fix and aligns again; Edit › Undo makes it again.
func (p *notesPanel) undo(f app.Fix) {
	p.dropFix(&f, "Fix undone.", func() {
		p.v.history.push(undoStep{what: "removing the fix: " + describeFix(f),
			undo: func() { p.storeFix(&f, "", nil) },
			redo: func() { p.dropFix(&f, "", nil) }})
	})
}

// undoLast undoes the newest fix (Edit › Undo last fix).
func (p *notesPanel) undoLast() {
	if p.v.s == nil || len(p.v.s.A.Fixes) == 0 {
		p.v.m.status.set("No manual fix to undo.")
		return
	}
	p.undo(p.v.s.A.Fixes[len(p.v.s.A.Fixes)-1].Fix)
}
