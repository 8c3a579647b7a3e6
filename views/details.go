package views

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// detailsForm is "Edit details…": the five details a report is cited by.
// An import takes them from the file, and files often say them wrong or
// not at all (a plain text file's title is its first sentence, a saved
// page may name no author), so the editor corrects them here, from the
// report pane or from an import's result list.
type detailsForm struct {
	m *Main
	r app.Report
	// saved is told the report as stored, on the UI goroutine.
	saved func(app.Report)

	title, outlet, author, published, link *widget.Entry
	dateItem                               *widget.FormItem
	dlg                                    *dialog.FormDialog
}

// dateHint is the published date's hint before anything is typed.
const dateHint = "YYYY-MM-DD, or as the report writes it"

// showEditDetails opens the details of r (only its metadata is used);
// saved, when not nil, is told the report as stored.
func (m *Main) showEditDetails(r app.Report, saved func(app.Report)) *detailsForm {
	f := &detailsForm{m: m, r: r, saved: saved}
	f.show()
	return f
}

// showEditShown edits the details of the report in the report pane.
func (m *Main) showEditShown() {
	if m.report.current.ID == 0 {
		return
	}
	m.showEditDetails(m.report.current, nil)
}

func (f *detailsForm) show() {
	entry := func(text, placeholder string) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(text)
		e.SetPlaceHolder(placeholder)
		return e
	}
	f.title = entry(f.r.Title, "The headline, as the outlet gave it")
	f.outlet = entry(f.r.Outlet, "e.g. Meridian Wire")
	f.author = entry(f.r.Author, "")
	f.published = entry(f.r.Published, "e.g. 2025-03-14")
	f.link = entry(f.r.URL, "https://…")
	f.link.Validator = func(s string) error {
		if msg := checkURL(s); msg != "" {
			return errors.New(msg)
		}
		return nil
	}
	f.dateItem = widget.NewFormItem("Published", f.published)
	f.dateItem.HintText = dateReading(f.r.Published)
	f.published.OnChanged = func(s string) {
		f.dateItem.HintText = dateReading(s)
		f.dlg.Refresh()
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("Author", f.author),
		f.dateItem,
		widget.NewFormItem("URL", f.link),
	}
	f.dlg = dialog.NewForm("Details of “"+workspace.Shorten(workspace.Title(f.r), 50)+"”", "Save", "Cancel", items,
		func(ok bool) {
			if ok {
				f.save()
			}
		}, f.m.win)
	f.dlg.Resize(fyne.NewSize(640, f.dlg.MinSize().Height))
	f.dlg.Show()
	f.m.win.Canvas().Focus(f.title)
}

// dateReading says how a typed date will be stored, so the editor sees
// "14 March 2025" rather than finding out later that "14/3" was kept as
// typed.
func dateReading(s string) string {
	clean := ingest.Meta{Published: s}.Clean().Published
	switch {
	case clean == "":
		return dateHint
	case longDate(clean) != clean:
		return "Read as " + longDate(clean)
	}
	return "Kept as typed: not a date Parallax can read"
}

// changes are the details the editor changed, as EditMeta takes them.
func (f *detailsForm) changes() (ingest.Meta, workspace.Fields) {
	m := ingest.Meta{
		Title: f.title.Text, Outlet: f.outlet.Text, Author: f.author.Text,
		Published: f.published.Text, URL: f.link.Text,
	}
	var set workspace.Fields
	for _, c := range []struct {
		bit        workspace.Fields
		typed, was string
	}{
		{workspace.FieldTitle, m.Title, f.r.Title}, {workspace.FieldOutlet, m.Outlet, f.r.Outlet},
		{workspace.FieldAuthor, m.Author, f.r.Author}, {workspace.FieldPublished, m.Published, f.r.Published},
		{workspace.FieldURL, m.URL, f.r.URL},
	} {
		if strings.TrimSpace(c.typed) != c.was {
			set |= c.bit
		}
	}
	return m, set
}

// save stores the changed details in the background.
func (f *detailsForm) save() {
	meta, set := f.changes()
	if set == 0 {
		return
	}
	id := f.r.ID
	f.m.spawn(func() {
		r, err := f.m.ws.EditMeta(f.m.ctx, id, meta, set)
		do(func() {
			if err != nil {
				f.m.showError("Could not save the details", err)
				return
			}
			if f.saved != nil {
				f.saved(r)
			}
			f.m.reportChanged(r, fmt.Sprintf("Saved the details of “%s”.", workspace.Title(r)))
		})
	})
}

// checkURL says what is wrong with a report's URL as typed, or "" when it
// is empty or a web address.
func checkURL(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return "The URL should be a web address starting with http:// or https://."
	}
	return ""
}
