package views

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/ingest"
	"parallax/app/workspace"
	"parallax/assets"
)

// newTestMain opens the window headless over st and waits until the
// library is loaded.
func newTestMain(t *testing.T, st *apptest.Store) *Main {
	t.Helper()
	return newTestMainOver(t, st)
}

// newTestMainOver is newTestMain over any store, started on files (may be
// none) as the command line starts it.
func newTestMainOver(t *testing.T, st app.Store, files ...string) *Main {
	t.Helper()
	return newTestMainIn(t, test.NewTempApp(t), st, files...)
}

// newTestMainIn is newTestMainOver in app a: a second window of one app
// shares its preferences, as after a restart.
func newTestMainIn(t *testing.T, a fyne.App, st app.Store, files ...string) *Main {
	t.Helper()
	m := New(a, workspace.New(st), files...)
	// Debounced work runs at once, on the test's goroutine, as it would
	// on the UI goroutine.
	m.cmp.grid.rewrapDelay, m.cmp.save.delay, m.cmp.np.saveDelay, m.lib.delay = 0, 0, 0, 0
	t.Cleanup(func() {
		m.cancel()
		m.jobs.Wait()
	})
	m.jobs.Wait()
	return m
}

// ui runs f as the UI goroutine would: holding the lock background
// callbacks take (see do), so they wait until f is done.
func ui(f func()) {
	uiMu.Lock()
	defer uiMu.Unlock()
	f()
}

// seeded is a library that already holds the three samples (loaded
// through ingest like a file) and remembers that samples were offered.
func seeded(t *testing.T) *apptest.Store {
	t.Helper()
	st := apptest.NewStore()
	st.SetSetting(context.Background(), workspace.SamplesLoadedKey, "1")
	for _, s := range assets.Samples() {
		doc, err := ingest.Read(s.File, s.Text, ingest.Meta{Title: s.Title, Outlet: s.Outlet, Author: s.Author, Published: s.Published, URL: s.URL})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.AddReport(context.Background(), &doc.Report); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// texts lists every visible text drawn under o, walking containers and
// widget renderers: what an editor would read on screen.
func texts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *canvas.Text:
			out = append(out, v.Text)
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// screen is all visible text in the window, overlays (dialogs) included.
func screen(m *Main) string {
	all := texts(m.win.Canvas().Content())
	for _, o := range m.win.Canvas().Overlays().List() {
		all = append(all, texts(o)...)
	}
	return flat(all)
}

// flat joins texts with single spaces, undoing word wrapping.
func flat(ts []string) string { return strings.Join(strings.Fields(strings.Join(ts, " ")), " ") }

// topDialog is the visible text of the topmost dialog, "" when none.
func topDialog(m *Main) string {
	top := m.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return flat(texts(top))
}

func TestFirstRunShowsSamples(t *testing.T) {
	st := apptest.NewStore()
	m := newTestMain(t, st)
	if got := len(m.lib.shown); got != 3 {
		t.Fatalf("list shows %d reports, want the 3 samples", got)
	}
	if m.lib.shown[0].Outlet != "Meridian Wire" {
		t.Errorf("first row is %q, want the wire story on top", m.lib.shown[0].Outlet)
	}
	if !strings.HasPrefix(m.report.text.Text, "KIVANGU (Meridian Wire)") {
		t.Errorf("report pane does not show the first sample: %.40q", m.report.text.Text)
	}
	if !strings.Contains(m.status.label.Text, "3 sample reports") {
		t.Errorf("status %q does not welcome the new user", m.status.label.Text)
	}
}

func TestListShowsReports(t *testing.T) {
	m := newTestMain(t, seeded(t))
	s := screen(m)
	for _, want := range []string{
		"Twelve killed as ferry",
		"Meridian Wire · 14 Mar 2025",
		"The Lakeside Ledger · 15 Mar 2025",
		"Radio Horizon · 14 Mar 2025",
		"3 reports",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("window lacks %q; it shows:\n%s", want, s)
		}
	}
}

func TestSelectingShowsText(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	// Rows are newest first: row 1 is the web article.
	m.lib.list.Select(1)
	m.jobs.Wait()
	r := m.report.current
	if r.Outlet != "The Lakeside Ledger" {
		t.Fatalf("pane shows %q, want the Ledger's article", r.Outlet)
	}
	if !strings.Contains(m.report.text.Text, "death toll from the capsizing") {
		t.Errorf("pane text is %.60q", m.report.text.Text)
	}
	if !m.report.text.Selectable || m.report.text.Wrapping != fyne.TextWrapWord {
		t.Error("report text should wrap and be selectable")
	}
	s := screen(m)
	for _, want := range []string{
		"The Lakeside Ledger · by Naomi Kariuki · 15 March 2025",
		"https://lakesideledger.example.org/news/lulinda-ferry-death-toll-rises",
		"lakeside-ledger-lulinda.txt",
		"words",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("pane lacks %q", want)
		}
	}
	if m.report.link.URL == nil || m.report.link.URL.Host != "lakesideledger.example.org" {
		t.Errorf("hyperlink URL is %v", m.report.link.URL)
	}
}

func TestSearchFilters(t *testing.T) {
	m := newTestMain(t, seeded(t))
	ui(func() { m.lib.search.SetText("Mwansa") }) // one change: typing would search per key
	m.jobs.Wait()
	if len(m.lib.shown) != 1 || m.lib.shown[0].Outlet != "Meridian Wire" {
		t.Fatalf("search for Mwansa shows %v, want only the wire story", outlets(m.lib.shown))
	}
	if got := m.lib.heading.Text(); got != "1 of 3 reports match" {
		t.Errorf("heading %q", got)
	}

	m.lib.search.SetText("")
	m.jobs.Wait()
	if len(m.lib.shown) != 3 {
		t.Errorf("clearing the search shows %d reports, want all 3", len(m.lib.shown))
	}

	ui(func() { m.lib.search.SetText("submarine") })
	m.jobs.Wait()
	if !strings.Contains(screen(m), "No reports match “submarine”.") {
		t.Error("no-match message missing")
	}
	test.Tap(m.lib.search.ActionItem.(*widget.Button)) // the clear button
	m.jobs.Wait()
	if len(m.lib.shown) != 3 || m.lib.search.Text != "" {
		t.Errorf("clear button: %d reports, box %q", len(m.lib.shown), m.lib.search.Text)
	}
}

func TestEmptyLibraryExplains(t *testing.T) {
	st := apptest.NewStore()
	st.SetSetting(context.Background(), workspace.SamplesLoadedKey, "1") // samples were removed
	m := newTestMain(t, st)
	s := screen(m)
	for _, want := range []string{"Your library is empty", "Add report", "Open files…", "drop files"} {
		if !strings.Contains(s, want) {
			t.Errorf("empty state lacks %q", want)
		}
	}
	if m.lib.list.Visible() {
		t.Error("the empty list is still shown")
	}
}

func TestAddReportStoresIt(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	a := &addReport{m: m}
	a.show()
	test.Type(a.text, "Divers found the ferry's hull in 40 metres of water. The search for the missing continues.")
	test.Type(a.title, "Divers find Lulinda hull")
	test.Type(a.outlet, "Tamsara Times")
	test.Type(a.published, "2025-03-16")
	test.Tap(a.add)
	m.jobs.Wait()

	if st.Count() != 4 {
		t.Fatalf("library holds %d reports, want 4", st.Count())
	}
	if a.problem.Visible() {
		t.Fatalf("dialog complains: %s", a.problem.Text)
	}
	if m.report.current.Title != "Divers find Lulinda hull" || m.report.current.Outlet != "Tamsara Times" {
		t.Errorf("new report not selected: pane shows %q", m.report.current.Title)
	}
	if m.lib.shown[0].ID != m.report.current.ID {
		t.Error("new report is not at the top of the list")
	}
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("dialog still open after a successful add")
	}
}

func TestAddReportValidates(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	a := &addReport{m: m}
	a.show()
	test.Tap(a.add)
	m.jobs.Wait()
	if !a.problem.Visible() || a.problem.Text != "Paste the report's text first." {
		t.Errorf("empty text: problem %q (visible %v)", a.problem.Text, a.problem.Visible())
	}
	test.Type(a.text, "Some text.")
	test.Type(a.link, "not a url")
	test.Tap(a.add)
	m.jobs.Wait()
	if !strings.Contains(a.problem.Text, "http://") {
		t.Errorf("bad URL: problem %q", a.problem.Text)
	}
	if st.Count() != 3 {
		t.Error("an invalid form stored a report")
	}
}

func TestAddReportDuplicate(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	m.lib.list.Select(2)
	m.jobs.Wait()

	wire := assets.Samples()[0]
	a := &addReport{m: m}
	a.show()
	a.text.SetText(string(wire.Text))
	test.Tap(a.add)
	m.jobs.Wait()

	if st.Count() != 3 {
		t.Fatalf("duplicate stored: %d reports", st.Count())
	}
	want := "already in the library as “Twelve killed as ferry capsizes on Lake Tamsara” (Meridian Wire)"
	if d := topDialog(m); !strings.Contains(d, want) {
		t.Errorf("dialog says:\n%s\nwant %q", d, want)
	}
	if m.report.current.Outlet != "Meridian Wire" {
		t.Errorf("the existing report is not selected: pane shows %q", m.report.current.Outlet)
	}
}

func TestImportFilesSummarises(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{
		write("a.txt", []byte("First new report. It says one thing.\n")),
		write("b.md", []byte("# Second\n\nAnother report entirely.\n")),
		write("dup.txt", assets.Samples()[2].Text),
		write("x.bin", []byte{0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00}),
	}
	m.Import(paths)
	m.jobs.Wait()

	if st.Count() != 5 {
		t.Errorf("library holds %d, want 5", st.Count())
	}
	if got := m.status.label.Text; got != "2 added, 1 already in the library, 1 refused." {
		t.Errorf("summary %q", got)
	}
	d := topDialog(m)
	for _, want := range []string{"Import finished: 4 files", "x.bin Refused: not a text file", "a.txt Added as", "dup.txt Already in the library as"} {
		if !strings.Contains(d, want) {
			t.Errorf("result list lacks %q; it shows:\n%s", want, d)
		}
	}
	if strings.Contains(d, "Compare") {
		t.Error("files on the command line open a comparison by themselves; the result list offers another")
	}
	if m.status.progress.Visible() {
		t.Error("progress bar left on screen")
	}
}

func TestRemoveReport(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	r := m.report.current
	if r.ID == 0 {
		t.Fatal("nothing selected at start")
	}
	m.remove(r)
	m.jobs.Wait()
	if st.Count() != 2 || len(m.lib.shown) != 2 {
		t.Fatalf("store %d, list %d; want 2", st.Count(), len(m.lib.shown))
	}
	if m.report.current.ID == r.ID || m.report.current.ID != m.lib.shown[0].ID {
		t.Errorf("pane shows report %d; want the next one in the list, %d", m.report.current.ID, m.lib.shown[0].ID)
	}
	if !strings.Contains(m.status.label.Text, "Removed") {
		t.Errorf("status %q", m.status.label.Text)
	}
}

func TestSummarise(t *testing.T) {
	ok := &outcome{path: "/x/One.txt", report: app.Report{ID: 1, Title: "One"}}
	dup := &outcome{path: "/x/d.txt", report: app.Report{ID: 9, Title: "Old"}, duplicate: true}
	bad := &outcome{path: "/x/x.bin", err: errors.New("x.bin: not a text file")}
	for _, c := range []struct {
		rows    []*outcome
		skipped int
		want    string
	}{
		{[]*outcome{ok}, 0, "Added “One”."},
		{[]*outcome{dup}, 0, "d.txt is already in the library as “Old”."},
		{[]*outcome{bad}, 0, "Not added: x.bin: not a text file"},
		{[]*outcome{ok, ok, dup, bad}, 0, "2 added, 1 already in the library, 1 refused."},
		{[]*outcome{ok, ok}, 0, "2 added."},
		{[]*outcome{ok}, 998, "1 added; cancelled before 998 files."},
	} {
		b := &batch{rows: c.rows, skipped: c.skipped}
		if got := b.summary(); got != c.want {
			t.Errorf("summary = %q, want %q", got, c.want)
		}
	}
}

func TestDropImports(t *testing.T) {
	st := seeded(t)
	m := newTestMain(t, st)
	dir := t.TempDir()
	p := filepath.Join(dir, "dropped.txt")
	if err := os.WriteFile(p, []byte("A dropped report about something else.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	m.onDropped(fyne.NewPos(10, 10), []fyne.URI{fynestorage.NewFileURI(p)})
	m.jobs.Wait()
	if st.Count() != 4 || m.report.current.FileName != "dropped.txt" {
		t.Errorf("drop: %d reports, pane shows %q", st.Count(), m.report.current.FileName)
	}
}

func TestMenuAndAbout(t *testing.T) {
	m := newTestMain(t, seeded(t))
	menu := m.win.MainMenu()
	shortcuts := map[string]string{}
	for _, mm := range menu.Items {
		for _, it := range mm.Items {
			if s, ok := it.Shortcut.(interface{ ShortcutName() string }); ok {
				shortcuts[it.Label] = s.ShortcutName()
			}
		}
	}
	for label, key := range map[string]string{"Add report…": "N", "Open files…": "O", "Find": "F", "Search library": "L", "Quit": "Q", "Compare ticked reports": "K"} {
		if !strings.Contains(shortcuts[label], "+"+key) {
			t.Errorf("%s: shortcut %q, want Ctrl+%s", label, shortcuts[label], key)
		}
	}
	m.lib.focusSearch()
	if m.win.Canvas().Focused() != m.lib.search {
		t.Error("Search library does not focus the search box")
	}
	m.showAbout()
	if d := topDialog(m); !strings.Contains(d, "Parallax") || !strings.Contains(d, "development build") {
		t.Errorf("about box shows:\n%s", d)
	}
	if m.win.Title() != "Parallax" {
		t.Errorf("title %q", m.win.Title())
	}
}

func outlets(rs []app.Report) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Outlet)
	}
	return out
}
