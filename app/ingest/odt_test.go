package ingest

import (
	"strings"
	"testing"
)

// odtOf is an OpenDocument text whose office:text holds body.
func odtOf(t testing.TB, body string, parts ...txtarFile) []byte {
	t.Helper()
	content := `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><office:body><office:text>` + body + `</office:text></office:body></office:document-content>`
	return zipFiles(t, append([]txtarFile{{"mimetype", []byte(odtMIME)}, {"content.xml", []byte(content)}}, parts...))
}

var odtCases = []struct {
	name, body, want string
}{
	{"paragraphs and heading", `<text:h text:outline-level="1">Title</text:h><text:p>Body.</text:p>`, "Title\n\nBody.\n"},
	{"white space collapses", "<text:p>  a \n\t b  </text:p>", "a b\n"},
	{"across spans", `<text:p>a <text:span> b</text:span> c</text:p>`, "a b c\n"},
	{"text:s", `<text:p>a<text:s text:c="3"/>b<text:s/>c</text:p>`, "a   b c\n"},
	{"text:s bounded", `<text:p>a<text:s text:c="99999999"/>b</text:p>`, "a" + strings.Repeat(" ", 100) + "b\n"},
	{"space after text:s kept", `<text:p>a<text:s/> b</text:p>`, "a  b\n"},
	{"tab and line break", `<text:p>a<text:tab/>b<text:line-break/>c</text:p>`, "a\tb\nc\n"},
	{"link", `<text:p>see <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">the plan</text:a></text:p>`, "see the plan\n"},
	{"tracked changes dropped", `<text:tracked-changes><text:changed-region text:id="c"><text:deletion><text:p>gone</text:p></text:deletion></text:changed-region></text:tracked-changes><text:p>a<text:change text:change-id="c"/>b</text:p>`, "ab\n"},
	{"comment dropped", `<text:p>a<office:annotation><dc:creator>x</dc:creator><text:p>note</text:p></office:annotation>b</text:p>`, "ab\n"},
	{"ruby", `<text:p><text:ruby><text:ruby-base>東京</text:ruby-base><text:ruby-text>とうきょう</text:ruby-text></text:ruby></text:p>`, "東京\n"},
	{"list label dropped", `<text:list><text:list-item><text:number>1.</text:number><text:p>one</text:p></text:list-item></text:list>`, "one\n"},
	{"footnote after body", `<text:p>a<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>note</text:p></text:note-body></text:note>.</text:p><text:p>b</text:p>`, "a.\n\nb\n\nnote\n"},
	{"endnotes after footnotes", `<text:p>a<text:note text:note-class="endnote"><text:note-body><text:p>end</text:p></text:note-body></text:note><text:note text:note-class="footnote"><text:note-body><text:p>foot</text:p></text:note-body></text:note></text:p>`, "a\n\nfoot\n\nend\n"},
	{"frame after its paragraph", `<text:p><draw:frame><draw:text-box><text:p>box</text:p></draw:text-box></draw:frame>anchor</text:p>`, "anchor\n\nbox\n"},
	{"image text and alt text dropped", `<text:p><draw:frame><draw:image><text:p>img</text:p><office:binary-data>QUJD</office:binary-data></draw:image><svg:title>t</svg:title><svg:desc>d</svg:desc></draw:frame>x</text:p>`, "x\n"},
	{"shape text", `<text:p>x<draw:custom-shape><text:p>shape words</text:p></draw:custom-shape></text:p>`, "x\n\nshape words\n"},
	{"record table", `<table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell><table:covered-table-cell><text:p>covered</text:p></table:covered-table-cell><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>`, "a | b\n"},
	{"prose table", `<table:table><table:table-row><table:table-cell><text:p>One sentence.</text:p></table:table-cell><table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>`, "One sentence.\n\nb\n"},
	{"index template dropped", `<text:table-of-content><text:table-of-content-source><text:index-title-template>Contents</text:index-title-template></text:table-of-content-source><text:index-body><text:p>Intro 1</text:p></text:index-body></text:table-of-content>`, "Intro 1\n"},
	{"hidden text", `<text:p>a<text:hidden-text text:is-hidden="true" text:string-value="x">x</text:hidden-text><text:hidden-text text:is-hidden="false">y</text:hidden-text></text:p>`, "ay\n"},
	{"section", `<text:section><text:p>in section</text:p></text:section>`, "in section\n"},
	{"fields keep their value", `<text:p>Page <text:page-number>3</text:page-number> of <text:page-count>9</text:page-count></text:p>`, "Page 3 of 9\n"},
	{"controls dropped", "<text:p>a\u0085b\u007f</text:p>", "ab\n"},
	{"soft hyphen dropped", "<text:p>flood\u00adwall</text:p>", "floodwall\n"},
}

func TestODTRules(t *testing.T) {
	for _, c := range odtCases {
		t.Run(c.name, func(t *testing.T) { checkRule(t, "a.odt", odtOf(t, c.body), "odt", c.want) })
	}
}

func TestODTMetaAndKinds(t *testing.T) {
	meta := func(inner string) txtarFile {
		return txtarFile{"meta.xml", []byte(`<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"><office:meta>` + inner + `</office:meta></office:document-meta>`)}
	}
	cases := []struct {
		name  string
		parts []txtarFile
		want  Meta
	}{
		{"initial creator and date", []txtarFile{meta(`<dc:title>T</dc:title><meta:initial-creator>Ana</meta:initial-creator><dc:creator>Bo</dc:creator><dc:date>2021-02-03T10:00:00</dc:date><meta:creation-date>2020-01-01T00:00:00</meta:creation-date>`)},
			Meta{Title: "T", Author: "Ana", Published: "2021-02-03"}},
		{"creator and creation date", []txtarFile{meta(`<dc:creator>Bo</dc:creator><meta:creation-date>2020-01-01T00:00:00</meta:creation-date>`)},
			Meta{Author: "Bo", Published: "2020-01-01"}},
		{"broken meta", []txtarFile{meta(`<dc:title>unclosed`)}, Meta{}},
		{"no meta", nil, Meta{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read("a.odt", odtOf(t, `<text:p>Body.</text:p>`, c.parts...), Meta{})
			if err != nil {
				t.Fatal(err)
			}
			got := Meta{Title: d.Report.Title, Author: d.Report.Author, Published: d.Report.Published}
			if got != c.want {
				t.Errorf("meta = %+v, want %+v", got, c.want)
			}
		})
	}

	// Templates and master documents are OpenDocument texts too; other
	// OpenDocument kinds (a spreadsheet) are not.
	for mime, want := range map[string]bool{odtMIME: true, odtMIME + "-template": true, odtMIME + "-master": true, "application/vnd.oasis.opendocument.spreadsheet": false} {
		z := zipFiles(t, []txtarFile{{"mimetype", []byte(mime)}, {"content.xml", []byte("<x/>")}})
		if got := sniffODT(z); got != want {
			t.Errorf("sniff %s = %v", mime, got)
		}
	}
	// A mimetype that is not the first entry is still found.
	late := zipFiles(t, []txtarFile{{"content.xml", []byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Late.</text:p></office:text></office:body></office:document-content>`)}, {"mimetype", []byte(odtMIME)}})
	if d, err := Read("late.zip", late, Meta{}); err != nil || d.Report.Text != "Late.\n" {
		t.Errorf("mimetype not first: %q %v", d.Report.Text, err)
	}
	if err := readErr(t, "a.odt", zipFiles(t, []txtarFile{{"mimetype", []byte(odtMIME)}})); !isAny(err, ErrEmpty) {
		t.Errorf("no content.xml (a styles template): %v", err)
	}
}
