//go:build unix

package ingest

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestReadSpecialFiles: a named pipe would hang the read, a device read
// forever: both are refused by what they are, before they are opened.
func TestReadSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		fifo:        "is a named pipe, not a file Parallax can read",
		"/dev/zero": "is a device, not a file Parallax can read",
	} {
		if _, err := ReadFile(path, Meta{}); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
}
