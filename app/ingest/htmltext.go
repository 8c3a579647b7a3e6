package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The text of an HTML element as a reader sees it, in the report's shape:
// paragraphs separated by a blank line, so the segmenter cuts blocks where
// the page does. Headings, list items, block quotes, table rows and
// captions are paragraphs of their own; a <br> is a line break and two in
// a row a paragraph break (old pages make paragraphs of them); white space
// inside a paragraph collapses as a browser collapses it; scripts, styles,
// form controls, media and hidden elements are left out.

// blockTags are elements that begin and end a paragraph.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Center: true, atom.Dd: true, atom.Details: true, atom.Dialog: true, atom.Dir: true,
	atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true,
	atom.Figure: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true,
	atom.Hgroup: true, atom.Hr: true, atom.Legend: true, atom.Li: true, atom.Main: true,
	atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Caption: true, atom.Ul: true,
	atom.Body: true, atom.Html: true,
}

// skipTags are elements whose content is not read text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Svg: true, atom.Math: true, atom.Iframe: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Select: true,
	atom.Option: true, atom.Textarea: true, atom.Input: true, atom.Button: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Picture: true, atom.Img: true,
	atom.Link: true, atom.Meta: true, atom.Base: true, atom.Datalist: true, atom.Frameset: true,
}

// nodeText renders n's text as paragraphs.
func nodeText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.node(n)
	return w.String()
}

// trimmedText renders a tree whose text nodes were trimmed of their white
// space (go-trafilatura's output, built as XML text and tails): where an
// inline element meets text letter to letter, the space it lost is put
// back ("<b>activities</b>that" reads "activities that"), while
// punctuation stays attached ("<b>word</b>," reads "word,").
func trimmedText(n *html.Node) string {
	if n == nil {
		return ""
	}
	w := textWriter{trimmed: true}
	w.node(n)
	return w.String()
}

// textWriter collects words and the breaks between them.
type textWriter struct {
	b       strings.Builder
	pending int    // break owed before the next word: 0, 1 (line) or 2 (paragraph)
	space   bool   // a space is owed before the next word
	sep     string // a cell separator owed before the next word
	pre     int    // depth inside <pre>
	trimmed bool   // the tree lost the white space at inline elements' edges
	edge    bool   // an inline element began or ended since the last word
	last    rune   // the last character written
	// skip, when set, leaves out elements it is true for, with their content.
	skip func(*html.Node) bool
}

// brk owes a break of level l (1 a line, 2 a paragraph).
func (w *textWriter) brk(l int) {
	w.pending = max(w.pending, l)
	w.space, w.sep = false, ""
}

// word writes s after whatever break, separator or space is owed.
func (w *textWriter) word(s string) {
	if w.b.Len() > 0 {
		switch {
		case w.pending == 2:
			w.b.WriteString("\n\n")
		case w.pending == 1:
			w.b.WriteByte('\n')
		case w.sep != "":
			w.b.WriteString(w.sep)
		case w.space:
			w.b.WriteByte(' ')
		case w.edge && wordRune(w.last) && wordRune(firstRune(s)):
			w.b.WriteByte(' ')
		}
	}
	w.pending, w.space, w.sep, w.edge = 0, false, "", false
	w.b.WriteString(s)
	w.last, _ = utf8.DecodeLastRuneInString(s)
}

// wordRune reports whether r is a letter or digit, which a lost space
// would have separated from another.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// text writes a text node's words, collapsing white space (kept as line
// breaks inside <pre>).
func (w *textWriter) text(s string) {
	if strings.ContainsRune(s, breakMark) {
		for i, part := range strings.Split(s, string(breakMark)) {
			if i > 0 {
				w.lineBreak()
			}
			w.text(part)
		}
		return
	}
	if w.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				w.brk(1)
			}
			w.words(line)
		}
		return
	}
	w.words(s)
}

func (w *textWriter) words(s string) {
	f := strings.Fields(s)
	if len(f) == 0 {
		if s != "" {
			w.space = true
		}
		return
	}
	if isSpaceByte(s[0]) || strings.HasPrefix(s, "\u00a0") {
		w.space = true
	}
	for i, x := range f {
		if i > 0 {
			w.space = true
		}
		w.word(x)
	}
	if isSpaceByte(s[len(s)-1]) || strings.HasSuffix(s, "\u00a0") {
		w.space = true
	}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// lineBreak owes a line break, or a paragraph break after another line
// break with no words between (old pages make paragraphs of <br><br>).
func (w *textWriter) lineBreak() {
	if w.pending >= 1 {
		w.brk(2)
	} else {
		w.brk(1)
	}
}

// node writes n and its descendants.
func (w *textWriter) node(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	tag := tagOf(n)
	if skipTags[tag] || hidden(n) || (w.skip != nil && w.skip(n)) {
		return
	}
	switch tag {
	case atom.Br:
		if n.NextSibling == nil || n.NextSibling.Data != string(breakMark) {
			w.lineBreak()
		} // else the mark that follows stands for it
		return
	case atom.Td, atom.Th:
		if w.pending == 0 && w.b.Len() > 0 {
			w.sep = " | "
		}
		w.children(n)
		w.space = true
		return
	case atom.Pre:
		w.brk(2)
		w.pre++
		w.children(n)
		w.pre--
		w.brk(2)
		return
	}
	if blockTags[tag] {
		w.brk(2)
		w.children(n)
		w.brk(2)
		return
	}
	w.edge = w.trimmed
	w.children(n)
	w.edge = w.trimmed
}

func (w *textWriter) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c)
	}
}

// String returns the text written: each line cleaned as metadata is (no
// control characters, single spaces), blank lines only between
// paragraphs.
func (w *textWriter) String() string {
	return tidyParagraphs(w.b.String())
}

// tidyParagraphs cleans each line of s and leaves exactly one blank line
// between paragraphs and none at either end.
func tidyParagraphs(s string) string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = oneLine(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return strings.Join(out, "\n\n")
}

// hidden reports whether n is hidden from readers by its attributes.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// tagOf is n's element name as an atom. Elements made by an extractor
// rather than the parser (go-trafilatura builds its output tree) may have
// only their name set.
func tagOf(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Type != html.ElementNode {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}
