package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestListSortAndFilter: list sorts and filters from the command line,
// says when nothing fits, and refuses an order or a date it cannot use.
func TestListSortAndFilter(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	for _, r := range []struct{ name, outlet, date, text string }{
		{"a.txt", "Meridian Wire", "2024-05-02", "A ferry sank near Kivangu on Tuesday, police said.\n"},
		{"b.txt", "Radio Horizon", "2024-05-01", "Twelve people died when the ferry capsized on the lake on Tuesday night.\n"},
		{"c.txt", "Meridian Wire", "2023-11-30", "Aid arrived.\n"},
	} {
		p := write(t, dir, r.name, r.text)
		if code, _, errs := run(t, db, "add", p, "--outlet", r.outlet, "--date", r.date); code != 0 {
			t.Fatalf("add: %s", errs)
		}
	}
	if code, _, errs := run(t, db, "tag", "2", "+ferry"); code != 0 {
		t.Fatal(errs)
	}
	ids := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, db, append([]string{"list"}, args...)...)
		if code != 0 {
			t.Fatalf("list %v: %s", args, errs)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n")[1:] {
			got = append(got, strings.Fields(l)[0])
		}
		return strings.Join(got, " ")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{nil, "3 2 1"},
		{[]string{"--sort", "published"}, "3 2 1"},
		{[]string{"--sort", "published", "--reverse"}, "1 2 3"},
		{[]string{"--sort", "words"}, "2 1 3"},
		{[]string{"--outlet", "meridian wire"}, "3 1"},
		{[]string{"--tag", "FERRY"}, "2"},
		{[]string{"--after", "2024-05", "--sort", "published"}, "2 1"},
		{[]string{"--before", "2024-05-01"}, "3 2"},
		{[]string{"--not-compared", "--sort", "title"}, "1 2 3"},
	} {
		if got := ids(c.args...); got != c.want {
			t.Errorf("list %v: %s, want %s", c.args, got, c.want)
		}
	}
	if code, out, _ := run(t, db, "list", "--outlet", "Nobody"); code != 0 || out != "No report in the library fits.\n" {
		t.Errorf("no fit: %d %q", code, out)
	}
	for _, args := range [][]string{{"--sort", "colour"}, {"--after", "May"}, {"--compared", "--not-compared"}} {
		if code, _, errs := run(t, db, append([]string{"list"}, args...)...); code != 2 || !strings.HasPrefix(errs, "parallax: ") {
			t.Errorf("list %v: exit %d, %s", args, code, errs)
		}
	}
}
