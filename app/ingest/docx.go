package ingest

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"
)

// The Word reader: .docx and its macro and template kinds (.docm, .dotx,
// .dotm), in both the transitional and the strict OOXML namespaces, read
// with archive/zip and encoding/xml under the guards of zip.go and
// xmlstream.go. The text is what a reader of the document sees once every
// tracked change is accepted:
//
//   - paragraphs, headings and list items in reading order, each a block
//     (lists keep their order; their bullets and numbers are left out, as
//     they are not words of the claim), tables and text boxes as blocks.go
//     says;
//   - insertions (w:ins) and moved-to text (w:moveTo) kept, deletions
//     (w:del, w:delText) and moved-from text (w:moveFrom) dropped, and a
//     paragraph whose mark was deleted joined to the next one;
//   - a text box once: of an mc:AlternateContent only its first Choice
//     (the DrawingML wps:txbx) is read, never the Fallback (the same box
//     again as VML v:textbox);
//   - hyperlinks' text, content controls' content (not their placeholder
//     prompts), smart tags and custom XML's text; tabs, line breaks,
//     non-breaking hyphens (U+2011) and symbols (w:sym, Symbol font mapped
//     to Unicode); soft hyphens dropped; hidden text (w:vanish) dropped;
//   - of a field, its result (a hyperlink's words, a date, a page
//     reference) and never its instruction (w:instrText, the code between
//     a field's begin and separate marks);
//   - footnotes, then endnotes, after the body, in the order they are
//     referenced, each paragraph a block, the reference marks left out;
//   - comments, headers and footers left out.
//
// Title and author come from docProps/core.xml (dc:title, dc:creator, a
// placeholder account name such as "Windows User" ignored). The date is
// dcterms:modified, falling back to dcterms:created: a Word file is
// usually sent when it was last saved, while its creation date is often
// that of an older release or template it was copied from.
func init() {
	register(&format{
		name:    "docx",
		exts:    []string{".docx", ".docm", ".dotx", ".dotm"},
		sniff:   sniffDOCX,
		rank:    rankContainer,
		maxSize: MaxContainerSize,
		read:    readDOCX,
	})
}

// wordKind names a Word document in messages.
const wordKind = "Word document"

// docxSpaces gives the short prefixes of the namespaces the reader knows,
// transitional and strict alike. The bare prefixes are there for files
// that use them without declaring them (encoding/xml then reports the
// prefix as the namespace), which Word opens.
var docxSpaces = map[string]string{
	"w": "w", "mc": "mc", "m": "m",
	"http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
	"http://purl.oclc.org/ooxml/wordprocessingml/main":             "w",
	"http://schemas.openxmlformats.org/markup-compatibility/2006":  "mc",
	"http://schemas.openxmlformats.org/officeDocument/2006/math":   "m",
	"http://purl.oclc.org/ooxml/officeDocument/math":               "m",
	"http://schemas.openxmlformats.org/package/2006/relationships": "rel",
	"http://schemas.openxmlformats.org/package/2006/content-types": "ct",
	"http://purl.org/dc/elements/1.1/":                             "dc",
	"http://purl.org/dc/terms/":                                    "dcterms",
}

// sniffDOCX recognises a Word package: a zip with word/document.xml, or
// whose content types name a Word main part. A zip that cannot be opened
// (truncated, a bomb) is claimed when a local header names a Word part, so
// that the reader says what is wrong with it.
func sniffDOCX(src []byte) bool {
	return sniffZip(src, func(z *zipPackage) bool {
		if z.has("word/document.xml") {
			return true
		}
		ct := z.smallPart("[Content_Types].xml", 1<<20)
		return ct != nil && wordMainPart(ct) != ""
	}, func() bool { return localHeaderNamed(src, "word/") })
}

// wordMainPart returns the part name [Content_Types].xml gives a Word main
// document (document, template, macro-enabled), or "".
func wordMainPart(ct []byte) string {
	x := newXMLStream("[Content_Types].xml", ct, docxSpaces)
	if _, err := x.root(); err != nil {
		return ""
	}
	var name string
	x.each(func(t xml.StartElement) error {
		typ := x.attr(t, ":ContentType")
		if name == "" && x.key(t.Name) == "ct:Override" && strings.HasSuffix(typ, ".main+xml") &&
			(strings.Contains(typ, "wordprocessingml") || strings.Contains(typ, "ms-word")) {
			name = strings.TrimPrefix(x.attr(t, ":PartName"), "/")
		}
		return x.skip()
	})
	return name
}

// readDOCX reads a Word package's text and properties.
func readDOCX(src []byte, _ Options) (p parsed, err error) {
	defer recoverDamaged(&err, wordKind)
	if !bytes.HasPrefix(src, zipMagic) {
		return parsed{}, notContainer(src, wordKind)
	}
	z, err := openZip(src, wordKind)
	if err != nil {
		return parsed{}, err
	}
	rels := readRels(z, "")
	main := rels["officeDocument"]
	if !z.has(main) {
		main = ""
		if ct, err := z.part("[Content_Types].xml"); err == nil {
			main = wordMainPart(ct)
		}
		if !z.has(main) {
			main = "word/document.xml"
		}
	}
	doc, err := z.part(main)
	if errors.Is(err, errNoPart) {
		return parsed{}, fmt.Errorf("%w: the %s has no %s, the part that holds its text", ErrDamaged, wordKind, main)
	}
	if err != nil {
		return parsed{}, err
	}
	docRels := readRels(z, main)
	w := &docxWalker{refs: map[string][]string{}, seen: map[string]bool{}}
	if styles, err := z.part(relTarget(docRels, "styles", "word/styles.xml")); err == nil {
		w.styles = docxStyles(styles)
	}

	var body blockList
	if err := w.part(main, doc, func(t xml.StartElement) error { return w.walk(flowCtx{blocks: &body}) }); err != nil {
		return parsed{}, err
	}
	var notes blockList
	for _, kind := range []string{"footnote", "endnote"} {
		if len(w.refs[kind]) == 0 {
			continue
		}
		name := relTarget(docRels, kind+"s", "word/"+kind+"s.xml")
		data, err := z.part(name)
		if err != nil {
			if errors.Is(err, errNoPart) {
				continue
			}
			return parsed{}, err
		}
		byID, err := w.notes(name, data, kind)
		if err != nil {
			return parsed{}, err
		}
		for _, id := range w.refs[kind] {
			if l := byID[id]; l != nil {
				notes.addAll(l)
			}
		}
	}

	text, headingFirst := render(&body, &notes)
	p = parsed{text: text, offsets: identityOffsets(len(text)), headingFirst: headingFirst}
	if core, err := z.part(relTarget(rels, "core-properties", "docProps/core.xml")); err == nil {
		p.meta = coreMeta(core)
	}
	return p, nil
}

// readRels reads the relationships of the named part ("" for the
// package's own) and returns each relationship type's last word
// ("officeDocument", "footnotes") with its target resolved to a part name;
// the first relationship of a type wins. A missing or broken relationship
// part gives none: the usual part names are then tried.
func readRels(z *zipPackage, part string) map[string]string {
	dir, base := path.Split(part)
	name := dir + "_rels/" + base + ".rels"
	out := map[string]string{}
	data, err := z.part(name)
	if err != nil {
		return out
	}
	x := newXMLStream(name, data, docxSpaces)
	if _, err := x.root(); err != nil {
		return out
	}
	x.each(func(t xml.StartElement) error {
		typ, target := x.attr(t, ":Type"), x.attr(t, ":Target")
		if x.key(t.Name) == "rel:Relationship" && target != "" && x.attr(t, ":TargetMode") != "External" {
			typ = typ[strings.LastIndexByte(typ, '/')+1:]
			if _, dup := out[typ]; !dup {
				out[typ] = resolvePart(dir, target)
			}
		}
		return x.skip()
	})
	return out
}

// resolvePart resolves a relationship target against the folder of its
// source part.
func resolvePart(dir, target string) string {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// relTarget returns the target of the relationship of type typ, or the
// usual part name def.
func relTarget(rels map[string]string, typ, def string) string {
	if t, ok := rels[typ]; ok {
		return t
	}
	return def
}

// docxWalker reads the text of a Word part.
type docxWalker struct {
	x      *xmlStream
	budget textBudget
	// styles holds the paragraph style IDs that are headings.
	styles map[string]bool
	// fields are the complex fields open (begin seen, end not yet): true
	// while in the instruction part, before the separate mark.
	fields []bool
	// refs lists the note IDs referenced by visible text, by kind
	// ("footnote", "endnote"), in order; seen dedupes them.
	refs map[string][]string
	seen map[string]bool
}

// part reads one Word part: fn is called with its root element.
func (w *docxWalker) part(name string, data []byte, fn func(xml.StartElement) error) error {
	w.x = newXMLStream(name, data, docxSpaces)
	w.fields = nil
	root, err := w.x.root()
	if err != nil {
		return err
	}
	return fn(root)
}

// walk reads the children of the element just started, up to its end.
func (w *docxWalker) walk(c flowCtx) error {
	return w.x.each(func(t xml.StartElement) error { return w.element(t, c) })
}

// docxStructure names Word's container elements.
var docxStructure = map[string]structure{
	"w:tbl": tableElement, "w:tr": rowElement, "w:tc": cellElement, "w:txbxContent": boxElement,
}

// element reads one element and its content.
func (w *docxWalker) element(t xml.StartElement, c flowCtx) error {
	x := w.x
	k := x.key(t.Name)
	if s, ok := docxStructure[k]; ok {
		return c.read(s, w.walk)
	}
	switch k {
	case "w:p":
		return c.paragraph(&paraBuf{}, w.walk)
	case "w:pPr":
		if c.para == nil {
			return x.skip()
		}
		return w.paraProps(c.para)
	case "w:r":
		c.run = &runState{}
		return w.walk(c)
	case "w:rPr":
		if c.run == nil {
			return x.skip()
		}
		return x.each(func(t xml.StartElement) error {
			if x.key(t.Name) == "w:vanish" && !offValue(x.attr(t, "w:val")) {
				c.run.hidden = true
			}
			return x.skip()
		})
	case "w:t", "m:t":
		s, err := x.text()
		if err != nil {
			return err
		}
		return w.emit(c, s)
	case "w:tab", "w:ptab":
		return w.emitSkip(c, "\t")
	case "w:br", "w:cr":
		return w.emitSkip(c, "\n")
	case "w:noBreakHyphen":
		return w.emitSkip(c, "\u2011")
	case "w:sym":
		return w.emitSkip(c, symbolText(x.attr(t, "w:font"), x.attr(t, "w:char")))
	case "w:fldChar":
		w.fieldChar(x.attr(t, "w:fldCharType"))
		return x.skip()
	case "w:footnoteReference", "w:endnoteReference":
		if w.visible(c) {
			kind := strings.TrimSuffix(t.Name.Local, "Reference")
			if id := x.attr(t, "w:id"); !w.seen[kind+id] {
				w.seen[kind+id] = true
				w.refs[kind] = append(w.refs[kind], id)
			}
			if c.run != nil && onValue(x.attr(t, "w:customMarkFollows")) {
				c.run.hidden = true // the run's text is the mark
			}
		}
		return x.skip()
	case "w:sdt":
		return w.contentControl(c)
	case "mc:AlternateContent":
		chosen := false
		return x.each(func(t xml.StartElement) error {
			switch k := x.key(t.Name); {
			case !chosen && (k == "mc:Choice" || k == "mc:Fallback"):
				chosen = true
				return w.walk(c)
			default:
				return x.skip()
			}
		})
	case "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:delInstrText", "w:softHyphen",
		"w:sectPr", "w:tblPr", "w:tblPrEx", "w:tblGrid", "w:trPr", "w:tcPr", "w:sdtEndPr",
		"w:rt", "w:pPrChange", "w:rPrChange", "w:ffData", "w:fldData", "w:background":
		return x.skip()
	}
	return w.walk(c)
}

// visible reports whether text at c reaches the report: not hidden, not
// in a field's instruction.
func (w *docxWalker) visible(c flowCtx) bool {
	if c.para == nil || (c.run != nil && c.run.hidden) {
		return false
	}
	for _, instr := range w.fields {
		if instr {
			return false
		}
	}
	return true
}

// emit adds text to the paragraph at c when it is visible.
func (w *docxWalker) emit(c flowCtx, s string) error {
	if s == "" || !w.visible(c) {
		return nil
	}
	return w.budget.write(c.para, s)
}

// emitSkip emits s for an element that stands for it and skips the element.
func (w *docxWalker) emitSkip(c flowCtx, s string) error {
	if err := w.emit(c, s); err != nil {
		return err
	}
	return w.x.skip()
}

// fieldChar follows a complex field's begin, separate and end marks.
func (w *docxWalker) fieldChar(kind string) {
	n := len(w.fields)
	switch kind {
	case "begin":
		w.fields = append(w.fields, true)
	case "separate":
		if n > 0 {
			w.fields[n-1] = false
		}
	case "end":
		if n > 0 {
			w.fields = w.fields[:n-1]
		}
	}
}

// paraProps reads a paragraph's properties: a heading style or outline
// level makes it a heading; a deleted paragraph mark or a drop cap (the
// first letter in a frame of its own) joins it to the next paragraph.
func (w *docxWalker) paraProps(p *paraBuf) error {
	x := w.x
	return x.each(func(t xml.StartElement) error {
		switch x.key(t.Name) {
		case "w:pStyle":
			if w.styles[x.attr(t, "w:val")] {
				p.heading = true
			}
		case "w:outlineLvl":
			if n, err := strconv.Atoi(x.attr(t, "w:val")); err == nil && n >= 0 && n < 9 {
				p.heading = true
			}
		case "w:framePr":
			if d := x.attr(t, "w:dropCap"); d == "drop" || d == "margin" {
				p.runOn = true
			}
		case "w:rPr":
			return x.each(func(t xml.StartElement) error {
				if k := x.key(t.Name); k == "w:del" || k == "w:moveFrom" {
					p.runOn = true
				}
				return x.skip()
			})
		}
		return x.skip()
	})
}

// contentControl reads a w:sdt: its content, unless it shows the
// control's placeholder prompt ("Click or tap here to enter text.").
func (w *docxWalker) contentControl(c flowCtx) error {
	x := w.x
	placeholder := false
	return x.each(func(t xml.StartElement) error {
		switch x.key(t.Name) {
		case "w:sdtPr":
			return x.each(func(t xml.StartElement) error {
				if x.key(t.Name) == "w:showingPlcHdr" && !offValue(x.attr(t, "w:val")) {
					placeholder = true
				}
				return x.skip()
			})
		case "w:sdtContent":
			if !placeholder {
				return w.walk(c)
			}
		}
		return x.skip()
	})
}

// notes reads a footnotes or endnotes part: each note's paragraphs by ID,
// the separators Word keeps there left out.
func (w *docxWalker) notes(name string, data []byte, kind string) (map[string]*blockList, error) {
	out := map[string]*blockList{}
	err := w.part(name, data, func(xml.StartElement) error {
		x := w.x
		return x.each(func(t xml.StartElement) error {
			typ := x.attr(t, "w:type")
			if x.key(t.Name) != "w:"+kind || (typ != "" && typ != "normal") {
				return x.skip()
			}
			l := &blockList{}
			out[x.attr(t, "w:id")] = l
			return w.walk(flowCtx{blocks: l})
		})
	})
	return out, err
}

// docxStyles returns the IDs of the paragraph styles that are headings: a
// built-in name "heading N" or "Title" (style names are English whatever
// the language of Word; their IDs are not), or an outline level, itself
// or through the styles it is based on.
func docxStyles(data []byte) map[string]bool {
	type style struct {
		heading bool
		basedOn string
	}
	styles := map[string]style{}
	x := newXMLStream("word/styles.xml", data, docxSpaces)
	if _, err := x.root(); err != nil {
		return nil
	}
	x.each(func(t xml.StartElement) error {
		if x.key(t.Name) != "w:style" || x.attr(t, "w:type") != "paragraph" {
			return x.skip()
		}
		var s style
		id := x.attr(t, "w:styleId")
		err := x.each(func(t xml.StartElement) error {
			switch x.key(t.Name) {
			case "w:name":
				n := strings.ToLower(x.attr(t, "w:val"))
				s.heading = s.heading || n == "title" || strings.HasPrefix(n, "heading ")
			case "w:basedOn":
				s.basedOn = x.attr(t, "w:val")
			case "w:pPr":
				return x.each(func(t xml.StartElement) error {
					if x.key(t.Name) == "w:outlineLvl" {
						if n, err := strconv.Atoi(x.attr(t, "w:val")); err == nil && n >= 0 && n < 9 {
							s.heading = true
						}
					}
					return x.skip()
				})
			}
			return x.skip()
		})
		styles[id] = s
		return err
	})
	out := map[string]bool{}
	for id := range styles {
		cur := id
		for range 16 { // basedOn chains are short; a loop is cut
			s, ok := styles[cur]
			if !ok {
				break
			}
			if s.heading {
				out[id] = true
				break
			}
			cur = s.basedOn
		}
	}
	return out
}

// placeholderAuthors are account names that Word and libraries write when
// no author was set; they name no one.
var placeholderAuthors = map[string]bool{
	"python-docx": true, "microsoft office user": true, "windows user": true, "user": true,
	"admin": true, "administrator": true, "author": true, "unknown": true, "owner": true,
}

// coreMeta reads title, author and date from docProps/core.xml.
func coreMeta(data []byte) Meta {
	var m Meta
	var created, modified string
	x := newXMLStream("docProps/core.xml", data, docxSpaces)
	if _, err := x.root(); err != nil {
		return m
	}
	x.each(func(t xml.StartElement) error {
		var dst *string
		switch x.key(t.Name) {
		case "dc:title":
			dst = &m.Title
		case "dc:creator":
			dst = &m.Author
		case "dcterms:created":
			dst = &created
		case "dcterms:modified":
			dst = &modified
		default:
			return x.skip()
		}
		s, err := x.text()
		*dst = oneLine(s)
		return err
	})
	if placeholderAuthors[strings.ToLower(m.Author)] {
		m.Author = ""
	}
	m.Published = cmp.Or(modified, created)
	return m
}

// offValue reports whether an OOXML on/off attribute value is off.
func offValue(v string) bool { return v == "0" || v == "false" || v == "off" }

// onValue reports whether an OOXML on/off attribute value is on.
func onValue(v string) bool { return v == "1" || v == "true" || v == "on" }
