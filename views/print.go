package views

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

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

// viewerGrace is how long a viewer command may take to fail. xdg-open
// exits with an error within seconds when no program takes PDFs (it tries
// a list of browsers first), but when one does it may run until the viewer
// is closed: one still running after this long is taken to have opened the
// file.
const viewerGrace = 8 * time.Second

// openWithSystem hands path to the first of viewers that is installed and
// does not fail within viewerGrace, and returns its name; the error wraps
// errNoViewer when none did. It runs off the UI goroutine.
func openWithSystem(path string) (string, error) {
	var failed []string
	for _, c := range viewers() {
		bin, err := exec.LookPath(c[0])
		if err != nil {
			continue
		}
		cmd := exec.Command(bin, append(c[1:], path)...)
		if err := cmd.Start(); err != nil {
			failed = append(failed, fmt.Sprintf("%s: %v", c[0], err))
			continue
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err == nil {
				return c[0], nil
			}
			failed = append(failed, fmt.Sprintf("%s: %v", c[0], err))
		case <-time.After(viewerGrace):
			return c[0], nil // still showing it
		}
	}
	if len(failed) == 0 {
		return "", fmt.Errorf("%w (looked for %s)", errNoViewer, viewerNames())
	}
	return "", fmt.Errorf("%w (%s)", errNoViewer, strings.Join(failed, "; "))
}

// viewerNames lists the viewer commands: "xdg-open or lp".
func viewerNames() string {
	var names []string
	for _, c := range viewers() {
		names = append(names, c[0])
	}
	return strings.Join(names, " or ")
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
				dialog.ShowInformation("Print", fmt.Sprintf("The memo is ready as a PDF, but no program here could open or print it "+
					"%s. Open it with any PDF viewer to print it:\n\n%s", strings.TrimPrefix(err.Error(), errNoViewer.Error()+" "), path), v.m.win)
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
