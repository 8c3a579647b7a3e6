package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// Word and OpenDocument fixtures are kept readable: a txtar archive of a
// package's XML parts (testdata/docx/*.txtar, testdata/odt/*.txtar) that
// the tests zip, next to a few real files LibreOffice made from invented
// text (ferry.fodt, and ferry.docx and ferry.odt converted from it). Each
// has a golden .golden file: its metadata, then its text.

// txtarFile is one file of a txtar archive.
type txtarFile struct {
	name string
	data []byte
}

// parseTxtar splits a txtar archive into its comment and files (the
// format of golang.org/x/tools/txtar: "-- name --" lines start files).
func parseTxtar(data []byte) (comment string, files []txtarFile) {
	var cur *txtarFile
	var head strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			files = append(files, txtarFile{name: trimmed[3 : len(trimmed)-3]})
			cur = &files[len(files)-1]
			continue
		}
		if cur == nil {
			head.WriteString(line)
		} else {
			cur.data = append(cur.data, line...)
		}
	}
	return head.String(), files
}

// Default parts of a Word package, added by wordPackage when a fixture
// leaves them out, so fixtures hold only what they are about.
const (
	defaultContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
	defaultRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
)

// zipFiles zips files in order; mimetype is stored, as ODF requires.
func zipFiles(t testing.TB, files []txtarFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if f.name == "mimetype" {
			h.Method = zip.Store
			f.data = bytes.TrimRight(f.data, "\n")
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wordPackage zips a Word fixture's parts, adding the default content
// types and package relationships when they are missing.
func wordPackage(t testing.TB, files []txtarFile) []byte {
	t.Helper()
	has := map[string]bool{}
	for _, f := range files {
		has[f.name] = true
	}
	var all []txtarFile
	if !has["[Content_Types].xml"] {
		all = append(all, txtarFile{"[Content_Types].xml", []byte(defaultContentTypes)})
	}
	if !has["_rels/.rels"] {
		all = append(all, txtarFile{"_rels/.rels", []byte(defaultRels)})
	}
	return zipFiles(t, append(all, files...))
}

// docxOf is a Word package whose document.xml is body wrapped in
// w:document and w:body, with namespaces for the prefixes tests use.
func docxOf(t testing.TB, body string, parts ...txtarFile) []byte {
	t.Helper()
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body + `</w:body></w:document>`
	return wordPackage(t, append([]txtarFile{{"word/document.xml", []byte(doc)}}, parts...))
}

// fixture returns the bytes a fixture stands for: a txtar zipped as the
// package of its folder's format, or a real file as it is.
func fixture(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) != ".txtar" {
		return data
	}
	_, files := parseTxtar(data)
	if filepath.Base(filepath.Dir(path)) == "docx" {
		return wordPackage(t, files)
	}
	return zipFiles(t, files)
}

// fixtureName is the file name a fixture is read as: a txtar as its
// folder's format.
func fixtureName(path string) string {
	if filepath.Ext(path) == ".txtar" {
		return strings.TrimSuffix(filepath.Base(path), ".txtar") + "." + filepath.Base(filepath.Dir(path))
	}
	return filepath.Base(path)
}

// wordFixtures lists the Word and OpenDocument fixtures.
func wordFixtures(t testing.TB) []string {
	var out []string
	for _, dir := range []string{"docx", "odt"} {
		fs, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, f := range fs {
			if filepath.Ext(f) != ".golden" {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixtures under testdata/docx and testdata/odt")
	}
	return out
}

// TestWordGolden reads every fixture and compares it with its golden file
// (go test -run WordGolden -update rewrites them).
func TestWordGolden(t *testing.T) {
	for _, f := range wordFixtures(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src := fixture(t, f)
			d, err := Read(fixtureName(f), src, Meta{})
			if err != nil {
				t.Fatal(err)
			}
			checkWordText(t, d)
			got := goldenReport(d, d.Report.Text)
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + ".golden"
			if filepath.Ext(f) != ".txtar" {
				golden = f + ".golden"
			}
			checkGolden(t, golden, got)
			if strings.Contains(got, "MUST NOT APPEAR") || strings.Contains(got, "COMMENT") || strings.Contains(got, "HEADER") {
				t.Errorf("text that must be left out came through:\n%s", got)
			}
		})
	}
}

// TestWordRenamed reads each fixture under a wrong name: the content
// decides.
func TestWordRenamed(t *testing.T) {
	for _, f := range wordFixtures(t) {
		src := fixture(t, f)
		want, err := Read(fixtureName(f), src, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"story.txt", "story", "story.html", "story.odt", "story.docx"} {
			d, err := Read(name, src, Meta{})
			if err != nil || d.Report.Text != want.Report.Text || d.Report.Format != want.Report.Format {
				t.Errorf("%s read as %s: format %q err %v", f, name, d.Report.Format, err)
			}
		}
	}
}

// checkWordText checks what every word processor text must be: valid
// UTF-8 without controls other than tab and line end, paragraphs separated
// by one blank line, no white space at either end of a line, identity
// offsets over the text.
func checkWordText(t testing.TB, d Document) {
	t.Helper()
	text := d.Report.Text
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	for i, r := range text {
		if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7F && r <= 0x9F) || r == 0xFEFF {
			t.Fatalf("text holds %U at %d: %q", r, i, text)
		}
	}
	if strings.Contains(text, "\n\n\n") {
		t.Errorf("more than one blank line in a row: %q", text)
	}
	for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if l != strings.TrimRight(l, " \t") {
			t.Errorf("line with trailing space: %q", l)
		}
	}
	if o := d.Source; o.TextLen() != len(text) || o.SourceLen() != len(text) || !o.Identity() {
		t.Errorf("offsets are not the identity over the text")
	}
}

// readErr reads data as name and returns the error, failing the test when
// there is none or it is not one line.
func readErr(t testing.TB, name string, data []byte) error {
	t.Helper()
	_, err := Read(name, data, Meta{})
	if err == nil {
		t.Fatalf("%s: no error", name)
	}
	if strings.ContainsAny(err.Error(), "\n\r") {
		t.Errorf("message is not one line: %q", err)
	}
	return err
}

// isAny reports whether err is one of targets.
func isAny(err error, targets ...error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}
