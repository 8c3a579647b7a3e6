package views

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// prefLastFolder remembers the folder of the last "Open files…", because an
// editor usually pulls a story's reports from one place.
const prefLastFolder = "open.last_folder"

// baseExtensions are always offered by "Open files…"; ingest may add more
// (ingest.Extensions) as it learns formats.
var baseExtensions = []string{".txt", ".md", ".markdown"}

// importable reports whether "Open files…" should offer name.
func importable(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range baseExtensions {
		if ext == e {
			return true
		}
	}
	for _, e := range ingest.Extensions() {
		if ext == strings.ToLower(e) {
			return true
		}
	}
	return false
}

// importableIn lists the files in dir that "Open files…" offers, sorted by
// name, as full paths. Sub-folders are not searched: a story's reports sit
// together, and a recursive walk of a home folder would take minutes.
func importableIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && importable(e.Name()) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// showOpenFiles (Ctrl+O) opens several files at once. Fyne's file dialog
// picks one file, so the editor picks a folder and then ticks the files to
// import from it, all ticked to start with.
func (m *Main) showOpenFiles() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			m.showError("Could not open the folder", err)
			return
		}
		if dir == nil {
			return // cancelled
		}
		m.app.Preferences().SetString(prefLastFolder, dir.String())
		m.chooseFiles(dir.Path())
	}, m.win)
	d.SetTitleText("Choose the folder that holds the reports")
	d.SetConfirmText("Choose")
	if last := m.app.Preferences().String(prefLastFolder); last != "" {
		if u, err := fynestorage.ParseURI(last); err == nil {
			if l, err := fynestorage.ListerForURI(u); err == nil {
				d.SetLocation(l)
			}
		}
	}
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// chooseFiles lists dir in the background, then shows the checklist.
func (m *Main) chooseFiles(dir string) {
	m.spawn(func() {
		paths, err := importableIn(dir)
		do(func() {
			switch {
			case err != nil:
				m.showError("Could not read the folder", err)
			case len(paths) == 0:
				dialog.ShowInformation("No reports found",
					fmt.Sprintf("There are no %s files in %s.", extensionList(), dir), m.win)
			default:
				m.showChecklist(dir, paths)
			}
		})
	})
}

// extensionList is ".txt, .md or .markdown" for messages.
func extensionList() string {
	seen := map[string]bool{}
	var exts []string
	for _, e := range append(append([]string{}, baseExtensions...), ingest.Extensions()...) {
		if !seen[e] {
			seen[e] = true
			exts = append(exts, e)
		}
	}
	if len(exts) == 1 {
		return exts[0]
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}

// checklist is the second step of "Open files…": the files of one folder,
// each with a tick box.
type checklist struct {
	paths  []string
	checks *widget.CheckGroup
}

// showChecklist asks which of paths to import.
func (m *Main) showChecklist(dir string, paths []string) {
	c := &checklist{paths: paths}
	names := make([]string, len(paths))
	for i, p := range paths {
		names[i] = filepath.Base(p)
	}
	c.checks = widget.NewCheckGroup(names, nil)
	c.checks.SetSelected(names)

	all := widget.NewButton("Select all", func() { c.checks.SetSelected(names) })
	none := widget.NewButton("Select none", func() { c.checks.SetSelected(nil) })
	where := widget.NewLabel(fmt.Sprintf("%d files in %s", len(paths), dir))
	where.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, container.NewHBox(all, none), where)
	content := container.NewBorder(top, nil, nil, nil, container.NewVScroll(c.checks))

	d := dialog.NewCustomConfirm("Open files", "Import", "Cancel", content, func(ok bool) {
		if ok {
			m.importPaths(c.selected(), false)
		}
	}, m.win)
	d.Resize(fyne.NewSize(560, 480))
	d.Show()
}

// selected lists the ticked files as full paths, in folder order.
func (c *checklist) selected() []string {
	ticked := map[string]bool{}
	for _, n := range c.checks.Selected {
		ticked[n] = true
	}
	var out []string
	for _, p := range c.paths {
		if ticked[filepath.Base(p)] {
			out = append(out, p)
		}
	}
	return out
}

// onDropped imports files dropped anywhere on the window. A dropped folder
// contributes its importable files; a dropped file is always tried, so the
// editor learns why it was refused rather than seeing nothing happen.
func (m *Main) onDropped(_ fyne.Position, uris []fyne.URI) {
	var paths []string
	for _, u := range uris {
		if u.Scheme() != "file" {
			continue
		}
		p := u.Path()
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			in, _ := importableIn(p)
			paths = append(paths, in...)
			continue
		}
		paths = append(paths, p)
	}
	m.importPaths(paths, len(paths) >= app.MinReports)
}

// importPaths imports files in the background with a progress bar, then
// reloads the library, selects the last report imported and summarises.
// With compare set (several files on the command line or dropped at once)
// it then opens a comparison of the files that could be read.
func (m *Main) importPaths(paths []string, compare bool) {
	if len(paths) == 0 {
		return
	}
	m.spawn(func() {
		m.importMu.Lock()
		defer m.importMu.Unlock()
		select {
		case <-m.ready:
		case <-m.ctx.Done():
			return
		}
		n := len(paths)
		do(func() { m.status.step(fmt.Sprintf("Importing %s…", countFiles(n)), 0, n) })
		res := m.ws.Import(m.ctx, paths, workspace.ImportOptions{}, func(done, total int, _ workspace.Imported) {
			do(func() { m.status.step("", done, total) })
		})
		do(func() {
			m.imported(res)
			if compare {
				m.compareImported(res)
			}
		})
	})
}

// compareImported opens a comparison of the reports an import brought in
// or found already there, when there are 2 to 12 of them.
func (m *Main) compareImported(res []workspace.Imported) {
	var ids []int64
	for _, r := range res {
		if r.Err == nil && !slices.Contains(ids, r.Report.ID) {
			ids = append(ids, r.Report.ID)
		}
	}
	switch {
	case len(ids) < app.MinReports:
		return
	case len(ids) > app.MaxReports:
		m.status.set(fmt.Sprintf("%d reports imported; a comparison holds at most %d. Tick the ones to compare and press Compare.", len(ids), app.MaxReports))
		return
	}
	m.newComparison(ids)
}

// imported shows the outcome of an import.
func (m *Main) imported(res []workspace.Imported) {
	summary := summarise(res)
	m.status.done(summary)
	// Select the last report added, or else the last one found already
	// in the library, so the editor sees what the import brought.
	var added, found int64
	failed := 0
	for _, r := range res {
		switch {
		case r.Err != nil:
			failed++
		case r.Duplicate:
			found = r.Report.ID
		default:
			added = r.Report.ID
		}
	}
	if added == 0 {
		added = found
	}
	m.reload(added)
	if failed > 0 {
		m.showImportDetails(res)
	}
}

// showImportDetails lists every file's outcome when some failed: a
// left-aligned list reads better than the centred text of an information
// dialog, and a long one scrolls.
func (m *Main) showImportDetails(res []workspace.Imported) {
	head := widget.NewLabel(summariseCounts(res))
	head.TextStyle.Bold = true
	body := widget.NewLabel(summaryDetails(res))
	body.Wrapping = fyne.TextWrapWord
	content := container.NewBorder(head, nil, nil, nil, container.NewVScroll(body))
	d := dialog.NewCustom("Import finished", "OK", content, m.win)
	d.Resize(fyne.NewSize(620, min(520, 160+float32(len(res))*40)))
	d.Show()
}

// summarise says what an import did in one line: "2 added, 1 already in
// the library, 1 failed: x.bin: not a text file (it contains binary data)".
func summarise(res []workspace.Imported) string {
	if len(res) == 1 {
		r := res[0]
		switch {
		case r.Err != nil:
			return "Not added: " + r.Err.Error()
		case r.Duplicate:
			return fmt.Sprintf("%s is already in the library as “%s”.", filepath.Base(r.Path), workspace.Title(r.Report))
		default:
			return fmt.Sprintf("Added “%s”.", workspace.Title(r.Report))
		}
	}
	var added, dup int
	var fails []string
	for _, r := range res {
		switch {
		case r.Err != nil:
			fails = append(fails, r.Err.Error())
		case r.Duplicate:
			dup++
		default:
			added++
		}
	}
	parts := []string{fmt.Sprintf("%d added", added)}
	if dup > 0 {
		parts = append(parts, fmt.Sprintf("%d already in the library", dup))
	}
	s := strings.Join(parts, ", ")
	if len(fails) > 0 {
		s += fmt.Sprintf(", %d failed: %s", len(fails), strings.Join(fails, "; "))
	}
	return s
}

// summaryDetails lists every file's outcome, for the dialog shown when
// some failed: failures first, since they are what the editor must act on.
func summaryDetails(res []workspace.Imported) string {
	lines := make([]string, 0, len(res))
	sorted := slices.Clone(res)
	slices.SortStableFunc(sorted, func(a, b workspace.Imported) int {
		return cmp.Compare(rank(a), rank(b))
	})
	for _, r := range sorted {
		name := filepath.Base(r.Path)
		switch {
		case r.Err != nil:
			lines = append(lines, "Failed: "+r.Err.Error())
		case r.Duplicate:
			lines = append(lines, fmt.Sprintf("Already in the library: %s, as “%s”", name, workspace.Title(r.Report)))
		default:
			lines = append(lines, fmt.Sprintf("Added: %s, as “%s”", name, workspace.Title(r.Report)))
		}
	}
	return strings.Join(lines, "\n")
}

// rank orders outcomes for summaryDetails: failed, added, already there.
func rank(r workspace.Imported) int {
	switch {
	case r.Err != nil:
		return 0
	case r.Duplicate:
		return 2
	}
	return 1
}

// summariseCounts is the summary without the failure reasons.
func summariseCounts(res []workspace.Imported) string {
	var added, dup, failed int
	for _, r := range res {
		switch {
		case r.Err != nil:
			failed++
		case r.Duplicate:
			dup++
		default:
			added++
		}
	}
	return fmt.Sprintf("%d added, %d already in the library, %d failed.", added, dup, failed)
}

// countFiles says "1 file" or "3 files".
func countFiles(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}
