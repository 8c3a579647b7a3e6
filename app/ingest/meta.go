package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parallax/app"
)

// maxTitle is the longest title, in characters, taken from a report's first
// line: long enough to tell reports apart in a list, short enough for one
// line of it.
const maxTitle = 90

// fillMeta sets r's metadata: what the editor gave (meta) first, then what
// the document says (front matter), then what the text shows (a wire
// dateline for the outlet, the first line for the title).
func fillMeta(r *app.Report, meta Meta, p parsed) {
	pick := func(a, b string) string {
		if a = oneLine(a); a != "" {
			return a
		}
		return oneLine(b)
	}
	r.Title = pick(meta.Title, p.meta.Title)
	r.Outlet = pick(meta.Outlet, p.meta.Outlet)
	r.Author = pick(meta.Author, p.meta.Author)
	r.Published = normaliseDate(pick(meta.Published, p.meta.Published))
	r.URL = pick(meta.URL, p.meta.URL)

	line, outlet, more := titleLine(r.Text, p.headingFirst)
	if r.Outlet == "" && outlet != "" {
		r.Outlet = outletName(outlet)
	}
	if r.Title == "" && p.nameTitle && r.FileName != "" {
		r.Title = titleFromName(r.FileName)
	}
	// The first line is a title when it reads as one (a heading); a first
	// sentence is no title, so a file starting with one keeps none and is
	// named by its file name (DisplayTitle). Pasted text has no file name:
	// the Add report dialog promises the first line as its title.
	if r.Title == "" && (p.headingFirst || headingLine(line, more) || r.FileName == "") {
		r.Title = titleFrom(line)
	}
}

// titleLine returns the line of text a title would be taken from: the
// first line, or after a wire dateline ("LONDON (Reuters) - ") the rest of
// its line or the next; the dateline's outlet; and whether text goes on
// after the line. headingFirst says the first line is a heading, so a
// dateline is looked for in the line after it.
func titleLine(text string, headingFirst bool) (line, outlet string, more bool) {
	ls := firstLines(text, 3)
	ls = append(ls, "", "", "")[:3]
	line = ls[0]
	_, outlet, rest := splitDateline(ls[0])
	switch {
	case outlet == "" && headingFirst:
		// "# Title" then "LONDON (Reuters) - ...": the heading is the
		// title, the dateline starts the body.
		_, outlet, _ = splitDateline(ls[1])
	case outlet != "" && strings.TrimSpace(rest) == "": // a dateline alone on its line
		return ls[1], outlet, ls[2] != ""
	case outlet != "":
		line = rest
	}
	return line, outlet, ls[1] != ""
}

// Clean returns m as it would be stored: each field on one line, cleaned
// of control characters, and the date in ISO 8601 where it can be read as
// one. An edit of a report's details goes through it, as an import does.
func (m Meta) Clean() Meta {
	return Meta{Title: oneLine(m.Title), Outlet: oneLine(m.Outlet), Author: oneLine(m.Author),
		Published: normaliseDate(m.Published), URL: oneLine(m.URL)}
}

// oneLine trims s, collapses its runs of white space to one space and
// cleans it as text is cleaned (valid UTF-8, no control characters), since
// metadata typed or pasted by the editor reaches lists and exports too.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
	return strings.Join(strings.Fields(s), " ")
}

// firstLines returns the first n non-blank lines of text (fewer when it
// has fewer), each cut to its first 1000 bytes or so (a transcript can be
// one line of megabytes, and a title needs its first words only).
func firstLines(text string, n int) []string {
	var out []string
	for len(text) > 0 && len(out) < n {
		line, rest, _ := strings.Cut(text, "\n")
		text = rest
		if strings.TrimSpace(line) == "" {
			continue
		}
		if len(line) > 1000 {
			cut := 1000
			for cut < len(line) && !utf8.RuneStart(line[cut]) {
				cut++
			}
			line = line[:cut]
		}
		out = append(out, line)
	}
	return out
}

// datelineRE matches a wire-copy dateline at the start of a line:
// "LONDON (Reuters) - ", "amman ( reuters ) - ", "WASHINGTON, D.C. (AP) — ",
// "(Reuters) - ". The place is a few words of letters; the outlet is in
// brackets; a hyphen, en dash or em dash follows.
var datelineRE = regexp.MustCompile(`^\s*((?:[\p{L}][\p{L}\p{M}.'’/-]*[ ,]*){0,4}?)\s*\(\s*(\p{L}[\p{L}\p{M}0-9 .&'’-]{0,39}?)\s*\)\s*(?:-{1,2}|–|—)\s*`)

// notPlace are first words that show a bracket is a sentence's aside
// ("The ministry (MoD) - ..."), not a dateline.
var notPlace = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "it": true,
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true,
}

// splitDateline splits a wire dateline off line, returning its place, its
// outlet and the rest of the line; outlet is empty when there is none.
func splitDateline(line string) (place, outlet, rest string) {
	m := datelineRE.FindStringSubmatchIndex(line)
	if m == nil {
		return "", "", line
	}
	place = strings.TrimSpace(strings.TrimRight(line[m[2]:m[3]], " ,"))
	if f := strings.Fields(place); len(f) > 0 && notPlace[strings.ToLower(f[0])] {
		return "", "", line
	}
	return place, line[m[4]:m[5]], line[m[1]:]
}

// acronyms are outlets written in capitals, so "afp" becomes "AFP" rather
// than "Afp".
var acronyms = map[string]bool{
	"ap": true, "afp": true, "upi": true, "dpa": true, "bbc": true, "cnn": true,
	"pti": true, "ians": true, "ani": true, "efe": true, "ansa": true, "tass": true,
	"sana": true, "irna": true, "kuna": true, "wafa": true, "mena": true, "apa": true,
	"abc": true, "nbc": true, "cbs": true, "npr": true, "wsj": true, "nyt": true,
}

// outletName tidies an outlet found in a dateline: lower-case or shouted
// names are title-cased ("reuters", "REUTERS" → "Reuters"), known
// acronyms capitalised ("afp" → "AFP"), and mixed case kept as written.
func outletName(s string) string {
	s = oneLine(s)
	words := strings.Fields(s)
	lower, upper := strings.ToLower(s) == s, strings.ToUpper(s) == s
	for i, w := range words {
		lw := strings.ToLower(w)
		switch {
		case acronyms[lw]:
			words[i] = strings.ToUpper(w)
		case lower || (upper && utf8.RuneCountInString(w) > 4):
			words[i] = capitalise(lw)
		}
	}
	return strings.Join(words, " ")
}

// capitalise upper-cases the first letter of s when s starts with a word
// (after any opening quote or bracket): "“the ferry" becomes "“The ferry",
// but "12 dead" and "002 5d92" are left alone, their first word a number.
func capitalise(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToTitle(r)) + s[i+utf8.RuneLen(r):]
		}
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			break
		}
	}
	return s
}

// titleFrom makes a title from a line of text: white space collapsed, cut
// at a word boundary to at most maxTitle characters with "…" when cut, and
// its first letter capitalised when its first word is all lower case
// (tokenised wire copy, transcripts), so lists of reports read well; a
// first word with capitals of its own ("iPhone") is left alone.
func titleFrom(line string) string {
	t := oneLine(line)
	if utf8.RuneCountInString(t) > maxTitle {
		// Keep maxTitle-1 characters, leaving room for the ellipsis.
		limit, n := len(t), 0
		for i := range t {
			if n == maxTitle-1 {
				limit = i
				break
			}
			n++
		}
		cut := t[:limit]
		if sp := strings.LastIndexByte(cut, ' '); sp > len(cut)/2 {
			cut = cut[:sp]
		}
		cut = strings.TrimRightFunc(cut, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(",;:-–—(", r)
		})
		t = cut + "…"
	}
	first, _, _ := strings.Cut(t, " ")
	if strings.ToLower(first) == first {
		t = capitalise(t)
	}
	return t
}

// CountWords counts the white-space separated tokens of text that hold a
// letter or a digit, so the spaced punctuation of tokenised wire copy
// (" , ") does not count. It fills app.Report.Words, and the comparison's
// size limit counts with it, so the words a library lists are the words
// that limit counts.
func CountWords(text string) int {
	n, in, word := 0, false, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			if in && word {
				n++
			}
			in, word = false, false
			continue
		}
		in = true
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = true
		}
	}
	if in && word {
		n++
	}
	return n
}

var (
	// isoDateRE: 2017-08-10, 2017/8/10, 2017.08.10, optionally followed by
	// a time (2017-08-10T14:03:00Z, "2017-08-10 14:03").
	isoDateRE = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$`)
	// dayMonthRE: "10 August 2017", "10th Aug. 2017", "10 of August, 2017".
	dayMonthRE = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(\p{L}+)\.?,?\s+(\d{4})$`)
	// monthDayRE: "August 10, 2017", "Aug. 10 2017", "Aug 10th, 2017".
	monthDayRE = regexp.MustCompile(`^(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
	// numericRE: "10/08/2017", "08-25-2017", "10.08.2017".
	numericRE = regexp.MustCompile(`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$`)
	// weekdayRE: a leading "Thursday, " or "Thu ".
	weekdayRE = regexp.MustCompile(`(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+`)
	// timeRE: a trailing time ("14:03", "at 2.30 pm GMT", "14:03:00 +0000").
	timeRE = regexp.MustCompile(`(?i)[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[a-z]{1,5}|[+-]\d{2}:?\d{2}))?$`)
)

// months maps month names and their usual abbreviations to numbers.
var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// normaliseDate returns s as an ISO 8601 date (2017-08-10) when it is one
// of the common ways of writing a date, and s as typed otherwise: the
// editor's text is never lost, and sortable dates are the common case. A
// numeric date whose day and month could be swapped (10/08/2017) is
// ambiguous and kept as typed; one where they cannot (25/08/2017,
// 08/25/2017) is normalised.
func normaliseDate(s string) string {
	s = oneLine(s)
	if s == "" {
		return ""
	}
	if m := isoDateRE.FindStringSubmatch(s); m != nil {
		return isoDate(s, m[1], m[2], m[3])
	}
	t := weekdayRE.ReplaceAllString(s, "")
	t = timeRE.ReplaceAllString(t, "")
	if m := dayMonthRE.FindStringSubmatch(t); m != nil {
		if mon, ok := months[strings.ToLower(m[2])]; ok {
			return isoDate(s, m[3], strconv.Itoa(mon), m[1])
		}
	}
	if m := monthDayRE.FindStringSubmatch(t); m != nil {
		if mon, ok := months[strings.ToLower(m[1])]; ok {
			return isoDate(s, m[3], strconv.Itoa(mon), m[2])
		}
	}
	if m := numericRE.FindStringSubmatch(t); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		switch {
		case a == b:
			return isoDate(s, m[3], m[2], m[1])
		case a > 12 && b <= 12: // day first
			return isoDate(s, m[3], m[2], m[1])
		case b > 12 && a <= 12: // month first
			return isoDate(s, m[3], m[1], m[2])
		}
	}
	return s
}

// isoDate formats year, month and day as YYYY-MM-DD when they make a real
// date, else returns typed.
func isoDate(typed, year, month, day string) string {
	y, err1 := strconv.Atoi(year)
	m, err2 := strconv.Atoi(month)
	d, err3 := strconv.Atoi(day)
	if err1 != nil || err2 != nil || err3 != nil || m < 1 || m > 12 || d < 1 || d > 31 {
		return typed
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 June
		return typed
	}
	return t.Format("2006-01-02")
}
