package views

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// addReport is the "Add report" dialog: paste a report's text and say what
// it is. It stays open on a mistake, with the reason under the form, so the
// editor does not lose a long paste.
type addReport struct {
	m *Main

	text                                   *widget.Entry
	title, outlet, author, published, link *widget.Entry
	problem                                *widget.Label
	add                                    *widget.Button
	dlg                                    *dialog.CustomDialog
}

// showAddReport opens the dialog (Ctrl+N).
func (m *Main) showAddReport() {
	a := &addReport{m: m}
	a.show()
}

func (a *addReport) show() {
	a.text = widget.NewMultiLineEntry()
	a.text.Wrapping = fyne.TextWrapWord
	a.text.SetPlaceHolder("Paste the report's text here…")
	a.text.SetMinRowsVisible(12)
	a.text.OnChanged = func(string) { a.problem.Hide() } // the complaint is stale

	a.title = widget.NewEntry()
	a.title.SetPlaceHolder("Taken from the first line if left empty")
	a.outlet = widget.NewEntry()
	a.outlet.SetPlaceHolder("e.g. Meridian Wire")
	a.author = widget.NewEntry()
	a.published = widget.NewEntry()
	a.published.SetPlaceHolder("YYYY-MM-DD")
	a.link = widget.NewEntry()
	a.link.SetPlaceHolder("https://…")

	form := widget.NewForm(
		widget.NewFormItem("Title", a.title),
		widget.NewFormItem("Outlet", a.outlet),
		widget.NewFormItem("Author", a.author),
		widget.NewFormItem("Published", a.published),
		widget.NewFormItem("URL", a.link),
	)
	a.problem = widget.NewLabel("")
	a.problem.Importance = widget.DangerImportance
	a.problem.Wrapping = fyne.TextWrapWord
	a.problem.Hide()

	content := container.NewBorder(nil, container.NewVBox(form, a.problem), nil, nil, a.text)

	a.add = widget.NewButtonWithIcon("Add", theme.ContentAddIcon(), a.submit)
	a.add.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { a.dlg.Hide() })

	a.dlg = dialog.NewCustomWithoutButtons("Add report", content, a.m.win)
	a.dlg.SetButtons([]fyne.CanvasObject{cancel, a.add})
	a.dlg.Resize(fyne.NewSize(760, 620))
	a.dlg.Show()
	a.m.win.Canvas().Focus(a.text)
}

// meta is what the editor typed about the report.
func (a *addReport) meta() ingest.Meta {
	return ingest.Meta{
		Title:     strings.TrimSpace(a.title.Text),
		Outlet:    strings.TrimSpace(a.outlet.Text),
		Author:    strings.TrimSpace(a.author.Text),
		Published: strings.TrimSpace(a.published.Text),
		URL:       strings.TrimSpace(a.link.Text),
	}
}

// validate returns what is wrong with the form, in words, or "".
func (a *addReport) validate() string {
	if strings.TrimSpace(a.text.Text) == "" {
		return "Paste the report's text first."
	}
	return checkURL(a.link.Text)
}

// submit checks the form and stores the report in the background.
func (a *addReport) submit() {
	if msg := a.validate(); msg != "" {
		a.say(msg)
		return
	}
	a.problem.Hide()
	a.add.Disable()
	text, meta := a.text.Text, a.meta()
	a.m.spawn(func() {
		res := a.m.ws.ImportText(a.m.ctx, text, meta)
		do(func() { a.done(res) })
	})
}

// done reports the outcome: errors keep the dialog open, a duplicate is
// selected and explained, a new report is selected.
func (a *addReport) done(res workspace.Imported) {
	a.add.Enable()
	switch {
	case res.Err != nil:
		a.say("The report could not be added: " + explain(res.Err))
	case res.Duplicate:
		a.dlg.Hide()
		a.m.alreadyThere("This text", res.Report)
	default:
		a.dlg.Hide()
		a.m.reload(res.Report.ID)
		a.m.status.set(fmt.Sprintf("Added “%s”.", workspace.Title(res.Report)))
	}
}

// alreadyThere selects r, which the editor tried to add again, and says
// so in the status bar and a dialog; what names what was added ("This
// page").
func (m *Main) alreadyThere(what string, r app.Report) {
	m.reload(r.ID)
	msg := fmt.Sprintf("%s is already in the library as “%s”%s. It is selected in the library.",
		what, workspace.Title(r), outletSuffix(r.Outlet))
	m.status.set(msg)
	dialog.ShowInformation("Already in the library", msg, m.win)
}

func (a *addReport) say(msg string) {
	a.problem.SetText(msg)
	a.problem.Show()
}

// outletSuffix is " (Outlet)" or "".
func outletSuffix(outlet string) string {
	if outlet == "" {
		return ""
	}
	return " (" + outlet + ")"
}

// explain turns an import error into a sentence for the editor: ingest's
// own messages are already written for people; others keep their text.
func explain(err error) string {
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		return "there is no text in it."
	case errors.Is(err, ingest.ErrTooLarge):
		return "it is too large (the limit is 20 MB)."
	}
	return err.Error()
}
