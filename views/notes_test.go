package views

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/export"
	"parallax/app/sheet"
)

// selectRow selects the row holding the claim containing words.
func selectRow(t *testing.T, m *Main, words string) int {
	t.Helper()
	v := m.cmp
	for ri, row := range v.s.Rows {
		if !slices.Contains(v.s.Visible(v.filter, v.shown), ri) {
			continue
		}
		for d, c := range row.Cells {
			if !c.Empty() && strings.Contains(v.s.C.Docs[d].ClaimText(c.Claim), words) {
				ui(func() { v.grid.jumpToRow(ri) }) // unfolds its run
				m.jobs.Wait()
				return ri
			}
		}
	}
	t.Fatalf("no shown row holds %q", words)
	return -1
}

// storedNotes reads the comparison's notes from the library.
func storedNotes(t *testing.T, m *Main, st *apptest.Store) []app.Note {
	t.Helper()
	notes, err := st.Notes(context.Background(), m.cmp.saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	return notes
}

// TestVerdictAndNoteSavedAsTyped gives a row a verdict from the Row menu
// and types a note; both are in the library at once, show in the gutter
// and the filter, follow the claims through a strictness change, and come
// back when the comparison is opened in a new window.
func TestVerdictAndNoteSavedAsTyped(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	row := selectRow(t, m, "Twelve people were killed")
	ui(func() { press(t, m, &desktop.CustomShortcut{KeyName: "3", Modifier: 0x4}) }) // Alt+3: disputed
	ui(func() { test.Type(v.np.text, "12 or 15 dead? Call the police spokesman.") })
	m.jobs.Wait()

	notes := storedNotes(t, m, st)
	if len(notes) != 1 || notes[0].Verdict != app.Disputed || notes[0].Text != "12 or 15 dead? Call the police spokesman." ||
		len(notes[0].Anchors) != 3 {
		t.Fatalf("stored notes %+v", notes)
	}
	if r := v.s.Rows[row]; r.Verdict != app.Disputed || r.Notes != 1 {
		t.Errorf("sheet row: verdict %s, %d notes", r.Verdict, r.Notes)
	}
	if !strings.Contains(v.np.state.Text(), "Saved") {
		t.Errorf("state says %q", v.np.state.Text())
	}
	ui(func() { v.setFilter(sheet.Filter{Kind: sheet.Judged, Verdict: app.Disputed}) })
	if len(v.grid.visible) != 1 || v.grid.visible[0] != row {
		t.Errorf("disputed filter shows %v", v.grid.visible)
	}
	ui(func() { v.setFilter(sheet.Filter{}) })

	// Stricter alignment: the note stays on the toll claims.
	ui(func() { v.onStrictness(0.2) })
	m.jobs.Wait()
	row = selectRow(t, m, "Twelve people were killed")
	if v.np.text.Text != notes[0].Text || v.np.verdict.Selected != "Disputed" || v.s.Rows[row].Verdict != app.Disputed {
		t.Errorf("after a strictness change the row shows %q (%s)", v.np.text.Text, v.np.verdict.Selected)
	}

	// The summary is saved with the comparison.
	ui(func() { test.Type(v.np.summary, "Toll disputed.") })
	m.jobs.Wait()
	if c, _ := st.Comparison(context.Background(), v.saved.ID); c.Summary != "Toll disputed." {
		t.Errorf("stored summary %q", c.Summary)
	}

	// A new window on the same library finds everything.
	m2 := newTestMain(t, st)
	m2.jobs.Wait()
	if m2.cmp.s == nil {
		ui(func() { m2.openComparison(v.saved) })
		m2.jobs.Wait()
	}
	selectRow(t, m2, "Twelve people were killed")
	if m2.cmp.np.text.Text != notes[0].Text || m2.cmp.np.summary.Text != "Toll disputed." {
		t.Errorf("reopened: note %q, summary %q", m2.cmp.np.text.Text, m2.cmp.np.summary.Text)
	}
}

// TestNoteSavedWhileTyping: an editor who types without ever pausing long
// enough for the debounce still has the note saved within the maximum
// wait, so a crash mid-paragraph loses at most the last moments of it.
func TestNoteSavedWhileTyping(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	selectRow(t, m, "Twelve people were killed")
	v.np.saveDelay, v.np.maxWait = 150*time.Millisecond, 300*time.Millisecond
	text := "Toll differs between the wire and the article; ask the police for the latest list."
	deadline := time.Now().Add(2 * time.Second)
	saved := ""
	for i := 1; i <= len(text) && time.Now().Before(deadline); i++ {
		ui(func() { v.np.text.SetText(text[:i]) })
		time.Sleep(20 * time.Millisecond) // faster than the 150 ms pause
		if notes := storedNotes(t, m, st); len(notes) == 1 {
			saved = notes[0].Text
		}
	}
	if saved == "" || !strings.HasPrefix(text, saved) {
		t.Errorf("while typing without a pause, the stored note was %q", saved)
	}
	m.jobs.Wait()
}

// lockedStore fails its first saves of notes as a library another program
// holds locked would, then saves them.
type lockedStore struct {
	*apptest.Store
	mu    sync.Mutex
	fails int
}

func (s *lockedStore) SaveNote(ctx context.Context, n *app.Note) error {
	s.mu.Lock()
	if s.fails > 0 {
		s.fails--
		s.mu.Unlock()
		return errors.New("storage: begin: database is locked")
	}
	s.mu.Unlock()
	return s.Store.SaveNote(ctx, n)
}

// TestNoteSaveRetried: a note that could not be saved (the library locked
// by another program) is tried again on its own, without more typing, and
// ends saved.
func TestNoteSaveRetried(t *testing.T) {
	st := &lockedStore{Store: seeded(t)}
	m := newTestMainOver(t, st)
	m.win.Resize(fyne.NewSize(1280, 800))
	m.jobs.Wait()
	for _, r := range st.All() {
		m.lib.tick(r.ID, true)
	}
	m.compareTicked()
	m.jobs.Wait()
	v := m.cmp
	selectRow(t, m, "Twelve people were killed")
	v.np.retryDelay = 20 * time.Millisecond
	const text = "Locked for a moment."
	st.mu.Lock()
	st.fails = len(text) + 1 // every keystroke's save, and the first retry
	st.mu.Unlock()
	ui(func() { test.Type(v.np.text, text) })
	m.jobs.Wait()
	notes := storedNotes(t, m, st.Store)
	if len(notes) != 1 || notes[0].Text != text {
		t.Fatalf("after the library was free again, the stored notes are %+v; state %q", notes, v.np.state.Text())
	}
	if !strings.Contains(v.np.state.Text(), "Saved") {
		t.Errorf("state says %q", v.np.state.Text())
	}
}

// TestManualFixes links two rows the aligner left apart, unlinks a claim,
// and undoes both.
func TestManualFixes(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	rows := len(v.s.Rows)
	selectRow(t, m, "61 had been rescued")
	ui(v.np.startLink)
	selectRow(t, m, "Sixty-one were rescued")
	m.jobs.Wait()
	fixes, _ := st.Fixes(context.Background(), v.saved.ID)
	if len(fixes) != 1 || fixes[0].Op != app.FixLink {
		t.Fatalf("stored fixes %+v; status %q", fixes, m.status.label.Text)
	}
	row := selectRow(t, m, "Sixty-one were rescued")
	if r := v.s.Rows[row]; !r.Manual || r.Reports != 2 || len(v.s.Rows) != rows-1 {
		t.Fatalf("linked row: manual %v, %d reports, %d rows of %d", r.Manual, r.Reports, len(v.s.Rows), rows)
	}
	if !strings.Contains(screen(m), "Fixes (1)") {
		t.Error("the fixes tab does not count the fix")
	}

	// A row holds one claim per report: linking two rows that both have a
	// Lakeside claim is refused and stores nothing.
	selectRow(t, m, "Sixty-one were rescued")
	ui(v.np.startLink)
	selectRow(t, m, "The captain, Amos Mwanza")
	m.jobs.Wait()
	if fixes, _ := st.Fixes(context.Background(), v.saved.ID); len(fixes) != 1 || !strings.Contains(m.status.label.Text, "Not linked") {
		t.Errorf("a clashing link: %d fixes, status %q", len(fixes), m.status.label.Text)
	}

	ui(v.np.undoLast)
	m.jobs.Wait()
	if fixes, _ := st.Fixes(context.Background(), v.saved.ID); len(fixes) != 0 || len(v.s.Rows) != rows {
		t.Errorf("after undo: %d fixes, %d rows of %d", len(fixes), len(v.s.Rows), rows)
	}
}

// TestOrphanedNoteKeptAndAttached opens a comparison with a note whose
// claims are in no report: it is listed, not lost, and can be attached.
func TestOrphanedNoteKeptAndAttached(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	id := m.cmp.saved.ID
	lost := app.Note{Comparison: id, Verdict: app.NeedsChecking, Text: "Ask the ministry.",
		Anchors: []app.Anchor{{Report: st.All()[0].ID, Print: "gone", Text: "A sentence the report no longer has at all."}}}
	if err := st.SaveNote(context.Background(), &lost); err != nil {
		t.Fatal(err)
	}
	ui(func() { m.cmp.open(m.cmp.saved) })
	m.jobs.Wait()
	v := m.cmp
	if len(v.s.A.Orphans) != 1 || !strings.Contains(v.np.orphanTab.Text, "(1)") {
		t.Fatalf("orphans %v, tab %q", v.s.A.Orphans, v.np.orphanTab.Text)
	}
	row := selectRow(t, m, "Ten people were still missing")
	ui(func() { v.np.attach(v.s.A.Notes[v.s.A.Orphans[0]]) })
	m.jobs.Wait()
	if len(v.s.A.Orphans) != 0 || v.s.Rows[row].Verdict != app.NeedsChecking || v.np.text.Text != "Ask the ministry." {
		t.Errorf("after attaching: orphans %v, verdict %s, note %q", v.s.A.Orphans, v.s.Rows[row].Verdict, v.np.text.Text)
	}
	if notes := storedNotes(t, m, st); len(notes) != 1 || notes[0].Anchors[0].Print == "gone" {
		t.Errorf("the attached note was not re-anchored in the library: %+v", notes)
	}
}

// TestExportFromWindow writes every format of the comparison on screen and
// reads the JSON and CSV back.
func TestExportFromWindow(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	selectRow(t, m, "Twelve people were killed")
	ui(func() { press(t, m, &desktop.CustomShortcut{KeyName: "3", Modifier: 0x4}) })
	ui(func() { test.Type(v.np.text, "Toll, \"12\" or 15?\nAsk.") })
	m.jobs.Wait()
	dir := t.TempDir()
	for _, f := range []string{"md", "html", "csv", "json", "pdf"} {
		path := filepath.Join(dir, exportFileName(v.saved.Name, f))
		ui(func() { v.exportTo(path, exportChoice{format: f, opt: export.Options{BOM: f == "csv", Paper: "A4"}}) })
		m.jobs.Wait()
		b, err := os.ReadFile(path)
		if err != nil || len(b) < 200 {
			t.Fatalf("%s: %d bytes, %v; status %q", f, len(b), err, m.status.label.Text)
		}
		switch f {
		case "json":
			if !json.Valid(b) || !strings.Contains(string(b), `Toll, \"12\" or 15?\nAsk.`) {
				t.Errorf("JSON export lacks the note")
			}
		case "csv":
			recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
			if err != nil || !strings.Contains(strings.Join(recs[1], "|")+strings.Join(recs[2], "|")+strings.Join(recs[3], "|"), "Toll, \"12\" or 15?\nAsk.") {
				t.Errorf("CSV export: %v", err)
			}
		case "pdf":
			if !strings.HasPrefix(string(b), "%PDF") {
				t.Error("not a PDF")
			}
		}
	}
	// Only the disputed rows.
	path := filepath.Join(dir, "disputed.md")
	ui(func() {
		v.exportTo(path, exportChoice{format: "md", rows: exportVerdict, verdicts: []app.Verdict{app.Disputed}})
	})
	m.jobs.Wait()
	b, _ := os.ReadFile(path)
	if !strings.Contains(string(b), "Twelve people were killed") || strings.Contains(string(b), "Sixty-one were rescued") {
		t.Errorf("the disputed-only memo:\n%s", b)
	}
}

func TestExportFileName(t *testing.T) {
	for name, want := range map[string]string{
		"Meridian Wire · The Lakeside Ledger": "Meridian-Wire-The-Lakeside-Ledger.pdf",
		"../../etc/passwd":                    "etc-passwd.pdf",
		"":                                    "comparison.pdf",
		"MV Lulinda: how many died?":          "MV-Lulinda-how-many-died.pdf",
		`a\b*c?"d<e>f|g` + "\x00\t\x7f":       "a-b-c-d-e-f-g.pdf",
		"Twelve people were killed when the passenger ferry MV Lulinda… · Lake Tamsara ferry disaster…": "Twelve-people-were-killed-when-the-passenger-ferry-MV.pdf",
		"…":    "comparison.pdf",
		"  . ": "comparison.pdf",
	} {
		if got := exportFileName(name, "pdf"); got != want {
			t.Errorf("exportFileName(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestLinkingStopsWhenRowsChange starts a link, re-aligns (fewer rows),
// and selects a row: nothing is linked and nothing breaks.
func TestLinkingStopsWhenRowsChange(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	ui(func() { v.grid.jump(len(v.grid.visible) - 1) })
	ui(v.np.startLink)
	ui(func() { v.onStrictness(-0.2) })
	m.jobs.Wait()
	ui(func() { v.grid.jump(0) })
	m.jobs.Wait()
	if fixes, _ := st.Fixes(context.Background(), v.saved.ID); len(fixes) != 0 || v.np.linking >= 0 {
		t.Errorf("after re-aligning while linking: %d fixes, linking %d", len(fixes), v.np.linking)
	}
}

// TestSummaryReadOnlyWhileLoading keeps the summary box shut while a
// comparison loads, so nothing typed there is overwritten by the stored
// summary.
func TestSummaryReadOnlyWhileLoading(t *testing.T) {
	m := compared(t, seeded(t))
	v := m.cmp
	ui(func() {
		v.open(v.saved)
		if !v.np.summary.Disabled() {
			t.Error("the summary can be typed in while the comparison loads")
		}
	})
	m.jobs.Wait()
	if v.np.summary.Disabled() {
		t.Error("the summary stays shut after the rows are shown")
	}
}

// TestNoteFollowsEditedAndReimportedReport corrects a noted claim's words
// in the window, then re-imports a longer version of the report: the open
// comparison re-aligns and the verdict stays on the claim both times.
func TestNoteFollowsEditedAndReimportedReport(t *testing.T) {
	st := seeded(t)
	m := compared(t, st)
	v := m.cmp
	selectRow(t, m, "Twelve people were killed")
	ui(func() { press(t, m, &desktop.CustomShortcut{KeyName: "3", Modifier: 0x4}) })
	m.jobs.Wait()
	var meridian app.Report
	for _, r := range v.reports {
		if strings.Contains(r.Text, "Twelve people were killed") {
			meridian = r
		}
	}
	edited := strings.Replace(meridian.Text, "Twelve people were killed", "Twelve people were confirmed killed", 1)
	ui(func() { m.editText(meridian.ID, edited) })
	m.jobs.Wait()
	row := selectRow(t, m, "Twelve people were confirmed killed")
	if v.s.Rows[row].Verdict != app.Disputed {
		t.Fatalf("after the edit the row's verdict is %s; status %q", v.s.Rows[row].Verdict, m.status.label.Text)
	}
	path := filepath.Join(t.TempDir(), "meridian-v2.txt")
	if err := os.WriteFile(path, []byte("UPDATE: the toll was revised.\n\n"+edited), 0o644); err != nil {
		t.Fatal(err)
	}
	ui(func() { m.reimport(meridian.ID, path) })
	m.jobs.Wait()
	row = selectRow(t, m, "Twelve people were confirmed killed")
	if v.s.Rows[row].Verdict != app.Disputed || !strings.Contains(m.status.label.Text, "Re-imported") {
		t.Errorf("after the re-import the row's verdict is %s; status %q", v.s.Rows[row].Verdict, m.status.label.Text)
	}
}

// TestExportDialog offers every format and the row choices, shows only
// the options of the format chosen and the verdicts only for "Rows
// judged:", and remembers the editor's name.
func TestExportDialog(t *testing.T) {
	m := compared(t, seeded(t))
	m.app.Preferences().SetString(prefEditor, "Anna Berg")
	ui(m.cmp.showExport)
	d := topDialog(m)
	for _, want := range []string{"Export notes", "Markdown memo", "All rows", "Rows shown now (All rows)", "Rows judged:", "Your name", "Save…"} {
		if !strings.Contains(d, want) {
			t.Errorf("export dialog lacks %q: %s", want, d)
		}
	}
	for _, bad := range []string{"Disputed", "byte order mark", "A4", "PDF paper"} {
		if strings.Contains(d, bad) {
			t.Errorf("a Markdown export of all rows offers %q: %s", bad, d)
		}
	}
	var format *widget.Select
	var rows *widget.RadioGroup
	walk(m.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.Select:
			if slices.Contains(w.Options, "CSV spreadsheet") {
				format = w
			}
		case *widget.RadioGroup:
			rows = w
		}
		return false
	})
	if format == nil || rows == nil {
		t.Fatal("no format or rows choice in the dialog")
	}
	for _, tc := range []struct {
		format, rows string
		want, bad    []string
	}{
		{"CSV spreadsheet", "All rows", []string{"byte order mark"}, []string{"A4", "Disputed"}},
		{"PDF", "All rows", []string{"A4"}, []string{"byte order mark", "Disputed"}},
		{"HTML page", "Rows judged:", []string{"Disputed", "Needs checking"}, []string{"A4", "byte order mark"}},
	} {
		ui(func() { format.SetSelected(tc.format); rows.SetSelected(tc.rows) })
		d := topDialog(m)
		for _, w := range tc.want {
			if !strings.Contains(d, w) {
				t.Errorf("%s, %s: the dialog lacks %q", tc.format, tc.rows, w)
			}
		}
		for _, w := range tc.bad {
			if strings.Contains(d, w) {
				t.Errorf("%s, %s: the dialog offers %q", tc.format, tc.rows, w)
			}
		}
	}
	es := entries(m)
	if len(es) != 1 || es[0].Text != "Anna Berg" {
		t.Fatalf("the name entry is not filled from the preferences: %d entries", len(es))
	}
	ui(func() { es[0].SetText("  Jo Lind ") })
	ui(func() { test.Tap(button(m, "Save…")) })
	if got := m.app.Preferences().String(prefEditor); got != "Jo Lind" {
		t.Errorf("the name remembered is %q, want Jo Lind", got)
	}
}
