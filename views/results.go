package views

import (
	"fmt"
	"image/color"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// haveTesseract reports whether the OCR program is installed, which
// decides whether a scanned PDF's row offers to recognise its text. It is
// looked up once; tests replace it.
var haveTesseract = sync.OnceValue(func() bool {
	_, err := exec.LookPath("tesseract")
	return err == nil
})

// resultList is a batch's dialog. While the batch runs it shows a
// progress bar with Cancel over the rows so far; then it is the result
// list: a row per file (added, already in the library, refused with the
// reason) where the editor corrects an added report's details, has a
// scanned PDF's text recognised, or compares what came in.
type resultList struct {
	b *batch

	dlg     *dialog.CustomDialog
	head    *widget.Label
	bar     *widget.ProgressBar
	counts  *widget.Label
	list    *widget.List
	full    *widget.Label
	hint    *widget.Label
	cancel  *widget.Button
	close   *widget.Button
	compare *widget.Button
	// ended is set once the buttons show the end of the batch.
	ended bool
}

func newResultList(b *batch) *resultList { return &resultList{b: b} }

// show opens the dialog.
func (v *resultList) show() {
	v.head = widget.NewLabel("")
	v.head.TextStyle.Bold = true
	v.bar = widget.NewProgressBar()
	v.counts = widget.NewLabel("")
	v.list = widget.NewList(func() int { return len(v.b.rows) }, v.createRow, v.updateRow)
	v.list.OnSelected = v.selected
	// The full reason of the row clicked: a long one does not fit its row.
	v.full = widget.NewLabel("")
	v.full.Wrapping = fyne.TextWrapWord
	v.full.Hide()
	v.hint = widget.NewLabel("Titles, outlets and dates are taken from the files: use Edit details… on a row to correct them.")
	v.hint.Wrapping = fyne.TextWrapWord
	v.hint.Hide()

	v.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), v.b.stop)
	v.close = widget.NewButtonWithIcon("Close", theme.ConfirmIcon(), func() { v.dlg.Hide() })
	v.compare = widget.NewButtonWithIcon("Compare", theme.ViewRestoreIcon(), v.compareAll)
	v.compare.Importance = widget.HighImportance

	top := container.NewVBox(v.head, v.bar, v.counts, widget.NewSeparator())
	bottom := container.NewVBox(widget.NewSeparator(), v.full, v.hint)
	content := container.NewBorder(top, bottom, nil, nil, v.list)
	v.close.Hide()
	v.compare.Hide()
	v.dlg = dialog.NewCustomWithoutButtons("Import", content, v.b.m.win)
	// One row of buttons, shown and hidden as the batch goes: setting new
	// buttons on a dialog on screen lays its content out against their
	// position before they have one (Fyne 2.7.1).
	v.dlg.SetButtons([]fyne.CanvasObject{container.NewHBox(v.cancel, v.close, v.compare)})
	size := v.b.m.win.Canvas().Size()
	v.dlg.Resize(fyne.NewSize(min(900, size.Width-40), min(620, size.Height-40)))
	v.update()
	v.dlg.Show()
}

// update shows the batch as it now stands.
func (v *resultList) update() {
	b := v.b
	c := b.count()
	v.counts.SetText(c.String())
	if !b.finished {
		v.head.SetText(fmt.Sprintf("Importing %d of %s…", b.shownDone, countFiles(b.shownTotal)))
		v.bar.Max = float64(max(b.shownTotal, 1))
		v.bar.SetValue(float64(b.shownDone))
		v.list.Refresh()
		return
	}
	if b.skipped > 0 {
		v.head.SetText("Import cancelled: what was added before the cancel stays in the library")
	} else {
		v.head.SetText("Import finished: " + countFiles(len(b.rows)))
	}
	v.bar.Hide()
	if c.added > 0 {
		v.hint.Show()
	} else {
		v.hint.Hide()
	}
	if !v.ended {
		v.ended = true
		v.cancel.Hide()
		v.close.Show()
		if ids := b.reportIDs(); b.mode == asked && len(ids) >= app.MinReports && len(ids) <= app.MaxReports {
			v.compare.SetText(fmt.Sprintf("Compare %d reports", len(ids)))
			v.compare.Show()
		}
		v.list.ScrollToTop()
	}
	v.list.Refresh()
	v.dlg.Refresh()
}

// cancelling shows that Cancel was heard.
func (v *resultList) cancelling() {
	v.cancel.SetText("Cancelling…")
	v.cancel.Disable()
}

// compareAll opens a comparison of the reports the batch brought.
func (v *resultList) compareAll() {
	v.dlg.Hide()
	v.b.m.newComparison(v.b.reportIDs())
}

// A row: an icon, the file's name over what became of it, and the action
// the outcome allows.
func (v *resultList) createRow() fyne.CanvasObject {
	icon := widget.NewIcon(theme.FileIcon())
	name := widget.NewLabel("file")
	name.TextStyle.Bold = true
	name.Truncation = fyne.TextTruncateEllipsis
	detail := widget.NewLabel("what became of it")
	detail.Truncation = fyne.TextTruncateEllipsis
	edit := widget.NewButtonWithIcon("Edit details…", theme.DocumentCreateIcon(), nil)
	ocr := widget.NewButtonWithIcon("Recognise text (OCR)", theme.SearchIcon(), nil)
	// The list's scroll bar is drawn over the right edge of its rows: the
	// gap keeps it off the buttons.
	gap := canvas.NewRectangle(color.Transparent)
	gap.SetMinSize(fyne.NewSize(theme.ScrollBarSmallSize(), 0))
	actions := container.NewHBox(container.NewCenter(container.NewStack(edit, ocr)), gap)
	return container.NewBorder(nil, nil, icon, actions, container.New(&rowLayout{}, name, detail))
}

func (v *resultList) updateRow(id widget.ListItemID, row fyne.CanvasObject) {
	if id < 0 || id >= len(v.b.rows) {
		return
	}
	o := v.b.rows[id]
	c := row.(*fyne.Container)
	text := c.Objects[0].(*fyne.Container)
	text.Objects[0].(*widget.Label).SetText(v.b.name(o.path))
	detail := text.Objects[1].(*widget.Label)
	detail.SetText(v.detail(o, true))
	detail.Importance = widget.MediumImportance
	if o.err != nil && !o.recognising {
		detail.Importance = widget.DangerImportance
	}
	detail.Refresh()
	c.Objects[1].(*widget.Icon).SetResource(outcomeIcon(o))

	actions := c.Objects[2].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*fyne.Container)
	edit, ocr := actions.Objects[0].(*widget.Button), actions.Objects[1].(*widget.Button)
	edit.Hide()
	ocr.Hide()
	switch {
	case o.err == nil:
		edit.OnTapped = func() { v.edit(o) }
		edit.Show()
	case o.recognising:
		ocr.SetText("Recognising…")
		ocr.Disable()
		ocr.Show()
	case o.scanned() && haveTesseract():
		ocr.SetText("Recognise text (OCR)")
		ocr.Enable()
		ocr.OnTapped = func() { v.recognise(o) }
		ocr.Show()
	}
}

// rowTitle is how many characters of an added report's title its row
// shows before the outlet and date, which would otherwise be cut off.
const rowTitle = 60

// detail says what became of a file, in the editor's words; short cuts a
// long title so that a row still shows the outlet and date after it.
func (v *resultList) detail(o *outcome, short bool) string {
	switch {
	case o.recognising:
		return "Recognising the text of the page images (OCR)…"
	case o.scanned() && haveTesseract():
		return "Refused: no text layer (a scanned PDF). Recognise its text with OCR to add it."
	case o.scanned():
		return "Refused: no text layer (a scanned PDF). Recognising its text (OCR) needs tesseract installed."
	case o.err != nil:
		return "Refused: " + strings.TrimPrefix(o.err.Error(), filepath.Base(o.path)+": ")
	case o.duplicate:
		return fmt.Sprintf("Already in the library as “%s”", workspace.Title(o.report))
	}
	title := workspace.Title(o.report)
	if short && (o.report.Outlet != "" || o.report.Published != "") {
		title = workspace.Shorten(title, rowTitle)
	}
	parts := []string{fmt.Sprintf("Added as “%s”", title)}
	if o.report.Outlet != "" {
		parts = append(parts, o.report.Outlet)
	}
	if o.report.Published != "" {
		parts = append(parts, shortDate(o.report.Published))
	}
	if o.report.OCR {
		parts = append(parts, "text recognised by OCR: check spellings and numbers")
	}
	return strings.Join(parts, " · ")
}

// outcomeIcon marks a row: added, already there, refused, being read.
func outcomeIcon(o *outcome) fyne.Resource {
	switch {
	case o.recognising:
		return theme.ViewRefreshIcon()
	case o.err != nil:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case o.duplicate:
		return theme.InfoIcon()
	}
	return theme.NewSuccessThemedResource(theme.ConfirmIcon())
}

// selected shows the clicked row's outcome in full under the list.
func (v *resultList) selected(id widget.ListItemID) {
	if id < 0 || id >= len(v.b.rows) {
		return
	}
	o := v.b.rows[id]
	v.full.SetText(v.b.name(o.path) + ": " + v.detail(o, false))
	v.full.Show()
}

// edit opens the details of an added report; the row shows them saved.
func (v *resultList) edit(o *outcome) {
	v.b.m.showEditDetails(o.report, func(r app.Report) {
		o.report = slim(r)
		v.list.Refresh()
	})
}

// recognise reads a scanned PDF again with OCR, in the background, and
// puts the new outcome in its row.
func (v *resultList) recognise(o *outcome) {
	o.recognising = true
	v.list.Refresh()
	m := v.b.m
	path := o.path
	m.spawn(func() {
		res := m.ws.Import(m.ctx, []string{path}, workspace.ImportOptions{Read: ingest.Options{OCR: true}}, nil)
		do(func() {
			o.recognising = false
			if len(res) == 1 {
				*o = *newOutcome(res[0])
			}
			v.update()
			m.status.set(summariseOne(o))
			if o.err == nil {
				m.reload(o.report.ID)
			}
		})
	})
}
