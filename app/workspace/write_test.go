//go:build unix

package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"parallax/app/workspace"
)

// TestWriteFile: WriteFile creates a new file, replaces one only when told
// (keeping its mode), writes through a symbolic link to its file, and
// refuses anything that is not a regular file, with the user's path in the
// message, leaving every such path as it was and no temporary file behind.
func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	// New file: created with 0666 trimmed by the umask.
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	if err := workspace.WriteFile(at("new.md"), []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(at("new.md")); read(at("new.md")) != "one" || fi.Mode().Perm() != 0o644 {
		t.Errorf("new file %q mode %v", read(at("new.md")), fi.Mode())
	}

	// Existing file: refused without replace, replaced with it, mode kept.
	if err := os.WriteFile(at("private.md"), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := workspace.WriteFile(at("private.md"), []byte("theirs"), false)
	if !errors.Is(err, workspace.ErrExists) || err.Error() != "cannot write "+at("private.md")+": it already exists" {
		t.Errorf("existing file without replace: %v", err)
	}
	if read(at("private.md")) != "mine" {
		t.Error("a refused write changed the file")
	}
	if err := workspace.WriteFile(at("private.md"), []byte("theirs"), true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(at("private.md")); read(at("private.md")) != "theirs" || fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file %q mode %v, want theirs and -rw-------", read(at("private.md")), fi.Mode())
	}

	// A link: its file is written, the link stays a link.
	if err := os.Symlink("private.md", at("link.md")); err != nil {
		t.Fatal(err)
	}
	if err := workspace.WriteFile(at("link.md"), []byte("via link"), true); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(at("link.md")); fi.Mode()&os.ModeSymlink == 0 || read(at("private.md")) != "via link" {
		t.Errorf("link: mode %v, its file %q", fi.Mode(), read(at("private.md")))
	}
	if err := os.Symlink("nowhere.md", at("dangling.md")); err != nil {
		t.Fatal(err)
	}

	if err := syscall.Mkfifo(at("fifo"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(at("folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ path, msg string }{
		{at("fifo"), "it is a named pipe, not a regular file"},
		{at("folder"), "it is a folder, not a regular file"},
		{"/dev/null", "it is a device, not a regular file"},
		{at("dangling.md"), "it is a link to a file that does not exist"},
		{at("missing/memo.md"), "there is no folder " + at("missing")},
	} {
		for _, replace := range []bool{false, true} {
			err := workspace.WriteFile(c.path, []byte("x"), replace)
			if err == nil || err.Error() != "cannot write "+c.path+": "+c.msg {
				t.Errorf("WriteFile(%s, replace %v) = %v, want %q", c.path, replace, err, c.msg)
			}
		}
	}
	if fi, err := os.Lstat(at("fifo")); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the named pipe was replaced")
	}
	if fi, err := os.Lstat("/dev/null"); err != nil || fi.Mode()&os.ModeDevice == 0 {
		t.Error("/dev/null was replaced")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
