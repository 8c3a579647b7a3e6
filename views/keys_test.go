package views

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/sheet"
)

// typeKey sends key k to whatever has the keyboard focus, as the window
// does (to the canvas's handler when nothing has it).
func typeKey(m *Main, k fyne.KeyName) {
	ui(func() {
		ev := &fyne.KeyEvent{Name: k}
		if f := m.win.Canvas().Focused(); f != nil {
			f.TypedKey(ev)
			return
		}
		m.win.Canvas().OnTypedKey()(ev)
	})
}

// onScreen reports whether row p of the visible rows is wholly in view
// (its top, for a row taller than the view).
func onScreen(g *grid, p int) bool {
	top, h := g.list.GetScrollOffset(), g.list.Size().Height
	y0, y1 := g.offsets[p], g.offsets[p]+g.heights[p]
	return y0 >= top-0.5 && (y1 <= top+h+0.5 || y0 <= top+0.5)
}

// TestRowCursor opens a comparison and reads it with the keys only: the
// rows have the focus, Down walks every row with the selection always on
// screen and the view scrolled only when the row would leave it, Page Down
// jumps a screen, End and Home go to the ends, Up walks back; a key typed
// in the note moves the text cursor, not the rows.
func TestRowCursor(t *testing.T) {
	m := compared(t, seeded(t))
	g := m.cmp.grid
	if m.win.Canvas().Focused() != g.list {
		t.Fatalf("a comparison just opened: focus on %T, want the rows", m.win.Canvas().Focused())
	}
	n := len(g.visible)
	if g.offsets[n-1] < 2*g.list.Size().Height {
		t.Fatalf("the rows (%v high) fit the view (%v): nothing to scroll", g.offsets[n-1], g.list.Size().Height)
	}
	scrolled := 0
	for want := range n {
		wasOn := want == 0 || onScreen(g, want)
		before := g.list.GetScrollOffset()
		typeKey(m, fyne.KeyDown)
		if g.sel != want {
			t.Fatalf("Down %d times: row %d selected", want+1, g.sel)
		}
		if !onScreen(g, want) {
			t.Fatalf("row %d selected off screen (scroll %v, rows %v–%v)", want, g.list.GetScrollOffset(), g.offsets[want], g.offsets[want]+g.heights[want])
		}
		if after := g.list.GetScrollOffset(); wasOn && after != before {
			t.Fatalf("row %d was on screen, yet the view scrolled from %v to %v", want, before, after)
		} else if after != before {
			scrolled++
		}
	}
	if scrolled == 0 {
		t.Fatal("walking every row never scrolled")
	}
	typeKey(m, fyne.KeyDown) // at the end: stays
	if g.sel != n-1 {
		t.Errorf("Down on the last row: row %d", g.sel)
	}
	typeKey(m, fyne.KeyHome)
	if g.sel != 0 || g.list.GetScrollOffset() != 0 {
		t.Errorf("Home: row %d, scroll %v", g.sel, g.list.GetScrollOffset())
	}
	typeKey(m, fyne.KeyPageDown)
	if h := g.list.Size().Height; g.sel < 1 || !onScreen(g, g.sel) || g.offsets[g.sel]+g.heights[g.sel] <= h || g.offsets[g.sel] > h {
		t.Errorf("Page Down from the first row: row %d at %v–%v, view %v high", g.sel, g.offsets[g.sel], g.offsets[g.sel]+g.heights[g.sel], h)
	}
	p := g.sel
	typeKey(m, fyne.KeyPageUp)
	if g.sel >= p || !onScreen(g, g.sel) {
		t.Errorf("Page Up from row %d: row %d", p, g.sel)
	}
	typeKey(m, fyne.KeyEnd)
	if g.sel != n-1 || !onScreen(g, n-1) {
		t.Errorf("End: row %d", g.sel)
	}
	typeKey(m, fyne.KeyUp)
	if g.sel != n-2 || !onScreen(g, n-2) {
		t.Errorf("Up from the last row: row %d", g.sel)
	}
	if m.cmp.info.box == nil || !strings.Contains(strings.Join(texts(m.cmp.info.box), " "), "Row ") {
		t.Error("the details do not follow the cursor")
	}

	// In the note the arrows are the note's.
	ui(m.cmp.np.focusNote)
	p = g.sel
	typeKey(m, fyne.KeyUp)
	typeKey(m, fyne.KeyHome)
	if g.sel != p {
		t.Errorf("keys typed in the note moved the rows' selection from %d to %d", p, g.sel)
	}
	// With nothing focused, the keys go to the rows, which take the focus.
	ui(m.win.Canvas().Unfocus)
	typeKey(m, fyne.KeyUp)
	if g.sel != p-1 || m.win.Canvas().Focused() != g.list {
		t.Errorf("Up with nothing focused: row %d (want %d), focus %T", g.sel, p-1, m.win.Canvas().Focused())
	}
}

// TestFocusMarked checks what tells the editor where the keys go: a ring
// around the rows and a solid frame on the selected row while the rows
// have the focus, a quiet frame while the note has it; the theme's focus
// colour is strong enough to see on a button.
func TestFocusMarked(t *testing.T) {
	m := compared(t, seeded(t))
	g := m.cmp.grid
	typeKey(m, fyne.KeyDown)
	typeKey(m, fyne.KeyDown)
	frame := func() color.Color {
		var c color.Color
		ui(func() {
			for _, o := range test.WidgetRenderer(g.list).Objects() {
				walk(o, func(o fyne.CanvasObject) bool {
					if st, ok := o.(*fyne.Container); ok && len(st.Objects) >= 2 {
						if f, ok := st.Objects[1].(*canvas.Rectangle); ok && f.StrokeColor != color.Transparent {
							c = f.StrokeColor
							return true
						}
					}
					return false
				})
			}
		})
		return c
	}
	primary := themeColor(theme.ColorNamePrimary)
	if g.ring.StrokeColor != primary || frame() != primary {
		t.Errorf("rows focused: ring %v, selected row's frame %v; want %v", g.ring.StrokeColor, frame(), primary)
	}
	ui(m.cmp.np.focusNote)
	if g.ring.StrokeColor != color.Transparent || frame() != themeColor(theme.ColorNamePlaceHolder) {
		t.Errorf("note focused: ring %v, frame %v", g.ring.StrokeColor, frame())
	}
	if _, _, _, a := themeColor(theme.ColorNameFocus).RGBA(); a < 0x5000 {
		t.Errorf("focus colour alpha %#x: too faint to see", a)
	}
}

// TestGoSingleAndUnreviewed walks the single-source rows with Alt+S,
// through the folded runs (each opens as the walk reaches it), and stops
// at the next unreviewed row with Alt+U, skipping a judged one.
func TestGoSingleAndUnreviewed(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	if len(v.grid.folds.at) == 0 {
		t.Fatal("the samples show no folded run: the walk through folds is not tested")
	}
	var seen []int // sheet rows
	for range 50 {
		ui(func() { press(t, m, &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierAlt}) })
		if v.grid.sel < 0 || slices.Contains(seen, v.grid.visible[v.grid.sel]) {
			break
		}
		if v.grid.folds.at[v.grid.sel] != nil {
			t.Fatalf("Alt+S stopped on a folded run's line, not a row")
		}
		seen = append(seen, v.grid.visible[v.grid.sel])
	}
	if len(seen) != v.s.C.Counts().Single {
		t.Fatalf("Alt+S visited %d rows, there are %d single-source rows", len(seen), v.s.C.Counts().Single)
	}
	for _, ri := range seen {
		if v.s.Rows[ri].Status != compare.StatusSingle {
			t.Fatalf("Alt+S stopped on sheet row %d, not single source", ri)
		}
	}
	ui(func() { v.grid.cursorTo(0) })
	ui(func() { v.np.setVerdict(app.Corroborated) })
	ui(func() { v.grid.cursorTo(1) })
	ui(func() { v.np.setVerdict(app.Disputed) })
	ui(func() { v.grid.cursorTo(0) })
	ui(func() { press(t, m, &desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierAlt}) })
	if v.grid.sel != 2 {
		t.Errorf("next unreviewed after rows 1 and 2 judged: row %d", v.grid.sel+1)
	}
}

// TestCopyRow copies the selected row with Ctrl+C: one line per claim,
// led by its report's name. With text selected in the find box, Ctrl+C
// copies that text instead.
func TestCopyRow(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	ri := selectRow(t, m, "Twelve people were killed")
	ui(v.grid.focus)
	ui(func() { press(t, m, &fyne.ShortcutCopy{}) })
	got := m.app.Clipboard().Content()
	var want []string
	for _, d := range v.grid.cols {
		if c := v.s.Rows[ri].Cells[d]; !c.Empty() {
			want = append(want, v.s.C.Docs[d].Label()+": "+oneLine(v.s.C.Docs[d].ClaimText(c.Claim)))
		}
	}
	if len(want) < 2 || got != strings.Join(want, "\n") {
		t.Fatalf("Ctrl+C on the rows copied\n%q\nwant\n%q", got, strings.Join(want, "\n"))
	}
	if !strings.HasPrefix(got, "Meridian Wire: ") || !strings.Contains(got, "\nThe Lakeside Ledger: ") {
		t.Errorf("copied row does not name its reports:\n%s", got)
	}

	ui(func() {
		v.bar.findEntry.SetText("capsized")
		m.win.Canvas().Focus(v.bar.findEntry)
		v.bar.findEntry.TypedShortcut(&fyne.ShortcutSelectAll{})
		press(t, m, &fyne.ShortcutCopy{})
	})
	if got := m.app.Clipboard().Content(); got != "capsized" {
		t.Errorf("Ctrl+C in the find box copied %q, want its selected text", got)
	}
}

// TestCellMenu right-clicks a cell: the row is selected, Copy claim copies
// the claim as the report has it, the verdicts submenu judges the row, and
// Unlink this claim stores a fix.
func TestCellMenu(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	ri := selectRow(t, m, "Twelve people were killed")
	p := slices.Index(v.grid.visible, ri)
	ui(func() { v.grid.cursorTo(0) })

	// The right-click reaches the cell's menu through the cell itself.
	c := drawnCell(t, m, p)
	ui(func() { c.TappedSecondary(&fyne.PointEvent{AbsolutePosition: fyne.NewPos(300, 300)}) })
	if v.grid.sel != p || !strings.Contains(topDialog(m), "Copy claim") {
		t.Fatalf("right-click: row %d selected (want %d), overlay %q", v.grid.sel, p, topDialog(m))
	}
	d := c.doc
	menu := v.grid.cellMenu(p, d)
	item := func(label string) *fyne.MenuItem {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
		t.Fatalf("the cell menu has no %q", label)
		return nil
	}
	ui(item("Copy claim").Action)
	if got := m.app.Clipboard().Content(); got != v.s.C.Docs[d].ClaimText(v.s.Rows[ri].Cells[d].Claim) {
		t.Errorf("Copy claim copied %q", got)
	}
	for _, it := range item("Verdict").ChildMenu.Items {
		if it.Label == verdictLabel(app.Disputed) {
			ui(it.Action)
		}
	}
	m.jobs.Wait()
	if v.s.Rows[ri].Verdict != app.Disputed {
		t.Errorf("verdict from the cell menu: %s", v.s.Rows[ri].Verdict)
	}
	if item("Unlink this claim").Disabled {
		t.Fatal("Unlink is disabled in a row of several claims")
	}
	ui(item("Unlink this claim").Action)
	m.jobs.Wait()
	if fixes, _ := st.Fixes(context.Background(), v.saved.ID); len(fixes) != 1 || fixes[0].Op != app.FixSplit {
		t.Errorf("Unlink this claim stored %+v", fixes)
	}
}

// TestZoom makes the cells' text larger and smaller: the words are
// measured at the new size, rows grow, the selected row stays selected, a
// new window on the same preferences starts at the size left, and Ctrl+0
// goes back.
func TestZoom(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	g := m.cmp.grid
	total := func() float32 { return g.offsets[len(g.offsets)-1] + g.heights[len(g.heights)-1] }
	typeKey(m, fyne.KeyDown)
	typeKey(m, fyne.KeyDown)
	base := total() // with row 2 selected, so shown whole
	ui(func() { press(t, m, shortcut(fyne.KeyEqual)) })
	ui(func() { press(t, m, shortcut(fyne.KeyEqual)) })
	if g.zoom != 1.25 || g.meas.size != theme.TextSize()*1.25 || total() <= base*1.1 {
		t.Fatalf("two steps larger: zoom %v, text size %v, rows %v high (were %v)", g.zoom, g.meas.size, total(), base)
	}
	if g.sel != 1 || m.win.Canvas().Focused() != g.list {
		t.Errorf("after zooming: row %d selected, focus %T", g.sel, m.win.Canvas().Focused())
	}
	if z := m.app.Preferences().Float(prefZoom); z != 1.25 {
		t.Errorf("zoom remembered as %v", z)
	}
	m2 := newTestMainIn(t, m.app, st)
	if m2.cmp.grid.zoom != 1.25 || m2.cmp.grid.meas.size != theme.TextSize()*1.25 {
		t.Errorf("a new window starts at zoom %v", m2.cmp.grid.zoom)
	}
	ui(func() { press(t, m, shortcut(fyne.Key0)) })
	if g.zoom != 1 || g.meas.size != theme.TextSize() || math.Abs(float64(total()/base-1)) > 0.02 {
		t.Errorf("Ctrl+0: zoom %v, rows %v high (were %v)", g.zoom, total(), base)
	}
	for range 20 {
		ui(func() { press(t, m, shortcut(fyne.KeyMinus)) })
	}
	if g.zoom != zoomSteps[0] || !strings.Contains(m.status.label.Text, "as far as it goes") {
		t.Errorf("smallest: zoom %v, status %q", g.zoom, m.status.label.Text)
	}
}

// TestColumnWidth drags the first column's edge: a guide line follows the
// drag while the rows keep their wrapping; when the drag ends the column is
// as wide as dragged, the others share the rest, the rows are wrapped
// again, and the width is saved with the comparison and back when it is
// reopened. A double-click on the edge gives the default width back.
func TestColumnWidth(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	g := v.grid
	before := slices.Clone(g.widths)
	heights := slices.Clone(g.heights)
	e := g.edges.Objects[0].(*colEdge)
	ui(func() {
		for range 10 {
			e.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 20}})
		}
	})
	if !g.guide.Visible() || g.guide.Position().X < g.colX(1)+190 || !slices.Equal(g.heights, heights) {
		t.Fatalf("while dragging: guide shown %v at %v (edge at %v), rows re-wrapped %v", g.guide.Visible(), g.guide.Position().X, g.colX(1), !slices.Equal(g.heights, heights))
	}
	ui(e.DragEnd)
	m.jobs.Wait()
	dragged := float32(math.Round(float64(before[0] + 200)))
	if g.guide.Visible() || g.widths[0] != dragged || g.widths[1] >= before[1] || slices.Equal(g.heights, heights) {
		t.Fatalf("after the drag: widths %v (were %v), rows re-wrapped %v", g.widths, before, !slices.Equal(g.heights, heights))
	}
	id := v.reports[g.cols[0]].ID
	if c, _ := st.Comparison(context.Background(), v.saved.ID); c.Widths[id] != float64(dragged) {
		t.Fatalf("stored widths %v, want %v for report %d", c.Widths, dragged, id)
	}
	m2 := newTestMain(t, st)
	if m2.cmp.s == nil {
		ui(func() { m2.openComparison(v.saved) })
		m2.jobs.Wait()
	}
	if w := m2.cmp.grid.widths; len(w) == 0 || w[0] != dragged {
		t.Errorf("reopened: widths %v", w)
	}
	ui(func() { e.DoubleTapped(nil) })
	m.jobs.Wait()
	if !slices.Equal(g.widths, before) {
		t.Errorf("double-click on the edge: widths %v, want %v", g.widths, before)
	}
}

// TestUndoRedo undoes and redoes, with Ctrl+Z and Ctrl+Shift+Z on the
// rows, a verdict, a deleted note and a manual fix, and checks the library
// each time; in the note, Ctrl+Z is the note's.
func TestUndoRedo(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	undo := func() { ui(func() { press(t, m, &fyne.ShortcutUndo{}) }); m.jobs.Wait() }
	redoKey := &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	redo := func() { ui(func() { press(t, m, redoKey) }); m.jobs.Wait() }
	verdicts := func() []app.Verdict {
		var out []app.Verdict
		for _, n := range storedNotes(t, m, st) {
			out = append(out, n.Verdict.Or())
		}
		return out
	}

	// A verdict.
	ri := selectRow(t, m, "Twelve people were killed")
	ui(v.grid.focus)
	ui(func() { v.np.setVerdict(app.Disputed) })
	ui(func() { v.np.setVerdict(app.NeedsChecking) })
	m.jobs.Wait()
	ui(func() { v.grid.cursorTo(0) }) // undo goes back to the row
	undo()
	if v.s.Rows[ri].Verdict != app.Disputed || !slices.Equal(verdicts(), []app.Verdict{app.Disputed}) || v.grid.selected() != ri {
		t.Fatalf("undo: row verdict %s, stored %v, row %d selected (want %d)", v.s.Rows[ri].Verdict, verdicts(), v.grid.selected(), ri)
	}
	if !strings.Contains(m.status.label.Text, "Undone: verdict Needs checking") {
		t.Errorf("status after undo %q", m.status.label.Text)
	}
	undo()
	if v.s.Rows[ri].Verdict.Or() != app.Unreviewed || !slices.Equal(verdicts(), []app.Verdict{app.Unreviewed}) || v.np.verdict.Selected != "Unreviewed" {
		t.Fatalf("undo twice: %s, stored %v, chooser %q", v.s.Rows[ri].Verdict, verdicts(), v.np.verdict.Selected)
	}
	redo()
	redo()
	if v.s.Rows[ri].Verdict != app.NeedsChecking || !slices.Equal(verdicts(), []app.Verdict{app.NeedsChecking}) {
		t.Fatalf("redo twice: %s, stored %v", v.s.Rows[ri].Verdict, verdicts())
	}
	redo()
	if !strings.Contains(m.status.label.Text, "Nothing to redo") {
		t.Errorf("a redo too many: %q", m.status.label.Text)
	}

	// In the note, Ctrl+Z undoes typing and leaves the verdicts alone.
	ui(v.np.focusNote)
	ui(func() { test.Type(v.np.text, "Call them.") })
	m.jobs.Wait()
	undo()
	if v.s.Rows[ri].Verdict != app.NeedsChecking || v.np.text.Text == "Call them." {
		t.Errorf("Ctrl+Z in the note: verdict %s, note %q", v.s.Rows[ri].Verdict, v.np.text.Text)
	}
	ui(v.grid.focus)

	// A deleted note: an orphan, deleted from the Orphans tab.
	lost := app.Note{Comparison: v.saved.ID, Verdict: app.Corroborated, Text: "Ask the ministry.",
		Anchors: []app.Anchor{{Report: st.All()[0].ID, Print: "gone", Text: "A sentence no report has."}}}
	if err := st.SaveNote(context.Background(), &lost); err != nil {
		t.Fatal(err)
	}
	ui(func() { v.open(v.saved) })
	m.jobs.Wait()
	n := v.s.A.Notes[v.s.A.Orphans[0]]
	ui(func() { v.np.deleteNote(n) })
	m.jobs.Wait()
	has := func(text string) bool {
		return slices.ContainsFunc(storedNotes(t, m, st), func(n app.Note) bool { return n.Text == text })
	}
	if has("Ask the ministry.") || len(v.s.A.Orphans) != 0 {
		t.Fatalf("deleted note still there: stored %v, orphans %v", has("Ask the ministry."), v.s.A.Orphans)
	}
	undo()
	if !has("Ask the ministry.") || len(v.s.A.Orphans) != 1 || !strings.Contains(v.np.orphanTab.Text, "(1)") {
		t.Fatalf("undo of a deleted note: stored %v, orphans %v", has("Ask the ministry."), v.s.A.Orphans)
	}
	redo()
	if has("Ask the ministry.") || len(v.s.A.Orphans) != 0 {
		t.Fatalf("redo of a deleted note: stored %v, orphans %v", has("Ask the ministry."), v.s.A.Orphans)
	}
	undo()
	if len(storedNotes(t, m, st)) != 2 {
		t.Errorf("after undo, redo, undo: %d notes stored, want 2 (%+v)", len(storedNotes(t, m, st)), storedNotes(t, m, st))
	}

	// A manual fix.
	rows := len(v.s.Rows)
	selectRow(t, m, "61 had been rescued")
	ui(v.np.startLink)
	selectRow(t, m, "Sixty-one were rescued")
	m.jobs.Wait()
	fixes := func() int {
		f, _ := st.Fixes(context.Background(), v.saved.ID)
		return len(f)
	}
	if fixes() != 1 || len(v.s.Rows) != rows-1 {
		t.Fatalf("link: %d fixes, %d rows of %d", fixes(), len(v.s.Rows), rows)
	}
	ui(v.grid.focus)
	undo()
	if fixes() != 0 || len(v.s.Rows) != rows {
		t.Fatalf("undo of a link: %d fixes, %d rows of %d", fixes(), len(v.s.Rows), rows)
	}
	redo()
	if fixes() != 1 || len(v.s.Rows) != rows-1 {
		t.Fatalf("redo of a link: %d fixes, %d rows of %d", fixes(), len(v.s.Rows), rows)
	}
	// Removing a fix from the Fixes tab is a step too.
	ui(v.np.undoLast)
	m.jobs.Wait()
	undo()
	if fixes() != 1 || len(v.s.Rows) != rows-1 {
		t.Errorf("undo of removing the fix: %d fixes, %d rows of %d", fixes(), len(v.s.Rows), rows)
	}
}

// TestPrint prints from File › Print…: the memo is written as a PDF to a
// temporary file and handed to the system's viewer; with none, a dialog
// says where the file is.
func TestPrint(t *testing.T) {
	m := compared(t, seeded(t))
	var opened string
	m.openFile = func(path string) (string, error) { opened = path; return "xdg-open", nil }
	ui(func() { press(t, m, shortcut(fyne.KeyP)) })
	m.jobs.Wait()
	b, err := os.ReadFile(opened)
	if err != nil || !strings.HasPrefix(string(b), "%PDF") || !strings.HasSuffix(opened, ".pdf") {
		t.Fatalf("printed %q: %d bytes, %v", opened, len(b), err)
	}
	removeDir(t, opened)
	if !strings.Contains(m.status.label.Text, "Opened the memo in the PDF viewer (xdg-open)") {
		t.Errorf("status %q", m.status.label.Text)
	}
	m.openFile = func(path string) (string, error) {
		opened = path
		return "", fmt.Errorf("%w (xdg-open: exit status 3)", errNoViewer)
	}
	ui(func() { press(t, m, shortcut(fyne.KeyP)) })
	m.jobs.Wait()
	removeDir(t, opened)
	if d := topDialog(m); !strings.Contains(d, "no program here could open or print it (xdg-open: exit status 3)") || !strings.Contains(strings.ReplaceAll(d, " ", ""), opened) {
		t.Errorf("no viewer: dialog %q", d)
	}
}

// removeDir removes the folder of file path when the test ends.
func removeDir(t *testing.T, path string) {
	dir := filepath.Dir(path)
	t.Cleanup(func() { os.RemoveAll(dir) })
}

// TestFindMarksWords types in the find box: the cells box the words
// matched, in the find colour, in every row found.
func TestFindMarksWords(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	ui(func() { v.bar.findEntry.SetText("Lulinda") })
	boxed := 0
	edge := themeColor(colorFindEdge)
	ui(func() {
		for _, o := range test.WidgetRenderer(v.grid.list).Objects() {
			walk(o, func(o fyne.CanvasObject) bool {
				if h, ok := o.(*highlight); ok {
					for _, r := range test.WidgetRenderer(h).Objects() {
						if rect, ok := r.(*canvas.Rectangle); ok && rect.StrokeColor == edge {
							boxed++
						}
					}
				}
				return false
			})
		}
	})
	if len(v.grid.hits) == 0 || boxed == 0 {
		t.Fatalf("find Lulinda: %d rows, %d words boxed on screen", len(v.grid.hits), boxed)
	}
	ui(func() { v.bar.findEntry.SetText("") })
	if v.grid.findQ != "" {
		t.Errorf("find cleared, query %q", v.grid.findQ)
	}
}

// TestFindMarks pins which words of a cell a query boxes.
func TestFindMarks(t *testing.T) {
	test.NewTempApp(t)
	m := newMeasurer(14)
	ps := append(m.cuePieces("00:01:02", "Anna"), m.pieces([]sheet.Run{
		{Run: compare.Run{Text: "The ferry ", Kind: compare.Same}},
		{Run: compare.Run{Text: "Lulinda", Kind: compare.Changed}},
		{Run: compare.Run{Text: " capsized off ", Kind: compare.Same}},
		{Run: compare.Run{Text: "Kiwangu", Kind: compare.Was, At: -1}},
		{Run: compare.Run{Text: " Harbour.", Kind: compare.Same}},
	})...)
	words := func(marks []bool) []string {
		var out []string
		for i, on := range marks {
			if on {
				out = append(out, ps[i].text)
			}
		}
		return out
	}
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"", nil},
		{"ferry", []string{"ferry"}},
		{"FÉRRY lul", []string{"ferry", "Lulinda"}},
		{"capsized  off", []string{"capsized", "off"}},
		{"off harbour", []string{"off", "Harbour."}}, // across the base's struck-through word
		{"kiwangu", nil}, // the base's word, not this claim's
		{"anna", nil},    // the speaker
		{"e", []string{"The", "ferry", "capsized"}},
		{"nothing", nil},
	} {
		if got := words(findMarks(ps, sheet.FindQuery(tc.q))); !slices.Equal(got, tc.want) {
			t.Errorf("find %q boxes %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestMenuShortcutsUnique: no two menu items answer the same keys, and
// the shortcuts list names the new ones.
func TestMenuShortcutsUnique(t *testing.T) {
	m := newTestMain(t, seeded(t))
	seen := map[string]string{}
	for _, menu := range m.win.MainMenu().Items {
		for _, it := range menu.Items {
			if it.Shortcut == nil {
				continue
			}
			k := it.Shortcut.ShortcutName()
			if other, ok := seen[k]; ok {
				t.Errorf("%s and %s both take %s", other, it.Label, shortcutText(it.Shortcut))
			}
			seen[k] = it.Label
		}
	}
	ui(m.showShortcuts)
	d := topDialog(m)
	for _, want := range []string{"Ctrl+C Edit › Copy", "Ctrl+Z Edit › Undo", "Ctrl+Shift+Z Edit › Redo", "Ctrl+= View › Larger text",
		"Alt+U Go › Next unreviewed row", "Alt+S Go › Next single-source row", "Ctrl+P File › Print…", "Page Up, Page Down", "Right-click a cell"} {
		if !strings.Contains(d, want) {
			t.Errorf("Keyboard shortcuts lacks %q:\n%s", want, d)
		}
	}
}
