// Package files says what the editor is told about a file on disk: its
// name made safe to print, and what it is when it is not a regular file.
// The command line, the workspace and the readers all name files in their
// messages, so the words are the same everywhere.
package files

import (
	"io/fs"
	"strconv"
	"strings"
	"unicode"
)

// Printable is name as a message shows it: unchanged when every character
// prints, else quoted with Go's escapes ("evil\nadded report 9.txt"), so a
// file name holding a line break, a carriage return or a terminal escape
// cannot forge a line of output or repaint the terminal.
func Printable(name string) string {
	if strings.IndexFunc(name, func(r rune) bool { return !unicode.IsPrint(r) && r != ' ' }) < 0 {
		return name
	}
	return strconv.Quote(name)
}

// Kind names what a file of mode m is when it is not a regular file, as a
// refusal says it ("a named pipe"); "" for a regular file. Parallax reads
// and writes regular files only: a pipe would hang a read or be turned
// into a plain file by a write, and a device reads forever.
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	default:
		return "a special file"
	}
}
