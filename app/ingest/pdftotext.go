package ingest

// Poppler's pdftotext, when installed, as a second reader of a PDF. It is
// run with -bbox-layout, which gives every word with its box, so its
// reading goes through the same layout as PDFium's and the two are
// compared on their characters alone.

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

const (
	// externalBudget is how long an external program (pdftotext,
	// pdftoppm, tesseract on one page) may run: pdftotext reads a
	// thousand-page book in a few seconds, tesseract a page in ten.
	externalBudget = 30 * time.Second
	// maxToolOutput bounds what is read from an external program.
	maxToolOutput = 256 << 20
)

// usePdftotext turns the second reader off (tests of the pure-Go path).
var usePdftotext = true

// pdftotextPath is where pdftotext is installed, "" when it is not.
var pdftotextPath = sync.OnceValue(func() string { return lookTool("pdftotext") })

// lookTool returns the path of an installed program, or "".
func lookTool(name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		return ""
	}
	return p
}

// readPdftotext reads src with pdftotext. It returns an error when
// pdftotext is not installed or fails; ErrPassword when the file needs one.
func readPdftotext(src []byte) (pdfDoc, error) {
	bin := pdftotextPath()
	if bin == "" || !usePdftotext {
		return pdfDoc{}, errors.New("pdftotext is not installed")
	}
	path, cleanup, err := tempCopy(src, "parallax-*.pdf")
	if err != nil {
		return pdfDoc{}, err
	}
	defer cleanup()
	out, stderr, err := runTool(bin, "-q", "-enc", "UTF-8", "-bbox-layout", path, "-")
	if err != nil {
		if strings.Contains(strings.ToLower(stderr), "password") {
			return pdfDoc{}, ErrPassword
		}
		return pdfDoc{}, fmt.Errorf("%w: pdftotext: %v", ErrDamaged, err)
	}
	doc, err := parseBBox(out)
	if err != nil {
		return pdfDoc{}, fmt.Errorf("%w: pdftotext: %v", ErrDamaged, err)
	}
	return doc, nil
}

// tempCopy writes src to a new temporary file for a program to read.
func tempCopy(src []byte, pattern string) (string, func(), error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return "", nil, fmt.Errorf("temporary copy: %w", err)
	}
	cleanup := func() { os.Remove(f.Name()) }
	if _, err := f.Write(src); err != nil {
		f.Close()
		cleanup()
		return "", nil, fmt.Errorf("temporary copy: %w", err)
	}
	if err := f.Close(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("temporary copy: %w", err)
	}
	return f.Name(), cleanup, nil
}

// runTool runs a program with a time limit and a bound on its output,
// returning its standard output and error.
func runTool(bin string, args ...string) ([]byte, string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), externalBudget)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	stdout := limitedBuffer{max: maxToolOutput, fail: true}
	stderr := limitedBuffer{max: 64 << 10}
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	switch {
	case ctx.Err() != nil:
		return nil, stderr.String(), fmt.Errorf("%s took longer than %s", bin, externalBudget)
	case stdout.over:
		return nil, stderr.String(), fmt.Errorf("%s wrote more than %d MB", bin, maxToolOutput>>20)
	case err != nil:
		return nil, stderr.String(), fmt.Errorf("%v: %s", err, firstLine(stderr.String()))
	}
	return stdout.Bytes(), stderr.String(), nil
}

// limitedBuffer keeps at most max bytes and notes when more came. With
// fail set, a write past the limit fails, which closes the pipe and so
// stops the program; without, the rest is dropped.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	fail bool
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		if b.fail {
			return 0, errors.New("output too large")
		}
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// parseBBox reads pdftotext's -bbox-layout XHTML: the document's metadata
// and, per page, its words with their boxes (y from the top, turned to
// page space, y up, as the layout expects from a reader).
func parseBBox(out []byte) (pdfDoc, error) {
	doc := pdfDoc{reader: readerPdftotext, info: map[string]string{}}
	d := xml.NewDecoder(bytes.NewReader(xmlChars(out)))
	d.Strict = false
	d.AutoClose = xml.HTMLAutoClose
	d.Entity = xml.HTMLEntity
	var (
		page   *pdfPage
		word   *glyph
		text   strings.Builder
		inTitl bool
	)
	attr := func(e xml.StartElement, name string) float64 {
		for _, a := range e.Attr {
			if a.Name.Local == name {
				v, _ := strconv.ParseFloat(a.Value, 64)
				return v
			}
		}
		return 0
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return pdfDoc{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "title":
				inTitl = true
				text.Reset()
			case "meta":
				var name, content string
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "name":
						name = a.Value
					case "content":
						content = a.Value
					}
				}
				if name != "" && content != "" {
					doc.info[name] = content
				}
			case "page":
				doc.pages = append(doc.pages, pdfPage{width: attr(t, "width"), height: attr(t, "height")})
				page = &doc.pages[len(doc.pages)-1]
			case "word":
				if page == nil {
					continue
				}
				h := page.height
				word = &glyph{word: true,
					x0: attr(t, "xMin"), x1: attr(t, "xMax"),
					y0: h - attr(t, "yMax"), y1: h - attr(t, "yMin")}
				// The box is the font's ascent to descent: about 1.15 em.
				word.size = (word.y1 - word.y0) / 1.15
				text.Reset()
			}
		case xml.CharData:
			if word != nil || inTitl {
				text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "title":
				if inTitl {
					doc.info["Title"] = strings.TrimSpace(text.String())
				}
				inTitl = false
			case "word":
				if word != nil && page != nil {
					word.text = text.String()
					if len(page.glyphs) < pdfiumMaxChars {
						page.glyphs = append(page.glyphs, *word)
					}
				}
				word = nil
			}
		}
	}
	if len(doc.pages) == 0 {
		return pdfDoc{}, errors.New("no pages")
	}
	// pdftotext does not count images: a page without words may be a scan.
	for i := range doc.pages {
		if !hasText(doc.pages[i]) {
			doc.pages[i].images = 1
		}
	}
	return doc, nil
}

// xmlChars drops what XML forbids from pdftotext's output, which copies a
// font's control characters into its words as they are.
func xmlChars(b []byte) []byte {
	ok := func(r rune) bool {
		return r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	}
	clean := true
	for _, r := range string(b) {
		if !ok(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return b
	}
	return []byte(strings.Map(func(r rune) rune {
		if !ok(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, strings.ToValidUTF8(string(b), "")))
}
