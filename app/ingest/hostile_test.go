package ingest

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Hostile and broken Word and OpenDocument files: each is refused with a
// one-line message, quickly, and never panics.

// hostileTime is how long refusing a hostile file may take, generous for
// a loaded machine; the refusals measured here take milliseconds, the
// token flood under half a second. The race detector slows parsing about
// tenfold.
var hostileTime = map[bool]time.Duration{false: 5 * time.Second, true: 50 * time.Second}[raceEnabled]

// rawEntry is a zip entry written as given, its sizes and checksum
// claimed rather than computed, as a hostile file does.
type rawEntry struct {
	name         string
	method       uint16
	compressed   []byte
	uncompressed uint64
	crc          uint32
}

// rawZip writes entries with their claimed sizes.
func rawZip(t testing.TB, entries ...rawEntry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CRC32: e.crc,
			CompressedSize64: uint64(len(e.compressed)), UncompressedSize64: e.uncompressed})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.compressed)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// deflated compresses data.
func deflated(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	return buf.Bytes()
}

// refuse reads data as name and checks the refusal: one of want, one
// line, within hostileTime.
func refuse(t *testing.T, name string, data []byte, want ...error) {
	t.Helper()
	start := time.Now()
	err := readErr(t, name, data)
	d := time.Since(start)
	if d > hostileTime {
		t.Errorf("refusing took %v", d)
	}
	t.Logf("refused in %v: %v", d, err)
	if !isAny(err, want...) {
		t.Errorf("error %q is none of %v", err, want)
	}
}

func TestZipBombs(t *testing.T) {
	doc := []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`)
	small := deflated(t, doc)
	ct := rawEntry{"[Content_Types].xml", zip.Deflate, deflated(t, []byte(defaultContentTypes)), uint64(len(defaultContentTypes)), crc32.ChecksumIEEE([]byte(defaultContentTypes))}

	t.Run("real bomb", func(t *testing.T) {
		// 24 MB of zeros deflate to some 24 KB: refused from the
		// directory, before anything is inflated.
		zeros := make([]byte, 24<<20)
		refuse(t, "bomb.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, deflated(t, zeros), uint64(len(zeros)), crc32.ChecksumIEEE(zeros)}), ErrTooLarge)
	})
	t.Run("picture compressed like a bomb", func(t *testing.T) {
		// A blank scan is judged by the total only: it is never inflated.
		blank := make([]byte, 12<<20)
		d, err := Read("scan.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, small, uint64(len(doc)), crc32.ChecksumIEEE(doc)},
			rawEntry{"word/media/image1.bmp", zip.Deflate, deflated(t, blank), uint64(len(blank)), crc32.ChecksumIEEE(blank)}), Meta{})
		if err != nil || d.Report.Text != "x\n" {
			t.Errorf("blank picture: %q %v", d.Report.Text, err)
		}
	})
	t.Run("declared huge", func(t *testing.T) {
		refuse(t, "bomb.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, small, 8 << 30, 0}), ErrTooLarge)
	})
	t.Run("total over the limit", func(t *testing.T) {
		var es []rawEntry
		for i := range 5 {
			es = append(es, rawEntry{"word/media/image" + string(rune('a'+i)) + ".png", zip.Store, nil, 300 << 20, 0})
		}
		refuse(t, "bomb.docx", rawZip(t, append([]rawEntry{ct, {"word/document.xml", zip.Deflate, small, uint64(len(doc)), crc32.ChecksumIEEE(doc)}}, es...)...), ErrTooLarge)
	})
	t.Run("many entries", func(t *testing.T) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write(doc)
		for i := 0; i <= maxZipEntries; i++ {
			zw.CreateHeader(&zip.FileHeader{Name: "word/media/" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + ".bin", Method: zip.Store})
		}
		zw.Close()
		refuse(t, "bomb.docx", buf.Bytes(), ErrTooLarge)
	})
	t.Run("size understated", func(t *testing.T) {
		// The directory says 100 bytes; the stream inflates to 16 MB. The
		// read stops past the declared size.
		refuse(t, "bomb.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, deflated(t, bytes.Repeat([]byte("<w:p/>"), 16<<20/6)), 100, 0}), ErrDamaged)
	})
	t.Run("part over the part limit", func(t *testing.T) {
		refuse(t, "bomb.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Store, nil, maxZipPart + 1, 0}), ErrTooLarge)
	})
	t.Run("parts over the read budget", func(t *testing.T) {
		z, err := openZip(docxOf(t, wPara(wRun("x"))), wordKind)
		if err != nil {
			t.Fatal(err)
		}
		z.read = maxZipRead - 10
		if _, err := z.part("word/document.xml"); !errors.Is(err, ErrTooLarge) {
			t.Errorf("budget: %v", err)
		}
	})
	t.Run("odt bomb", func(t *testing.T) {
		zeros := make([]byte, 24<<20)
		refuse(t, "bomb.odt", rawZip(t, rawEntry{"mimetype", zip.Store, []byte(odtMIME), uint64(len(odtMIME)), crc32.ChecksumIEEE([]byte(odtMIME))},
			rawEntry{"content.xml", zip.Deflate, deflated(t, zeros), uint64(len(zeros)), crc32.ChecksumIEEE(zeros)}), ErrTooLarge)
	})
}

func TestZipDamage(t *testing.T) {
	doc := []byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`)
	ct := rawEntry{"[Content_Types].xml", zip.Deflate, deflated(t, []byte(defaultContentTypes)), uint64(len(defaultContentTypes)), crc32.ChecksumIEEE([]byte(defaultContentTypes))}
	t.Run("bad checksum", func(t *testing.T) {
		refuse(t, "a.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, deflated(t, doc), uint64(len(doc)), 12345}), ErrDamaged)
	})
	t.Run("corrupt stream", func(t *testing.T) {
		refuse(t, "a.docx", rawZip(t, ct, rawEntry{"word/document.xml", zip.Deflate, []byte("\xff\xff\xff\xff garbage"), uint64(len(doc)), 0}), ErrDamaged)
	})
	t.Run("unknown method", func(t *testing.T) {
		refuse(t, "a.docx", rawZip(t, ct, rawEntry{"word/document.xml", 14, []byte("lzma?"), uint64(len(doc)), 0}), ErrUnsupported)
	})
	t.Run("encrypted entry", func(t *testing.T) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store, Flags: 0x1})
		w.Write([]byte("ciphertext"))
		zw.Close()
		refuse(t, "a.docx", buf.Bytes(), ErrEncrypted)
	})
	t.Run("not a zip", func(t *testing.T) {
		refuse(t, "a.docx", []byte("just some words"), ErrDamaged)
		refuse(t, "a.odt", []byte("just some words"), ErrDamaged)
		refuse(t, "a.docx", []byte("%PDF-1.7 a PDF named as Word"), ErrDamaged) // read as the PDF it is
	})
	t.Run("empty zip", func(t *testing.T) {
		refuse(t, "a.docx", zipFiles(t, nil), ErrDamaged)
		refuse(t, "a.odt", zipFiles(t, nil), ErrDamaged)
	})
	t.Run("truncated fixtures", func(t *testing.T) {
		for _, f := range []string{"docx/ferry.docx", "odt/ferry.odt"} {
			src, err := os.ReadFile(filepath.Join("testdata", f))
			if err != nil {
				t.Fatal(err)
			}
			for n := 0; n < len(src)-1; n += 97 {
				start := time.Now()
				_, err := Read(filepath.Base(f), src[:n], Meta{})
				if err == nil || !isAny(err, ErrDamaged, ErrEmpty, ErrBinary) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("%s cut at %d: %v", f, n, err)
				}
				if d := time.Since(start); d > hostileTime {
					t.Fatalf("%s cut at %d: %v", f, n, d)
				}
			}
		}
	})
	t.Run("flipped bytes", func(t *testing.T) {
		// Any outcome but a panic, an unknown error or bad text.
		for _, f := range []string{"docx/ferry.docx", "odt/ferry.odt", "refused/encrypted.docx"} {
			src, err := os.ReadFile(filepath.Join("testdata", f))
			if err != nil {
				t.Fatal(err)
			}
			for i := 0; i < len(src); i += 41 {
				bad := bytes.Clone(src)
				bad[i] ^= 0xA5
				checkOutcome(t, filepath.Base(f), bad)
			}
		}
	})
}

// checkOutcome reads data: a failure must be one of the package's errors
// in one line, a success a clean text.
func checkOutcome(t testing.TB, name string, data []byte) {
	t.Helper()
	d, err := Read(name, data, Meta{})
	if err != nil {
		if !isAny(err, ErrDamaged, ErrEmpty, ErrBinary, ErrUnsupported, ErrTooLarge, ErrEncrypted) || strings.ContainsAny(err.Error(), "\r\n") {
			t.Fatalf("%s: unexpected error %q", name, err)
		}
		return
	}
	checkWordText(t, d)
}

func TestXMLHostile(t *testing.T) {
	body := func(s string) string {
		return `<?xml version="1.0"?>` + s
	}
	w := `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	cases := []struct {
		name, doc string
		want      error
	}{
		{"xxe", body(`<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ` + w + `><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`), ErrDamaged},
		{"parameter entity", body(`<!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1/x.dtd"> %p;]><w:document ` + w + `/>`), ErrDamaged},
		{"billion laughs", body(`<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><w:document ` + w + `><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>`), ErrDamaged},
		{"undeclared entity", body(`<w:document ` + w + `><w:body><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:body></w:document>`), ErrDamaged},
		{"deep nesting", body(`<w:document ` + w + `><w:body>` + strings.Repeat("<w:sdt><w:sdtContent>", 50000) + `</w:body></w:document>`), ErrDamaged},
		{"deep tables", body(`<w:document ` + w + `><w:body>` + strings.Repeat("<w:tbl><w:tr><w:tc>", 300) + strings.Repeat("</w:tc></w:tr></w:tbl>", 300) + `</w:body></w:document>`), ErrDamaged},
		{"unclosed", body(`<w:document ` + w + `><w:body><w:p><w:r><w:t>cut off`), ErrDamaged},
		{"mismatched", body(`<w:document ` + w + `><w:body><w:p></w:r></w:body></w:document>`), ErrDamaged},
		{"no root", body(``), ErrDamaged},
		{"not xml", "\x00\x01binary", ErrDamaged},
		{"unknown encoding", `<?xml version="1.0" encoding="x-klingon"?><w:document ` + w + `/>`, ErrDamaged},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			refuse(t, "a.docx", wordPackage(t, []txtarFile{{"word/document.xml", []byte(c.doc)}}), c.want)
			if c.name == "xxe" {
				_, err := Read("a.docx", wordPackage(t, []txtarFile{{"word/document.xml", []byte(c.doc)}}), Meta{})
				if strings.Contains(err.Error(), "root:") {
					t.Errorf("the entity was resolved: %v", err)
				}
			}
		})
	}

	// A DOCTYPE without entities is harmless, and a hostile optional part
	// costs only what it would have given.
	d, err := Read("a.docx", wordPackage(t, []txtarFile{{"word/document.xml", []byte(`<!DOCTYPE w:document><w:document ` + w + `><w:body><w:p><w:r><w:t>ok</w:t></w:r></w:p></w:body></w:document>`)},
		{"docProps/core.xml", []byte(`<!DOCTYPE x [<!ENTITY t SYSTEM "file:///etc/hostname">]><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&t;</dc:title></cp:coreProperties>`)}}), Meta{})
	if err != nil || d.Report.Text != "ok\n" || d.Report.Title != "" {
		t.Errorf("harmless DOCTYPE, hostile core: %q %q %v", d.Report.Text, d.Report.Title, err)
	}

	t.Run("odt xxe", func(t *testing.T) {
		content := `<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body></office:document-content>`
		refuse(t, "a.odt", zipFiles(t, []txtarFile{{"mimetype", []byte(odtMIME)}, {"content.xml", []byte(content)}}), ErrDamaged)
		refuse(t, "a.fodt", []byte(`<?xml version="1.0"?>`+strings.Replace(content, "document-content", "document", 2)), ErrDamaged)
	})
}

func TestXMLTokenLimit(t *testing.T) {
	defer func(n int) { maxXMLTokens = n }(maxXMLTokens)
	maxXMLTokens = 1000
	refuse(t, "a.docx", docxOf(t, strings.Repeat("<w:p/>", 1000)), ErrTooLarge)
	if _, err := Read("a.docx", docxOf(t, strings.Repeat("<w:p/>", 100)+wPara(wRun("ok"))), Meta{}); err != nil {
		t.Errorf("under the limit: %v", err)
	}
}

// TestXMLTokenFlood reads a flat ODT of millions of empty elements at the
// real limit (zipped, so many would be refused as a zip bomb first):
// refused in under half a second.
func TestXMLTokenFlood(t *testing.T) {
	if testing.Short() {
		t.Skip("parses 2 million tokens")
	}
	doc := `<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:mimetype="` + odtMIME + `"><office:body>` +
		strings.Repeat("<a/>", maxXMLTokens/2+1) + `</office:body></office:document>`
	refuse(t, "a.fodt", []byte(doc), ErrTooLarge)
	if err := readErr(t, "a.fodt", []byte(doc)); !strings.Contains(err.Error(), "XML tokens") {
		t.Errorf("refused for another reason: %v", err)
	}
}

func TestTextBudget(t *testing.T) {
	var tb textBudget
	var p paraBuf
	if err := tb.write(&p, strings.Repeat("a", MaxSize)); err != nil {
		t.Fatal(err)
	}
	if err := tb.write(&p, "b"); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over MaxSize: %v", err)
	}
}

func TestEncryptedAndOld(t *testing.T) {
	enc, err := os.ReadFile(filepath.Join("testdata", "refused", "encrypted.docx"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pier.docx", "pier.txt", "pier", "pier.doc"} {
		refuse(t, name, enc, ErrEncrypted)
	}
	if err := readErr(t, "a.docx", enc); !strings.Contains(err.Error(), "encrypted") {
		t.Errorf("message %q does not say encrypted", err)
	}
	odt, err := os.ReadFile(filepath.Join("testdata", "refused", "encrypted.odt"))
	if err != nil {
		t.Fatal(err)
	}
	refuse(t, "pier.odt", odt, ErrEncrypted)
	refuse(t, "pier.zip", odt, ErrEncrypted)

	doc, err := os.ReadFile(filepath.Join("testdata", "refused", "old-word.doc"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ferry.doc", "ferry.docx", "ferry.txt"} {
		refuse(t, name, doc, ErrUnsupported)
		if err := readErr(t, name, doc); !strings.Contains(err.Error(), "save it as .docx") {
			t.Errorf("%s: message %q does not say how to convert", name, err)
		}
	}

	// A .doc that is RTF is refused as RTF; one that is text is read.
	if err := readErr(t, "letter.doc", []byte(`{\rtf1\ansi Hello}`)); !strings.Contains(err.Error(), "RTF") {
		t.Errorf("RTF called .doc: %v", err)
	}
	if d, err := Read("notes.doc", []byte("Plain notes."), Meta{}); err != nil || d.Report.Text != "Plain notes." {
		t.Errorf("text called .doc: %q %v", d.Report.Text, err)
	}

	// Another compound file (a spreadsheet) keeps the plain refusal
	// naming its kind.
	xls := make([]byte, 1536)
	copy(xls, oleMagic)
	copy(xls[512:], []byte("W\x00o\x00r\x00k\x00b\x00o\x00o\x00k\x00\x00\x00"))
	xls[512+64], xls[512+66] = 18, 2
	refuse(t, "sheet.xls", xls, ErrBinary)
	refuse(t, "sheet.doc", xls, ErrBinary)
	if err := readErr(t, "sheet.xls", xls); !strings.Contains(err.Error(), "old Word or Office") {
		t.Errorf("spreadsheet: %v", err)
	}
	// A synthetic directory entry for the encrypted package is enough.
	copy(xls[640:], []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00\x00\x00"))
	xls[640+64], xls[640+66] = 34, 2
	refuse(t, "sheet.docx", xls, ErrEncrypted)
}

func TestRecoverDamaged(t *testing.T) {
	err := func() (err error) {
		defer recoverDamaged(&err, wordKind)
		var m map[string]int
		m["x"]++
		return nil
	}()
	if !errors.Is(err, ErrDamaged) || strings.Contains(err.Error(), "\n") {
		t.Errorf("recovered panic: %v", err)
	}
}
