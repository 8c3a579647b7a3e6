package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/cli"
	"parallax/storage"
)

// run runs the command line on the library at db and returns its exit code,
// stdout and stderr.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	if len(args) > 0 {
		args = append([]string{args[0], "--db", db}, args[1:]...)
	}
	code := cli.Run(args, cli.Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb,
		Getenv:    func(string) string { return "" },
		OpenStore: openStore,
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
	titles := map[string]map[string]any{}
	for _, r := range got {
		titles[r["title"].(string)] = r
	}
	if r := titles["The ferry sank on Tuesday."]; r == nil || r["outlet"] != "Lake Wire" || r["published"] != "2017-08-10" {
		t.Errorf("wire report listed as %v", got)
	}
	if r := titles["Divers search the lake"]; r == nil || r["format"] != "markdown" {
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

func jsonNum(f float64) string {
	b, _ := json.Marshal(f)
	return string(b)
}

// TestUserErrors checks that every mistake exits 1 with one line that says
// what was wrong (plus, for usage mistakes, where to find help), and that no
// Go trace ever reaches the editor.
func TestUserErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	empty := write(t, dir, "empty.txt", " \n\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"add"}, "at least one file"},
		{[]string{"add", filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"add", empty}, "no text"},
		{[]string{"add", dir}, "folder"},
		{[]string{"show"}, "one report ID"},
		{[]string{"show", "abc"}, "not a report ID"},
		{[]string{"show", "42"}, "no report with ID 42"},
		{[]string{"remove", "42"}, "no report with ID 42"},
		{[]string{"search"}, "words to look for"},
		{[]string{"list", "--bogus"}, "unknown option --bogus"},
		{[]string{"list", "extra"}, "no arguments"},
		{[]string{"add", "x.txt", "--title"}, "needs a value"},
		{[]string{"frobnicate"}, "unknown command"},
	} {
		code, _, errs := run(t, db, tc.args...)
		if code != 1 || !strings.Contains(errs, tc.want) || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want 1 and %q", tc.args, code, errs, tc.want)
		}
	}
}
