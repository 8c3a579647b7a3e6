package views

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
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

// exportTo writes the export to path in the background, dated now, and
// says where it went.
func (v *comparisonView) exportTo(path string, ch exportChoice) {
	m := v.memo(ch)
	ch.opt.Exported = time.Now()
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

// exportForm is the export dialog's questions. Each format's own options
// (the CSV's byte order mark, the PDF's paper) show only while that format
// is chosen, and the verdicts only while "Rows judged:" is, so the dialog
// never asks what does not apply.
type exportForm struct {
	format      *widget.Select
	rows        *widget.RadioGroup
	verdicts    *widget.CheckGroup
	bom         *widget.Check
	paper       *widget.Select
	editor      *widget.Entry
	shownLabel  string
	box         *fyne.Container
	verdictItem []fyne.CanvasObject
	bomItem     []fyne.CanvasObject
	paperItem   []fyne.CanvasObject
	// changed is called when questions show or hide, so the dialog can
	// fit them.
	changed func()
}

// Row choices of the export dialog other than the rows shown now.
const (
	exportAllLabel     = "All rows"
	exportVerdictLabel = "Rows judged:"
)

// newExportForm builds the dialog's questions for v's comparison, the
// editor's name as the preferences remember it.
func (v *comparisonView) newExportForm() *exportForm {
	f := &exportForm{shownLabel: "Rows shown now (" + v.filter.Label(v.s) + ")"}
	names := make([]string, len(export.Formats))
	for i, fm := range export.Formats {
		names[i] = export.FormatName(fm)
	}
	f.format = widget.NewSelect(names, func(string) { f.update() })
	f.rows = widget.NewRadioGroup([]string{exportAllLabel, f.shownLabel, exportVerdictLabel}, func(string) { f.update() })
	f.rows.Required = true
	var labels []string
	for _, vd := range app.Verdicts {
		labels = append(labels, verdictLabel(vd))
	}
	f.verdicts = widget.NewCheckGroup(labels, nil)
	f.verdicts.Horizontal = true
	f.verdicts.SetSelected([]string{verdictLabel(app.Disputed), verdictLabel(app.NeedsChecking)})
	f.bom = widget.NewCheck("Start the CSV with a byte order mark (Excel needs it to read accents)", nil)
	f.bom.SetChecked(true)
	f.paper = widget.NewSelect([]string{"A4", "Letter"}, nil)
	f.paper.SetSelected("A4")
	f.editor = widget.NewEntry()
	f.editor.SetPlaceHolder("Written in the memo's header")
	f.editor.SetText(v.m.app.Preferences().String(prefEditor))

	item := func(label string, w fyne.CanvasObject) []fyne.CanvasObject {
		return []fyne.CanvasObject{widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}), w}
	}
	f.verdictItem = item("", f.verdicts)
	f.bomItem = item("CSV", f.bom)
	f.paperItem = item("PDF paper", f.paper)
	var objs []fyne.CanvasObject
	for _, it := range [][]fyne.CanvasObject{item("Format", f.format), item("Rows", f.rows), f.verdictItem,
		f.bomItem, f.paperItem, item("Your name", f.editor)} {
		objs = append(objs, it...)
	}
	f.box = container.New(layout.NewFormLayout(), objs...)
	f.format.SetSelectedIndex(0)
	f.rows.SetSelected(exportAllLabel)
	f.update()
	return f
}

// chosenFormat is the format chosen, one of export.Formats.
func (f *exportForm) chosenFormat() string {
	if i := f.format.SelectedIndex(); i >= 0 {
		return export.Formats[i]
	}
	return export.Formats[0]
}

// update shows the questions that apply to the format and rows chosen.
func (f *exportForm) update() {
	if f.box == nil {
		return // still being built
	}
	show := func(objs []fyne.CanvasObject, on bool) {
		for _, o := range objs {
			if on {
				o.Show()
			} else {
				o.Hide()
			}
		}
	}
	format := f.chosenFormat()
	show(f.verdictItem, f.rows.Selected == exportVerdictLabel)
	show(f.bomItem, format == "csv")
	show(f.paperItem, format == "pdf")
	f.box.Refresh()
	if f.changed != nil {
		f.changed()
	}
}

// choice reads the answers, with a message for the status line when they
// do not make an export.
func (f *exportForm) choice() (ch exportChoice, msg string) {
	format := f.chosenFormat()
	ch = exportChoice{format: format, opt: export.Options{
		BOM: format == "csv" && f.bom.Checked, Paper: f.paper.Selected, Editor: strings.TrimSpace(f.editor.Text)}}
	switch f.rows.Selected {
	case f.shownLabel:
		ch.rows = exportShown
	case exportVerdictLabel:
		ch.rows = exportVerdict
		for _, l := range f.verdicts.Selected {
			ch.verdicts = append(ch.verdicts, verdictOf(l))
		}
		if len(ch.verdicts) == 0 {
			return ch, "Not exported: tick at least one verdict."
		}
	}
	return ch, ""
}

// writeMemo writes memo m in ch's format to path, replacing the file at
// once (workspace.WriteFile); the save dialog has asked before a file is
// replaced. It runs off the UI goroutine.
func writeMemo(path string, ch exportChoice, m *export.Memo) error {
	var b bytes.Buffer
	if err := export.Write(&b, ch.format, m, ch.opt); err != nil {
		return err
	}
	return workspace.WriteFile(path, b.Bytes(), true)
}

// showExport asks for a format, the rows, the options and the editor's
// name, then where to save (File › Export notes…). The name is remembered
// for the next export.
func (v *comparisonView) showExport() {
	if v.s == nil {
		v.m.status.set("Open a comparison to export it.")
		return
	}
	f := v.newExportForm()
	d := dialog.NewCustomConfirm("Export notes", "Save…", "Cancel", container.NewPadded(f.box), func(ok bool) {
		if !ok {
			return
		}
		ch, msg := f.choice()
		v.m.app.Preferences().SetString(prefEditor, ch.opt.Editor)
		if msg != "" {
			v.m.status.set(msg)
			return
		}
		v.chooseExportFile(ch)
	}, v.m.win)
	// As tall as the questions shown, however many that is.
	fit := func() { d.Resize(fyne.NewSize(640, 0)) }
	f.changed = fit
	fit()
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

// unsafeName matches runs of what a file name had better not hold: anything
// but letters, digits, dots, dashes and underscores, so no character a file
// system refuses (/ \ : * ? " < > | and control characters), no "…" and no
// space a shell would split at.
var unsafeName = regexp.MustCompile(`[^\pL\pN._-]+`)

// fileNameRunes is how long a suggested name may be before its extension.
const fileNameRunes = 60

// exportFileName suggests a file name from the comparison's name, made
// safe: "MV Lulinda: how many died?" becomes "MV-Lulinda-how-many-died.pdf".
// A long name is cut at a dash, without an ellipsis.
func exportFileName(name, format string) string {
	base := strings.Trim(unsafeName.ReplaceAllString(name, "-"), "-.")
	if r := []rune(base); len(r) > fileNameRunes {
		base = string(r[:fileNameRunes])
		if i := strings.LastIndex(base, "-"); i > fileNameRunes/2 {
			base = base[:i]
		}
		base = strings.Trim(base, "-.")
	}
	if base == "" {
		base = "comparison"
	}
	return base + "." + format
}
