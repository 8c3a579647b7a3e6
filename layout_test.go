package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportDirections enforces DESIGN.md's dependency rules: the claim
// engine and use cases stay free of GUI and database, the views never reach
// the storage, and only main sees both. It reads each package's imports (with
// the build tags in force and without) through `go list`, so a violation in a
// file behind a tag is caught too.
func TestImportDirections(t *testing.T) {
	var lines []string
	for _, tags := range []string{"ci sqlite_fts5", "sqlite_fts5"} {
		out, err := exec.Command("go", "list", "-tags", tags,
			"-f", `{{.ImportPath}}|{{join .Imports ","}}|{{join .TestImports ","}}|{{join .XTestImports ","}}`,
			"./...").Output()
		if err != nil {
			t.Fatalf("go list -tags %q: %v", tags, err)
		}
		lines = append(lines, strings.Split(strings.TrimSpace(string(out)), "\n")...)
	}
	type rule struct {
		pkg       func(string) bool
		forbidden func(string) bool
		why       string
	}
	under := func(prefix string) func(string) bool {
		return func(p string) bool { return p == prefix || strings.HasPrefix(p, prefix+"/") }
	}
	anyOf := func(fs ...func(string) bool) func(string) bool {
		return func(p string) bool {
			for _, f := range fs {
				if f(p) {
					return true
				}
			}
			return false
		}
	}
	fyne := under("fyne.io/fyne/v2")
	db := anyOf(under("database/sql"), under("github.com/mattn/go-sqlite3"))
	own := under("parallax")
	rules := []rule{
		{under("parallax/app"), anyOf(fyne, db, under("parallax/storage"), under("parallax/views")),
			"app/ is plain Go: no Fyne, no database, no storage, no views"},
		{under("parallax/storage"), anyOf(fyne, under("parallax/views")), "storage imports no Fyne and no views"},
		{under("parallax/views"), anyOf(db, under("parallax/storage")), "views never import storage or the database"},
		{under("parallax/assets"), own, "assets is a leaf: it imports nothing from this module"},
		{under("parallax/app/textnorm"), own, "textnorm is a leaf"},
		{under("parallax/app/worddiff"), func(p string) bool { return own(p) && p != "parallax/app/textnorm" },
			"worddiff is a leaf over go-diff and textnorm's fold"},
	}
	for _, line := range lines {
		parts := strings.Split(line, "|")
		pkg := parts[0]
		for _, r := range rules {
			if !r.pkg(pkg) {
				continue
			}
			for _, list := range parts[1:] {
				for _, imp := range strings.Split(list, ",") {
					if imp != "" && imp != pkg && r.forbidden(imp) {
						t.Errorf("%s imports %s: %s", pkg, imp, r.why)
					}
				}
			}
		}
	}
}
