package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// mimeSeeds adds the fixtures under testdata/dir and a few broken
// messages to a fuzz corpus.
func mimeSeeds(f *testing.F, dir string) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && filepath.Ext(p) != ".golden" {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"From: a@b.example\nSubject: =?utf-8?q?x?=\nContent-Type: multipart/alternative; boundary=q\n\n--q\nContent-Type: text/plain; format=flowed\n\nsoft \nbreak\n--q\nContent-Type: text/html\n\n<p>x</p>\n--q--\n",
		"From: <Saved by Blink>\nContent-Type: multipart/related; type=\"text/html\"; start=\"<r>\"; boundary=B\n\n--B\nContent-ID: <r>\nContent-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\nPHA+Y2Fm6TwvcD4=\n--B--\n",
		"From: a@b.example\nSubject: Fwd: x\n\n---------- Forwarded message ---------\nFrom: c@d.example\nSubject: y\n\nbody\n",
		"From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; boundary=o\n\n--o\nContent-Type: message/rfc822\n\nFrom: c@d.example\nSubject: inner\n\ninner body\n--o--\n",
		"From: a@b.example\nDate: x\n\n",
	} {
		f.Add([]byte(s))
	}
}

// fuzzMIME reads data as name and checks what every MIME reader promises:
// no panic, a failure that is one of the package's errors, a clean text.
func fuzzMIME(t *testing.T, name string, data []byte) {
	d, err := Read(name, data, Meta{})
	if err != nil {
		for _, e := range []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrDamaged, ErrUnsupported} {
			if errors.Is(err, e) {
				return
			}
		}
		t.Fatalf("unexpected error %v", err)
	}
	if d.Report.Format == "email" || d.Report.Format == "mhtml" {
		checkReportText(t, d)
	}
	if len([]rune(d.Report.Title)) > maxTitle && d.Report.Format != "email" && d.Report.Format != "mhtml" {
		t.Fatalf("title too long: %q", d.Report.Title)
	}
}

// FuzzEML reads any bytes as an e-mail.
func FuzzEML(f *testing.F) {
	mimeSeeds(f, "eml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzMIME(t, "a.eml", data) })
}

// FuzzMHTML reads any bytes as a saved web page.
func FuzzMHTML(f *testing.F) {
	mimeSeeds(f, "mhtml")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzMIME(t, "a.mhtml", data) })
}
