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
	"parallax/app/worddiff"
)

// Kind is how a run of a claim's text differs from the row's reference
// claim. The values double as CSS class names in HTML.
type Kind string

// The kinds of run.
const (
	Same    Kind = ""        // words the reference has too
	Added   Kind = "added"   // words only this claim has
	Missing Kind = "missing" // words of the reference this claim lacks
	Was     Kind = "was"     // words of the reference this claim changed
	Changed Kind = "changed" // this claim's words in their place
)

// Run is a stretch of text with one Kind.
type Run struct {
	Text string
	Kind Kind
}

// Runs marks text against ref word by word (worddiff.Diff): text is kept
// whole and in order, with the reference's missing or changed words
// inserted where they would stand. A claim that is its row's reference (or
// an empty ref) is one Same run.
func Runs(ref, text string) []Run {
	if ref == "" || ref == text {
		return []Run{{text, Same}}
	}
	var out []Run
	add := func(s string, k Kind) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Kind == k {
			out[n-1].Text += s
			return
		}
		out = append(out, Run{s, k})
	}
	at := 0
	for _, e := range worddiff.Diff(ref, text) {
		if e.B[0] > at {
			add(text[at:e.B[0]], Same)
			at = e.B[0]
		}
		a, b := ref[e.A[0]:e.A[1]], text[e.B[0]:e.B[1]]
		switch e.Op {
		case worddiff.Equal:
			add(b, Same)
		case worddiff.Insert:
			add(b, Added)
		case worddiff.Delete:
			// A deletion has no place in text; keep a space between it
			// and the words around it.
			if at > 0 {
				add(" ", Same)
				add(a, Missing)
			} else {
				add(a, Missing)
				add(" ", Same)
			}
		case worddiff.Replace:
			add(a, Was)
			add(b, Changed)
		}
		at = max(at, e.B[1])
	}
	add(text[at:], Same)
	return out
}

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

// rowRuns returns claim k of row r marked against the row's reference.
func rowRuns(c *compare.Comparison, r *compare.Row, k int) []Run {
	ref := r.Claims[r.Ref]
	cl := r.Claims[k]
	text := c.Docs[cl.Doc].ClaimText(cl.Claim)
	if k == r.Ref {
		return []Run{{text, Same}}
	}
	return Runs(c.Docs[ref.Doc].ClaimText(ref.Claim), text)
}

// formatScore prints a row score with two decimals.
func formatScore(s float64) string { return fmt.Sprintf("%.2f", s) }
