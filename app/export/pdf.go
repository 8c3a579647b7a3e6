package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"parallax/assets"
)

// papers are the page sizes a PDF export offers, by lower-case name. The
// margins leave room for the running header and the page numbers.
var papers = map[string]paper{
	"a4":     {name: "A4", w: 210, h: 297, left: 18, right: 18, top: 22, bottom: 20},
	"letter": {name: "Letter", w: 215.9, h: 279.4, left: 19, right: 19, top: 22, bottom: 20},
}

// paperOf returns the paper named (case-insensitively) by name; "" is A4.
func paperOf(name string) (paper, error) {
	if name == "" {
		name = "a4"
	}
	p, ok := papers[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return paper{}, fmt.Errorf("unknown paper size %q (use A4 or Letter)", name)
	}
	return p, nil
}

// fontFamily is the embedded font's name inside the PDF.
const fontFamily = "DejaVuSans"

// newFpdf starts a PDF on p with the embedded font's three faces, its
// metadata fixed by m and opt (the editor as its author) rather than by the
// clock, so that the same memo always gives the same bytes.
func newFpdf(p paper, m *Memo, opt Options) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: p.w, Ht: p.h}})
	font := assets.DejaVuSans()
	pdf.AddUTF8FontFromBytes(fontFamily, regular.fpdfStyle(), font.Regular)
	pdf.AddUTF8FontFromBytes(fontFamily, bold.fpdfStyle(), font.Bold)
	pdf.AddUTF8FontFromBytes(fontFamily, italic.fpdfStyle(), font.Italic)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCatalogSort(true)
	date := m.Date
	if date.IsZero() {
		date = time.Unix(0, 0)
	}
	pdf.SetCreationDate(date.UTC())
	pdf.SetModificationDate(date.UTC())
	pdf.SetTitle(m.title(), true)
	pdf.SetCreator("Parallax", true)
	if ed := oneLine(opt.Editor); ed != "" {
		pdf.SetAuthor(ed, true)
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf font: %w", err)
	}
	return pdf, nil
}

// measurer returns pdf's measure of text widths in the embedded font.
func measurer(pdf *fpdf.Fpdf) measureFunc {
	return func(f face, size float64, s string) float64 {
		pdf.SetFont(fontFamily, f.fpdfStyle(), size)
		return pdf.GetStringWidth(s)
	}
}

// PDF writes m as a paginated memo in the Markdown memo's order (when and
// by whom it was exported, the reports, summary, shared claims, links,
// single-source claims, orphaned notes) on opt.Paper (A4 or Letter), with
// the comparison's name at the top of each page and "Page 3 of 9" at the
// bottom. Word differences are coloured as in the window, a weak match's
// heading in grey italics; a row is kept on one page when it fits. The font is
// embedded (assets.DejaVuSans), so the file prints the same everywhere.
func PDF(w io.Writer, m *Memo, opt Options) error {
	p, err := paperOf(opt.Paper)
	if err != nil {
		return err
	}
	pdf, err := newFpdf(p, m, opt)
	if err != nil {
		return err
	}
	for _, page := range layoutPDF(m, opt, p, measurer(pdf)) {
		pdf.AddPage()
		for _, o := range page {
			draw(pdf, o)
		}
	}
	return pdf.Output(w)
}

// draw replays one op on pdf's current page.
func draw(pdf *fpdf.Fpdf, o op) {
	r, g, b := int(o.color[0]), int(o.color[1]), int(o.color[2])
	switch o.kind {
	case opText:
		pdf.SetFont(fontFamily, o.face.fpdfStyle(), o.size)
		pdf.SetTextColor(r, g, b)
		pdf.Text(o.x, o.y, o.text)
	case opFill:
		pdf.SetFillColor(r, g, b)
		pdf.Rect(o.x, o.y, o.w, o.h, "F")
	case opLine:
		pdf.SetDrawColor(r, g, b)
		pdf.SetLineWidth(o.size)
		pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	}
}
