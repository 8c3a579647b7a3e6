package ingest

//go:generate go run ./internal/pdffixtures -out testdata/pdf

import (
	"bytes"
	"errors"

	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// pureGo turns the pdftotext reader off for the rest of test t, so that
// the pure-Go path is what is tested whatever is installed.
func pureGo(t testing.TB) {
	usePdftotext = false
	t.Cleanup(func() { usePdftotext = true })
}

func pdfFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "pdf", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pdfGolden are the fixtures with a golden text: two columns under a
// spanning headline, running heads and feet, hyphens (a compound among
// them), a paragraph over a page break, ligatures, RC4 with an empty user
// password, Czech in a TrueType font, text drawn upwards.
var pdfGolden = []string{"columns", "running", "ligature", "rc4", "czech", "untitled", "landscape"}

// TestPDFGolden reads each fixture with PDFium alone and compares the text
// with its golden file (go test -run TestPDFGolden -update rewrites them);
// where pdftotext is installed its reading must give the same text.
func TestPDFGolden(t *testing.T) {
	for _, name := range pdfGolden {
		t.Run(name, func(t *testing.T) {
			src := pdfFixture(t, name+".pdf")
			golden := filepath.Join("testdata", "pdf", name+".txt")
			pureGo(t)
			d, err := Read(name+".pdf", src, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Encoding != readerPDFium || d.Report.Format != "pdf" {
				t.Errorf("reader %q format %q", d.Encoding, d.Report.Format)
			}
			checkPDFText(t, d.Report.Text)
			if *update {
				os.WriteFile(golden, []byte(d.Report.Text+"\n"), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Report.Text + "\n"; got != string(want) {
				t.Errorf("text differs from %s:\n%s", golden, got)
			}
			if pdftotextPath() == "" {
				return
			}
			usePdftotext = true
			alt, err := readPdftotext(src)
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			if got := cleanPDFText(layoutDoc(alt)) + "\n"; got != string(want) {
				t.Errorf("pdftotext's reading differs from %s:\n%s", golden, got)
			}
		})
	}
}

// checkPDFText checks the text contract: valid UTF-8, no control
// characters but LF, no ligature left, paragraphs apart by one blank line.
func checkPDFText(t testing.TB, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("invalid UTF-8: %q", s)
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' || r >= 0x7F && r <= 0x9F || r >= 0xFB00 && r <= 0xFB06 {
			t.Fatalf("character %U in text %q", r, s)
		}
	}
	if strings.Contains(s, "\n\n\n") {
		t.Fatalf("more than one blank line in %q", s)
	}
}

func TestPDFMeta(t *testing.T) {
	pureGo(t)
	for _, c := range []struct{ file, title, author, date string }{
		{"columns.pdf", "Ferry inquiry hears of missed warnings", "Mara Lind", "2024-03-14"},
		{"ligature.pdf", "Ferry timetable", "Harbour office", "2024-03-14"},
		// "Microsoft Word - statement_final_v2.docx" and "Administrator"
		// are the software's, not the document's.
		{"untitled.pdf", "Statement by the harbour board", "", "2024-03-14"},
	} {
		d, err := Read(c.file, pdfFixture(t, c.file), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		r := d.Report
		if r.Title != c.title || r.Author != c.author || r.Published != c.date {
			t.Errorf("%s: title %q author %q date %q, want %q %q %q", c.file, r.Title, r.Author, r.Published, c.title, c.author, c.date)
		}
	}
	// The editor's values come first.
	d, err := Read("columns.pdf", pdfFixture(t, "columns.pdf"), Meta{Title: "Mine"})
	if err != nil || d.Report.Title != "Mine" {
		t.Errorf("editor's title lost: %q %v", d.Report.Title, err)
	}
}

func TestPDFErrors(t *testing.T) {
	pureGo(t)
	cols := pdfFixture(t, "columns.pdf")
	for _, c := range []struct {
		name string
		src  []byte
		want error
	}{
		{"password", pdfFixture(t, "password.pdf"), ErrPassword},
		{"scanned", pdfFixture(t, "scanned.pdf"), ErrNoTextLayer},
		{"blank", pdfFixture(t, "blank.pdf"), ErrEmpty},
		{"truncated", cols[:200], ErrDamaged},
		{"header only", []byte("%PDF-1.7\n"), ErrDamaged},
		{"garbage", append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("\x00\xff garbage "), 500)...), ErrDamaged},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("x.pdf", c.src, Meta{})
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("message on more than one line: %q", err)
			}
		})
	}
}

// TestPDFScanMessage checks that a scan's refusal says what to do: add it
// with OCR where tesseract is installed, install tesseract where not.
func TestPDFScanMessage(t *testing.T) {
	var e error = &pdfScanError{}
	if !errors.Is(e, ErrNoTextLayer) || !strings.Contains(e.Error(), "tesseract") || !strings.Contains(e.Error(), "no text layer (a scanned PDF)") {
		t.Errorf("scan error without tesseract: %v", e)
	}
	_, err := Options{OCR: true}.Read("scan.pdf", pdfFixture(t, "scanned.pdf"), Meta{})
	if ocrAvailable() {
		return // TestPDFOCR reads it
	}
	if !errors.Is(err, ErrNoTextLayer) || !strings.Contains(err.Error(), "tesseract") {
		t.Errorf("OCR without tesseract: %v", err)
	}
}

// TestPDFOCR recognises the scanned fixture's page with tesseract (where
// installed), rendered by pdftoppm when installed, else by PDFium.
func TestPDFOCR(t *testing.T) {
	if !ocrAvailable() {
		t.Skip("tesseract is not installed")
	}
	d, err := Options{OCR: true}.Read("scan.pdf", pdfFixture(t, "scanned.pdf"), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Report.OCR || !strings.HasSuffix(d.Encoding, "+"+readerOCR) {
		t.Errorf("not marked as OCR: %v %q", d.Report.OCR, d.Encoding)
	}
	checkPDFText(t, d.Report.Text)
	for _, w := range []string{"harbour", "board", "Thursday", "pilots"} {
		if !strings.Contains(d.Report.Text, w) {
			t.Errorf("OCR text %q lacks %q", d.Report.Text, w)
		}
	}
	// Rendered by PDFium when pdftoppm is not there.
	save := pdftoppmPath
	pdftoppmPath = func() string { return "" }
	defer func() { pdftoppmPath = save }()
	d2, err := Options{OCR: true}.Read("scan.pdf", pdfFixture(t, "scanned.pdf"), Meta{})
	if err != nil || !strings.Contains(d2.Report.Text, "harbour") {
		t.Errorf("OCR of PDFium's rendering: %v %q", err, d2.Report.Text)
	}
}

func TestSniffPDF(t *testing.T) {
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"%PDF-1.7\n", true},
		{strings.Repeat("x", 1000) + "%PDF-1.4", true},
		{strings.Repeat("x", 1100) + "%PDF-1.4", false},
		{"PDF-1.4", false},
	} {
		if got := sniffPDF([]byte(c.src)); got != c.want {
			t.Errorf("sniffPDF(%.20q…) = %v", c.src, got)
		}
	}
	// A PDF named .txt is read as a PDF.
	pureGo(t)
	d, err := Read("notes.txt", pdfFixture(t, "ligature.pdf"), Meta{})
	if err != nil || d.Report.Format != "pdf" {
		t.Errorf("renamed PDF: %v %q", err, d.Report.Format)
	}
}

// TestPDFHostile reads files built to exhaust a reader: each must be
// refused (or read) within seconds, with a one-line message, no panic.
func TestPDFHostile(t *testing.T) {
	pureGo(t)
	for name, src := range hostilePDFs() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Read("x.pdf", src, Meta{})
			// Each is a few seconds of work at most; the limit allows for
			// a machine shared with other jobs.
			if d := time.Since(start); d > raceSlowdown*20*time.Second {
				t.Errorf("took %v", d)
			}
			if err != nil && strings.Contains(err.Error(), "\n") {
				t.Errorf("message on more than one line: %q", err)
			}
		})
	}
}
