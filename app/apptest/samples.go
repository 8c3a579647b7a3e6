package apptest

import (
	"os"
	"path/filepath"
	"testing"

	"parallax/assets"
)

// SampleFiles writes the built-in sample reports to files in a temporary
// folder and returns their paths, for tests of code that reads files (the
// compare command, exports) on a known story.
func SampleFiles(t testing.TB) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for _, s := range assets.Samples() {
		p := filepath.Join(dir, s.File)
		if err := os.WriteFile(p, s.Text, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}
