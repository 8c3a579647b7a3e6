// Command pdffixtures writes the PDF test fixtures of package ingest
// (testdata/pdf), all with invented text, so that they can be remade and
// checked: go generate ./app/ingest (see pdf_test.go). Lines are placed one
// by one, as a typesetter would, so the fixtures have exactly the line
// breaks, hyphens, columns and running heads the tests are about.
package main

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// stamp is the creation date of every fixture, so output is reproducible.
var stamp = time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)

func main() {
	out := flag.String("out", "testdata/pdf", "folder to write the fixtures to")
	flag.Parse()
	fpdf.SetDefaultCreationDate(stamp)
	fpdf.SetDefaultModificationDate(stamp)
	for name, make := range map[string]func() ([]byte, error){
		"columns.pdf":   columns,
		"running.pdf":   running,
		"ligature.pdf":  ligature,
		"rc4.pdf":       func() ([]byte, error) { return protected("") },
		"password.pdf":  func() ([]byte, error) { return protected("secret") },
		"scanned.pdf":   scanned,
		"czech.pdf":     czech,
		"untitled.pdf":  untitled,
		"blank.pdf":     blank,
		"landscape.pdf": landscape,
	} {
		b, err := make()
		if err != nil {
			log.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(*out, name), b, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// newDoc is an A4 document in points with a fixed date and sorted
// catalogue, so that the same input gives the same bytes.
func newDoc() *fpdf.Fpdf {
	p := fpdf.New("P", "pt", "A4", "")
	p.SetCatalogSort(true)
	p.SetCreationDate(stamp)
	p.SetModificationDate(stamp)
	p.SetAutoPageBreak(false, 0)
	return p
}

func output(p *fpdf.Fpdf) ([]byte, error) {
	var b bytes.Buffer
	err := p.Output(&b)
	return b.Bytes(), err
}

// lines draws lines of text from (x, y) down, lead points apart; a line
// starting with a tab is indented by an em.
func lines(p *fpdf.Fpdf, x, y, lead float64, ls []string) float64 {
	size, _ := p.GetFontSize()
	for _, l := range ls {
		dx := 0.0
		if strings.HasPrefix(l, "\t") {
			l, dx = l[1:], size
		}
		p.Text(x+dx, y, l)
		y += lead
	}
	return y
}

// heads draws a running head and a numbered foot on the current page.
func heads(p *fpdf.Fpdf, left, right string, page int) {
	p.SetFont("Helvetica", "", 8)
	p.Text(56, 40, left)
	w := p.GetStringWidth(right)
	p.Text(539-w, 40, right)
	foot := fmt.Sprintf("Page %d", page)
	p.Text(297.5-p.GetStringWidth(foot)/2, 810, foot)
}

// columns is a two-page report in two columns under a headline that spans
// both, with running heads, indented paragraphs and words hyphenated at
// line ends (one a real compound, "well-known", written whole elsewhere).
func columns() ([]byte, error) {
	p := newDoc()
	p.SetTitle("Ferry inquiry hears of missed warnings", true)
	p.SetAuthor("Mara Lind", true)
	p.AddPage()
	heads(p, "THE HARBOUR GAZETTE", "Ferry inquiry", 1)
	p.SetFont("Helvetica", "B", 20)
	p.Text(56, 90, "Ferry inquiry hears of missed warnings")
	p.SetFont("Times", "", 10)
	left := []string{
		"The inquiry into the grounding of the",
		"ferry Nordlys heard on Tuesday that the",
		"crew had been warned twice about the",
		"shifting sandbank. The harbour master",
		"said the first warning was sent by radio",
		"at dawn and the second by telephone an",
		"hour before the ferry left the quay. Both",
		"warnings were logged, but neither reached",
		"the bridge, the inquiry was told.",
		"\tThe well-known pilot Ivar Holm told",
		"the panel that the channel markers had",
		"been moved after the spring storms, and",
		"that the new positions were never publi-",
		"shed in the notices to mariners. He said",
		"that the reconstruc-",
	}
	right := []string{
		"tion of the route would take months.",
		"\tForty-one passengers were on board",
		"when the ferry struck the bank. Nine",
		"were taken to hospital with minor inju-",
		"ries and all were released by evening.",
		"The operator said it would cooperate",
		"fully with the inquiry and had sus-",
		"pended night crossings until the marks",
		"are checked.",
		"\tA well-",
		"known local skipper, Anna Berg, said",
		"that fishermen had complained about the",
		"markers for years. The inquiry resumes",
		"on Thursday with evidence from the crew",
		"of the ferry and from the coastguard.",
	}
	lines(p, 56, 130, 12, left)
	lines(p, 307, 130, 12, right)
	p.AddPage()
	heads(p, "THE HARBOUR GAZETTE", "Ferry inquiry", 2)
	p.SetFont("Times", "", 10)
	left2 := []string{
		"\tThe coastguard officer on duty that",
		"night said the radio warning had been",
		"repeated on the working channel. The",
		"ferry's log shows no entry for it. The",
		"officer said the set on the bridge may",
		"have been tuned to another channel.",
	}
	right2 := []string{
		"\tThe panel will report to the minister",
		"by the end of the summer. Its chair said",
		"the report would name no one but would",
		"set out what went wrong and how the",
		"harbour can stop it from happening",
		"again.",
	}
	lines(p, 56, 80, 12, left2)
	lines(p, 307, 80, 12, right2)
	return output(p)
}

// running is a three-page single-column report whose heads and feet come
// back on every page, with a paragraph that goes on over a page break.
func running() ([]byte, error) {
	p := newDoc()
	p.SetTitle("Council of Lindby: minutes of the budget meeting", true)
	paras := [][]string{
		{"The council met on Monday evening to vote on the budget for the coming year. All",
			"eleven members were present, and the public gallery was full."},
		{"\tThe mayor opened the meeting by reading a letter from the residents of the harbour",
			"district, who asked for the footbridge to be repaired before the winter. The letter",
			"had two hundred signatures."},
		{"\tThe treasurer presented the accounts. Income from the harbour fees had fallen by",
			"eight per cent, she said, because fewer ferries had called at the town since the",
			"grounding in March. Spending on roads would have to be cut."},
	}
	page2 := [][]string{
		{"\tA member of the opposition asked why the school roof was not in the plan. The",
			"treasurer said the roof would be paid for from the reserve fund, which the council",
			"had agreed to use for repairs that could not wait. The member said that this was"},
	}
	page3 := [][]string{
		{"not what the council had been told in January, and asked for the minutes of that",
			"meeting to be read. They were read, and the treasurer's account was found to be",
			"correct."},
		{"\tThe budget was carried by seven votes to four. The footbridge will be repaired in",
			"October."},
	}
	for i, pg := range [][][]string{paras, page2, page3} {
		p.AddPage()
		heads(p, "Council of Lindby", "Minutes, 11 March 2024", i+1)
		p.SetFont("Times", "", 11)
		y := 90.0
		for _, para := range pg {
			y = lines(p, 56, y, 14, para) + 4
		}
	}
	return output(p)
}

// protected is a one-page report encrypted with RC4 (what fpdf offers):
// with an empty user password it opens without one, as readers open it.
func protected(user string) ([]byte, error) {
	p := newDoc()
	p.SetProtection(fpdf.CnProtectPrint, user, "owner-of-the-harbour")
	p.AddPage()
	p.SetFont("Helvetica", "", 12)
	lines(p, 56, 90, 16, []string{
		"The harbour office will publish the new channel charts on Friday.",
		"Copies will be posted at the ferry terminal and the fish market.",
	})
	return output(p)
}

// czech is a report in Czech, set in a TrueType font with a Unicode map.
func czech() ([]byte, error) {
	p := newDoc()
	p.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
	p.SetTitle("Trajekt najel na mělčinu", true)
	p.AddPage()
	p.SetFont("goregular", "", 12)
	lines(p, 56, 90, 16, []string{
		"Trajekt Nordlys v úterý ráno najel na mělčinu u vjezdu do přístavu.",
		"Na palubě bylo jednačtyřicet cestujících; devět z nich ošetřili lékaři.",
		"Přístavní kapitán řekl, že posádka dostala dvě varování.",
	})
	return output(p)
}

// untitled has the title and author office software leaves behind, which
// must not become the report's.
func untitled() ([]byte, error) {
	p := newDoc()
	p.SetTitle("Microsoft Word - statement_final_v2.docx", true)
	p.SetAuthor("Administrator", true)
	p.AddPage()
	p.SetFont("Helvetica", "B", 16)
	p.Text(56, 80, "Statement by the harbour board")
	p.SetFont("Helvetica", "", 11)
	lines(p, 56, 110, 14, []string{
		"The board regrets the grounding of the Nordlys and thanks the crews",
		"of the lifeboats for their work.",
	})
	return output(p)
}

// blank is a page with nothing on it.
func blank() ([]byte, error) {
	p := newDoc()
	p.AddPage()
	return output(p)
}

// landscape is a page turned with /Rotate-like text drawn upwards: the
// text runs bottom to top, as on a landscape table printed portrait.
func landscape() ([]byte, error) {
	p := newDoc()
	p.AddPage()
	p.SetFont("Helvetica", "", 12)
	p.TransformBegin()
	p.TransformRotate(90, 300, 500)
	lines(p, 200, 500, 16, []string{
		"Departures will resume at six on Monday morning.",
		"The timetable is unchanged for the rest of the week.",
	})
	p.TransformEnd()
	return output(p)
}

// scanned is a page that is only an image of text, as a scanner makes it.
func scanned() ([]byte, error) {
	img, err := textImage([]string{
		"The harbour board will meet again",
		"on Thursday to hear the pilots.",
	})
	if err != nil {
		return nil, err
	}
	p := newDoc()
	p.AddPage()
	p.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(img))
	p.ImageOptions("scan", 0, 0, 595.28, 841.89, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	return output(p)
}

// textImage renders lines of black text on white, at about 200 dpi for
// an A4 page, in the Go font.
func textImage(ls []string) ([]byte, error) {
	const w, h = 1654, 2339
	img := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	f, err := opentype.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: 36, DPI: 96, Hinting: font.HintingFull})
	if err != nil {
		return nil, err
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(color.Black), Face: face}
	for i, l := range ls {
		d.Dot = fixed.P(160, 300+i*80)
		d.DrawString(l)
	}
	var b bytes.Buffer
	err = png.Encode(&b, img)
	return b.Bytes(), err
}

// ligature is a PDF written by hand: its font draws the ligature glyphs
// fi and fl, and its Unicode map says they are U+FB01 and U+FB02, as
// TeX and InDesign output does. Readers give the ligature characters; the
// report must read "final" and "flight".
func ligature() ([]byte, error) {
	cmap := `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<01> <FB01>
<02> <FB02>
endbfchar
1 beginbfrange
<20> <7E> <0020>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
`
	content := "BT /F1 14 Tf 56 760 Td (The \x01nal \x02ight left at nine. The \x01rst \x02oor was \x01lled.) Tj ET\n"
	var body bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, body.Len())
		fmt.Fprintf(&body, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	stream := func(dict string, data []byte) {
		var z bytes.Buffer
		zw := zlib.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		obj(fmt.Sprintf("<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", dict, z.Len(), z.Bytes()))
	}
	body.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
	stream("", []byte(content))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> /ToUnicode 6 0 R >>")
	stream("", []byte(cmap))
	obj("<< /Title (Ferry timetable) /Author (Harbour office) /CreationDate (D:20240314093000Z) >>")
	xref := body.Len()
	fmt.Fprintf(&body, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&body, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&body, "trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, len(offsets), xref)
	return body.Bytes(), nil
}
