package views

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/export"
	"parallax/app/workspace"
)

// Which rows an export writes.
const (
	exportAll     = iota // every row
	exportShown          // the rows the view shows now (its filter and columns)
	exportVerdict        // the rows judged one of some verdicts
)

// exportChoice is what the export dialog asks.
type exportChoice struct {
	format   string
	rows     int
	verdicts []app.Verdict
	opt      export.Options
}

// memo gathers the comparison on screen, with the editor's notes as they
// are now, for an export of the rows ch chooses. It copies what it needs,
// so the export can run in the background while the editor goes on.
func (v *comparisonView) memo(ch exportChoice) export.Memo {
	v.np.mu.Lock()
	m := workspace.Memo(v.saved, v.s.A)
	v.np.mu.Unlock()
	switch ch.rows {
	case exportShown:
		keep := map[int]bool{}
		for _, ri := range v.grid.visible {
			keep[v.s.Rows[ri].Index] = true
		}
		m.Only = func(i int) bool { return keep[i] }
		m.Selection = "rows shown: " + strings.ToLower(v.filter.Label(v.s))
	case exportVerdict:
		workspace.KeepVerdicts(&m, ch.verdicts)
	}
	return m
}

// exportTo writes the export to path in the background and says where it
// went.
func (v *comparisonView) exportTo(path string, ch exportChoice) {
	m := v.memo(ch)
	v.m.status.set("Exporting…")
	v.m.spawn(func() {
		err := writeMemo(path, ch, &m)
		do(func() {
			if err != nil {
				v.m.showError("Could not export the comparison", err)
				return
			}
			v.m.status.set(fmt.Sprintf("Exported to %s.", path))
		})
	})
}

// writeMemo writes memo m in ch's format to path, replacing the file at
// once (workspace.WriteFile). It runs off the UI goroutine.
func writeMemo(path string, ch exportChoice, m *export.Memo) error {
	var b bytes.Buffer
	if err := export.Write(&b, ch.format, m, ch.opt); err != nil {
		return err
	}
	return workspace.WriteFile(path, b.Bytes())
}

// showExport asks for a format, the rows and the options, then where to
// save (File › Export notes…).
func (v *comparisonView) showExport() {
	if v.s == nil {
		v.m.status.set("Open a comparison to export it.")
		return
	}
	names := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		names[i] = export.FormatName(f)
	}
	format := widget.NewSelect(names, nil)
	format.SetSelectedIndex(0)
	shownLabel := "Rows shown now (" + v.filter.Label(v.s) + ")"
	rows := widget.NewRadioGroup([]string{"All rows", shownLabel, "Rows judged:"}, nil)
	rows.Required = true
	rows.SetSelected("All rows")
	var labels []string
	for _, vd := range app.Verdicts {
		labels = append(labels, verdictLabel(vd))
	}
	verdicts := widget.NewCheckGroup(labels, nil)
	verdicts.Horizontal = true
	verdicts.SetSelected([]string{verdictLabel(app.Disputed), verdictLabel(app.NeedsChecking)})
	bom := widget.NewCheck("Start the CSV with a byte order mark (Excel needs it to read accents)", nil)
	bom.SetChecked(true)
	paper := widget.NewSelect([]string{"A4", "Letter"}, nil)
	paper.SetSelected("A4")
	form := widget.NewForm(
		widget.NewFormItem("Format", format),
		widget.NewFormItem("Rows", rows),
		widget.NewFormItem("", verdicts),
		widget.NewFormItem("CSV", bom),
		widget.NewFormItem("PDF paper", paper),
	)
	d := dialog.NewCustomConfirm("Export notes", "Save…", "Cancel", container.NewPadded(form), func(ok bool) {
		if !ok {
			return
		}
		ch := exportChoice{format: export.Formats[format.SelectedIndex()], opt: export.Options{BOM: bom.Checked, Paper: paper.Selected}}
		switch rows.Selected {
		case shownLabel:
			ch.rows = exportShown
		case "Rows judged:":
			ch.rows = exportVerdict
			for _, l := range verdicts.Selected {
				ch.verdicts = append(ch.verdicts, verdictOf(l))
			}
			if len(ch.verdicts) == 0 {
				v.m.status.set("Not exported: tick at least one verdict.")
				return
			}
		}
		v.chooseExportFile(ch)
	}, v.m.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// chooseExportFile asks where to save, suggesting a name from the
// comparison's.
func (v *comparisonView) chooseExportFile(ch exportChoice) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.m.showError("Could not export the comparison", err)
			return
		}
		if w == nil {
			return // cancelled
		}
		// The dialog opened the file; the export replaces it atomically.
		path := w.URI().Path()
		w.Close()
		v.exportTo(path, ch)
	}, v.m.win)
	d.SetFileName(exportFileName(v.saved.Name, ch.format))
	d.Resize(fyne.NewSize(820, 560))
	d.Show()
}

// unsafeName matches runs of characters file systems or shells dislike.
var unsafeName = regexp.MustCompile(`[^\pL\pN._-]+`)

// exportFileName suggests a file name: the comparison's name, made safe.
func exportFileName(name, format string) string {
	base := strings.Trim(unsafeName.ReplaceAllString(name, "-"), "-.")
	if base == "" {
		base = "comparison"
	}
	return workspace.Shorten(base, 60) + "." + format
}
