package ingest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// rawPDF writes a PDF of the given objects (numbered from 1; object 1 is
// the catalogue) with a correct cross-reference table.
func rawPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	var offs []int
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// stream is a content stream object holding data, deflated.
func stream(dict string, data []byte) string {
	var z bytes.Buffer
	w, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	w.Write(data)
	w.Close()
	return fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes())
}

const (
	catalog = "<< /Type /Catalog /Pages 2 0 R >>"
	onePage = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
	page    = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> /XObject << /X1 5 0 R >> >> /Contents 4 0 R >>"
)

// hostilePDFs are files made to exhaust or crash a reader. The
// decompression bomb is built only when big is true (it costs a second).
func hostilePDFs() map[string][]byte {
	kids := strings.Repeat("3 0 R ", 100000)
	return map[string][]byte{
		"deep arrays":  rawPDF("<< /Type /Catalog /Pages 2 0 R /Deep "+strings.Repeat("[", 200000)+strings.Repeat("]", 200000)+" >>", onePage, page, stream("", []byte("BT /F1 12 Tf 72 720 Td (deep) Tj ET"))),
		"deep dicts":   rawPDF(catalog, onePage, page, stream("", []byte("BT /F1 12 Tf 72 720 Td (x) Tj ET "+strings.Repeat("<< /A ", 100000)))),
		"page loop":    rawPDF(catalog, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"),
		"self kid":     rawPDF(catalog, "<< /Type /Pages /Kids [2 0 R] /Count 5 >>"),
		"many pages":   rawPDF(catalog, "<< /Type /Pages /Kids ["+kids+"] /Count 100000 >>", page, stream("", []byte("BT /F1 12 Tf 72 720 Td (p) Tj ET"))),
		"huge length":  rawPDF(catalog, onePage, page, "<< /Length 999999999999 >>\nstream\nBT /F1 12 Tf 72 720 Td (x) Tj ET\nendstream"),
		"many glyphs":  rawPDF(catalog, onePage, page, stream("", []byte("BT /F1 1 Tf 0 0 Td "+strings.Repeat("(abcdefgh) Tj ", 60000)+"ET"))),
		"form loop":    rawPDF(catalog, onePage, page, stream("", []byte("/X1 Do")), stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X1 5 0 R >> >>", []byte("BT /F1 12 Tf 0 0 Td (f) Tj ET /X1 Do"))),
		"xref loop":    append(rawPDF(catalog, onePage), []byte("xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 3 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF\n")...),
		"huge cmap":    rawPDF(catalog, onePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>", stream("", []byte("BT /F1 12 Tf 72 720 Td <0041> Tj ET")), "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>", stream("", []byte("begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange "+strings.Repeat("1 beginbfchar <0041> <0042> endbfchar ", 50000)+"endcmap"))),
		"giant page":   rawPDF(catalog, onePage, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /UserUnit 75000 /Contents 4 0 R >>", stream("", []byte("BT /F1 12 Tf 72 720 Td (x) Tj ET"))),
		"nan matrix":   rawPDF(catalog, onePage, page, stream("", []byte("BT /F1 12 Tf 1e308 1e308 1e308 1e308 1e308 1e308 Tm (x) Tj ET"))),
		"no xref":      []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj 3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj 4 0 obj << /Length 5"),
		"binary after": append([]byte("%PDF-1.5\n"), bytes.Repeat([]byte{0xff, 0x00, 0x13, 0x37}, 100000)...),
	}
}

// bomb is a page whose content stream inflates to 600 MB.
func bomb() []byte {
	return rawPDF(catalog, onePage, page, stream("", bytes.Repeat([]byte(" "), 600<<20)))
}

func TestPDFBomb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 600 MB stream")
	}
	pureGo(t)
	src := bomb()
	t.Logf("bomb is %d bytes", len(src))
	start := time.Now()
	_, err := Read("bomb.pdf", src, Meta{})
	// A few seconds of work; the limit allows for a machine shared with
	// other jobs.
	if d := time.Since(start); d > raceSlowdown*20*time.Second {
		t.Errorf("took %v", d)
	}
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v", err)
	}
}

// FuzzPDF reads any bytes as a PDF: no panic, a failure is one of the
// package's errors on one line, and a text keeps the contract.
func FuzzPDF(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "pdf", "*.pdf"))
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil && len(b) < 20000 {
			f.Add(b)
			f.Add(b[:len(b)/2])
		}
	}
	for name, b := range hostilePDFs() {
		if len(b) < 50000 && name != "many glyphs" {
			f.Add(b)
		}
	}
	known := []error{ErrDamaged, ErrEmpty, ErrPassword, ErrEncrypted, ErrNoTextLayer, ErrTooLarge, ErrBinary}
	f.Fuzz(func(t *testing.T, data []byte) {
		usePdftotext = false
		d, err := Read("f.pdf", data, Meta{})
		if err != nil {
			ok := false
			for _, k := range known {
				ok = ok || errors.Is(err, k)
			}
			if !ok || strings.Contains(err.Error(), "\n") {
				t.Fatalf("unexpected error %q", err)
			}
			return
		}
		if d.Report.Format == "pdf" {
			checkPDFText(t, d.Report.Text)
		}
	})
}

// benchPDF is a report of n pages of two columns, made with fpdf.
func benchPDF(n int) []byte {
	p := fpdf.New("P", "pt", "A4", "")
	p.SetAutoPageBreak(false, 0)
	line := "the ferry left the quay an hour late and struck the shifting bank"
	for i := 0; i < n; i++ {
		p.AddPage()
		p.SetFont("Helvetica", "", 8)
		p.Text(56, 40, "THE HARBOUR GAZETTE")
		p.Text(280, 810, fmt.Sprintf("Page %d", i+1))
		p.SetFont("Times", "", 10)
		for j := 0; j < 60; j++ {
			p.Text(56, 80+float64(j)*12, line[:30+j%30])
			p.Text(307, 80+float64(j)*12, line[:30+(j+7)%30])
		}
	}
	var b bytes.Buffer
	p.Output(&b)
	return b.Bytes()
}

// BenchmarkPDF measures PDF import per page: PDFium alone (the default,
// pure Go) and pdftotext's reading (where installed), each through the
// same layout, on a 20-page two-column report.
func BenchmarkPDF(b *testing.B) {
	const pages = 20
	src := benchPDF(pages)
	readers := map[string]func([]byte) (pdfDoc, error){"pdfium": readPDFium, "pdftotext": readPdftotext}
	for _, name := range []string{"pdfium", "pdftotext"} {
		b.Run(name, func(b *testing.B) {
			if name == "pdftotext" && pdftotextPath() == "" {
				b.Skip("pdftotext is not installed")
			}
			if _, err := readPDFium(src); err != nil { // start the engine first
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				doc, err := readers[name](src)
				if err != nil {
					b.Fatal(err)
				}
				layoutDoc(doc)
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)/pages, "ms/page")
		})
	}
}
