package files_test

import (
	"io/fs"
	"testing"

	"parallax/app/files"
)

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"wire copy.txt", "wire copy.txt"},
		{"Deraa – Daraa.html", "Deraa – Daraa.html"},
		{"evil\nadded report 99: forged.txt", `"evil\nadded report 99: forged.txt"`},
		{"a\rb", `"a\rb"`},
		{"\x1b[31mred.txt", `"\x1b[31mred.txt"`},
		{"tab\there", `"tab\there"`},
		{"rtl\u202etxt.exe", `"rtl\u202etxt.exe"`},
	} {
		if got := files.Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestKind(t *testing.T) {
	for _, c := range []struct {
		m    fs.FileMode
		want string
	}{
		{0o644, ""},
		{fs.ModeDir | 0o755, "a folder"},
		{fs.ModeNamedPipe, "a named pipe"},
		{fs.ModeSocket, "a socket"},
		{fs.ModeDevice | fs.ModeCharDevice, "a device"},
		{fs.ModeDevice, "a device"},
		{fs.ModeIrregular, "a special file"},
	} {
		if got := files.Kind(c.m); got != c.want {
			t.Errorf("Kind(%v) = %q, want %q", c.m, got, c.want)
		}
	}
}
