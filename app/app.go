// Package app holds Parallax's domain: the types every other package speaks
// (Report, Comparison, Flag, Verdict, Note, Fix), the errors they share,
// and the Store interface the SQLite library implements.
//
// It imports no GUI and no database so that the claim engine, the command line
// and the window can all be tested fast and headless; a test in this package
// at the module root (layout_test.go) fails when a forbidden import direction
// appears.
package app

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Report is one source document: its body text plus the metadata an editor
// cites it by. Text is always valid UTF-8 with LF line ends; claims are byte
// offsets into it.
type Report struct {
	ID     int64
	Title  string
	Outlet string
	Author string
	// Published is the publication date as the editor gave it, ISO 8601
	// (2017-08-10) where it could be parsed, otherwise as typed.
	Published string
	URL       string
	// FileName is the base name of the file the report was read from, empty
	// for pasted text.
	FileName string
	// Format names the reader that decoded the report ("text", "markdown").
	Format string
	Text   string
	// Hash identifies the text (SHA-256 of Text, hex), so the same report
	// added twice is recognised whatever its metadata.
	Hash  string
	Words int
	// Cues are the timed cues of a transcript read from subtitles (.srt,
	// .vtt), sorted by Offset; nil for other formats. A claim takes the
	// start time and speaker of the cue it begins in (CueAt), so an editor
	// can find the moment in the broadcast.
	Cues []Cue
	// OCR is true when the text was recognised from page images (a scanned
	// PDF) rather than read from a text layer: its spellings and numbers
	// deserve a second look.
	OCR bool
	// Tags are the editor's tags on the report, sorted without regard to
	// case; nil for none.
	Tags    []string
	Created time.Time
	Updated time.Time
}

// SearchHit is one report found by a library search, best first.
type SearchHit struct {
	Report Report
	// Snippet is a short excerpt around the match, with the matched words
	// wrapped in SnippetOpen and SnippetClose so a caller can mark them.
	Snippet string
	// Rank orders hits; lower is better (FTS5's bm25 convention).
	Rank float64
}

// Markers around matched words in SearchHit.Snippet. Plain brackets would be
// ambiguous in report text; these control characters never survive ingest.
const (
	SnippetOpen  = "\x02"
	SnippetClose = "\x03"
)

// Store is the library of reports. The SQLite implementation lives in
// package storage; tests and the window only ever see this interface.
type Store interface {
	// AddReport stores r and sets its ID, Created and Updated. When a report
	// with the same Hash is already stored it returns a *DuplicateError and
	// stores nothing.
	AddReport(ctx context.Context, r *Report) error
	// Report returns one report with its text, or ErrNotFound.
	Report(ctx context.Context, id int64) (Report, error)
	// Reports lists every report, newest first, without their text.
	Reports(ctx context.Context) ([]Report, error)
	// FindReports lists the reports q selects, in its order, without their
	// text.
	FindReports(ctx context.Context, q ReportQuery) ([]Report, error)
	// SearchReports returns reports matching the words of query, best first.
	SearchReports(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// UpdateReport rewrites a report's text and metadata keeping its ID (a
	// re-import or an edit), or returns ErrNotFound. Text another report
	// already has is refused with a *DuplicateError.
	UpdateReport(ctx context.Context, r *Report) error
	// RemoveReport deletes one report, or returns ErrNotFound.
	RemoveReport(ctx context.Context, id int64) error
	// AddComparison stores c and sets its ID, Created and Updated. Every
	// report it names must exist.
	AddComparison(ctx context.Context, c *Comparison) error
	// Comparison returns one saved comparison, or ErrNotFound. Reports
	// removed from the library since are no longer in its Reports.
	Comparison(ctx context.Context, id int64) (Comparison, error)
	// Comparisons lists every saved comparison, most recently updated first.
	Comparisons(ctx context.Context) ([]Comparison, error)
	// UpdateComparison saves c's name, reports, order and settings and sets
	// its Updated, or returns ErrNotFound.
	UpdateComparison(ctx context.Context, c *Comparison) error
	// RemoveComparison deletes one comparison with its notes and fixes
	// (never its reports), or returns ErrNotFound.
	RemoveComparison(ctx context.Context, id int64) error
	// Notes lists a comparison's notes, oldest first.
	Notes(ctx context.Context, comparison int64) ([]Note, error)
	// SaveNote inserts n (ID 0) or rewrites it, and sets its ID, Created
	// and Updated; an unknown ID is ErrNotFound.
	SaveNote(ctx context.Context, n *Note) error
	// RemoveNote deletes one note, or returns ErrNotFound.
	RemoveNote(ctx context.Context, id int64) error
	// Fixes lists a comparison's manual fixes in the order they were made.
	Fixes(ctx context.Context, comparison int64) ([]Fix, error)
	// AddFix stores f after the comparison's other fixes.
	AddFix(ctx context.Context, f *Fix) error
	// RemoveFix deletes one fix, or returns ErrNotFound.
	RemoveFix(ctx context.Context, id int64) error
	// TagReports adds the tags add to, and takes the tags remove from,
	// every report of ids, in one change; an unknown ID is ErrNotFound and
	// changes nothing. A tag's name is unique without regard to case and
	// must be valid (CheckTag); a tag no report carries any more is gone.
	TagReports(ctx context.Context, ids []int64, add, remove []string) error
	// Tags lists every tag with how many reports carry it, by name.
	Tags(ctx context.Context) ([]TagCount, error)
	// RenameTag renames a tag on every report that carries it, merging it
	// into the tag named to when there is one; an unknown tag is
	// ErrNotFound.
	RenameTag(ctx context.Context, from, to string) error
	// Setting reads a small library-wide value ("" when unset), such as
	// whether the built-in samples were ever loaded.
	Setting(ctx context.Context, key string) (string, error)
	// SetSetting writes a library-wide value.
	SetSetting(ctx context.Context, key, value string) error
	// Close releases the library file.
	Close() error
}

// ErrNotFound is returned when an ID names nothing in the library.
var ErrNotFound = errors.New("not found")

// NoReportError is a report ID that names no report of the library, said
// as the editor reads it; it matches ErrNotFound (errors.Is).
type NoReportError struct{ ID int64 }

func (e *NoReportError) Error() string {
	return fmt.Sprintf("no report with ID %d in the library", e.ID)
}

// Is makes a NoReportError an ErrNotFound.
func (e *NoReportError) Is(target error) bool { return target == ErrNotFound }

// ErrReadOnly is a write refused because the library was opened for
// reading only: a read-only folder, a damaged file, or a command that only
// reads. The error's message says which.
var ErrReadOnly = errors.New("the library cannot be changed")

// ErrDuplicate matches (errors.Is) every *DuplicateError.
var ErrDuplicate = errors.New("already in the library")

// DuplicateError says that a report's text is already stored, and as which
// report, so the caller can tell the editor where to find it.
type DuplicateError struct {
	Existing Report
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("already in the library as report %d (%q)", e.Existing.ID, e.Existing.Title)
}

// Is makes errors.Is(err, ErrDuplicate) true for a *DuplicateError.
func (e *DuplicateError) Is(target error) bool { return target == ErrDuplicate }
