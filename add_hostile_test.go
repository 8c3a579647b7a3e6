//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf16"
)

// TestAddHostileFiles: add refuses what is not a regular file before
// opening it (a named pipe would hang it, /dev/zero read forever), reads
// UTF-16 saved without a byte order mark, and prints a file name holding a
// line break escaped, so no output line can be forged; every file gets
// its own line and the good ones are stored.
func TestAddHostileFiles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	fifo := filepath.Join(dir, "wire.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	var u16 []byte
	for _, u := range utf16.Encode([]rune("The ferry sank on Tuesday near the port, officials said.\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	if err := os.WriteFile(filepath.Join(dir, "export.txt"), u16, 0o600); err != nil {
		t.Fatal(err)
	}
	evil := write(t, dir, "evil\nadded report 99: forged.txt", "Twelve people died when the ferry sank.\n")
	evil2 := write(t, dir, "evil2\nx.txt", "Twelve people died when the ferry sank.\n")

	code, out, errs := run(t, db, "add", fifo, "/dev/zero", filepath.Join(dir, "export.txt"), evil, evil2)
	if code != 1 {
		t.Errorf("exit %d, want 1 (two files refused)", code)
	}
	for _, want := range []string{
		"parallax: wire.txt: is a named pipe, not a file Parallax can read\n",
		"parallax: zero: is a device, not a file Parallax can read\n",
		"parallax: 2 of 5 could not be added\n",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if !strings.Contains(out, "added report 1: Export\n") {
		t.Errorf("the UTF-16 file without a byte order mark was not added:\n%s", out)
	}
	if !strings.Contains(out, `"`+filepath.Join(dir, "evil2\\nx.txt")+`": already in the library`) {
		t.Errorf("the duplicate's name is not escaped:\n%s", out)
	}
	for _, l := range strings.Split(out+errs, "\n") {
		if strings.HasPrefix(l, "added report 99") {
			t.Errorf("a file name forged an output line: %q", l)
		}
	}
}
