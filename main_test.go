package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/cli"
	"parallax/app/workspace"
	"parallax/storage"
)

// run runs the command line on the library at db and returns its exit code,
// stdout and stderr.
func run(t testing.TB, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if len(args) > 0 {
		args = append([]string{args[0], "--db", db}, args[1:]...)
	}
	code := cli.Run(args, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:    func(string) string { return "" },
		OpenStore: openStore,
		Restore:   storage.Restore,
		Recover:   storage.Recover,
		DefaultDB: storage.DefaultPath,
		Window:    func(string, []string) error { t.Fatal("window opened in a test"); return nil },
		Version:   "test",
	})
	return code, out.String(), errb.String()
}

func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// listed returns the reports `list --json` prints.
func listed(t *testing.T, db string) []map[string]any {
	t.Helper()
	code, out, errs := run(t, db, "list", "--json")
	if code != 0 {
		t.Fatalf("list --json: %d %s", code, errs)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("list --json is not JSON: %v\n%s", err, out)
	}
	return got
}

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	a := write(t, dir, "a.txt", "LONDON (Lake Wire) - The ferry sank on Tuesday.\nTwelve people died.\n")
	b := write(t, dir, "b.md", "# Divers search the lake\n\nRescuers worked **all night**.\n")
	bin := write(t, dir, "c.bin", "PK\x03\x04\x00\x00binary")

	code, out, errs := run(t, db, "add", a, b, "--date", "10 August 2017")
	if code != 0 || strings.Count(out, "added report") != 2 {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	got := listed(t, db)
	if len(got) != 2 {
		t.Fatalf("list: %d reports, want 2", len(got))
	}
	for _, k := range []string{"id", "title", "outlet", "author", "published", "url", "format", "words", "added"} {
		if _, ok := got[0][k]; !ok {
			t.Errorf("list --json lacks %q: %v", k, got[0])
		}
	}
	files := map[string]map[string]any{}
	for _, r := range got {
		files[r["file"].(string)] = r
	}
	// The wire report opens with a sentence, which is no title: it has
	// none, and is named by its file name.
	if r := files["a.txt"]; r == nil || r["title"] != "" || r["outlet"] != "Lake Wire" || r["published"] != "2017-08-10" {
		t.Errorf("wire report listed as %v", got)
	}
	if r := files["b.md"]; r == nil || r["title"] != "Divers search the lake" || r["format"] != "markdown" {
		t.Errorf("markdown report listed as %v", got)
	}

	code, out, _ = run(t, db, "add", a)
	if code != 0 || !strings.Contains(out, "already in the library") || len(listed(t, db)) != 2 {
		t.Errorf("duplicate add: %d %q, %d reports", code, out, len(listed(t, db)))
	}
	code, _, errs = run(t, db, "add", bin)
	if code != 1 || !strings.Contains(errs, "c.bin") || len(listed(t, db)) != 2 {
		t.Errorf("binary add: %d %q", code, errs)
	}

	code, out, _ = run(t, db, "search", "divers")
	if code != 0 || !strings.Contains(out, "Divers search the lake") || !strings.Contains(out, "[Divers]") {
		t.Errorf("search: %d %q", code, out)
	}
	id := got[0]["id"].(float64)
	code, out, _ = run(t, db, "show", jsonNum(id))
	if code != 0 || !strings.Contains(out, "Title:") {
		t.Errorf("show: %d %q", code, out)
	}
	code, _, _ = run(t, db, "remove", jsonNum(id))
	if code != 0 || len(listed(t, db)) != 1 {
		t.Errorf("remove: %d, %d left", code, len(listed(t, db)))
	}
}

// TestShowJSONAndEdit reads a report back with `show --json`, the form the
// import measurements read, and corrects its details with `edit`: only the
// details given change, a date is normalised, an empty value clears one.
func TestShowJSONAndEdit(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	a := write(t, dir, "a.txt", "The ferry sank on Tuesday.\nTwelve people died.\n")
	if code, _, errs := run(t, db, "add", a, "--author", "Ann Lee"); code != 0 {
		t.Fatal(errs)
	}
	id := jsonNum(listed(t, db)[0]["id"].(float64))
	show := func() map[string]any {
		t.Helper()
		code, out, errs := run(t, db, "show", "--json", id)
		if code != 0 {
			t.Fatalf("show --json: %d %s", code, errs)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("show --json is not JSON: %v\n%s", err, out)
		}
		return got
	}
	got := show()
	for _, k := range []string{"id", "title", "outlet", "author", "published", "url", "file", "format", "words", "added", "text"} {
		if _, ok := got[k]; !ok {
			t.Errorf("show --json lacks %q: %v", k, got)
		}
	}
	if got["text"] != "The ferry sank on Tuesday.\nTwelve people died.\n" || got["file"] != "a.txt" || got["ocr"] != nil {
		t.Errorf("show --json = %v", got)
	}
	code, out, errs := run(t, db, "edit", id, "--title", "Ferry sinks", "--date", "August 10, 2017", "--author", "")
	if code != 0 || !strings.Contains(out, "Ferry sinks") {
		t.Fatalf("edit: %d %q %q", code, out, errs)
	}
	got = show()
	if got["title"] != "Ferry sinks" || got["published"] != "2017-08-10" || got["author"] != "" ||
		got["text"] != "The ferry sank on Tuesday.\nTwelve people died.\n" {
		t.Errorf("after edit: %v", got)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"edit", id}, 2, "at least one of --title"},
		{[]string{"edit", "--title", "x"}, 2, "one report ID"},
		{[]string{"edit", "99", "--title", "x"}, 1, "no report with ID 99"},
	} {
		code, _, errs := run(t, db, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

func jsonNum(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// TestUserErrors checks that every mistake is one line that says what was
// wrong, exit 1 when the command could not do it and 2, with the usage, when
// it was called wrongly, and that no Go trace ever reaches the editor.
func TestUserErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	empty := write(t, dir, "empty.txt", " \n\n")
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	write(t, folder, "photo.jpg", "not a report")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"add"}, 2, "at least one file"},
		{[]string{"add", filepath.Join(dir, "missing.txt")}, 1, "no such file"},
		{[]string{"add", empty}, 1, "no text"},
		{[]string{"add", "--recursive", folder}, 1, "a folder with no files Parallax can read"},
		{[]string{"add", folder}, 2, "is a folder; give --recursive"},
		{[]string{"show"}, 2, "one report ID"},
		{[]string{"show", "abc"}, 2, "not a report ID"},
		{[]string{"show", "42"}, 1, "no report with ID 42"},
		{[]string{"remove", "42"}, 1, "no report with ID 42"},
		{[]string{"search"}, 2, "words to look for"},
		{[]string{"list", "--bogus"}, 2, "unknown option --bogus"},
		{[]string{"list", "extra"}, 2, "no arguments"},
		{[]string{"add", "x.txt", "--title"}, 2, "needs a value"},
		{[]string{"frobnicate"}, 2, "unknown command"},
		{[]string{"list", "--db", dir}, 1, "cannot open the library " + dir + ": it is a folder"},
		{[]string{"list", "--db", empty}, 1, "cannot open the library " + empty + ": it is not a Parallax library"},
	} {
		code, _, errs := run(t, db, tc.args...)
		lines := strings.Split(strings.TrimSuffix(errs, "\n"), "\n")
		if code != tc.code || !strings.Contains(errs, tc.want) || strings.Contains(errs, "goroutine") ||
			!strings.HasPrefix(errs, "parallax: ") || len(lines) > 2 || len(lines) == 2 && !strings.Contains(lines[1], "could not be added") {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// TestExportCommand exports a saved comparison with a note, by verdict, in
// every format, after a re-import, and refuses mistakes with a message.
func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	a := write(t, dir, "a.txt", "LAKE WIRE - Twelve people died when the ferry sank on Tuesday.\n\nThe captain survived.\n")
	b := write(t, dir, "b.txt", "Fifteen people died when the ferry sank on Tuesday, police said.\n\nRain fell all day.\n")
	if code, _, errs := run(t, db, "add", a, b); code != 0 {
		t.Fatal(errs)
	}
	// The window saves comparisons and notes; here the workspace does.
	st, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ws := workspace.New(st)
	c, err := ws.NewComparison(ctx, []int64{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	c, reports, _ := ws.OpenComparison(ctx, c.ID)
	an, err := ws.Align(ctx, c, reports, nil)
	if err != nil {
		t.Fatal(err)
	}
	var died int
	for i, r := range an.C.Rows {
		if r.Shared() {
			died = i
		}
	}
	note := app.Note{Comparison: c.ID, Verdict: app.Disputed, Text: "12 or 15, \"police\" say",
		Anchors: an.Anchors(an.C.Rows[died].Claims)}
	if err := ws.SaveNote(ctx, &note); err != nil {
		t.Fatal(err)
	}
	st.Close()

	if code, out, _ := run(t, db, "comparisons"); code != 0 || !strings.Contains(out, "1 ") {
		t.Errorf("comparisons: %d %q", code, out)
	}
	for _, f := range []string{"md", "html", "csv", "json", "pdf"} {
		out := filepath.Join(dir, "memo."+f)
		code, stdout, errs := run(t, db, "export", "--comparison", "1", "--format", f, "--only", "disputed", "--out", out)
		data, _ := os.ReadFile(out)
		if code != 0 || len(data) == 0 {
			t.Fatalf("export %s: %d %s", f, code, errs)
		}
		// The one disputed row of the two reports; the where and what
		// on stderr, nothing on stdout.
		if want := "Wrote " + out + " (1 row, 2 reports).\n"; errs != want || stdout != "" {
			t.Errorf("export %s: stdout %q, stderr %q, want %q", f, stdout, errs, want)
		}
		if f != "pdf" && !strings.Contains(string(data), "police") {
			t.Errorf("export %s lacks the note", f)
		}
	}
	// A longer version of report 1 keeps the note on its claim.
	a2 := write(t, dir, "a2.txt", "UPDATE: names released.\n\nLAKE WIRE - Twelve people died when the ferry sank on Tuesday.\n\nThe captain survived.\n")
	if code, out, errs := run(t, db, "reimport", "1", a2); code != 0 || !strings.Contains(out, "re-imported report 1") {
		t.Fatalf("reimport: %d %q %s", code, out, errs)
	}
	code, out, errs := run(t, db, "export", "--comparison", "1", "--format", "json", "--editor", "Jo Lind")
	var memo struct {
		Editor string `json:"editor"`
		Rows   []struct {
			Verdict string `json:"verdict"`
		} `json:"rows"`
		Orphans []any `json:"orphans"`
	}
	if code != 0 || errs != "" || json.Unmarshal([]byte(out), &memo) != nil {
		t.Fatalf("export after reimport: %d %s", code, errs)
	}
	disputed := 0
	for _, r := range memo.Rows {
		if r.Verdict == "disputed" {
			disputed++
		}
	}
	if disputed != 1 || len(memo.Orphans) != 0 {
		t.Errorf("after re-import: %d disputed rows, %d orphans", disputed, len(memo.Orphans))
	}
	if memo.Editor != "Jo Lind" {
		t.Errorf("export --editor: the memo is signed %q", memo.Editor)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export"}, 2, "needs --comparison"},
		{[]string{"export", "--comparison", "9"}, 1, "no comparison with ID 9"},
		{[]string{"export", "--comparison", "1", "--only", "maybe"}, 2, "not a verdict"},
		{[]string{"export", "--comparison", "1", "--format", "docx"}, 2, "unknown format"},
		{[]string{"export", "--comparison", "1", "--format", "pdf", "--paper", "A5"}, 1, "A5"},
		{[]string{"reimport", "1", filepath.Join(dir, "missing.txt")}, 1, "missing.txt"},
		{[]string{"reimport", "x", a}, 2, "not a report ID"},
	} {
		code, _, errs := run(t, db, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}
