package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestPDFFolder is a measuring tool, not a test: with PDF_DIR set to a
// folder of PDFs it reads each with PDFium and with pdftotext and prints,
// per file, both readings' scores (readingScore) and times, the reader
// Read keeps, and its error or title; with PDF_OUT set it writes each
// reading there (pdfium/, pdftotext/, chosen/) to compare by eye.
//
//	PDF_DIR=~/pdfs go test -run TestPDFFolder -v ./app/ingest
func TestPDFFolder(t *testing.T) {
	dir, out := os.Getenv("PDF_DIR"), os.Getenv("PDF_OUT")
	if dir == "" {
		t.Skip("set PDF_DIR to a folder of PDFs")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		name := filepath.Base(f)
		line := fmt.Sprintf("%-40.40s", name)
		for _, r := range []struct {
			name string
			read func([]byte) (pdfDoc, error)
		}{{readerPDFium, readPDFium}, {readerPdftotext, readPdftotext}} {
			start := time.Now()
			doc, err := r.read(src)
			var text string
			score := 0.0
			if err == nil {
				text = layoutDoc(doc)
				score = readingScore(text, doc)
			}
			line += fmt.Sprintf(" %s %.3f %5dms", r.name, score, time.Since(start).Milliseconds())
			if out != "" {
				os.MkdirAll(filepath.Join(out, r.name), 0o755)
				os.WriteFile(filepath.Join(out, r.name, name+".txt"), []byte(text), 0o644)
			}
		}
		start := time.Now()
		d, err := Read(name, src, Meta{})
		line += fmt.Sprintf(" | %-9s %5dms ", d.Encoding, time.Since(start).Milliseconds())
		if err != nil {
			line += "refused: " + err.Error()
		} else {
			line += fmt.Sprintf("%q", d.Report.Title)
			if out != "" {
				os.MkdirAll(filepath.Join(out, "chosen"), 0o755)
				os.WriteFile(filepath.Join(out, "chosen", name+".txt"), []byte(d.Report.Text), 0o644)
			}
		}
		fmt.Println(line)
	}
}
