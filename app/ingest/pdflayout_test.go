package ingest

import (
	"strings"
	"testing"
)

func TestUnfold(t *testing.T) {
	for in, want := range map[string]string{
		"ﬁnal ﬂight ﬀ ﬃ ﬄ ﬆ": "final flight ff ffi ffl st",
		"ﻟﺎ ﺑ":               "لا ب",     // Arabic presentation forms
		"x² ½ ™ …":           "x² ½ ™ …", // NFKC elsewhere would change what is said
		"２０２４ ＡＢ":            "2024 AB",
		"，。":                 "，。", // full-width punctuation stays
		"a\u00a0b\u2009c":    "a b c",
		"ｶﾀｶﾅ":               "カタカナ",
	} {
		if got := unfold(in); got != want {
			t.Errorf("unfold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestJoinLines(t *testing.T) {
	lex := &hyphenLexicon{words: map[string]bool{"ferryboat": true, "self-made": true}}
	for _, c := range []struct {
		lines []string
		want  string
	}{
		{[]string{"the recon-", "struction of"}, "the reconstruction of"}, // WordNet knows it
		{[]string{"a well-", "known pilot"}, "a well-known pilot"},        // two words, no joined one
		{[]string{"the ferry-", "boat left"}, "the ferryboat left"},       // the document writes it whole
		{[]string{"a self-", "made man"}, "a self-made man"},              // the document writes it hyphenated
		{[]string{"Anglo-", "Saxon"}, "Anglo-Saxon"},                      // capital after the hyphen
		{[]string{"COVID-", "19 cases"}, "COVID-19 cases"},                // a number goes on the word
		{[]string{"exam\u00ad", "ple"}, "example"},                        // soft hyphen
		{[]string{"pro-", "posal"}, "proposal"},                           // default: the typesetter's
		{[]string{"北京市", "上海市"}, "北京市上海市"},                                // no space between CJK lines
		{[]string{"ﬁrst", "line"}, "first line"},                          // ligature
		{[]string{"pages 3 -", "5"}, "pages 3 - 5"},                       // a dash, not a hyphen
		{[]string{"kůň-", "ského"}, "kůňského"},                           // unknown to WordNet: joined
		{[]string{"in the", "middle"}, "in the middle"},
	} {
		if got := joinLines(c.lines, lex); got != c.want {
			t.Errorf("joinLines(%q) = %q, want %q", c.lines, got, c.want)
		}
	}
}

func TestJunkTitle(t *testing.T) {
	for title, junk := range map[string]bool{
		"Microsoft Word - ferry.docx":            true,
		"Microsoft PowerPoint - Präsentation1":   true,
		"statement_final_v2":                     true,
		"report.pdf":                             true,
		"C:\\Users\\anna\\report":                true,
		"Untitled-3":                             true,
		"untitled":                               true,
		"Document1":                              true,
		"PowerPoint Presentation":                true,
		"":                                       true,
		"12":                                     true,
		"Ferry inquiry hears of missed warnings": false,
		"Council budget 2024":                    false,
		"Q3 results":                             false,
	} {
		if got := junkTitle(title); got != junk {
			t.Errorf("junkTitle(%q) = %v", title, got)
		}
	}
	for a, junk := range map[string]bool{"Administrator": true, "Windows User": true, "Mara Lind": false} {
		if junkAuthor(a) != junk {
			t.Errorf("junkAuthor(%q) = %v", a, !junk)
		}
	}
}

func TestPDFDate(t *testing.T) {
	for in, want := range map[string]string{
		"D:20170810140300+02'00'":   "2017-08-10",
		"D:20170810":                "2017-08-10",
		"2017-08-10T14:03:00+02:00": "2017-08-10",
		"D:2017":                    "",
		"D:00000000":                "",
		"D:20171340":                "",
		"yesterday":                 "",
	} {
		if got := pdfDate(in); got != want {
			t.Errorf("pdfDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestXMPMeta(t *testing.T) {
	src := []byte(`%PDF-1.7 junk <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2024-03-14T09:30:00Z">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Ferry &amp; harbour</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>Mara Lind</rdf:li><rdf:li>Ivar Holm</rdf:li></rdf:Seq></dc:creator>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?> more`)
	m := xmpMeta(src)
	if m["Title"] != "Ferry & harbour" || m["Author"] != "Mara Lind, Ivar Holm" || m["CreationDate"] != "2024-03-14T09:30:00Z" {
		t.Errorf("xmpMeta = %v", m)
	}
	// The dictionary wins; XMP fills what it lacks or has as junk.
	got := pdfMeta(map[string]string{"Title": "Microsoft Word - x.docx"}, m)
	if got.Title != "Ferry & harbour" || got.Author != "Mara Lind, Ivar Holm" || got.Published != "2024-03-14" {
		t.Errorf("pdfMeta = %+v", got)
	}
	if len(xmpMeta([]byte("<x:xmpmeta><unclosed"))) != 0 || len(xmpMeta(nil)) != 0 {
		t.Error("broken packet gave metadata")
	}
}

func TestReadingScore(t *testing.T) {
	doc := pdfDoc{pages: []pdfPage{{glyphs: []glyph{{text: "x"}}}}}
	score := func(s string) float64 { return readingScore(s, doc) }
	good := "The ferry left the quay an hour late, the inquiry heard on Tuesday."
	for _, bad := range []string{
		"Tlie#ferrv lcft tlic qnay !!\" #$ %&",         // a wrong font map
		"Wkh ihuub ohiw wkh txdb dq krxu odwh",         // shifted letters
		"Th e fe rry le ft th e q ua y an ho ur la te", // split words score as well; not this test's point
	}[:2] {
		if score(bad) >= score(good) {
			t.Errorf("score(%q) = %.3f >= %.3f", bad, score(bad), score(good))
		}
	}
	// Han: the commonest characters against the same text shifted by
	// three code points, a real PDFium failure on subset fonts.
	cn := "人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。"
	var shifted strings.Builder
	for _, r := range cn {
		if r > 0x4E00 {
			r += 3
		}
		shifted.WriteRune(r)
	}
	if s1, s2 := score(cn), score(shifted.String()); s2 >= s1 {
		t.Errorf("shifted Han scores %.3f >= %.3f", s2, s1)
	}
	// A page a reader broke on costs its share.
	broken := pdfDoc{pages: []pdfPage{{glyphs: []glyph{{text: "x"}}}, {broken: true}}}
	if readingScore(good, broken) >= score(good) {
		t.Error("a broken page costs nothing")
	}
}

// line glyphs: text placed left to right from x at baseline y (page
// space, y up), one em of size 10 per character.
func lineGlyphs(s string, x, y float64) []glyph {
	var gs []glyph
	for _, r := range s {
		gs = append(gs, glyph{text: string(r), x0: x, x1: x + 5, y0: y - 2, y1: y + 8, size: 10})
		x += 5
	}
	return gs
}

func TestLayoutRTL(t *testing.T) {
	// Arabic drawn in logical order, right to left, as PDFium gives it.
	var gs []glyph
	x := 300.0
	for _, r := range "مرحبا بالعالم" {
		gs = append(gs, glyph{text: string(r), x0: x - 5, x1: x, y0: 700, y1: 710, size: 10})
		x -= 5
	}
	got := layoutDoc(pdfDoc{pages: []pdfPage{{width: 595, height: 842, glyphs: gs}}})
	if got != "مرحبا بالعالم" {
		t.Errorf("RTL line = %q", got)
	}
}

func TestLayoutColumns(t *testing.T) {
	// Two columns of ten lines under a headline that spans them: the left
	// column is read before the right one, and lines in reading order.
	var gs []glyph
	gs = append(gs, lineGlyphs("HEADLINE OVER BOTH COLUMNS OF THE PAGE AND MORE", 56, 800)...)
	for i := 0; i < 10; i++ {
		y := 760 - float64(i)*12
		gs = append(gs, lineGlyphs("left column line text here", 56, y)...)
		gs = append(gs, lineGlyphs("right column line text her", 320, y)...)
	}
	got := layoutDoc(pdfDoc{pages: []pdfPage{{width: 595, height: 842, glyphs: gs}}})
	l := strings.Index(got, "left")
	r := strings.Index(got, "right")
	if l < 0 || r < 0 || strings.Count(got[:r], "left column") != 10 {
		t.Errorf("columns interleaved:\n%s", got)
	}
	if !strings.HasPrefix(got, "HEADLINE") {
		t.Errorf("headline not first:\n%s", got)
	}
}
