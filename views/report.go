package views

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/workspace"
)

// readingWidth caps the width of a report's text: lines much longer than
// about 90 characters are hard to follow back to their start.
const readingWidth = 760

// reportPane shows one report: what an editor cites it by, then its text.
//
// The text is a wrapping, selectable Label rather than a read-only Entry: it
// reads like a page (no input border, no disabled colour), and the editor
// can still select and copy a passage.
type reportPane struct {
	m *Main

	// current is the report on show (ID 0: none); wanted is the one being
	// loaded, so a slow load cannot overwrite a later choice.
	current app.Report
	wanted  int64

	title   *widget.Label
	byline  *widget.Label
	link    *widget.Hyperlink
	details *note
	text    *widget.Label
	scroll  *container.Scroll
	remove  *widget.Button
	// editDetails opens the title, outlet, author, date and URL.
	editDetails *widget.Button
	// back returns to the comparison the editor left to read this report;
	// hidden when none is open.
	back *widget.Button

	view        fyne.CanvasObject
	placeholder fyne.CanvasObject
}

func newReportPane(m *Main) *reportPane { return &reportPane{m: m} }

// build makes the pane's widgets; it starts on the placeholder.
func (p *reportPane) build() fyne.CanvasObject {
	p.title = widget.NewLabel("")
	p.title.SizeName = theme.SizeNameHeadingText
	p.title.TextStyle.Bold = true
	p.title.Wrapping = fyne.TextWrapWord

	p.byline = widget.NewLabel("")
	p.byline.Wrapping = fyne.TextWrapWord

	p.link = widget.NewHyperlink("", nil)
	p.link.Truncation = fyne.TextTruncateEllipsis

	p.details = newNote("").wrap()

	p.remove = widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), p.m.confirmRemove)
	p.remove.Importance = widget.LowImportance
	edit := widget.NewButtonWithIcon("Edit text…", theme.DocumentCreateIcon(), p.m.showEditText)
	edit.Importance = widget.LowImportance
	p.editDetails = widget.NewButtonWithIcon("Edit details…", theme.DocumentCreateIcon(), p.m.showEditShown)
	p.editDetails.Importance = widget.LowImportance

	p.back = widget.NewButtonWithIcon("Back to the comparison", theme.NavigateBackIcon(), p.m.backToComparison)
	p.back.Hide()

	p.text = widget.NewLabel("")
	p.text.Wrapping = fyne.TextWrapWord
	p.text.Selectable = true

	// The actions in one row under the small print, Remove apart from
	// the edits: stacked beside the title they left a gap under it.
	actions := container.NewHBox(p.editDetails, edit, layout.NewSpacer(), p.remove)
	header := container.NewVBox(
		container.NewHBox(p.back),
		p.title,
		container.New(&tightVBox{}, p.byline, p.link, p.details.RichText),
		actions,
	)
	// Padded like the header, so the text lines up under the title.
	p.scroll = container.NewVScroll(container.NewPadded(container.New(&readingLayout{max: readingWidth}, p.text)))
	p.view = container.NewBorder(
		container.NewVBox(container.NewPadded(container.New(&readingLayout{max: readingWidth}, header)), widget.NewSeparator()),
		nil, nil, nil, p.scroll)

	hint := newNote("Select a report in the library to read it.")
	hint.seg.Style.SizeName = theme.SizeNameText
	p.placeholder = container.NewCenter(hint.RichText)

	p.view.Hide()
	return container.NewStack(p.placeholder, p.view)
}

// loading notes that report id is on its way; the old one stays until it
// arrives, which avoids a flash of the placeholder.
func (p *reportPane) loading(id int64) { p.wanted = id }

// clear shows the placeholder.
func (p *reportPane) clear() {
	p.current = app.Report{}
	p.wanted = 0
	p.view.Hide()
	p.placeholder.Show()
}

// offerBack shows the way back to the comparison left open behind the
// pane, named so the editor knows where it leads.
func (p *reportPane) offerBack() {
	if name, ok := p.m.cmp.loaded(); ok {
		p.back.SetText(fmt.Sprintf("Back to “%s”", workspace.Shorten(name, 40)))
		p.back.Show()
		return
	}
	p.back.Hide()
}

// show fills the pane with r.
func (p *reportPane) show(r app.Report) {
	p.current = r
	p.offerBack()
	p.wanted = r.ID
	p.title.SetText(workspace.Title(r))
	p.byline.SetText(byline(r))
	p.byline.Hidden = p.byline.Text == ""

	if u, err := url.Parse(r.URL); err == nil && r.URL != "" && u.Scheme != "" {
		p.link.SetText(r.URL)
		p.link.SetURL(u)
		p.link.Show()
	} else {
		p.link.SetText("")
		p.link.Hide()
	}
	p.details.SetText(details(r))
	p.text.SetText(r.Text)
	p.scroll.ScrollToTop()
	p.placeholder.Hide()
	p.view.Show()
	p.view.Refresh()
}

// byline is "Outlet · by Author · 14 March 2025": who said it and when.
func byline(r app.Report) string {
	var parts []string
	if r.Outlet != "" {
		parts = append(parts, r.Outlet)
	}
	if r.Author != "" {
		parts = append(parts, "by "+r.Author)
	}
	if r.Published != "" {
		parts = append(parts, longDate(r.Published))
	}
	return strings.Join(parts, " · ")
}

// details is the small print: where the report came from.
func details(r app.Report) string {
	var parts []string
	if r.FileName != "" {
		parts = append(parts, r.FileName)
	} else {
		parts = append(parts, "pasted text")
	}
	if f := formatName(r.Format); f != "" {
		parts = append(parts, f)
	}
	if r.OCR {
		parts = append(parts, "text recognised by OCR: check spellings and numbers")
	}
	if r.Words == 1 {
		parts = append(parts, "1 word")
	} else {
		parts = append(parts, fmt.Sprintf("%d words", r.Words))
	}
	if !r.Created.IsZero() {
		parts = append(parts, "added "+r.Created.Local().Format("2 January 2006, 15:04"))
	}
	return strings.Join(parts, " · ")
}

// formatName names a reader for people.
func formatName(f string) string {
	switch f {
	case "text":
		return "plain text"
	case "markdown":
		return "Markdown"
	case "html":
		return "HTML"
	case "docx":
		return "Word document"
	case "pdf":
		return "PDF"
	case "odt":
		return "OpenDocument text"
	case "mhtml":
		return "saved web page (MHTML)"
	case "eml", "email":
		return "e-mail"
	case "srt", "vtt":
		return "subtitles (" + f + ")"
	}
	return f
}

// longDate writes an ISO date as "14 March 2025"; anything else as typed.
func longDate(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2 January 2006")
	}
	return s
}

// shortDate writes an ISO date as "14 Mar 2025"; anything else as typed.
func shortDate(s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2 Jan 2006")
	}
	return s
}

// readingLayout gives its one child at most max width, centred, and the
// height the child needs at that width.
type readingLayout struct{ max float32 }

func (l *readingLayout) width(avail float32) float32 { return min(avail, l.max) }

func (l *readingLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	return objects[0].MinSize()
}

func (l *readingLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		w := l.width(size.Width)
		o.Resize(fyne.NewSize(w, max(size.Height, o.MinSize().Height)))
		o.Move(fyne.NewPos((size.Width-w)/2, 0))
	}
}

// tightVBox stacks lines of metadata without the theme's full padding
// between them, so the header reads as one block.
type tightVBox struct{}

func (tightVBox) gap() float32 { return -theme.Padding() * 1.5 }

func (t tightVBox) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	n := 0
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height
		n++
	}
	if n > 1 {
		s.Height += float32(n-1) * t.gap()
	}
	return s
}

func (t tightVBox) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + t.gap()
	}
}

var _ fyne.Layout = (*readingLayout)(nil)
var _ fyne.Layout = tightVBox{}
