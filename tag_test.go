package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestTagCommand tags reports from the command line as an editor would:
// several tags on several reports, -TAG taking one off (not read as an
// option), the tags shown by list and list --json and counted by tags, a
// rename, and mistakes refused with nothing changed.
func TestTagCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	a := write(t, dir, "a.txt", "The ferry sank near Kivangu on Tuesday, police said.\n")
	b := write(t, dir, "b.txt", "Twelve people died when the ferry capsized on the lake.\n")
	if code, _, errs := run(t, db, "add", a, b); code != 0 {
		t.Fatalf("add: %s", errs)
	}
	code, out, errs := run(t, db, "tag", "1", "2", "+ferry", "+needs check")
	if code != 0 || out != "report 1: ferry, needs check\nreport 2: ferry, needs check\n" {
		t.Errorf("tag: exit %d, %q, %s", code, out, errs)
	}
	code, out, errs = run(t, db, "tag", "2", "-needs check", "+DRC")
	if code != 0 || out != "report 2: DRC, ferry\n" {
		t.Errorf("tag -TAG: exit %d, %q, %s", code, out, errs)
	}
	if code, out, _ := run(t, db, "list"); code != 0 || !strings.Contains(out, "TAGS") || !strings.Contains(out, "DRC, ferry") {
		t.Errorf("list: %s", out)
	}
	if l := listed(t, db); len(l) != 2 || !strings.Contains(strings.Join(tagsOf(l[1]), ","), "needs check") {
		t.Errorf("list --json tags: %v", l)
	}
	if code, out, _ := run(t, db, "tags"); code != 0 || !strings.Contains(out, "ferry") || !strings.Contains(out, "2 reports") {
		t.Errorf("tags: %s", out)
	}
	if code, out, errs := run(t, db, "tag", "--rename", "ferry", "Ferry sinking"); code != 0 || !strings.Contains(out, `"Ferry sinking"`) {
		t.Errorf("rename: %d %s %s", code, out, errs)
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"tag", "1"}, 2, "at least one +TAG or -TAG"},
		{[]string{"tag", "+x"}, 2, "needs report IDs"},
		{[]string{"tag", "1", "9", "+x"}, 1, "no report with ID 9 in the library; nothing was changed"},
		{[]string{"tag", "1", "+"}, 2, "a tag needs a name"},
		{[]string{"tag", "--rename", "nothing", "x"}, 1, `no tag "nothing"`},
		{[]string{"tag", "1", "--bogus"}, 2, "unknown option --bogus"},
	} {
		code, _, errs := run(t, db, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	if code, out, _ := run(t, db, "tags"); code != 0 || strings.Contains(out, " x ") {
		t.Errorf("a refused tag was stored: %s", out)
	}
}

// tagsOf is a list --json entry's tags.
func tagsOf(r map[string]any) []string {
	var out []string
	ts, _ := r["tags"].([]any)
	for _, t := range ts {
		s, _ := t.(string)
		out = append(out, s)
	}
	return out
}
