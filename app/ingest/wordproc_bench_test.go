package ingest

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// BenchmarkWordProcessor measures reading Word and OpenDocument files, in
// ms per document (the README quotes it): the LibreOffice-made fixtures (a
// one-page report), the press release fixture, and long generated
// reports of some 30,000 words with tables, tracked changes, fields and
// notes, as Word writes them (a run per few words, properties on each).
func BenchmarkWordProcessor(b *testing.B) {
	docs := []struct {
		name string
		data []byte
	}{
		{"ferry.docx", fixture(b, filepath.Join("testdata", "docx", "ferry.docx"))},
		{"press-release.docx", fixture(b, filepath.Join("testdata", "docx", "press-release.txtar"))},
		{"long.docx", longDOCX(b, 600)},
		{"ferry.odt", fixture(b, filepath.Join("testdata", "odt", "ferry.odt"))},
		{"long.odt", longODT(b, 600)},
	}
	for _, d := range docs {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(d.data)))
			start := time.Now()
			for b.Loop() {
				if _, err := Read(d.name, d.data, Meta{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(b.N), "ms/doc")
		})
	}
}

// benchSentence is a sentence of invented report text.
const benchSentence = "The county ferry service carried 1,240 passengers on the new morning route, officials said on Tuesday. "

// longDOCX is a Word package of n paragraphs of five sentences, split into
// runs with properties, every tenth paragraph with a tracked change, a
// field and a footnote, and a table every fiftieth.
func longDOCX(b *testing.B, n int) []byte {
	var body, notes strings.Builder
	run := func(s string) string {
		return `<w:r w:rsidRPr="00A1"><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="22"/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`
	}
	for i := range n {
		body.WriteString(`<w:p w:rsidR="00A1" w:rsidRDefault="00B2"><w:pPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>`)
		for _, w := range strings.SplitAfter(strings.Repeat(benchSentence, 5), ", ") {
			body.WriteString(run(w))
		}
		if i%10 == 0 {
			fmt.Fprintf(&body, `<w:del w:id="%d" w:author="Desk"><w:r><w:delText>old words</w:delText></w:r></w:del><w:ins w:id="%d" w:author="Desk">%s</w:ins>`, 2*i, 2*i+1, run("new words"))
			body.WriteString(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` + run("3") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
			fmt.Fprintf(&body, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, i+1)
			fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:r><w:footnoteRef/></w:r>%s</w:p></w:footnote>`, i+1, run(" A note on the figures."))
		}
		body.WriteString(`</w:p>`)
		if i%50 == 0 {
			body.WriteString(`<w:tbl>`)
			for range 5 {
				body.WriteString(`<w:tr><w:tc><w:p>` + run("Route") + `</w:p></w:tc><w:tc><w:p>` + run("1,240") + `</w:p></w:tc></w:tr>`)
			}
			body.WriteString(`</w:tbl>`)
		}
	}
	return docxOf(b, body.String(), txtarFile{"word/footnotes.xml", []byte(`<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + notes.String() + `</w:footnotes>`)})
}

// longODT is an OpenDocument text of n paragraphs like longDOCX's.
func longODT(b *testing.B, n int) []byte {
	var body strings.Builder
	for i := range n {
		body.WriteString(`<text:p text:style-name="P1">`)
		for j, w := range strings.SplitAfter(strings.Repeat(benchSentence, 5), ", ") {
			if j%2 == 1 {
				w = `<text:span text:style-name="T1">` + w + `</text:span>`
			}
			body.WriteString(w)
		}
		if i%10 == 0 {
			body.WriteString(`<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>A note on the figures.</text:p></text:note-body></text:note>`)
		}
		body.WriteString(`</text:p>`)
	}
	return odtOf(b, body.String())
}
