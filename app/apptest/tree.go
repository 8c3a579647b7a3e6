package apptest

import (
	"os"
	"path/filepath"
	"testing"
)

// Tree writes files (a slash-separated path under a new temporary folder
// -> its text) and returns the folder: the folder trees that imports of
// folders, drops and "Open files…" are tested on.
func Tree(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}
