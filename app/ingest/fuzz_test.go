package ingest

import (
	"errors"
	"os"
	"path/filepath"
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
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if f := d.Report.Format; f != "text" && f != "markdown" {
			// Sniffed as a format whose text is not a stretch of the
			// file (a page): its offsets are the identity on the text.
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
