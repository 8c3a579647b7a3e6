package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML reader: a saved web page becomes the article a reader sees,
// as paragraphs, with the page's own account of its title, author, date,
// outlet and address.
//
// The page is decoded to UTF-8 (charset.go), parsed once with
// golang.org/x/net/html, and its article found by two maintained
// extractors (htmlextract.go); metadata comes from our own reading of
// JSON-LD, OpenGraph, <meta> and the page's headline and byline
// (htmlmeta.go, htmlpick.go), which measured better than either library's
// on titles and authors and as well as trafilatura's on dates.
// The text is not a stretch of the file's bytes, so claim offsets are
// offsets into the report text.
//
// Other readers that unpack HTML (MHTML pages, e-mail) call this one
// through the registry: formatFor("page.html", body).read(body, opt),
// giving the body as UTF-8 with a byte order mark so that its transfer
// encoding wins over a <meta charset> the page still carries.
func init() {
	register(&format{
		name:  "html",
		exts:  []string{".html", ".htm", ".xhtml"},
		sniff: sniffHTML,
		rank:  rankHTML,
		// Pages saved with their images inlined as data: addresses are
		// large; the images are dropped before extraction.
		maxSize: MaxContainerSize,
		read:    readHTML,
	})
}

// sniffScan is how far into a file the sniffer looks past comments for
// the start of a document.
const sniffScan = 16 << 10

// sniffHTML reports whether src starts as an HTML document does: after a
// byte order mark, white space, comments (a browser's "saved from url"
// mark) and an XML declaration, a doctype for html or an <html>, <head>
// or <body> tag. Markdown and prose that merely contain a tag, or start
// with an inline one, are not taken for pages.
func sniffHTML(src []byte) bool {
	s := src[:min(len(src), sniffScan)]
	switch {
	case bytes.HasPrefix(s, []byte{0xEF, 0xBB, 0xBF}):
		s = s[3:]
	case bytes.HasPrefix(s, []byte{0xFF, 0xFE}), bytes.HasPrefix(s, []byte{0xFE, 0xFF}):
		d, _ := decodeHTML(s[:min(len(s), 2048)])
		s = []byte(d)
	}
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s, []byte("-->"))
			if end < 0 {
				return false
			}
			s = s[end+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?xml")):
			end := bytes.Index(s, []byte("?>"))
			if end < 0 {
				return false
			}
			s = s[end+2:]
			continue
		}
		break
	}
	head := strings.ToLower(string(s[:min(len(s), 20)]))
	if strings.HasPrefix(head, "<!doctype") {
		return strings.HasPrefix(strings.TrimLeft(head[len("<!doctype"):], " \t\r\n"), "html")
	}
	for _, tag := range []string{"<html", "<head", "<body"} {
		if strings.HasPrefix(head, tag) {
			rest := head[len(tag):]
			return rest == "" || strings.ContainsRune(" \t\r\n>/", rune(rest[0]))
		}
	}
	return false
}

// readHTML reads a saved page. It never panics on a page: the libraries
// are run under recover (htmlextract.go), and a page they cannot read is
// read by a plain extraction of its text; should anything else fail on
// it, the page is read token by token, and refused only when that fails
// too.
func readHTML(src []byte, _ Options) (p parsed, err error) {
	var page, enc string
	defer func() {
		if r := recover(); r != nil {
			if page == "" {
				page, enc = strings.ToValidUTF8(string(src), "\uFFFD"), encUTF8
			}
			p, err = streamPage(page, enc)
		}
	}()
	page, enc = decodeHTML(src)
	if isXHTML(page) {
		page = closeEmptyTags(page)
	}
	var (
		text string
		meta Meta
	)
	if doc, err := html.Parse(strings.NewReader(page)); err != nil {
		// The parser refuses trees nested over 512 deep (which keeps
		// every recursive walk of the libraries and ours shallow): such a
		// page is read token by token.
		text = streamText(page)
	} else {
		prune(doc)
		clues := collectClues(doc)
		meta = htmlMeta(clues)
		if meta.Published == "" {
			meta.Published = textDate(doc, meta.URL)
		}
		text = dropHeadline(extractArticle(doc, meta.URL), meta.Title)
	}
	if strings.TrimSpace(text) == "" {
		return parsed{}, ErrEmpty
	}
	return parsed{text: text, offsets: identityOffsets(len(text)), encoding: enc, meta: meta}, nil
}

// isXHTML reports whether page is XHTML: an XML declaration or the XHTML
// namespace near its start.
func isXHTML(page string) bool {
	head := page[:min(len(page), 4096)]
	return strings.HasPrefix(strings.TrimSpace(head), "<?xml") || strings.Contains(head, "http://www.w3.org/1999/xhtml")
}

// closeEmptyTags writes XHTML's empty elements (<div/>, <script src=x/>)
// as an element and its end tag, which the HTML parser would otherwise
// read as left open, swallowing the rest of the page into a <script> or
// a <title>.
func closeEmptyTags(page string) string {
	z := html.NewTokenizer(strings.NewReader(page))
	var b strings.Builder
	b.Grow(len(page) + len(page)/16)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return b.String()
		}
		raw := z.Raw()
		if tt != html.SelfClosingTagToken {
			b.Write(raw)
			continue
		}
		name, _ := z.TagName()
		if voidElements[string(name)] {
			b.Write(raw)
			continue
		}
		z.NextIsNotRawText() // <script/> has no content to read raw
		b.Write(bytes.TrimRight(raw[:len(raw)-2], "/"))
		b.WriteString("></")
		b.Write(name)
		b.WriteByte('>')
	}
}

// voidElements are HTML elements that have no content, and no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// streamPage is the last resort of readHTML: the page's text token by
// token, or ErrDamaged.
func streamPage(page, enc string) (p parsed, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = parsed{}, fmt.Errorf("%w: the page could not be read", ErrDamaged)
		}
	}()
	text := streamText(page)
	if strings.TrimSpace(text) == "" {
		return parsed{}, ErrEmpty
	}
	return parsed{text: text, offsets: identityOffsets(len(text)), encoding: enc}, nil
}

// dropHeadline removes the headline from the top of the body: it is the
// report's title already, and not part of the article's text.
func dropHeadline(text, title string) string {
	if title == "" {
		return text
	}
	t := fold(title)
	for {
		first, rest, _ := strings.Cut(text, "\n\n")
		if fold(first) != t {
			return text
		}
		text = rest
	}
}

// prune removes from the tree what no reader of the page saw: <noscript>
// fallbacks (the page was saved from a browser running its scripts; the
// parser keeps their content as text, which the extractors would read)
// and <template> contents; and it empties long attribute values
// (dropInlineData).
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Noscript || c.DataAtom == atom.Template) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
	dropInlineData(n)
}

// maxAttr is the longest attribute value kept: longer ones are inlined
// images (data: addresses of megabytes), which each extractor would copy.
const maxAttr = 4096

// dropInlineData empties n's long attribute values (inlined images and
// fonts).
func dropInlineData(n *html.Node) {
	for i := range n.Attr {
		if len(n.Attr[i].Val) > maxAttr {
			n.Attr[i].Val = ""
		}
	}
}
