package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app"
)

// wholeFile and onePart are the two ways the word processor fuzz tests
// read their bytes: as the whole file, or as the main XML part of an
// otherwise valid package (so the fuzzer reaches the XML walker rather
// than stopping at zip checksums).
const (
	wholeFile = iota
	onePart
)

// mainPart returns the main XML part of a fixture: document.xml or
// content.xml, or the whole of a flat ODT.
func mainPart(t testing.TB, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Ext(path) == ".fodt" {
		return data
	}
	if filepath.Ext(path) == ".txtar" {
		_, files := parseTxtar(data)
		for _, f := range files {
			if f.name == "word/document.xml" || f.name == "word/main.xml" || f.name == "content.xml" {
				return f.data
			}
		}
		return nil
	}
	z, err := openZip(data, "fixture")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"word/document.xml", "content.xml"} {
		if b, err := z.part(name); err == nil {
			return b
		}
	}
	return nil
}

// addFixtureSeeds adds the fixtures of testdata/dir as seeds, whole and
// as their main part.
func addFixtureSeeds(f *testing.F, dir string) {
	for _, path := range wordFixtures(f) {
		if filepath.Base(filepath.Dir(path)) == dir {
			f.Add(uint8(wholeFile), fixture(f, path))
			f.Add(uint8(onePart), mainPart(f, path))
		}
	}
}

// FuzzDOCX checks, for any Word file or document.xml: no panic in the
// sniffers or the reader, a failure is one of the package's errors in one
// line, and a text is clean.
func FuzzDOCX(f *testing.F) {
	addFixtureSeeds(f, "docx")
	for _, c := range docxCases {
		f.Add(uint8(onePart), []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`+c.body+`</w:body></w:document>`))
	}
	enc, _ := os.ReadFile(filepath.Join("testdata", "refused", "encrypted.docx"))
	f.Add(uint8(wholeFile), enc)
	f.Add(uint8(onePart), []byte(`<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>`))
	f.Fuzz(func(t *testing.T, mode uint8, data []byte) {
		if mode%2 == onePart {
			data = wordPackage(t, []txtarFile{{"word/document.xml", data}})
		}
		sniffDOCX(data)
		sniffOLE(data)
		p, err := readDOCX(data, Options{})
		checkParsed(t, p, err)
	})
}

// FuzzODT is FuzzDOCX for OpenDocument texts: whole files (zipped or
// flat) or content.xml.
func FuzzODT(f *testing.F) {
	addFixtureSeeds(f, "odt")
	for _, c := range odtCases {
		f.Add(uint8(onePart), []byte(`<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:text>`+c.body+`</office:text></office:body></office:document-content>`))
	}
	enc, _ := os.ReadFile(filepath.Join("testdata", "refused", "encrypted.odt"))
	f.Add(uint8(wholeFile), enc)
	f.Fuzz(func(t *testing.T, mode uint8, data []byte) {
		if mode%2 == onePart {
			data = zipFiles(t, []txtarFile{{"mimetype", []byte(odtMIME)}, {"content.xml", data}})
		}
		sniffODT(data)
		p, err := readODT(data, Options{})
		checkParsed(t, p, err)
	})
}

// checkParsed checks a reader's outcome as checkOutcome does.
func checkParsed(t *testing.T, p parsed, err error) {
	t.Helper()
	if err != nil {
		if !isAny(err, ErrDamaged, ErrBinary, ErrUnsupported, ErrTooLarge, ErrEncrypted) || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("unexpected error %q", err)
		}
		return
	}
	checkWordText(t, Document{Source: p.offsets, Report: app.Report{Text: p.text}})
}
