// Package export writes a comparison out of the application: JSON for
// programs (the `parallax compare --format json` contract of DESIGN.md),
// Markdown for a readable summary, CSV for a spreadsheet and one
// self-contained HTML file for a browser or an e-mail.
//
// Every writer reads a *compare.Comparison and nothing else, so an export
// shows exactly the rows the window shows. Word differences are always taken
// against the row's reference claim (compare.Row.Ref), the claim flags are
// computed against, so a highlight and a flag never disagree about which
// side is which.
package export

import (
	"fmt"
	"path/filepath"
	"strings"

	"parallax/app/compare"
)

// Run is a stretch of a claim's text marked against its row's reference
// (compare.Runs).
type Run = compare.Run

// label names report d for the editor: "[1] Title", the title cut to a
// length that fits a column header and a quote's label.
func label(c *compare.Comparison, d int) string {
	t := []rune(title(c, d))
	if len(t) > 48 {
		t = append(t[:47], '…')
	}
	return fmt.Sprintf("[%d] %s", d+1, string(t))
}

// title is a report's title, else its file name.
func title(c *compare.Comparison, d int) string {
	doc := &c.Docs[d]
	if t := strings.TrimSpace(doc.Report.Title); t != "" {
		return oneLine(t)
	}
	if doc.Path != "" {
		return filepath.Base(doc.Path)
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

// formatScore prints a row score with two decimals.
func formatScore(s float64) string { return fmt.Sprintf("%.2f", s) }
