package ingest

// OCR of scanned pages with tesseract, when installed and asked for
// (Options.OCR). Pages are rendered with Poppler's pdftoppm when it is
// installed, else with PDFium; tesseract's words, with their boxes, then
// go through the same layout as a text layer, so running heads, columns,
// paragraphs and hyphens are treated alike.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

const (
	// ocrDPI is the resolution pages are rendered at: tesseract reads
	// body text best at about 300 dpi.
	ocrDPI = 300
	// ocrMaxPixels bounds a rendered page's longer side, so a poster-sized
	// page is rendered at a lower resolution rather than filling memory.
	ocrMaxPixels = 6000
)

var (
	tesseractPath = sync.OnceValue(func() string { return lookTool("tesseract") })
	pdftoppmPath  = sync.OnceValue(func() string { return lookTool("pdftoppm") })
)

// ocrAvailable reports whether tesseract is installed.
func ocrAvailable() bool { return tesseractPath() != "" }

// recognise replaces the pages of doc that have images but no text with
// the words tesseract reads on them.
func recognise(src []byte, doc *pdfDoc) error {
	if !ocrAvailable() {
		return noTextLayer()
	}
	var pages []int
	for i, p := range doc.pages {
		if !hasText(p) && p.images > 0 {
			pages = append(pages, i)
		}
	}
	if len(pages) == 0 {
		return nil
	}
	dir, err := os.MkdirTemp("", "parallax-ocr-*")
	if err != nil {
		return fmt.Errorf("OCR: %w", err)
	}
	defer os.RemoveAll(dir)
	found := false
	err = renderPages(src, doc, pages, dir, func(i int, path string, dpi int) error {
		words, size, err := tesseractPage(path, dpi)
		if err != nil {
			return err
		}
		p := &doc.pages[i]
		p.glyphs, p.width, p.height = words, size[0], size[1]
		found = found || len(words) > 0
		return nil
	})
	if err != nil {
		return fmt.Errorf("OCR: %w", err)
	}
	if !found {
		return errors.New("OCR found no text on the scanned pages")
	}
	return nil
}

// pageDPI is the resolution to render page p at.
func pageDPI(p pdfPage) int {
	side := max(p.width, p.height)
	if side <= 0 {
		return ocrDPI
	}
	return max(36, min(ocrDPI, int(ocrMaxPixels*72/side)))
}

// renderPages writes the given pages as PNG files in dir and calls f on
// each, with pdftoppm when installed, else with PDFium.
func renderPages(src []byte, doc *pdfDoc, pages []int, dir string, f func(i int, path string, dpi int) error) error {
	if bin := pdftoppmPath(); bin != "" {
		in, cleanup, err := tempCopy(src, "parallax-*.pdf")
		if err != nil {
			return err
		}
		defer cleanup()
		for _, i := range pages {
			dpi := pageDPI(doc.pages[i])
			base := filepath.Join(dir, "page"+strconv.Itoa(i+1))
			n := strconv.Itoa(i + 1)
			if _, _, err := runTool(bin, "-q", "-r", strconv.Itoa(dpi), "-gray", "-png", "-singlefile", "-f", n, "-l", n, in, base); err != nil {
				return fmt.Errorf("render page %s: %w", n, err)
			}
			if err := f(i, base+".png", dpi); err != nil {
				return err
			}
		}
		return nil
	}
	for _, i := range pages {
		dpi := pageDPI(doc.pages[i])
		err := renderPDFium(src, []int{i}, dpi, func(i int, img image.Image) error {
			path := filepath.Join(dir, "page"+strconv.Itoa(i+1)+".png")
			out, err := os.Create(path)
			if err != nil {
				return err
			}
			if err := png.Encode(out, img); err != nil {
				out.Close()
				return err
			}
			if err := out.Close(); err != nil {
				return err
			}
			return f(i, path, dpi)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// tesseractPage recognises the page image at path, rendered at dpi, and
// returns its words as glyphs in page space (points, y up) and the page's
// width and height in points, as rendered. Each word
// takes its line's box, so the words of a line share a baseline however
// their letters rise and fall.
func tesseractPage(path string, dpi int) ([]glyph, [2]float64, error) {
	var size [2]float64
	out, _, err := runTool(tesseractPath(), path, "stdout", "tsv")
	if err != nil {
		return nil, size, fmt.Errorf("tesseract: %w", err)
	}
	img, err := imageSize(path)
	if err != nil {
		return nil, size, err
	}
	pt := 72 / float64(dpi)
	height := float64(img.Y) * pt
	size = [2]float64{float64(img.X) * pt, height}
	type box struct{ top, bottom float64 }
	lines := map[string]box{}
	var words []glyph
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		// level page block par line word left top width height conf text
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 12 || f[0] == "level" {
			continue
		}
		num := func(i int) float64 { v, _ := strconv.ParseFloat(f[i], 64); return v }
		key := f[2] + "." + f[3] + "." + f[4]
		left, top, w, h := num(6), num(7), num(8), num(9)
		switch f[0] {
		case "4":
			lines[key] = box{top, top + h}
		case "5":
			text := strings.TrimSpace(f[11])
			if text == "" || num(10) < 0 {
				continue
			}
			lb, ok := lines[key]
			if !ok {
				lb = box{top, top + h}
			}
			g := glyph{text: text, word: true,
				x0: left * pt, x1: (left + w) * pt,
				y0: height - lb.bottom*pt, y1: height - lb.top*pt}
			g.size = (g.y1 - g.y0) / 1.15
			words = append(words, g)
		}
	}
	return words, size, sc.Err()
}

// imageSize reads the pixel size of a PNG file.
func imageSize(path string) (image.Point, error) {
	f, err := os.Open(path)
	if err != nil {
		return image.Point{}, err
	}
	defer f.Close()
	c, err := png.DecodeConfig(f)
	if err != nil {
		return image.Point{}, fmt.Errorf("page image: %w", err)
	}
	return image.Point{c.Width, c.Height}, nil
}
