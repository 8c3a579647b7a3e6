package views

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/workspace"
)

// addAddress is "Add from address…": the editor pastes a web page's
// address and Parallax fetches it and imports it as it would the page
// saved from a browser. Like "Add report" it stays open on a mistake or a
// failed fetch, with the reason under the address, so the editor can fix
// the address and try again.
type addAddress struct {
	m *Main

	address *widget.Entry
	problem *widget.Label
	busy    *fyne.Container
	spinner *widget.ProgressBarInfinite
	add     *widget.Button
	dlg     *dialog.CustomDialog
	// stop cancels the fetch in progress, if any; closed is set when the
	// editor cancelled, so a late answer is not shown in a closed dialog.
	stop   context.CancelFunc
	closed bool
}

// showAddAddress opens the dialog (Ctrl+Shift+O).
func (m *Main) showAddAddress() *addAddress {
	a := &addAddress{m: m}
	a.show()
	return a
}

func (a *addAddress) show() {
	a.address = widget.NewEntry()
	a.address.SetPlaceHolder("https://example.com/news/story")
	a.address.OnSubmitted = func(string) { a.submit() }
	a.address.OnChanged = func(string) { a.problem.Hide() } // the complaint is stale
	about := widget.NewLabel("Parallax fetches the page and keeps its article text, title, author and date, as it does for a page saved from a browser.")
	about.Wrapping = fyne.TextWrapWord
	a.problem = widget.NewLabel("")
	a.problem.Importance = widget.DangerImportance
	a.problem.Wrapping = fyne.TextWrapWord
	a.problem.Hide()
	a.spinner = widget.NewProgressBarInfinite()
	a.spinner.Stop()
	a.busy = container.NewVBox(widget.NewLabel("Fetching the page…"), a.spinner)
	a.busy.Hide()

	content := container.NewVBox(about, widget.NewForm(widget.NewFormItem("Address", a.address)), a.problem, a.busy)
	a.add = widget.NewButtonWithIcon("Add", theme.DownloadIcon(), a.submit)
	a.add.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), a.cancel)
	a.dlg = dialog.NewCustomWithoutButtons("Add from address", content, a.m.win)
	a.dlg.SetButtons([]fyne.CanvasObject{cancel, a.add})
	a.dlg.Show()
	// Once shown, the wrapped text knows its width and so its height.
	a.fit()
	a.m.win.Canvas().Focus(a.address)
}

// submit checks the address and imports it in the background.
func (a *addAddress) submit() {
	addr, msg := webAddress(a.address.Text)
	if msg != "" {
		a.say(msg)
		return
	}
	a.address.SetText(addr)
	a.problem.Hide()
	a.add.Disable()
	a.address.Disable()
	a.busy.Show()
	a.spinner.Start()
	ctx, stop := context.WithCancel(a.m.ctx)
	a.stop = stop
	a.m.spawn(func() {
		defer stop()
		res := a.m.ws.Import(ctx, []string{addr}, workspace.ImportOptions{}, nil)
		do(func() { a.done(addr, res) })
	})
}

// cancel closes the dialog, stopping a fetch in progress.
func (a *addAddress) cancel() {
	a.closed = true
	if a.stop != nil {
		a.stop()
	}
	a.dlg.Hide()
}

// done shows the outcome: a failure keeps the dialog open with the
// reason; a page added, or found already there, is selected.
func (a *addAddress) done(addr string, res []workspace.Imported) {
	a.spinner.Stop()
	a.busy.Hide()
	a.add.Enable()
	a.address.Enable()
	if len(res) != 1 {
		a.say("Could not add the page.")
		return
	}
	r := res[0]
	switch {
	case r.Err != nil && a.closed:
		// Cancelled by the editor: nothing to say.
	case r.Err != nil:
		a.say("Could not add the page: " + strings.TrimPrefix(r.Err.Error(), filepath.Base(addr)+": "))
	case r.Duplicate:
		a.dlg.Hide()
		a.m.alreadyThere("This page", r.Report)
	default:
		a.dlg.Hide()
		a.m.reload(r.Report.ID)
		a.m.status.set(fmt.Sprintf("Added “%s” from %s.", workspace.Title(r.Report), hostOf(addr)))
	}
}

// say shows what is wrong under the address, which keeps the focus for
// the correction.
func (a *addAddress) say(msg string) {
	a.problem.SetText(msg)
	a.problem.Show()
	a.fit()
	a.m.win.Canvas().Focus(a.address)
}

// fit sizes the dialog to what it shows. A wrapped text's height depends
// on the width it was last laid out at, so the dialog is laid out at its
// width first, then given the height the text needs there (once only, a
// dialog first shown at its narrow minimum kept a blank band under the
// address).
func (a *addAddress) fit() {
	for range 2 {
		a.dlg.Resize(fyne.NewSize(640, a.dlg.MinSize().Height))
	}
}

// schemeRE finds a scheme at the start of an address ("mailto:", "ftp:"),
// but not a port after a bare site name ("example.com:8080").
var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:([^0-9]|$)`)

// webAddress checks an address as typed or pasted and returns it as it
// will be fetched, or a message saying what is wrong with it. A bare site
// name ("example.com/story", as a browser's address bar shows it) is taken
// to mean https.
func webAddress(s string) (string, string) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", "Type or paste the address of the page."
	case strings.ContainsAny(s, " \t\r\n"):
		return "", "An address has no spaces: paste the address of one page."
	case !strings.Contains(s, "://") && !schemeRE.MatchString(s):
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", "That is not a web address: it should look like https://example.com/news/story."
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "file":
		return "", "That is a file on this computer: open it with Open files… or drop it on the window."
	default:
		return "", fmt.Sprintf("Parallax fetches web pages only, whose addresses start with http:// or https:// (this one starts with %s:).", u.Scheme)
	}
	if u.Hostname() == "" {
		return "", "The address names no site: it should look like https://example.com/news/story."
	}
	return u.String(), ""
}

// hostOf is the site an address is on ("example.com").
func hostOf(addr string) string {
	if u, err := url.Parse(addr); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return addr
}
