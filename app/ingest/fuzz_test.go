package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzNames are the file names FuzzRead reads its bytes as.
var fuzzNames = []string{"a.txt", "a.md", "", "notes"}

// FuzzRead checks, for any bytes read as plain text or Markdown: no panic;
// a failure is one of the package's errors; the text is valid UTF-8 with
// no CR, NUL or snippet markers; the offsets are monotonic, within the
// source, and every rune maps back to source bytes that decode to it.
func FuzzRead(f *testing.F) {
	for _, c := range readCases {
		f.Add(uint8(0), c.in)
		f.Add(uint8(1), c.in)
	}
	golden, _ := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	for _, g := range golden {
		if b, err := os.ReadFile(g); err == nil {
			f.Add(uint8(1), b)
		}
	}
	f.Add(uint8(1), []byte("---\ntitle: x\n---\n# *a* [b](c) `d` <!-- e\nf --> &amp; \\*"))
	f.Add(uint8(0), []byte("amman ( reuters ) - syrian opposition groups are resisting ."))
	f.Add(uint8(0), []byte("\xff\xfeA\x00\x00\xd8"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		d, err := Read(name, data, Meta{})
		if err != nil {
			// Bytes that look like a container (a zip, a compound file, a
			// flat ODT) reach its reader, which may find them damaged.
			if !isAny(err, ErrEmpty, ErrBinary, ErrTooLarge, ErrDamaged, ErrUnsupported, ErrEncrypted) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if f := d.Report.Format; f != "text" && f != "markdown" {
			// Sniffed as another format (a page, a document): its text
			// must be clean; each format's own fuzz test checks the rest.
			checkText(t, d.Report.Text)
			return
		}
		checkInvariants(t, data, d)
		checkRunes(t, data, d, d.Report.Format == "markdown")
		if len([]rune(d.Report.Title)) > maxTitle {
			t.Fatalf("title too long: %q", d.Report.Title)
		}
	})
}

// FuzzSubtitles checks, for any bytes read as SubRip or WebVTT: no panic; a
// failure is one of the package's errors; and every transcript keeps the
// promises checkSubtitles tests (no markup or timing line in the text, its
// runes mapping back to the file, cues sorted, inside the text and at word
// starts).
func FuzzSubtitles(f *testing.F) {
	for _, c := range subCases {
		f.Add(c.in)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "subtitles", "*"))
	for _, g := range files {
		if b, err := os.ReadFile(g); err == nil && !strings.HasSuffix(g, ".golden") {
			f.Add(b)
		}
	}
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A><i>&amp;</i>{\\an8}[x] (y) ♪ z\n<ruby>a<rt>b\n"))
	f.Add([]byte("1\n00:00:01,000 --> 00:00:02,000\n>> - A: >>\n- B:\n\n2\n00:00:01,000 --> 00:00:02,000\n- B:\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.srt", "a.vtt"} {
			d, err := Read(name, data, Meta{})
			if err != nil {
				if !isAny(err, ErrEmpty, ErrBinary, ErrTooLarge) {
					t.Fatalf("unexpected error %v", err)
				}
				continue
			}
			if d.Report.Format == "srt" || d.Report.Format == "vtt" {
				checkSubtitles(t, data, d)
			}
		}
	})
}
