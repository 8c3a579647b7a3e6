package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzHTML checks, for any bytes read as a web page: no panic; a failure
// is ErrEmpty (a page with no text) or a size limit; the text is clean
// (checkText) with offsets that are the identity on it; the title fits a
// line. Seeds are the golden pages and the hostile cases' shapes.
func FuzzHTML(f *testing.F) {
	pages, _ := filepath.Glob(filepath.Join("testdata", "html", "*.html"))
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"<!DOCTYPE html><html><body><p>a</p></body></html>",
		"<html><body>" + "<div><span>" + "x" + "</span></div></body></html>",
		`<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[{"name":"A"},"B"]}]}</script></head><body><h1>T</h1><p>Body text.</p></body></html>`,
		"<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>",
		"<meta charset=iso-2022-jp><p>\x1b$B\xff\x1b(B</p>",
		"\xFF\xFE<\x00p\x00>\x00",
		"<table><tr><td>a<td>b<tr><td>c</table><pre>x\n\ny</pre><br><br>z",
		"<html><body><time datetime=2020-01-02 pubdate>x</time><p rel=author class=byline>By A</p></body></html>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := readHTML(data, Options{})
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkText(t, p.text)
		if p.offsets.TextLen() != len(p.text) || !p.offsets.Identity() {
			t.Fatalf("offsets are not the identity on the text")
		}
		d, err := Read("page.html", data, Meta{})
		if err != nil {
			if !errors.Is(err, ErrEmpty) {
				t.Fatalf("Read: unexpected error %v", err)
			}
			return
		}
		if len([]rune(d.Report.Title)) > 300 {
			t.Fatalf("title too long: %q", d.Report.Title)
		}
	})
}
