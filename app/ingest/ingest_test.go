package ingest

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16Bytes encodes s as UTF-16 with a byte order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	units := append([]uint16{0xFEFF}, utf16.Encode([]rune(s))...)
	for _, u := range units {
		if bigEndian {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.Bytes()
}

// readCase is one input of the table tests, also a fuzz seed.
type readCase struct {
	name     string // test name
	file     string // file name given to Read
	in       []byte
	text     string // want Report.Text
	encoding string
	format   string
}

var readCases = []readCase{
	{"utf8", "a.txt", []byte("Hello, wörld.\n"), "Hello, wörld.\n", encUTF8, "text"},
	{"utf8 bom", "a.txt", []byte("\xEF\xBB\xBFHello\n"), "Hello\n", encUTF8, "text"},
	{"crlf", "a.txt", []byte("one\r\ntwo\r\n\r\nthree"), "one\ntwo\n\nthree", encUTF8, "text"},
	{"lone cr", "a.txt", []byte("one\rtwo\r"), "one\ntwo\n", encUTF8, "text"},
	{"utf16le", "a.txt", utf16Bytes("Grüße\r\n“Deraa” 😀\n", false), "Grüße\n“Deraa” 😀\n", encUTF16LE, "text"},
	{"utf16be", "a.txt", utf16Bytes("Grüße\r\nDaraa\n", true), "Grüße\nDaraa\n", encUTF16BE, "text"},
	{"utf16le without bom", "a.txt", utf16Bytes("The ferry “Lulinda” sank; Grüße.\r\n", false)[2:], "The ferry “Lulinda” sank; Grüße.\n", encUTF16LE, "text"},
	{"utf16be without bom", "a.txt", utf16Bytes("Daraa, 12 dead\n", true)[2:], "Daraa, 12 dead\n", encUTF16BE, "text"},
	{"utf16 without bom, short", "a.txt", []byte("a\x00b\x00c\x00"), "abc", encUTF16LE, "text"},
	{"utf32le", "a.txt", utf32Bytes("Grüße\r\n“Deraa” 😀\n", false), "Grüße\n“Deraa” 😀\n", encUTF32LE, "text"},
	{"utf32be", "a.txt", utf32Bytes("Daraa\n", true), "Daraa\n", encUTF32BE, "text"},
	{"utf32 truncated", "a.txt", append(utf32Bytes("ok", false), 'x', 0), "ok\uFFFD", encUTF32LE, "text"},
	{"utf32 out of range", "a.txt", append(utf32Bytes("ok", true), 0x00, 0x11, 0x00, 0x00), "ok\uFFFD", encUTF32BE, "text"},
	{"1252 quotes", "a.txt", []byte("He said \x93no\x94 \x96 caf\xe9 \x80 5\n"), "He said “no” – café € 5\n", enc1252, "text"},
	{"1252 crlf", "a.txt", []byte("caf\xe9\r\nna\xefve"), "café\nnaïve", enc1252, "text"},
	{"controls dropped", "a.txt", []byte("a\x01b\x02c\x03d\x7fe\tf and a longer sentence after it\n"), "abcde\tf and a longer sentence after it\n", encUTF8, "text"},
	{"form feed", "a.txt", []byte("page one\fpage two\vx"), "page one\npage two\nx", encUTF8, "text"},
	{"ansi colours", "a.log", []byte("\x1b[31mERROR\x1b[0m disk full\n"), "ERROR disk full\n", encUTF8, "text"},
	{"c1 in utf8", "a.txt", []byte("a\u0085b\u009fc"), "abc", encUTF8, "text"},
	{"inner bom", "a.txt", []byte("one\n\xEF\xBB\xBFtwo"), "one\ntwo", encUTF8, "text"},
	{"broken utf8 tail", "a.txt", []byte("déjà vu, café, naïve, über\xC3"), "déjà vu, café, naïve, über\uFFFD", encUTF8, "text"},
	{"no extension", "NOTES", []byte("plain words"), "plain words", encUTF8, "text"},
	{"unknown extension", "a.xyz", []byte("plain words"), "plain words", encUTF8, "text"},
	{"paste", "", []byte("pasted words"), "pasted words", encUTF8, "text"},
	{"markdown", "a.md", []byte("# Title\r\n\r\nSome **bold** text.\r\n"), "Title\n\nSome bold text.\n", encUTF8, "markdown"},
	{"markdown upper ext", "A.MARKDOWN", []byte("*x* y"), "x y", encUTF8, "markdown"},
	{"markdown 1252", "a.md", []byte("_caf\xe9_ \x93ok\x94"), "café “ok”", enc1252, "markdown"},
	{"markdown utf16", "a.md", utf16Bytes("## Grüße\n[link](http://x) &amp; more", false), "Grüße\nlink & more", encUTF16LE, "markdown"},
}

func TestRead(t *testing.T) {
	for _, c := range readCases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(c.file, c.in, Meta{})
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			r := d.Report
			if r.Text != c.text {
				t.Errorf("text = %q, want %q", r.Text, c.text)
			}
			if d.Encoding != c.encoding {
				t.Errorf("encoding = %q, want %q", d.Encoding, c.encoding)
			}
			if r.Format != c.format {
				t.Errorf("format = %q, want %q", r.Format, c.format)
			}
			if c.file != "" && r.FileName != filepath.Base(c.file) {
				t.Errorf("file name = %q", r.FileName)
			}
			if len(r.Hash) != 64 {
				t.Errorf("hash = %q", r.Hash)
			}
			checkInvariants(t, c.in, d)
			checkRunes(t, c.in, d, c.format == "markdown")
		})
	}
}

func TestReadErrors(t *testing.T) {
	big := bytes.Repeat([]byte("a"), MaxSize+1)
	cases := []struct {
		name string
		file string
		in   []byte
		want []error
	}{
		{"empty", "a.txt", nil, []error{ErrEmpty}},
		{"blank", "a.txt", []byte(" \n\t\r\n \u00a0"), []error{ErrEmpty}},
		{"only controls", "a.txt", []byte("\x01\x02"), []error{ErrEmpty}},
		{"markdown only front matter", "a.md", []byte("---\ntitle: x\n---\n<!-- nothing -->\n"), []error{ErrEmpty}},
		{"utf16 blank", "a.txt", utf16Bytes("  \r\n", false), []error{ErrEmpty}},
		{"nul", "a.txt", []byte("abc\x00def"), []error{ErrBinary}},
		{"nul in markdown", "a.md", []byte("abc\x00def"), []error{ErrBinary}},
		{"utf16 nul char", "a.txt", utf16Bytes("ab\x00c", false), []error{ErrBinary}},
		{"utf16 without bom, not Latin", "a.txt", utf16Bytes("Дж", false)[2:], []error{ErrBinary}},
		{"nuls on both sides", "a.txt", []byte("a\x00\x00b\x00c\x00d"), []error{ErrBinary}},
		{"control share", "a.txt", []byte("\x01\x02\x03\x04\x05abcdefghij"), []error{ErrBinary}},
		{"pdf", "a.txt", []byte("%PDF-1.7\nsome text"), []error{ErrDamaged}},
		{"pdf unknown ext", "a.pdf", []byte("%PDF-1.7\nsome text"), []error{ErrDamaged}},
		{"docx truncated", "a.docx", []byte("PK\x03\x04....word/document.xml"), []error{ErrDamaged}},
		{"zip", "a.txt", []byte("PK\x03\x04....other.bin"), []error{ErrBinary, ErrUnsupported}},
		{"png", "a.png", []byte("\x89PNG\r\n\x1a\n...."), []error{ErrBinary}},
		{"too large", "a.txt", big, []error{ErrTooLarge}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.file, c.in, Meta{})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range c.want {
				if !errors.Is(err, w) {
					t.Errorf("error %q is not %q", err, w)
				}
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "story.md")
	if err := os.WriteFile(ok, []byte("# Story\n\nText."), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := ReadFile(ok, Meta{Outlet: "AP"})
	if err != nil || d.Report.Title != "Story" || d.Report.FileName != "story.md" || d.Report.Outlet != "AP" {
		t.Fatalf("ReadFile = %+v, %v", d.Report, err)
	}

	_, err = ReadFile(filepath.Join(dir, "missing.txt"), Meta{})
	if err == nil || err.Error() != "no such file" || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	_, err = ReadFile(dir, Meta{})
	if err == nil || err.Error() != "is a folder, not a file Parallax can read" {
		t.Errorf("folder: %v", err)
	}
	// A sparse file over the limit: refused from its size, not read.
	large := filepath.Join(dir, "large.txt")
	f, err := os.Create(large)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadFile(large, Meta{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "20 MB") {
		t.Errorf("large file: %v", err)
	}
}

func TestMeta(t *testing.T) {
	cases := []struct {
		name, file, in string
		meta           Meta
		want           Meta
	}{
		// A first line that reads as a heading is a title; a sentence is
		// none for a file, which its name names (DisplayTitle), but is the
		// title of pasted text (the cases with no file name below), as the
		// Add report dialog promises.
		{"first line", "a.txt", "\n\n  First line here  \nSecond.", Meta{}, Meta{Title: "First line here"}},
		{"question headline", "a.txt", "Who sank the Lulinda?\n\nNobody knows.", Meta{}, Meta{Title: "Who sank the Lulinda?"}},
		{"first sentence", "a.txt", "The ferry sank on Friday.\n\nTwelve died.", Meta{}, Meta{}},
		{"first clause", "a.txt", "Results of the vote:\nA 12, B 9.", Meta{}, Meta{}},
		{"quoted sentence", "a.txt", "\"We will find out why,\" she said.\nMore.", Meta{}, Meta{}},
		{"one line only", "a.txt", "iPhone sales rise", Meta{}, Meta{}},
		{"long first line", "a.txt", strings.Repeat("word ", 30) + "\nMore.", Meta{}, Meta{}},
		{"dateline then sentence", "a.txt", "LONDON (Reuters) - Prices rose.\nMore.", Meta{}, Meta{Outlet: "Reuters"}},
		{"dateline alone then heading", "a.txt", "AMMAN (Reuters) -\nJordan talks resume\nText.", Meta{}, Meta{Title: "Jordan talks resume", Outlet: "Reuters"}},
		{"given title wins", "a.txt", "First line", Meta{Title: "  Given   title "}, Meta{Title: "Given title"}},
		{"lower case", "", "a quiet day in amman\n", Meta{}, Meta{Title: "A quiet day in amman"}},
		{"mixed case kept", "", "iPhone sales rise", Meta{}, Meta{Title: "iPhone sales rise"}},
		{"transcript with a name", "", "these people fled Daraa province\n", Meta{}, Meta{Title: "These people fled Daraa province"}},
		{"dateline lower", "", "amman ( reuters ) - syrian opposition groups are resisting .\nmore", Meta{},
			Meta{Title: "Syrian opposition groups are resisting .", Outlet: "Reuters"}},
		{"dateline caps", "", "LONDON (Reuters) — Prices rose.", Meta{}, Meta{Title: "Prices rose.", Outlet: "Reuters"}},
		{"dateline en dash", "", "WASHINGTON, D.C. (AP) – The vote.", Meta{}, Meta{Title: "The vote.", Outlet: "AP"}},
		{"dateline afp lower", "", "paris (afp) - rain.", Meta{}, Meta{Title: "Rain.", Outlet: "AFP"}},
		{"dateline shouted", "", "BEIRUT (REUTERS) - Calm.", Meta{}, Meta{Title: "Calm.", Outlet: "Reuters"}},
		{"dateline no place", "", "(Reuters) - Shares fell.", Meta{}, Meta{Title: "Shares fell.", Outlet: "Reuters"}},
		{"dateline outlet given", "", "LONDON (Reuters) - Prices rose.", Meta{Outlet: "The Times"}, Meta{Title: "Prices rose.", Outlet: "The Times"}},
		{"dateline alone", "", "AMMAN (Reuters) -\nJordan said.", Meta{}, Meta{Title: "Jordan said.", Outlet: "Reuters"}},
		{"not a dateline", "", "The ministry (MoD) - said no.", Meta{}, Meta{Title: "The ministry (MoD) - said no."}},
		{"markdown heading then dateline", "a.md", "# Border *talks*\n\nAMMAN (Reuters) - Talks began.", Meta{},
			Meta{Title: "Border talks", Outlet: "Reuters"}},
		{"setext heading", "a.md", "Border talks\n===\n\nText.", Meta{}, Meta{Title: "Border talks"}},
		{"front matter", "a.md", "---\ntitle: 'Front title'\nauthor: [Ann, Bob]\ndate: \"Aug. 10, 2017\"\nlink: https://example.com/a\npublisher: Example News\n---\n# Heading\n\nText.",
			Meta{}, Meta{Title: "Front title", Author: "Ann, Bob", Published: "2017-08-10", URL: "https://example.com/a", Outlet: "Example News"}},
		{"front matter source url", "a.md", "---\nsource: https://example.com/b\n---\nText.", Meta{}, Meta{URL: "https://example.com/b"}},
		{"toml front matter", "a.md", "+++\ntitle = \"Toml title\"\ndate = 2017-08-10T10:00:00Z\n+++\nText.", Meta{}, Meta{Title: "Toml title", Published: "2017-08-10"}},
		{"meta over front matter", "a.md", "---\ntitle: Front\nauthor: Ann\n---\nText.", Meta{Author: "Zed"}, Meta{Title: "Front", Author: "Zed"}},
		{"meta cleaned", "a.txt", "Text.", Meta{Title: "A\x02b\x03\r\nc\xff", Author: " Ann\t"}, Meta{Title: "A b c\uFFFD", Author: "Ann"}},
		{"published normalised", "", "Text.", Meta{Published: "10 August 2017"}, Meta{Title: "Text.", Published: "2017-08-10"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(c.file, []byte(c.in), c.meta)
			if err != nil {
				t.Fatal(err)
			}
			r := d.Report
			got := Meta{Title: r.Title, Outlet: r.Outlet, Author: r.Author, Published: r.Published, URL: r.URL}
			if got != c.want {
				t.Errorf("meta = %+v\nwant   %+v", got, c.want)
			}
		})
	}
}

func TestTitleCut(t *testing.T) {
	long := strings.Repeat("word ", 40)
	got := titleFrom(long)
	if n := len([]rune(got)); n > maxTitle || !strings.HasSuffix(got, "…") || strings.Contains(got, "wor…") {
		t.Errorf("cut title %q (%d runes)", got, n)
	}
	if got := titleFrom("a, b, " + strings.Repeat("x", 200)); len([]rune(got)) != maxTitle {
		t.Errorf("hard cut %q", got)
	}
	exact := strings.Repeat("é", maxTitle)
	if got := titleFrom(exact); got != "É"+strings.Repeat("é", maxTitle-1) {
		t.Errorf("exact length cut: %q", got)
	}
}

func TestNormaliseDate(t *testing.T) {
	cases := map[string]string{
		"2017-08-10":                      "2017-08-10",
		"2017/8/1":                        "2017-08-01",
		"2017-08-10T14:03:00Z":            "2017-08-10",
		"10 August 2017":                  "2017-08-10",
		"10th Aug. 2017":                  "2017-08-10",
		"Aug. 10, 2017":                   "2017-08-10",
		"August 10, 2017":                 "2017-08-10",
		"august 10th 2017":                "2017-08-10",
		"Sept. 3, 2018":                   "2018-09-03",
		"Thursday, 10 August 2017":        "2017-08-10",
		"Thu, 10 Aug 2017 14:03:00 GMT":   "2017-08-10",
		"August 10, 2017 at 2:30 pm":      "2017-08-10",
		"10/08/2017":                      "10/08/2017",
		"25/08/2017":                      "2017-08-25",
		"08/25/2017":                      "2017-08-25",
		"10/10/2017":                      "2017-10-10",
		"31 June 2017":                    "31 June 2017",
		"2017-13-01":                      "2017-13-01",
		"last Tuesday":                    "last Tuesday",
		"August 2017":                     "August 2017",
		"  ":                              "",
		"10 Smarch 2017":                  "10 Smarch 2017",
		"Mon, 02 Jan 2006 15:04:05 -0700": "2006-01-02",
	}
	for in, want := range cases {
		if got := normaliseDate(in); got != want {
			t.Errorf("normaliseDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCountWords(t *testing.T) {
	cases := map[string]int{
		"":                               0,
		"one":                            1,
		"amman ( reuters ) - syrian , a": 4,
		"Grüße aus Köln — 2017.":         4,
		"u.s. president\tdonald\ntrump":  4,
	}
	for in, want := range cases {
		if got := CountWords(in); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestExtensions(t *testing.T) {
	got := strings.Join(Extensions(), " ")
	for _, e := range []string{".txt", ".md", ".markdown", ".log", ".text"} {
		if !strings.Contains(got, e) {
			t.Errorf("Extensions() = %s, missing %s", got, e)
		}
	}
}

// TestSeeds reads the real seed reports when the shared folder is present.
func TestSeeds(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed reports in", dir)
	}
	for _, f := range files {
		d, err := ReadFile(f, Meta{})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		src, _ := os.ReadFile(f)
		checkInvariants(t, src, d)
		checkRunes(t, src, d, false)
		// The seeds open with a sentence, no title: they are named by
		// their file names.
		if d.Report.Words < 100 || d.Report.Title != "" || DisplayTitle(d.Report) != strings.ReplaceAll(strings.TrimSuffix(filepath.Base(f), ".txt"), "_", " ") {
			t.Errorf("%s: words %d title %q, shown as %q", f, d.Report.Words, d.Report.Title, DisplayTitle(d.Report))
		}
		if strings.HasPrefix(filepath.Base(f), "000_") && d.Report.Outlet != "Reuters" {
			t.Errorf("%s: outlet %q", f, d.Report.Outlet)
		}
		if !bytes.Contains(src, []byte("\r")) && utf8Valid(src) && !d.Source.Identity() {
			t.Errorf("%s: clean UTF-8 should map by identity", f)
		}
	}
}

// TestBinaryKindsNamed checks that bytes of a format Parallax does not read
// are refused with the kind they are in, when it can be told.
func TestBinaryKindsNamed(t *testing.T) {
	for _, c := range []struct {
		name string
		in   []byte
		want string
	}{
		{"mp4", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom\x00\x00\x00\x08free"), "a .mp4 file"},
		{"wasm", []byte("\x00asm\x01\x00\x00\x00\x00\x00"), "a .wasm file"},
		{"png", []byte("\x89PNG\r\n\x1a\n...."), "a PNG image"},
		{"unknown", []byte("\x00\x01\x02\x03\x04\x05\x06\x07"), "binary data"},
	} {
		_, err := Read("a.txt", c.in, Meta{})
		if !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want ErrBinary naming %q", c.name, err, c.want)
		}
	}
}
