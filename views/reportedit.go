package views

import (
	"fmt"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"parallax/app"
	"parallax/app/workspace"
)

// showReimport replaces the shown report's text with a newer version of
// the file (File › Re-import report…): its comparisons keep it, and notes
// find their claims again.
func (m *Main) showReimport() {
	r := m.report.current
	if r.ID == 0 {
		m.status.set("Select the report to re-import in the library first.")
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError("Could not open the file", err)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		m.reimport(r.ID, path)
	}, m.win)
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// reimport replaces report id's text with the file at path in the
// background.
func (m *Main) reimport(id int64, path string) {
	m.spawn(func() {
		r, err := m.ws.Reimport(m.ctx, id, path)
		do(func() {
			if err != nil {
				m.showError("Could not re-import "+filepath.Base(path), err)
				return
			}
			m.reportChanged(r, fmt.Sprintf("Re-imported “%s” from %s.", workspace.Title(r), filepath.Base(path)))
		})
	})
}

// showEditText lets the editor correct the shown report's text (Edit
// text… in the report pane): a transcription error, a paragraph the import
// missed. Notes on its claims follow the corrected claims.
func (m *Main) showEditText() {
	r := m.report.current
	if r.ID == 0 {
		return
	}
	text := newNoteEntry()
	text.SetText(r.Text)
	d := dialog.NewCustomConfirm("Edit the text of “"+workspace.Shorten(workspace.Title(r), 50)+"”", "Save", "Cancel", text,
		func(ok bool) {
			if ok && text.Text != r.Text {
				m.editText(r.ID, text.Text)
			}
		}, m.win)
	d.Resize(fyne.NewSize(820, 600))
	d.Show()
}

// editText saves a report's corrected text in the background.
func (m *Main) editText(id int64, text string) {
	m.spawn(func() {
		r, err := m.ws.EditText(m.ctx, id, text)
		do(func() {
			if err != nil {
				m.showError("Could not save the text", err)
				return
			}
			m.reportChanged(r, fmt.Sprintf("Saved the corrected text of “%s”.", workspace.Title(r)))
		})
	})
}

// reportChanged shows a report whose text changed where it is on screen:
// the library list, the report pane and, re-aligned, the open comparison
// when it holds the report (its notes find their claims again).
func (m *Main) reportChanged(r app.Report, done string) {
	m.status.set(done)
	m.reload(r.ID)
	if m.report.current.ID == r.ID {
		m.report.show(r)
	}
	if m.cmp.s != nil && slices.ContainsFunc(m.cmp.reports, func(x app.Report) bool { return x.ID == r.ID }) {
		m.cmp.open(m.cmp.saved)
	}
}
