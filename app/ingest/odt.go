package ingest

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
)

// The OpenDocument text reader: .odt (and its template .ott), a zip whose
// first entry, mimetype, says application/vnd.oasis.opendocument.text, and
// the flat single-XML form .fodt. It reads content.xml the way docx.go
// reads Word (blocks.go: paragraphs, headings, lists, tables, text boxes
// in draw:frame once, notes after the body), and:
//
//   - tracked changes accepted: the text:tracked-changes region, which
//     holds the deleted text, is dropped; insertions are in the body;
//   - comments (office:annotation), note citations, ruby annotations,
//     list labels, index templates and images' alternative text left out;
//   - text:s, text:tab and text:line-break give spaces, a tab and a line
//     end, other white space in the XML collapsing to one space, as ODF
//     says it does;
//   - a document encrypted with a password (its manifest lists
//     encryption data) is refused as encrypted.
//
// Title, author and date come from meta.xml: dc:title, meta:initial-creator
// (the author; ODF's dc:creator is whoever saved last, used when there is
// no initial creator) and dc:date, the last save (falling back to
// meta:creation-date), for the reason docx.go gives.
func init() {
	register(&format{
		name:    "odt",
		exts:    []string{".odt", ".ott", ".fodt"},
		sniff:   sniffODT,
		rank:    rankContainer,
		maxSize: MaxContainerSize,
		read:    readODT,
	})
}

// odtKind names an OpenDocument text in messages.
const odtKind = "OpenDocument text"

// odtMIME is the media type of an OpenDocument text; templates and
// master documents add a suffix.
const odtMIME = "application/vnd.oasis.opendocument.text"

// odtSpaces gives the short prefixes of the ODF namespaces the reader
// uses, and the bare prefixes for files that leave them undeclared.
var odtSpaces = map[string]string{
	"office": "office", "text": "text", "table": "table", "draw": "draw",
	"urn:oasis:names:tc:opendocument:xmlns:office:1.0":         "office",
	"urn:oasis:names:tc:opendocument:xmlns:text:1.0":           "text",
	"urn:oasis:names:tc:opendocument:xmlns:table:1.0":          "table",
	"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0":        "draw",
	"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": "svg",
	"urn:oasis:names:tc:opendocument:xmlns:meta:1.0":           "meta",
	"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0":       "manifest",
	"http://purl.org/dc/elements/1.1/":                         "dc",
}

// sniffODT recognises an OpenDocument text: a zip whose mimetype entry
// names it (stored first, so it is read without inflating anything), or a
// flat XML document whose root names it.
func sniffODT(src []byte) bool {
	if !bytes.HasPrefix(src, zipMagic) {
		head := src[:min(len(src), 4096)]
		return bytes.Contains(head, []byte("<office:document")) && bytes.Contains(head, []byte(`"`+odtMIME))
	}
	if len(src) >= 38+len(odtMIME) && string(src[30:38]) == "mimetype" {
		return bytes.HasPrefix(src[38:], []byte(odtMIME))
	}
	return sniffZip(src, func(z *zipPackage) bool {
		return bytes.HasPrefix(bytes.TrimSpace(z.smallPart("mimetype", 256)), []byte(odtMIME))
	}, func() bool { return false })
}

// readODT reads an OpenDocument text, zipped or flat.
func readODT(src []byte, _ Options) (p parsed, err error) {
	defer recoverDamaged(&err, odtKind)
	w := &odtWalker{}
	if !bytes.HasPrefix(src, zipMagic) {
		if !bytes.HasPrefix(bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF")), " \t\r\n"), []byte("<")) {
			return parsed{}, notContainer(src, odtKind)
		}
		if err := w.part("the document", src); err != nil {
			return parsed{}, err
		}
		return w.result(), nil
	}
	z, err := openZip(src, odtKind)
	if err != nil {
		return parsed{}, err
	}
	if manifest, err := z.part("META-INF/manifest.xml"); err == nil && odtEncrypted(manifest) {
		return parsed{}, ErrEncrypted
	}
	content, err := z.part("content.xml")
	if errors.Is(err, errNoPart) {
		return parsed{}, nil // a template of styles only: no text
	}
	if err != nil {
		return parsed{}, err
	}
	if err := w.part("content.xml", content); err != nil {
		return parsed{}, err
	}
	if meta, err := z.part("meta.xml"); err == nil {
		// A broken meta.xml costs the details, not the text.
		mw := &odtWalker{}
		if mw.part("meta.xml", meta) == nil {
			w.meta = mw.meta
		}
	}
	return w.result(), nil
}

// odtEncrypted reports whether a manifest lists encryption data for any
// entry.
func odtEncrypted(manifest []byte) bool {
	x := newXMLStream("META-INF/manifest.xml", manifest, odtSpaces)
	for {
		tok, err := x.next()
		if err != nil {
			return false
		}
		if t, ok := tok.(xml.StartElement); ok && x.key(t.Name) == "manifest:encryption-data" {
			return true
		}
	}
}

// odtWalker reads the text of an ODF part.
type odtWalker struct {
	x      *xmlStream
	budget textBudget
	body   blockList
	// notes are footnotes and endnotes, in the order they occur.
	notes [2]blockList
	meta  Meta
}

// result is what the parts read give.
func (w *odtWalker) result() parsed {
	text, headingFirst := render(&w.body, &w.notes[0], &w.notes[1])
	return parsed{text: text, offsets: identityOffsets(len(text)), meta: w.meta, headingFirst: headingFirst}
}

// part reads content.xml, meta.xml or a flat document: the body's text and
// the metadata; styles, settings and master pages (headers and footers)
// are passed over.
func (w *odtWalker) part(name string, data []byte) error {
	w.x = newXMLStream(name, data, odtSpaces)
	x := w.x
	if _, err := x.root(); err != nil {
		return err
	}
	return x.each(func(t xml.StartElement) error {
		switch x.key(t.Name) {
		case "office:body":
			return w.walk(flowCtx{blocks: &w.body})
		case "office:meta":
			return w.readMeta()
		}
		return x.skip()
	})
}

// walk reads the children of the element just started, up to its end:
// character data inside a paragraph is its text.
func (w *odtWalker) walk(c flowCtx) error {
	return w.x.eachText(func(t xml.StartElement) error { return w.element(t, c) }, func(s xml.CharData) error {
		if c.para == nil {
			return nil
		}
		return w.collapsed(c.para, s)
	})
}

// odtStructure names ODF's container elements.
var odtStructure = map[string]structure{
	"table:table": tableElement, "table:table-row": rowElement, "table:table-cell": cellElement, "draw:text-box": boxElement,
}

// element reads one element and its content.
func (w *odtWalker) element(t xml.StartElement, c flowCtx) error {
	x := w.x
	k := x.key(t.Name)
	if s, ok := odtStructure[k]; ok {
		return c.read(s, w.walk)
	}
	switch k {
	case "text:p", "text:h":
		return c.paragraph(&paraBuf{heading: k == "text:h"}, w.walk)
	case "text:s":
		n, err := strconv.Atoi(x.attr(t, "text:c"))
		if err != nil || n < 1 {
			n = 1
		}
		return w.emitSkip(c, strings.Repeat(" ", min(n, 100)))
	case "text:tab":
		return w.emitSkip(c, "\t")
	case "text:line-break":
		return w.emitSkip(c, "\n")
	case "text:note":
		kind := 0
		if x.attr(t, "text:note-class") == "endnote" {
			kind = 1
		}
		return x.each(func(t xml.StartElement) error {
			if x.key(t.Name) == "text:note-body" {
				return w.walk(flowCtx{blocks: &w.notes[kind]})
			}
			return x.skip()
		})
	case "text:hidden-text":
		if x.attr(t, "text:is-hidden") == "true" {
			return x.skip()
		}
	case "text:tracked-changes", "office:annotation", "text:note-citation", "text:ruby-text",
		"text:number", "office:binary-data", "svg:title", "svg:desc", "table:covered-table-cell",
		"office:forms", "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
		"office:event-listeners", "draw:image":
		return x.skip()
	}
	if strings.HasSuffix(t.Name.Local, "-source") { // an index's template
		return x.skip()
	}
	return w.walk(c)
}

// collapsed adds character data to a paragraph with ODF's white space
// rule: a run of spaces, tabs and line ends is one space, and none at the
// start of the paragraph.
func (w *odtWalker) collapsed(p *paraBuf, s []byte) error {
	var b strings.Builder
	space := p.space || p.b.Len() == 0
	for _, r := range string(s) {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	if b.Len() == 0 {
		return nil
	}
	if err := w.budget.write(p, b.String()); err != nil {
		return err
	}
	p.space = space
	return nil
}

// emitSkip adds s, the text an element stands for, to the paragraph at c
// and skips the element.
func (w *odtWalker) emitSkip(c flowCtx, s string) error {
	if c.para != nil {
		if err := w.budget.write(c.para, s); err != nil {
			return err
		}
	}
	return w.x.skip()
}

// readMeta reads office:meta's title, author and date.
func (w *odtWalker) readMeta() error {
	x := w.x
	var initial, creator, date, created string
	err := x.each(func(t xml.StartElement) error {
		var dst *string
		switch x.key(t.Name) {
		case "dc:title":
			dst = &w.meta.Title
		case "meta:initial-creator":
			dst = &initial
		case "dc:creator":
			dst = &creator
		case "dc:date":
			dst = &date
		case "meta:creation-date":
			dst = &created
		default:
			return x.skip()
		}
		s, err := x.text()
		*dst = oneLine(s)
		return err
	})
	w.meta.Author = cmp.Or(initial, creator)
	if placeholderAuthors[strings.ToLower(w.meta.Author)] {
		w.meta.Author = ""
	}
	w.meta.Published = cmp.Or(date, created)
	if errors.Is(err, io.EOF) {
		return nil
	}
	return err
}
