package export_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"parallax/app/export"
)

// TestPDF checks the file itself: a PDF, as many pages as the layout, the
// paper asked for, and the same bytes every time.
func TestPDF(t *testing.T) {
	m := annotated(t)
	for _, tc := range []struct{ paper, mediaBox string }{
		{"", "/MediaBox [0 0 595.28 841.89]"},
		{"a4", "/MediaBox [0 0 595.28 841.89]"},
		{"Letter", "/MediaBox [0 0 612.00 792.00]"},
		{"LETTER", "/MediaBox [0 0 612.00 792.00]"},
	} {
		t.Run(tc.paper, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := export.Write(&a, "pdf", m, export.Options{Paper: tc.paper}); err != nil {
				t.Fatal(err)
			}
			if err := export.Write(&b, "pdf", m, export.Options{Paper: tc.paper}); err != nil {
				t.Fatal(err)
			}
			pdf := a.Bytes()
			if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(pdf), []byte("%%EOF")) {
				t.Fatalf("not a PDF: starts %.10q", pdf)
			}
			if !bytes.Equal(pdf, b.Bytes()) {
				t.Error("two exports of one memo differ")
			}
			_, pages, err := export.LayoutPDF(m, export.Options{Paper: tc.paper})
			if err != nil {
				t.Fatal(err)
			}
			if want := fmt.Sprintf("/Count %d", pages); pages < 2 || !bytes.Contains(pdf, []byte(want)) {
				t.Errorf("%d pages laid out; the file lacks %q", pages, want)
			}
			if !bytes.Contains(pdf, []byte(tc.mediaBox)) {
				t.Errorf("no %s", tc.mediaBox)
			}
			if !bytes.Contains(pdf, []byte("/CreationDate (D:20250316093000)")) {
				t.Error("creation date is not the memo's")
			}
		})
	}
}

func TestPDFPaper(t *testing.T) {
	var b bytes.Buffer
	err := export.Write(&b, "pdf", annotated(t), export.Options{Paper: "A5"})
	if err == nil || !strings.Contains(err.Error(), `"A5"`) || !strings.Contains(err.Error(), "Letter") {
		t.Errorf("paper A5: %v", err)
	}
}

// TestPDFLayout checks what the layout promises on the samples: every page
// numbered "Page i of n", the name at the top of every page, and no text
// outside the page's margins.
func TestPDFLayout(t *testing.T) {
	m := annotated(t)
	for _, paper := range []string{"A4", "Letter"} {
		text, pages, err := export.LayoutPDF(m, export.Options{Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i <= pages; i++ {
			if !strings.Contains(text, fmt.Sprintf(`"Page %d of %d"`, i, pages)) {
				t.Errorf("%s: page %d has no number", paper, i)
			}
		}
		if n := strings.Count(text, `"MV Lulinda: how many died?"`); n != pages+1 { // each header and the title
			t.Errorf("%s: the name appears %d times on %d pages", paper, n, pages)
		}
		w, h := 210.0, 297.0
		if paper == "Letter" {
			w, h = 215.9, 279.4
		}
		for _, l := range strings.Split(text, "\n") {
			var x, y float64
			if _, err := fmt.Sscanf(l, "text %f %f", &x, &y); err == nil && (x < 10 || x > w-15 || y < 10 || y > h-8) {
				t.Errorf("%s: text off the page: %s", paper, l)
			}
		}
	}
}
