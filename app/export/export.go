// Package export writes a comparison and the editor's work on it (a Memo)
// out of the application: JSON for programs (the `parallax compare --format
// json` contract of DESIGN.md, documented in docs/export-schema.md),
// Markdown for a readable memo, CSV for a spreadsheet, one self-contained
// HTML page for a browser, an e-mail or a printer, and a paginated PDF.
//
// Every writer reads a *Memo and nothing else, so an export shows exactly
// the rows the window shows, with the notes the editor placed on them. Word
// differences are always taken against the row's reference claim
// (compare.Row.Ref), as the window takes them; flags are between any two
// claims of a row and name the reports on each side (compare.Flag).
package export

import (
	"fmt"
	"io"
	"strings"

	"parallax/app/compare"
)

// Formats are the export formats, in the order a menu offers them. Each is
// also the file extension of its files.
var Formats = []string{"md", "html", "csv", "json", "pdf"}

// formatNames are the formats as a menu or a file dialog names them.
var formatNames = map[string]string{
	"md":   "Markdown memo",
	"html": "HTML page",
	"csv":  "CSV spreadsheet",
	"json": "JSON",
	"pdf":  "PDF",
}

// FormatName names format for the editor ("Markdown memo"), or returns
// format itself when it is not one of Formats.
func FormatName(format string) string {
	if n, ok := formatNames[format]; ok {
		return n
	}
	return format
}

// Write writes m in format (one of Formats) to w. The window, the library
// commands and `parallax compare` all export through it, so a format means
// the same file wherever it is asked for.
func Write(w io.Writer, format string, m *Memo, opt Options) error {
	var err error
	switch format {
	case "md":
		err = Markdown(w, m, opt)
	case "html":
		err = HTML(w, m, opt)
	case "csv":
		err = CSV(w, m, opt)
	case "json":
		err = JSON(w, m, opt)
	case "pdf":
		err = PDF(w, m, opt)
	default:
		return fmt.Errorf("export: unknown format %q (use %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}

// Run is a stretch of a claim's text marked against its row's reference
// (compare.Runs).
type Run = compare.Run

// label names report d for the editor: "[1] Meridian Wire", its name cut
// to a length that fits a column header and a quote's label.
func label(c *compare.Comparison, d int) string {
	t := []rune(name(c, d))
	if len(t) > 48 {
		t = append(t[:47], '…')
	}
	return fmt.Sprintf("[%d] %s", d+1, string(t))
}

// name is report d as the window's column names it (compare.Doc.Label:
// its outlet, else its title, else its file name made readable, never its
// first sentence), so a memo and the window call a report the same.
func name(c *compare.Comparison, d int) string {
	return oneLine(c.Docs[d].Label())
}

// title is a report's title, else its file name made readable, never its
// first sentence (compare.Doc.Title).
func title(c *compare.Comparison, d int) string {
	if t := oneLine(c.Docs[d].Title()); t != "" {
		return t
	}
	return fmt.Sprintf("Report %d", d+1)
}

// oneLine folds line breaks and tabs, so a claim fits a table cell or a
// Markdown line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// byline is a report's outlet, author and date, those that are known.
func byline(c *compare.Comparison, d int) string {
	r := c.Docs[d].Report
	var parts []string
	for _, s := range []string{r.Outlet, r.Author, r.Published} {
		if s = oneLine(s); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}
