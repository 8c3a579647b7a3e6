package app

import (
	"context"
	"fmt"
	"strings"
)

// LibraryFile is what a Store kept in one file offers beyond Store, for
// keeping that file safe: the command line's check and backup.
// The SQLite store provides it; a store that is not a file need not.
type LibraryFile interface {
	// Check runs the file's full integrity check and returns its findings,
	// none for a sound file.
	Check(ctx context.Context) ([]string, error)
	// BackupTo writes a consistent copy of the library to dest, a path
	// where no file is yet, while others may be writing.
	BackupTo(ctx context.Context, dest string) error
	// ReadOnly is why the library cannot be changed, "" when it can.
	ReadOnly() string
}

// DamagedError is a library that failed its check when opened for
// writing, so nothing was written to it. Problems holds the first findings.
type DamagedError struct {
	Path     string
	Problems []string
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("the library %s is damaged (%s)", e.Path, strings.Join(e.Problems, "; "))
}

// NotLibraryError is a file at the library's path that is not a library:
// empty (a library cut short), or another kind of file. It was left as it
// is: never replaced by a new empty library.
type NotLibraryError struct {
	Path string
	// Empty is true for a file of 0 bytes.
	Empty bool
}

func (e *NotLibraryError) Error() string {
	return e.Path + ": " + e.Reason()
}

// Reason says what the file is instead, and that it was left alone.
func (e *NotLibraryError) Reason() string {
	if e.Empty {
		return "it is empty (0 bytes), not a library: it may have been cut short, and was left as it is"
	}
	return "it is not a Parallax library (not an SQLite file), and was left as it is"
}

// Salvaged is what recovering a damaged library saved of one of its tables.
type Salvaged struct {
	Table string
	// Rows were copied; Lost rows were read but could not be stored
	// (their report or comparison was lost), Unread row IDs could not be
	// read at all.
	Rows, Lost, Unread int
	// Partial is true when rows were lost on a damaged page in a table
	// where how many cannot be told.
	Partial bool
}
