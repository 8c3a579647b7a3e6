package ingest

// PDF: the text layer in reading order, with the document's own title,
// author and date.
//
// Two readers can read a PDF. PDFium compiled to WebAssembly (pdfium.go)
// is always there and is the default. Where Poppler's pdftotext is
// installed (pdftotext.go) it reads the file too, and its reading is kept
// when it scores better (pdfquality.go): the two get different files wrong
// (PDFium misreads some subset CJK fonts' Unicode maps, Poppler some
// Type 3 fonts), and the text that looks more like words wins. Both go
// through the same layout (pdflayout.go), so the choice is about the
// characters, not the paragraphs. A page with images and no text is a
// scan: it is recognised with tesseract when the editor asks for OCR
// (ocr.go), else the file is refused with ErrNoTextLayer.

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// The readers a PDF's text can come from, as reported in Document.Encoding.
const (
	readerPDFium    = "pdfium"
	readerPdftotext = "pdftotext"
	readerOCR       = "tesseract"
)

func init() {
	register(&format{
		name:    "pdf",
		exts:    []string{".pdf"},
		sniff:   sniffPDF,
		rank:    rankContainer,
		maxSize: MaxContainerSize,
		read:    readPDF,
	})
}

// sniffPDF recognises a PDF by its header, which readers accept anywhere
// in the first kilobyte (some producers put junk or a mail header before
// it).
func sniffPDF(src []byte) bool {
	return bytes.Contains(src[:min(len(src), 1024)], []byte("%PDF-"))
}

// readPDF reads src with PDFium and, where installed, pdftotext, keeps the
// better reading, recognises scanned pages when asked to, and takes the
// metadata from the information dictionary or the XMP packet.
func readPDF(src []byte, opt Options) (parsed, error) {
	if err := checkStreams(src); err != nil {
		return parsed{}, err
	}
	doc, err := readPDFium(src)
	if errors.Is(err, ErrPassword) || errors.Is(err, ErrEncrypted) || errors.Is(err, ErrTooLarge) || errors.Is(err, errPDFiumTime) {
		return parsed{}, err // pdftotext would fare no better, only slower
	}
	var text string
	if err == nil {
		text = layoutDoc(doc)
	}
	if alt, aerr := readPdftotext(src); aerr == nil {
		altText := layoutDoc(alt)
		// When PDFium failed, pdftotext's reading is kept only if it found
		// text: a damaged file it opens as blank pages is no scan.
		if err != nil && strings.TrimSpace(altText) != "" || err == nil && readingScore(altText, alt) > readingScore(text, doc)+scoreMargin {
			doc, text, err = alt, altText, nil
		}
	}
	if err != nil {
		return parsed{}, err
	}
	ocr := false
	if opt.OCR && anyScannedPage(doc) {
		switch err := recognise(src, &doc); {
		case err == nil:
			text, ocr = layoutDoc(doc), true
		case strings.TrimSpace(text) == "":
			return parsed{}, err
		}
		// A failure on some pages of a document that has text elsewhere
		// keeps that text.
	}
	text = cleanPDFText(text)
	if strings.TrimSpace(text) == "" {
		if totalImages(doc) > 0 && !ocr {
			return parsed{}, noTextLayer()
		}
		return parsed{}, ErrEmpty
	}
	reader := doc.reader
	if ocr {
		reader += "+" + readerOCR
	}
	return parsed{
		text:     text,
		offsets:  identityOffsets(len(text)),
		encoding: reader,
		meta:     pdfMeta(doc.info, xmpMeta(src)),
		ocr:      ocr,
	}, nil
}

// anyScannedPage reports whether some page has images and no text.
func anyScannedPage(doc pdfDoc) bool {
	for _, p := range doc.pages {
		if !hasText(p) && p.images > 0 {
			return true
		}
	}
	return false
}

// hasText reports whether a page has a glyph that is not white space.
func hasText(p pdfPage) bool {
	for _, g := range p.glyphs {
		if strings.TrimSpace(g.text) != "" {
			return true
		}
	}
	return false
}

func totalImages(doc pdfDoc) int {
	n := 0
	for _, p := range doc.pages {
		n += p.images
	}
	return n
}

// cleanPDFText keeps the text clean as the contract wants it: valid UTF-8,
// no control characters, LF line ends (the layout makes those).
func cleanPDFText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF || r == 0xFFFE:
			return -1
		case r >= 0xE000 && r <= 0xF8FF:
			return -1 // private use: a glyph with no Unicode meaning
		}
		return r
	}, s)
}

// Metadata.

// pdfMeta picks title, author and date from the information dictionary,
// else from the XMP packet, leaving out the values producers put there
// by default (a file name as title, "Administrator" as author).
func pdfMeta(info map[string]string, xmp map[string]string) Meta {
	var m Meta
	for _, src := range []map[string]string{info, xmp} {
		if m.Title == "" && !junkTitle(src["Title"]) {
			m.Title = oneLine(src["Title"])
		}
		if m.Author == "" && !junkAuthor(src["Author"]) {
			m.Author = oneLine(src["Author"])
		}
		if m.Published == "" {
			m.Published = pdfDate(src["CreationDate"])
		}
	}
	return m
}

var (
	// officePrefixRE is the prefix Office's PDF printer puts before the
	// file name: "Microsoft Word - report.docx".
	officePrefixRE = regexp.MustCompile(`(?i)^microsoft\s+(?:office\s+)?(?:word|powerpoint|excel|publisher|outlook)\s*-\s*`)
	// fileNameRE is a file name with a document or image extension.
	fileNameRE = regexp.MustCompile(`(?i)\.(?:docx?|dotx?|pdf|rtf|odt|ods|odp|txt|html?|xml|indd|qxd|qxp|tex|dvi|ps|eps|pages|wpd|pptx?|xlsx?|pub|jpe?g|png|tiff?|ai|psd|cdr)$`)
	// placeholderTitleRE are titles programs fill in by themselves.
	placeholderTitleRE = regexp.MustCompile(`(?i)^(?:untitled(?:[\s-]*\d+)?|document\s*\d*|doc\d+|no\s+title|title|unknown|none|blank|print|layout\s*\d+|slide\s*\d+|powerpoint\s+presentation|presentation\d*|word\s+document|adobe\s+acrobat|anonymous|\(anonymous\)|microsoft\s+word|pdf|new\s+document|sans\s+titre|ohne\s+titel|sin\s+título)$`)
)

// junkTitle reports whether t is no title a reader would give: empty, a
// placeholder, a file name or path, or no words at all.
func junkTitle(t string) bool {
	t = oneLine(t)
	if officePrefixRE.MatchString(t) {
		return true
	}
	if t == "" || placeholderTitleRE.MatchString(t) || fileNameRE.MatchString(t) ||
		strings.ContainsAny(t, `\/`) && !strings.Contains(t, " ") {
		return true
	}
	letters := 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 2 {
		return true
	}
	// "report_final_v2", "ferry-story-2017": a name made for a disk.
	return !strings.Contains(t, " ") && strings.ContainsAny(t, "_") && strings.IndexFunc(t, unicode.IsDigit) >= 0
}

// junkAuthorRE are account names office software fills in as author.
var junkAuthorRE = regexp.MustCompile(`(?i)^(?:administrator|admin|user|owner|windows\s+user|microsoft\s+office\s+user|unknown|author|default|standard|guest|test|utilisateur|benutzer)$`)

// junkAuthor reports whether a is no real author.
func junkAuthor(a string) bool {
	a = oneLine(a)
	return a == "" || junkAuthorRE.MatchString(a) || fileNameRE.MatchString(a)
}

// pdfDateRE is a PDF date, "D:20170810140300+02'00'", or an XMP one,
// "2017-08-10T14:03:00+02:00".
var pdfDateRE = regexp.MustCompile(`^(?:D:)?\s*(\d{4})-?(\d{2})-?(\d{2})`)

// pdfDate returns a PDF or XMP date as YYYY-MM-DD, or "" when it is none.
func pdfDate(s string) string {
	m := pdfDateRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return ""
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1900 || y > 2200 {
		return ""
	}
	d := isoDate("", m[1], m[2], m[3])
	return d
}

// noTextLayer is the error for a scan: it says what the editor can do,
// which depends on whether tesseract is installed.
func noTextLayer() error {
	if ocrAvailable() {
		return ErrNoTextLayer
	}
	return &pdfScanError{}
}

// pdfScanError is ErrNoTextLayer on a machine without tesseract.
type pdfScanError struct{}

func (*pdfScanError) Error() string {
	return "no text layer (a scanned PDF); recognising its text (OCR) needs tesseract, which is not installed: install tesseract-ocr, then add the file again with OCR"
}

// Is makes errors.Is true for ErrNoTextLayer.
func (*pdfScanError) Is(target error) bool { return target == ErrNoTextLayer }
