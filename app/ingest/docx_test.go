package ingest

import (
	"strings"
	"testing"
)

// docxCase is one rule of the Word reader: a body and the text it gives.
type docxCase struct {
	name, body, want string
}

// wRun is a run of text, wPara a paragraph of runs, for short test bodies.
func wRun(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
func wPara(runs ...string) string {
	return "<w:p>" + strings.Join(runs, "") + "</w:p>"
}

var docxCases = []docxCase{
	{"paragraphs", wPara(wRun("One.")) + wPara(wRun("Two ")+wRun("words.")), "One.\n\nTwo words.\n"},
	{"empty paragraphs dropped", wPara() + wPara(wRun("  ")) + wPara(wRun("Text.")) + "<w:p/>", "Text.\n"},
	{"paragraph trimmed", wPara(wRun("  padded  ")), "padded\n"},
	{"whitespace between elements ignored", "<w:p>\n  <w:r>\n    <w:t>A</w:t>\n  </w:r>\n</w:p>", "A\n"},
	{"tab", wPara(wRun("a"), "<w:r><w:tab/></w:r>", wRun("b")), "a\tb\n"},
	{"ptab", wPara(wRun("a"), `<w:r><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/></w:r>`, wRun("b")), "a\tb\n"},
	{"tab stops are not tabs", `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` + wRun("a") + `</w:p>`, "a\n"},
	{"line break", wPara(wRun("a"), "<w:r><w:br/></w:r>", wRun("b")), "a\nb\n"},
	{"two breaks make one blank line", wPara(wRun("a"), "<w:r><w:br/><w:br/><w:br/><w:br/></w:r>", wRun("b")), "a\n\nb\n"},
	{"carriage return", wPara(wRun("a"), "<w:r><w:cr/></w:r>", wRun("b")), "a\nb\n"},
	{"no-break hyphen", wPara(wRun("co"), "<w:r><w:noBreakHyphen/></w:r>", wRun("op")), "co\u2011op\n"},
	{"soft hyphen", wPara(wRun("flood"), "<w:r><w:softHyphen/></w:r>", wRun("wall")), "floodwall\n"},
	{"symbol font", wPara(`<w:r><w:sym w:font="Symbol" w:char="F044"/></w:r>`, wRun("T")), "ΔT\n"},
	{"symbol low code", wPara(`<w:r><w:sym w:font="Symbol" w:char="0070"/></w:r>`), "π\n"},
	{"symbol unicode", wPara(`<w:r><w:sym w:font="Segoe UI Symbol" w:char="2713"/></w:r>`), "✓\n"},
	{"symbol wingdings", wPara(wRun("a"), `<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`), "a\n"},
	{"symbol bad code", wPara(wRun("a"), `<w:r><w:sym w:font="Symbol" w:char="zz"/></w:r>`), "a\n"},
	{"hyperlink", wPara(wRun("see "), `<w:hyperlink r:id="rId9"><w:r><w:t>the plan</w:t></w:r></w:hyperlink>`), "see the plan\n"},
	{"smart tag", wPara(`<w:smartTag w:element="City"><w:r><w:t>Oslo</w:t></w:r></w:smartTag>`), "Oslo\n"},
	{"custom xml", `<w:customXml w:element="x"><w:p><w:customXml w:element="y">` + wRun("in") + `</w:customXml></w:p></w:customXml>`, "in\n"},
	{"block content control", `<w:sdt><w:sdtPr><w:alias w:val="A"/></w:sdtPr><w:sdtContent>` + wPara(wRun("kept")) + `</w:sdtContent></w:sdt>`, "kept\n"},
	{"placeholder content control", wPara(wRun("Name: "), `<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>`+wRun("Click here.")+`</w:sdtContent></w:sdt>`), "Name:\n"},
	{"placeholder off", wPara(`<w:sdt><w:sdtPr><w:showingPlcHdr w:val="false"/></w:sdtPr><w:sdtContent>` + wRun("typed") + `</w:sdtContent></w:sdt>`), "typed\n"},
	{"insertion kept", wPara(wRun("a "), `<w:ins w:id="1" w:author="x">`+wRun("new")+`</w:ins>`), "a new\n"},
	{"deletion dropped", wPara(wRun("a"), `<w:del w:id="1" w:author="x"><w:r><w:delText> old</w:delText></w:r></w:del>`), "a\n"},
	{"t inside del dropped", wPara(wRun("a"), `<w:del w:id="1" w:author="x">`+wRun(" old")+`</w:del>`), "a\n"},
	{"move", wPara(`<w:moveFrom w:id="1">`+wRun("from")+`</w:moveFrom>`, `<w:moveTo w:id="2">`+wRun("to")+`</w:moveTo>`), "to\n"},
	{"deleted paragraph mark joins", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>` + wRun("one ") + `</w:p>` + wPara(wRun("two")), "one two\n"},
	{"moved paragraph mark joins", `<w:p><w:pPr><w:rPr><w:moveFrom w:id="1" w:author="x"/></w:rPr></w:pPr>` + `</w:p>` + wPara(wRun("two")), "two\n"},
	{"inserted paragraph mark", `<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="x"/></w:rPr></w:pPr>` + wRun("one") + `</w:p>` + wPara(wRun("two")), "one\n\ntwo\n"},
	{"deleted last paragraph mark", wPara(wRun("one")) + `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>` + wRun("two") + `</w:p>`, "one\n\ntwo\n"},
	{"complex field", wPara(wRun("Page "), `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`, wRun("3"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`), "Page 3\n"},
	{"field without result", wPara(wRun("a"), `<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>XE "a"</w:instrText><w:fldChar w:fldCharType="end"/></w:r>`, wRun("b")), "ab\n"},
	{"field spanning paragraphs", wPara(`<w:r><w:fldChar w:fldCharType="begin"/><w:instrText>TOC</w:instrText><w:fldChar w:fldCharType="separate"/></w:r>`, wRun("Intro")) + wPara(wRun("Body"), `<w:r><w:fldChar w:fldCharType="end"/></w:r>`) + wPara(wRun("After")), "Intro\n\nBody\n\nAfter\n"},
	{"unbalanced field end", wPara(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`, wRun("a")), "a\n"},
	{"simple field", wPara(`<w:fldSimple w:instr=" NUMPAGES ">` + wRun("4") + `</w:fldSimple>`), "4\n"},
	{"hidden text", wPara(wRun("seen"), `<w:r><w:rPr><w:vanish/></w:rPr><w:t>unseen</w:t></w:r>`), "seen\n"},
	{"vanish off", wPara(`<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>seen</w:t></w:r>`), "seen\n"},
	{"paragraph mark vanish keeps text", `<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>` + wRun("seen") + `</w:p>`, "seen\n"},
	{"ruby base only", wPara(`<w:r><w:ruby><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>東京</w:t></w:r></w:rubyBase></w:ruby></w:r>`), "東京\n"},
	{"math", wPara(wRun("x "), `<m:oMath><m:r><m:t>a+b</m:t></m:r></m:oMath>`), "x a+b\n"},
	{"comment marks", wPara(wRun("a"), `<w:commentRangeStart w:id="0"/>`, wRun("b"), `<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`), "ab\n"},
	{"bookmarks", wPara(`<w:bookmarkStart w:id="0" w:name="_GoBack"/>`, wRun("a"), `<w:bookmarkEnd w:id="0"/>`), "a\n"},
	{"text box once", wPara(wRun("anchor"), `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>`+wPara(wRun("box"))+`</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>`+wPara(wRun("box"))+`</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`), "anchor\n\nbox\n"},
	{"fallback alone", wPara(`<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:textbox><w:txbxContent>` + wPara(wRun("old box")) + `</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>`), "old box\n"},
	{"second choice skipped", wPara(`<w:r><mc:AlternateContent><mc:Choice Requires="a">` + wRun("one") + `</mc:Choice><mc:Choice Requires="b">` + wRun("two") + `</mc:Choice></mc:AlternateContent></w:r>`), "one\n"},
	{"box in a run-on paragraph", `<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="x"/></w:rPr></w:pPr>` + wRun("one ") + `<w:r><w:pict><v:textbox><w:txbxContent>` + wPara(wRun("box")) + `</w:txbxContent></v:textbox></w:pict></w:r></w:p>` + wPara(wRun("two")), "one two\n\nbox\n"},
	{"record table", `<w:tbl><w:tr><w:tc>` + wPara(wRun("Ferry")) + `</w:tc><w:tc>` + wPara(wRun("07:15")) + `</w:tc></w:tr></w:tbl>`, "Ferry | 07:15\n"},
	{"prose table", `<w:tbl><w:tr><w:tc>` + wPara(wRun("The ferry left.")) + `</w:tc><w:tc>` + wPara(wRun("short")) + `</w:tc></w:tr></w:tbl>`, "The ferry left.\n\nshort\n"},
	{"long cell", `<w:tbl><w:tr><w:tc>` + wPara(wRun(strings.Repeat("word ", 13))) + `</w:tc><w:tc>` + wPara(wRun("x")) + `</w:tc></w:tr></w:tbl>`, strings.TrimSpace(strings.Repeat("word ", 13)) + "\n\nx\n"},
	{"empty cells skipped", `<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc>` + wPara(wRun("a")) + `</w:tc><w:tc><w:p/></w:tc><w:tc>` + wPara(wRun("b")) + `</w:tc></w:tr></w:tbl>`, "a | b\n"},
	{"cell without row", `<w:tbl><w:tc>` + wPara(wRun("a")) + `</w:tc></w:tbl>`, "a\n"},
	{"paragraph in a table outside cells", `<w:tbl>` + wPara(wRun("stray")) + `<w:tr><w:tc>` + wPara(wRun("a")) + `</w:tc></w:tr></w:tbl>`, "a\n\nstray\n"},
	{"cell outside a table", `<w:tc>` + wPara(wRun("a")) + `</w:tc>`, "a\n"},
	{"section properties", wPara(wRun("a"), `<w:pPr><w:sectPr><w:pgSz w:w="1"/></w:sectPr></w:pPr>`) + `<w:sectPr/>`, "a\n"},
	{"C1 controls and BOM dropped", wPara(wRun("a\u0085b\ufeffc\u007fd")), "abcd\n"},
	{"control characters in the XML", wPara(wRun("a\x0bb\x01c")), "a b c\n"},
	{"entities", wPara(wRun("&lt;5 &amp; &#x263A; &#9731;")), "<5 & ☺ ☃\n"},
}

func TestDOCXRules(t *testing.T) {
	for _, c := range docxCases {
		t.Run(c.name, func(t *testing.T) { checkRule(t, "a.docx", docxOf(t, c.body), "docx", c.want) })
	}
}

// checkRule reads data as name and checks its format and text.
func checkRule(t *testing.T, name string, data []byte, format, want string) {
	t.Helper()
	d, err := Read(name, data, Meta{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	checkWordText(t, d)
	if d.Report.Text != want {
		t.Errorf("text = %q, want %q", d.Report.Text, want)
	}
	if d.Report.Format != format {
		t.Errorf("format = %q", d.Report.Format)
	}
}

// TestDOCXNotes checks footnotes and endnotes: after the body, footnotes
// first, in reference order, once each, referenced ones only; marks left
// out of both the body and the notes.
func TestDOCXNotes(t *testing.T) {
	ref := func(kind, id string) string { return `<w:r><w:` + kind + `Reference w:id="` + id + `"/></w:r>` }
	body := wPara(wRun("First."), ref("endnote", "1"), wRun(" Second."), ref("footnote", "2")) +
		wPara(wRun("Third."), ref("footnote", "1"), ref("footnote", "2")) +
		wPara(`<w:del w:id="9" w:author="x">`+wRun("gone")+ref("footnote", "3")+`</w:del>`) +
		wPara(`<w:r><w:rPr><w:vanish/></w:rPr><w:footnoteReference w:id="4"/></w:r>`)
	note := func(kind, id, text string) string {
		return `<w:` + kind + ` w:id="` + id + `"><w:p><w:r><w:` + kind + `Ref/></w:r>` + wRun(" "+text) + `</w:p></w:` + kind + `>`
	}
	foot := `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		note("footnote", "1", "Foot one.") + note("footnote", "2", "Foot two.") + note("footnote", "3", "Deleted note.") + note("footnote", "4", "Hidden note.") + `</w:footnotes>`
	end := `<w:endnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` + note("endnote", "1", "End one.") + `</w:endnotes>`
	d, err := Read("a.docx", docxOf(t, body, txtarFile{"word/footnotes.xml", []byte(foot)}, txtarFile{"word/endnotes.xml", []byte(end)}), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	want := "First. Second.\n\nThird.\n\nFoot two.\n\nFoot one.\n\nEnd one.\n"
	if d.Report.Text != want {
		t.Errorf("text = %q, want %q", d.Report.Text, want)
	}

	// Notes referenced but missing, or a notes part that is missing, cost
	// nothing; a broken notes part is damage.
	d, err = Read("a.docx", docxOf(t, wPara(wRun("Body."), ref("footnote", "7"))), Meta{})
	if err != nil || d.Report.Text != "Body.\n" {
		t.Errorf("missing notes part: %q, %v", d.Report.Text, err)
	}
	_, err = Read("a.docx", docxOf(t, wPara(wRun("Body."), ref("footnote", "1")), txtarFile{"word/footnotes.xml", []byte("<w:footnotes")}), Meta{})
	if !isAny(err, ErrDamaged) {
		t.Errorf("broken notes part: %v", err)
	}
}

// TestDOCXHeadingFirst checks that a heading style, found by its name or
// outline level through the styles it is based on, marks the first
// paragraph as a heading.
func TestDOCXHeadingFirst(t *testing.T) {
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My style"/><w:basedOn w:val="Kop1"/></w:style>
<w:style w:type="paragraph" w:styleId="Outline"><w:name w:val="Big"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="A"/><w:basedOn w:val="LoopB"/></w:style>
<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="B"/><w:basedOn w:val="LoopA"/></w:style>
</w:styles>`
	para := func(style string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>` + wRun("Heading") + `</w:p>` + wPara(wRun("Body."))
	}
	for style, want := range map[string]bool{"Kop1": true, "Mine": true, "Outline": true, "Body": false, "LoopA": false, "Missing": false} {
		p, err := readDOCX(docxOf(t, para(style), txtarFile{"word/styles.xml", []byte(styles)}), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if p.headingFirst != want {
			t.Errorf("style %s: headingFirst = %v, want %v", style, p.headingFirst, want)
		}
	}
	p, err := readDOCX(docxOf(t, `<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>`+wRun("H")+`</w:p>`), Options{})
	if err != nil || !p.headingFirst {
		t.Errorf("outline level on the paragraph: %v %v", p.headingFirst, err)
	}
}

// TestDOCXCoreMeta checks the document properties: title, author (a
// placeholder account name ignored) and date (modified, else created).
func TestDOCXCoreMeta(t *testing.T) {
	core := func(inner string) txtarFile {
		return txtarFile{"docProps/core.xml", []byte(`<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">` + inner + `</cp:coreProperties>`)}
	}
	cases := []struct {
		name, inner string
		meta, want  Meta
	}{
		{"all", `<dc:title> Bridge  vote </dc:title><dc:creator>Ana Lind</dc:creator><dcterms:created>2020-01-01T00:00:00Z</dcterms:created><dcterms:modified>2021-02-03T04:05:06Z</dcterms:modified>`,
			Meta{}, Meta{Title: "Bridge vote", Author: "Ana Lind", Published: "2021-02-03"}},
		{"created only", `<dcterms:created>2020-01-01T00:00:00Z</dcterms:created>`, Meta{}, Meta{Published: "2020-01-01"}},
		{"placeholder author", `<dc:creator>python-docx</dc:creator>`, Meta{}, Meta{}},
		{"editor's values first", `<dc:title>Doc title</dc:title><dc:creator>Ana</dc:creator>`, Meta{Title: "Given", Author: "Bo"}, Meta{Title: "Given", Author: "Bo"}},
		{"broken core", `<dc:title>Unclosed`, Meta{}, Meta{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("a.docx", docxOf(t, wPara(wRun("Body text.")), core(c.inner)), c.meta)
			if err != nil {
				t.Fatal(err)
			}
			got := Meta{Title: d.Report.Title, Author: d.Report.Author, Published: d.Report.Published}
			if got != c.want {
				t.Errorf("meta = %+v, want %+v", got, c.want)
			}
		})
	}
}

// TestDOCXPackage checks how the main part is found: relationships,
// content types, the usual name; names matched without regard to case or
// slash direction; a package without its main part is damaged.
func TestDOCXPackage(t *testing.T) {
	doc := []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + wPara(wRun("Found.")) + `</w:body></w:document>`)
	rels := func(target string) txtarFile {
		return txtarFile{"_rels/.rels", []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="` + target + `"/></Relationships>`)}
	}
	types := func(part string) txtarFile {
		return txtarFile{"[Content_Types].xml", []byte(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/` + part + `" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>`)}
	}
	cases := []struct {
		name  string
		files []txtarFile
	}{
		{"relationship", []txtarFile{types("x"), rels("word/other.xml"), {"word/other.xml", doc}}},
		{"escaped target", []txtarFile{types("x"), rels("word/my%20doc.xml"), {"word/my doc.xml", doc}}},
		{"content types", []txtarFile{types("word/main2.xml"), {"word/main2.xml", doc}}},
		{"usual name", []txtarFile{{"word/document.xml", doc}}},
		{"case and backslashes", []txtarFile{types("x"), {"Word\\Document.XML", doc}}},
		{"relationship to a missing part", []txtarFile{types("x"), rels("word/gone.xml"), {"word/document.xml", doc}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("a.docm", zipFiles(t, c.files), Meta{})
			if err != nil || d.Report.Text != "Found.\n" {
				t.Errorf("got %q, %v", d.Report.Text, err)
			}
		})
	}
	undeclared := []byte(`<w:document><w:body><w:p><w:r><w:t>Found.</w:t></w:r></w:p></w:body></w:document>`)
	if d, err := Read("a.docx", zipFiles(t, []txtarFile{{"word/document.xml", undeclared}}), Meta{}); err != nil || d.Report.Text != "Found.\n" {
		t.Errorf("undeclared prefix: %q, %v", d.Report.Text, err)
	}
	err := readErr(t, "a.docx", zipFiles(t, []txtarFile{types("word/document.xml"), {"word/styles.xml", []byte("<w:styles/>")}}))
	if !isAny(err, ErrDamaged) {
		t.Errorf("no main part: %v", err)
	}
}
