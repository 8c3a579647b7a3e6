package views

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"

	"fyne.io/fyne/v2/dialog"

	"parallax/app/export"
	"parallax/app/sheet"
)

// errNoViewer says no program to show or print a PDF was found.
var errNoViewer = errors.New("no program to open or print a PDF was found")

// viewers are the commands tried, in order, to show a PDF so it can be
// printed: the desktop's viewer first (its print dialog lets the editor
// choose a printer and pages), else lp, which prints on the default
// printer at once.
func viewers() [][]string {
	switch runtime.GOOS {
	case "darwin":
		return [][]string{{"open"}, {"lp"}}
	case "windows":
		return [][]string{{"rundll32", "url.dll,FileProtocolHandler"}}
	}
	return [][]string{{"xdg-open"}, {"lp"}}
}

// openWithSystem hands path to the first of viewers that is installed and
// returns its name. It does not wait for the program: a viewer runs until
// the editor closes it.
func openWithSystem(path string) (string, error) {
	for _, c := range viewers() {
		bin, err := exec.LookPath(c[0])
		if err != nil {
			continue
		}
		cmd := exec.Command(bin, append(c[1:], path)...)
		if err := cmd.Start(); err != nil {
			return c[0], fmt.Errorf("%s: %w", c[0], err)
		}
		go cmd.Wait() //nolint:errcheck // reap it; its exit says nothing the editor needs
		return c[0], nil
	}
	return "", errNoViewer
}

// print writes the PDF memo of the rows on show (all rows when no filter
// is chosen) to a temporary file and opens it with the system's viewer or
// print command (File › Print…), all off the UI goroutine.
func (v *comparisonView) print() {
	if v.s == nil {
		v.m.status.set("Open a comparison to print it.")
		return
	}
	ch := exportChoice{format: "pdf", rows: exportShown, opt: export.Options{Paper: "A4"}}
	if v.filter.Kind == sheet.All && !slices.Contains(v.shown, false) {
		ch.rows = exportAll
	}
	m := v.memo(ch)
	name := exportFileName(v.saved.Name, "pdf")
	v.m.status.busy("Preparing the memo to print…")
	v.m.spawn(func() {
		var path, how string
		dir, err := os.MkdirTemp("", "parallax-print-")
		if err == nil {
			path = filepath.Join(dir, name)
			if err = writeMemo(path, ch, &m); err == nil {
				how, err = v.m.openFile(path)
			}
		}
		do(func() {
			v.m.status.done("")
			switch {
			case errors.Is(err, errNoViewer):
				dialog.ShowInformation("Print", fmt.Sprintf("The memo is ready as a PDF, but this computer has no program to open or print it "+
					"(xdg-open or lp were looked for). Open it with any PDF viewer to print it:\n\n%s", path), v.m.win)
			case err != nil:
				v.m.showError("Could not print the comparison", err)
			case how == "lp":
				v.m.status.set("Sent the memo to the default printer (lp).")
			default:
				v.m.status.set(fmt.Sprintf("Opened the memo in the PDF viewer (%s); print it from there. It is %s.", how, path))
			}
		})
	})
}
