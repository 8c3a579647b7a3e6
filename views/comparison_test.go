package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"parallax/app/apptest"
	"parallax/app/compare"
	"parallax/app/ingest"
	"parallax/app/sheet"
	"parallax/app/workspace"
)

// compared opens the window on the samples, ticks all three in the
// library and presses Compare, as an editor would.
func compared(t *testing.T, st *apptest.Store) *Main {
	t.Helper()
	return comparedAt(t, st, fyne.NewSize(1280, 800))
}

// comparedAt is compared in a window of the given size.
func comparedAt(t *testing.T, st *apptest.Store, size fyne.Size) *Main {
	t.Helper()
	m := newTestMain(t, st)
	m.win.Resize(size)
	for _, r := range st.All() {
		m.lib.tick(r.ID, true)
	}
	if m.lib.compare.Disabled() {
		t.Fatal("Compare is disabled with three reports ticked")
	}
	m.compareTicked()
	m.jobs.Wait()
	if !m.cmpView.Visible() || m.cmp.s == nil {
		t.Fatalf("no comparison on screen; status %q", m.status.label.Text)
	}
	return m
}

func TestCompareTickedReports(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	if len(m.comps.all) != 1 || m.comps.selected != m.cmp.saved.ID {
		t.Fatalf("sidebar lists %d comparisons, selected %d", len(m.comps.all), m.comps.selected)
	}
	if len(m.lib.ticked) != 0 {
		t.Errorf("ticks kept after comparing: %v", m.lib.ticked)
	}
	s := screen(m)
	for _, want := range []string{"Meridian Wire", "The Lakeside Ledger", "Radio Horizon", "(base)", "rows:", "flagged", "Words:", "single source"} {
		if !strings.Contains(s, want) {
			t.Errorf("comparison lacks %q; it shows:\n%s", want, s)
		}
	}
	n := m.cmp.s.C.Counts()
	if want := fmt.Sprintf("%d rows: %d shared, %d flagged, %d single source", n.Rows, n.Shared, n.Flagged, n.Single); m.cmp.line.counts.Text != want {
		t.Errorf("status line %q, want the counts %q", m.cmp.line.counts.Text, want)
	}
	if g := m.cmp.grid; len(g.heights) != len(g.visible) || listed(g) != n.Rows {
		t.Errorf("%d row heights for %d lines holding %d rows, of %d", len(g.heights), len(g.visible), listed(g), n.Rows)
	}
	// Tall claims get taller rows: heights are set before the list shows.
	if slices.Min(m.cmp.grid.heights) == slices.Max(m.cmp.grid.heights) {
		t.Error("every row has the same height; claims are not wrapped")
	}
}

func TestCompareRefusesOneReport(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	m.lib.tick(st.All()[0].ID, true)
	if !m.lib.compare.Disabled() {
		t.Error("Compare is enabled with one report ticked")
	}
	m.compareTicked()
	m.jobs.Wait()
	if m.cmpView.Visible() || !strings.Contains(m.status.label.Text, "Tick 2 to 12") {
		t.Errorf("one report: view shown %v, status %q", m.cmpView.Visible(), m.status.label.Text)
	}
}

func TestNavigateDifferences(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	var seen []int
	for range 50 {
		press(t, m, goItems[0].key)
		if v.grid.sel < 0 || slices.Contains(seen, v.grid.sel) {
			break
		}
		seen = append(seen, v.grid.sel)
	}
	want := len(v.s.Visible(sheet.Filter{Kind: sheet.Differences}, nil))
	if len(seen) != want {
		t.Fatalf("Alt+Down visited %d rows, there are %d differences", len(seen), want)
	}
	for _, p := range seen {
		if !sheet.IsDifference(&v.s.Rows[v.grid.visible[p]]) {
			t.Fatalf("Alt+Down stopped on row %d, which is %v", v.grid.visible[p], v.s.Rows[v.grid.visible[p]].Status)
		}
	}
	if !strings.Contains(m.status.label.Text, "No more differences below") {
		t.Errorf("at the last difference the status says %q", m.status.label.Text)
	}
	// The details panel explains the selected row's flags.
	goItems[2].run(v) // next flagged, from the last difference: none below
	goItems[3].run(v) // previous flagged
	if v.grid.sel < 0 || v.s.Rows[v.grid.visible[v.grid.sel]].Status != compare.StatusFlagged {
		t.Fatalf("previous flagged row: selected %d", v.grid.sel)
	}
	if d := strings.Join(texts(v.info.box), " "); !strings.Contains(d, "flagged") || !strings.Contains(d, " vs ") {
		t.Errorf("details of a flagged row: %s", d)
	}
}

func TestFilterAndColumns(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	n := v.s.C.Counts()
	for _, tc := range []struct {
		kind sheet.FilterKind
		want int
	}{{sheet.Flagged, n.Flagged}, {sheet.Single, n.Single}, {sheet.Shared, n.Shared}, {sheet.All, n.Rows}} {
		v.setFilter(sheet.Filter{Kind: tc.kind})
		if listed(v.grid) != tc.want || len(v.grid.heights) != len(v.grid.visible) {
			t.Errorf("filter %v: %d rows (%d heights), want %d", tc.kind, listed(v.grid), len(v.grid.heights), tc.want)
		}
		if v.bar.filterSel.Selected != (sheet.Filter{Kind: tc.kind}).Label(v.s) {
			t.Errorf("filter %v: chooser shows %q", tc.kind, v.bar.filterSel.Selected)
		}
	}
	// Hide the first column; move the last to the front.
	v.setShown(v.order[0], false)
	if len(v.grid.cols) != 2 || len(v.grid.header.Objects) != 3 {
		t.Fatalf("after hiding: %d columns, %d header cells", len(v.grid.cols), len(v.grid.header.Objects))
	}
	last := v.order[2]
	v.moveColumn(last, -1)
	v.moveColumn(last, -1)
	if v.order[0] != last {
		t.Fatalf("order after moving the last column left twice: %v", v.order)
	}
	// The last column cannot be hidden.
	v.setShown(v.grid.cols[0], false)
	v.setShown(v.grid.cols[0], false)
	if len(v.grid.cols) != 1 || !strings.Contains(m.status.label.Text, "At least one column") {
		t.Errorf("hid every column: %d left, status %q", len(v.grid.cols), m.status.label.Text)
	}
}

func TestSwitchBaseAndStrictness(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	v.setBase(1)
	m.jobs.Wait()
	if v.s.C.Base != 1 || v.saved.Base != v.reports[1].ID {
		t.Fatalf("base is report %d (saved %d), want 1", v.s.C.Base, v.saved.Base)
	}
	if !strings.Contains(strings.Join(texts(v.grid.header), " "), "★ "+v.s.C.Docs[1].Label()) {
		t.Errorf("header does not mark the new base: %v", texts(v.grid.header))
	}
	before := len(v.s.Rows)
	v.onStrictness(0.2)
	m.jobs.Wait()
	if v.alignedStrictness != 0.2 || len(v.s.Rows) < before {
		t.Errorf("stricter: aligned at %v with %d rows (was %d); stricter rows cannot merge more", v.alignedStrictness, len(v.s.Rows), before)
	}
}

func TestCancelRealignKeepsRows(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	s := v.s
	// As onStrictness does, with work that runs until it is cancelled.
	v.saved.Strictness = -0.1
	v.bar.strict.Value = -0.1
	v.run(func(ctx context.Context, _ workspace.Progress) (*sheet.Sheet, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}, nil)
	if !v.line.cancel.Visible() {
		t.Fatal("no cancel button while aligning")
	}
	v.cancelJob()
	m.jobs.Wait()
	if v.s != s || v.saved.Strictness != 0 || v.bar.strict.Value != 0 {
		t.Errorf("after cancel: sheet replaced %v, strictness %v, slider %v", v.s != s, v.saved.Strictness, v.bar.strict.Value)
	}
	if v.line.bars.Visible() || v.line.cancel.Visible() {
		t.Error("progress bar or cancel button still shown after cancelling")
	}
}

func TestComparisonReopensAsLeft(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	v.setFilter(sheet.Filter{Kind: sheet.Shared})
	hidden := v.order[2]
	v.setShown(hidden, false)
	v.moveColumn(v.order[1], -1)
	order := slices.Clone(v.order)
	m.saveState()

	// A new window on the same library, as after a restart.
	m2 := newTestMain(t, st)
	comps, err := m2.ws.Comparisons(context.Background())
	if err != nil || len(comps) != 1 {
		t.Fatalf("comparisons after restart: %v, %v", comps, err)
	}
	m2.openComparison(comps[0])
	m2.jobs.Wait()
	v2 := m2.cmp
	if v2.filter.Kind != sheet.Shared {
		t.Errorf("filter after reopening: %v", v2.filter)
	}
	ids := func(v *comparisonView, ds []int) []int64 {
		var out []int64
		for _, d := range ds {
			out = append(out, v.reports[d].ID)
		}
		return out
	}
	if !slices.Equal(ids(v2, v2.order), ids(v, order)) {
		t.Errorf("column order after reopening %v, want %v", ids(v2, v2.order), ids(v, order))
	}
	if len(v2.grid.cols) != 2 || slices.Contains(ids(v2, v2.grid.cols), v.reports[hidden].ID) {
		t.Errorf("hidden column is back: %v", ids(v2, v2.grid.cols))
	}
}

// TestOwnFilesAddNoSamples: an editor who starts on their own files gets
// those in a new library, not the built-in samples beside them.
func TestOwnFilesAddNoSamples(t *testing.T) {
	st := apptest.NewStore()
	dir := t.TempDir()
	var files []string
	for i, text := range []string{"The council met on Monday. It voted for the bridge.\n", "On Monday the council voted to build the bridge.\n"} {
		p := filepath.Join(dir, fmt.Sprintf("r%d.txt", i))
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
	}
	m := newTestMainOver(t, st, files...)
	m.jobs.Wait()
	if st.Count() != 2 {
		t.Errorf("library holds %d reports, want only the editor's 2", st.Count())
	}
	if !m.cmpView.Visible() {
		t.Errorf("the two files did not open as a comparison; status %q", m.status.label.Text)
	}
}

func TestFilesOnCommandLineOpenAComparison(t *testing.T) {
	st := apptest.NewStore()
	m := newTestMainOver(t, st, apptest.SampleFiles(t)...)
	m.jobs.Wait()
	if !m.cmpView.Visible() || m.cmp.s == nil || len(m.cmp.s.C.Docs) != 3 {
		t.Fatalf("three files on the command line did not open a comparison; status %q", m.status.label.Text)
	}
}

func TestFindInComparison(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	press(t, m, shortcut(fyne.KeyF))
	if m.win.Canvas().Focused() != v.bar.findEntry {
		t.Fatal("Ctrl+F does not focus the comparison's find box")
	}
	test.Type(v.bar.findEntry, "ferry")
	if len(v.grid.hits) == 0 {
		t.Fatal("find “ferry” found no row in three ferry reports")
	}
	v.bar.findEntry.OnSubmitted(v.bar.findEntry.Text)
	if v.grid.sel != v.grid.hits[0] || !strings.HasPrefix(v.bar.findCount.Text, "1 of ") {
		t.Errorf("Enter in find: selected %d, count %q", v.grid.sel, v.bar.findCount.Text)
	}
	v.bar.findEntry.SetText("no such words anywhere")
	if v.bar.findCount.Text != "no match" {
		t.Errorf("find nonsense: %q", v.bar.findCount.Text)
	}
}

func TestThemeSwitch(t *testing.T) {
	m := compared(t, seeded(t))
	m.setTheme(themeDark)
	if m.app.Preferences().String(prefTheme) != themeDark {
		t.Error("theme choice not remembered")
	}
	dark := themeColor(colorAdded)
	m.setTheme(themeLight)
	if themeColor(colorAdded) == dark {
		t.Error("light and dark themes give the same highlight colour")
	}
}

// press runs the menu item whose accelerator is sc, as the desktop driver
// does for a key pressed anywhere in the window (the headless driver has
// no menu bar to route keys to).
func press(t *testing.T, m *Main, sc fyne.Shortcut) {
	t.Helper()
	for _, menu := range m.win.MainMenu().Items {
		for _, item := range menu.Items {
			if item.Shortcut != nil && item.Shortcut.ShortcutName() == sc.ShortcutName() {
				item.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item has the shortcut %s", sc.ShortcutName())
}

// TestCellShowsTimes compares the samples with a broadcast's subtitles of
// the same story: the transcript's cells start with the time (and speaker)
// of the cue each claim begins in, drawn in the quiet placeholder colour,
// and the other reports' cells with none.
func TestCellShowsTimes(t *testing.T) {
	st := seeded(t)
	srt := "1\r\n00:00:04,000 --> 00:00:08,000\r\nPRESENTER: The ferry MV Lulinda capsized this morning\r\noff Kiwangu harbour on Lake Tamsara.\r\n\r\n" +
		"2\r\n00:12:04,000 --> 00:12:09,000\r\n>> HALIMA SERWANGA: The vessel was licensed\r\nto carry fifty passengers.\r\n"
	doc, err := ingest.Read("evening-bulletin.srt", []byte(srt), ingest.Meta{Outlet: "Lake FM"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddReport(context.Background(), &doc.Report); err != nil {
		t.Fatal(err)
	}
	m := compared(t, st)
	d := slices.IndexFunc(m.cmp.s.C.Docs, func(d compare.Doc) bool { return d.Report.Outlet == "Lake FM" })
	if d < 0 {
		t.Fatal("the transcript is not compared")
	}
	var cues, plain []string
	for ri, row := range m.cmp.s.Rows {
		for c := range row.Cells {
			ps := m.cmp.grid.cellPieces(ri, c)
			if ps == nil {
				continue
			}
			if c == d {
				if ps[0].kind != cueKind {
					t.Errorf("a transcript cell starts with %+v", ps[0])
				}
				cues = append(cues, ps[0].text)
			} else if ps[0].kind == cueKind {
				plain = append(plain, ps[0].text)
			}
		}
	}
	if !slices.Contains(cues, "[00:00:04]") || !slices.Contains(cues, "[00:12:04]") || len(plain) > 0 {
		t.Errorf("transcript cells start with %q; other cells with times %q", cues, plain)
	}
	// Drawn on screen, in the placeholder colour, before the claim.
	found := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *canvas.Text:
			if strings.HasPrefix(v.Text, "[00:00:04] PRESENTER:") && v.Color == themeColor(theme.ColorNamePlaceHolder) {
				found = true
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	ui(func() { walk(m.win.Canvas().Content()) })
	if !found {
		t.Errorf("no quiet \"[00:00:04] PRESENTER:\" drawn; the window shows:\n%s", screen(m))
	}
}

// TestReportAndBackKeepsComparison: reading a report from the sidebar
// leaves the comparison as it was; Back (or choosing it again) returns to
// the same rows and selection without aligning again.
func TestReportAndBackKeepsComparison(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	s := m.cmp.s
	ui(func() { m.cmp.grid.jump(2) })
	ui(func() { m.lib.list.Select(0) })
	m.jobs.Wait()
	if m.cmpView.Visible() || !m.report.back.Visible() {
		t.Fatalf("after choosing a report: comparison shown %v, back offered %v", m.cmpView.Visible(), m.report.back.Visible())
	}
	if !strings.Contains(m.report.back.Text, workspace.Shorten(m.cmp.saved.Name, 40)) {
		t.Errorf("back button %q does not name the comparison %q", m.report.back.Text, m.cmp.saved.Name)
	}
	test.Tap(m.report.back)
	m.jobs.Wait()
	if !m.cmpView.Visible() || m.cmp.s != s || m.cmp.grid.sel != 2 {
		t.Errorf("back: shown %v, same rows %v, selection %d (want 2)", m.cmpView.Visible(), m.cmp.s == s, m.cmp.grid.sel)
	}
	if m.comps.selected != m.cmp.saved.ID {
		t.Errorf("sidebar marks comparison %d, want %d", m.comps.selected, m.cmp.saved.ID)
	}
}
