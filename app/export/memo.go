package export

import (
	"fmt"
	"time"

	"parallax/app"
	"parallax/app/compare"
)

// Memo is what an export writes: a comparison's rows and the editor's work
// on them. `parallax compare` fills only C; a saved comparison exported from
// the library or the window fills the rest.
type Memo struct {
	C *compare.Comparison
	// Name names the saved comparison; empty for `parallax compare`.
	Name string
	// Summary is the editor's note on the whole comparison.
	Summary string
	// Notes[i] are the notes placed on row i of C.Rows, the row's own note
	// first; more than one when a re-alignment brought several notes to one
	// row. Nil, or a nil entry, means no note.
	Notes [][]app.Note
	// Orphans are notes whose claims are in no row any more (their reports
	// were removed or their words rewritten); an export lists them so that
	// nothing the editor wrote is dropped silently.
	Orphans []app.Note
	// Manual[i] marks row i as shaped by the editor's manual fixes. Nil
	// means no row is.
	Manual []bool
	// Only, when not nil, chooses the main rows written (by index in
	// C.Rows); links between rows are written only when Only is nil.
	Only func(row int) bool
	// Selection says in words which rows Only keeps ("disputed rows"),
	// written in the memo's header; empty when Only is nil.
	Selection string
	// Date is when the memo's contents last changed (the comparison's last
	// update), written in the JSON and as the PDF's creation date. An
	// export never reads the clock, so exporting the same comparison twice
	// gives the same bytes: the zero Date leaves the JSON without a date
	// and dates the PDF 1 January 1970.
	Date time.Time
}

// Verdict returns row i's verdict: its own note's, else Unreviewed.
func (m *Memo) Verdict(i int) app.Verdict {
	if i < len(m.Notes) && len(m.Notes[i]) > 0 {
		return m.Notes[i][0].Verdict.Or()
	}
	return app.Unreviewed
}

// notes returns the notes on row i, its own note first.
func (m *Memo) notes(i int) []app.Note {
	if i < len(m.Notes) {
		return m.Notes[i]
	}
	return nil
}

// manual reports whether row i is marked as shaped by manual fixes.
func (m *Memo) manual(i int) bool { return i < len(m.Manual) && m.Manual[i] }

// keep reports whether row i is written: every row when Only is nil, else
// the main rows Only keeps.
func (m *Memo) keep(i int) bool {
	return m.Only == nil || !m.C.Rows[i].Link && m.Only(i)
}

// annotated reports whether the editor wrote anything a writer must find
// room for: a summary, a note on a row, an orphaned note or a manual row.
func (m *Memo) annotated() bool {
	if m.Summary != "" || len(m.Orphans) > 0 {
		return true
	}
	for i := range m.C.Rows {
		if len(m.notes(i)) > 0 || m.manual(i) {
			return true
		}
	}
	return false
}

// title is the memo's heading: the comparison's name, else what it compares.
func (m *Memo) title() string {
	if n := oneLine(m.Name); n != "" {
		return n
	}
	return fmt.Sprintf("Comparison of %d reports", len(m.C.Docs))
}

// selection says which rows are written, "disputed rows (4 of 32 rows)", or
// "" when every row is.
func (m *Memo) selection() string {
	if m.Only == nil {
		return ""
	}
	total := 0
	for i := range m.C.Rows {
		if !m.C.Rows[i].Link {
			total++
		}
	}
	what := oneLine(m.Selection)
	if what == "" {
		what = "chosen rows"
	}
	return fmt.Sprintf("%s (%d of %d rows)", what, m.RowsWritten(), total)
}

// RowsWritten counts the main rows the memo writes (links between rows are
// not counted), for a command to say what it wrote.
func (m *Memo) RowsWritten() int {
	n := 0
	for i := range m.C.Rows {
		if !m.C.Rows[i].Link && m.keep(i) {
			n++
		}
	}
	return n
}

// docOf returns the index in C.Docs of the report with library ID id, or -1
// when no report of the comparison has it (an orphan's report was removed).
func (m *Memo) docOf(id int64) int {
	for d := range m.C.Docs {
		if id != 0 && m.C.Docs[d].Report.ID == id {
			return d
		}
	}
	return -1
}

// Options are the choices an export offers beyond its format.
type Options struct {
	// BOM starts a CSV file with a UTF-8 byte order mark, which spreadsheet
	// programs need to read accented letters right.
	BOM bool
	// RawCSV writes CSV cells exactly as the text has them. By default a
	// cell a spreadsheet would run as a formula gets a leading "'"
	// (spreadsheetSafe): report text and notes come from others and must
	// not run as code on the machine of the colleague who opens the file.
	RawCSV bool
	// Paper is the PDF page size, "A4" (the default) or "Letter".
	Paper string
	// Editor is the name of the editor who exports, written in a memo's
	// header (and the JSON's "editor") so a colleague knows whom to ask;
	// empty leaves it out.
	Editor string
	// Exported is when the export is made, written in the header of the
	// Markdown, HTML and PDF memos so a reader can tell an old copy from a
	// new one. The writers never read the clock (the window and the command
	// line pass the time, tests a fixed one); the zero time leaves it out.
	// The JSON does not carry it, so its bytes stay those of the
	// comparison alone.
	Exported time.Time
}
