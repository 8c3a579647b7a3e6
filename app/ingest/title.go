package ingest

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/app"
)

// A report is named, in column headers, menus, flags and exports, by what
// tells it apart: its outlet, else its title, else its file name. A first
// sentence of the body is none of these. Two reports of one story often
// open with nearly the same sentence, and "Twelve people were killed when
// the passenger fe…" over a column says nothing an editor can use. So a
// title is taken from the first line only when the line reads as a heading
// (headingLine); a file that opens with a sentence keeps no title and is
// named by its file name. Reports stored before this rule kept a title
// made from their first sentence: RealTitle sees through it, since that
// title is exactly what titleFrom makes of the text's first line.

// headingLine reports whether line, a report's first line (more: the text
// goes on after it), reads as a heading rather than a sentence: it has
// lines after it, fits a title uncut (maxTitle), and does not end as a
// sentence or a clause does (a full stop, an ellipsis, a comma, a colon or
// a semicolon, before any closing quote or bracket). A question or an
// exclamation may be a headline.
func headingLine(line string, more bool) bool {
	t := strings.TrimRightFunc(oneLine(line), func(r rune) bool {
		return unicode.IsSpace(r) || textClose(r)
	})
	if !more || t == "" || utf8.RuneCountInString(t) > maxTitle {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".…,:;", last)
}

// textClose reports whether r closes a quotation or a bracket.
func textClose(r rune) bool { return strings.ContainsRune(`"'”’»)]`, r) }

// RealTitle returns r's title unless it is one made from the first
// sentence of its text (see the comment above): then "". A report listed
// without its text keeps its title, as nothing shows where it came from.
func RealTitle(r app.Report) string {
	if r.Title == "" || r.Text == "" {
		return r.Title
	}
	line, _, more := titleLine(r.Text, false)
	if r.Title == titleFrom(line) && !headingLine(line, more) {
		return ""
	}
	return r.Title
}

// FileTitle makes a file name readable as a report's name: the directory
// and the extension dropped, underscores and hyphens between words made
// spaces ("meridian_wire-lulinda.txt" → "Meridian wire lulinda"). A name
// that says nothing by itself ("transcript.srt", "12.txt") is kept without
// its extension. It returns "" for an empty name.
func FileTitle(name string) string {
	name = filepath.Base(name)
	if name == "." || name == string(filepath.Separator) {
		return ""
	}
	if t := titleFromName(name); t != "" {
		return t
	}
	return oneLine(strings.TrimSuffix(name, filepath.Ext(name)))
}

// DisplayTitle is the title an editor sees for r, never a sentence of its
// body: its real title (RealTitle), else its file name made readable
// (FileTitle), else, for pasted text with nothing else to go by, the title
// made from its first line; "" when there is none of these.
func DisplayTitle(r app.Report) string {
	if t := RealTitle(r); t != "" {
		return t
	}
	if t := FileTitle(r.FileName); t != "" {
		return t
	}
	return r.Title
}
