package workspace_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/apptest"
	"parallax/app/workspace"
)

// TestExpand walks folders recursively for the files Parallax reads,
// skipping hidden ones and other kinds, and keeps named files as they are.
func TestExpand(t *testing.T) {
	dir := apptest.Tree(t, map[string]string{
		"story/a.txt":          "one",
		"story/sub/b.md":       "two",
		"story/.hidden.txt":    "no",
		"story/.git/c.txt":     "no",
		"story/photo.jpg":      "no",
		"story/sub/deep/c.txt": "three",
		"empty/readme.jpg":     "no",
		"named.bin":            "kept",
	})
	got := workspace.Expand([]string{filepath.Join(dir, "story"), filepath.Join(dir, "named.bin"), filepath.Join(dir, "empty")})
	var paths []string
	for _, g := range got {
		rel, _ := filepath.Rel(dir, g.Path)
		if g.Err != nil {
			rel += " ! " + g.Err.Error()
		}
		paths = append(paths, filepath.ToSlash(rel))
	}
	want := "story/a.txt|story/sub/b.md|story/sub/deep/c.txt|named.bin|empty ! empty: a folder with no files Parallax can read"
	if strings.Join(paths, "|") != want {
		t.Errorf("Expand =\n%s\nwant\n%s", strings.Join(paths, "|"), want)
	}
}

// TestImportReportsEachAsItGoes checks that every outcome reaches the
// callback in order as soon as it is final, and that a cancel stops the
// batch keeping what was stored.
func TestImportReportsEachAsItGoes(t *testing.T) {
	dir := apptest.Tree(t, map[string]string{
		"a.txt": "The ferry sank on Tuesday.",
		"b.txt": "",
		"c.txt": "Twelve people died.",
		"d.txt": "Divers searched all night.",
	})
	st := apptest.NewStore()
	ws := workspace.New(st)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var seen []string
	stored := 0
	res := ws.Import(ctx, []string{dir}, workspace.ImportOptions{}, func(done, total int, r workspace.Imported) {
		if total != 4 || done != len(seen)+1 {
			t.Errorf("callback %d of %d after %d outcomes", done, total, len(seen))
		}
		seen = append(seen, filepath.Base(r.Path))
		if done == 3 {
			cancel()
		}
		if r.Err == nil {
			stored++
		}
		if got := len(st.All()); got != stored {
			t.Errorf("outcome %d reported with %d reports stored, want %d", done, got, stored)
		}
	})
	if strings.Join(seen, " ") != "a.txt b.txt c.txt d.txt" || len(res) != 4 {
		t.Fatalf("outcomes %v", seen)
	}
	if res[1].Err == nil || res[0].Err != nil || res[2].Err != nil {
		t.Errorf("outcomes %+v", res)
	}
	if res[0].Report.ID == 0 || res[0].Report.Text != "" {
		t.Errorf("returned outcome keeps ID %d and %d bytes of text; want the ID without the text", res[0].Report.ID, len(res[0].Report.Text))
	}
	if res[3].Err == nil || !strings.Contains(res[3].Err.Error(), "not imported") {
		t.Errorf("after cancel: %v", res[3].Err)
	}
	if len(st.All()) != 2 {
		t.Errorf("%d reports stored, want the 2 imported before the cancel", len(st.All()))
	}
}
