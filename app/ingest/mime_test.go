package ingest

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// htmlReader reports whether the registry has an HTML reader yet; until it
// does, .html reads as plain text and the checks of body quality (no tags,
// no page furniture) are skipped.
func htmlReader() bool {
	f, ok := formats[".html"]
	return ok && f != plainText
}

// checkReportText checks what every MIME reader promises of its text:
// clean UTF-8, LF line ends, no control characters, offsets that are
// offsets into the text itself.
func checkReportText(t testing.TB, d Document) {
	t.Helper()
	text := d.Report.Text
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	for i, r := range text {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF {
			t.Fatalf("text holds %U at %d: %q", r, i, text)
		}
	}
	if d.Source.TextLen() != len(text) || d.Source.Source(len(text)) != len(text) {
		t.Fatalf("offsets are not the identity over the text (%d bytes)", len(text))
	}
}

func TestMIMESniff(t *testing.T) {
	read := func(p string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cases := []struct {
		name string
		in   []byte
		want string
	}{
		{"chrome page", read("mhtml/chrome.mhtml"), "mhtml"},
		{"ie page with start", read("mhtml/start-param.mht"), "mhtml"},
		{"word page, no mail fields", read("mhtml/word.mht"), "mhtml"},
		{"plain mail", read("eml/release-plain.eml"), "email"},
		{"mail with related html", read("eml/stub-plain.eml"), "email"},
		{"bare address mail", read("eml/windows-1252.eml"), "email"},
		{"mail after mbox line", append([]byte("From sender@example.org Mon Mar 10 09:00:00 2025\n"), read("eml/alternative.eml")...), "email"},
		{"mail after bom", append([]byte("\xEF\xBB\xBF"), read("eml/alternative.eml")...), "email"},
		{"related mail with a recipient", []byte("From: a@b.example\nTo: c@d.example\nSubject: x\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>x</p>\n--b--\n"), "email"},
		{"related but not html root", []byte("MIME-Version: 1.0\nContent-Type: multipart/related; type=\"application/xml\"; boundary=b\n\n--b--\n"), "text"},
		{"prose with a colon", []byte("Note: the council met on Monday.\nIt voted for the bridge.\n\nMore text."), "text"},
		{"from without subject", []byte("From: Jane\n\nHello there."), "text"},
		{"headers without end", []byte("From: a@b.example\nSubject: never ends"), "text"},
		{"pasted with a leading space", []byte("\n From: a@b.example\nSubject: x\n\nbody"), "email"},
		{"space in field name", []byte("From: a@b.example\nThe Subject: x\n\nbody"), "text"},
		{"snapshot single html", []byte("Snapshot-Content-Location: https://x.example/\nContent-Type: text/html\n\n<p>Saved.</p>"), "mhtml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := formatFor("x.txt", c.in).name; got != c.want {
				t.Errorf("format = %s, want %s", got, c.want)
			}
		})
	}
	for _, ext := range []string{".eml", ".mhtml", ".mht"} {
		if !strings.Contains(strings.Join(Extensions(), " "), ext) {
			t.Errorf("Extensions() lacks %s", ext)
		}
	}
}

// TestMIMEHostile checks that broken and hostile messages are refused
// quickly with the package's errors, or read, never a panic.
func TestMIMEHostile(t *testing.T) {
	nested := &bytes.Buffer{}
	nested.WriteString("From: a@b.example\nSubject: deep\nMIME-Version: 1.0\n")
	for i := range 5000 {
		nested.WriteString("Content-Type: multipart/mixed; boundary=\"b" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "\"\n\n--b\n")
	}
	cases := map[string][]byte{
		"nested multiparts": nested.Bytes(),
		"no boundary":       []byte("From: a@b.example\nSubject: x\nContent-Type: multipart/mixed\n\nbody only\n"),
		"unclosed boundary": []byte("From: a@b.example\nSubject: x\nContent-Type: multipart/alternative; boundary=q\n\n--q\nContent-Type: text/plain\n\nThe ferry sank.\n"),
		"bad base64":        []byte("From: a@b.example\nSubject: x\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n"),
		"unknown charset":   []byte("From: a@b.example\nSubject: x\nContent-Type: text/plain; charset=x-klingon\n\nThe vote passed.\n"),
		"truncated page":    []byte("From: <Saved by Blink>\nSnapshot-Content-Location: https://x.example/\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\n\n--B\nContent-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n<p>Half a pa=\n"),
		"page without html": []byte("From: <Saved by Blink>\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\n\n--B\nContent-Type: image/png\n\nxx\n--B--\n"),
		"header only":       []byte("From: a@b.example\nSubject: nothing\n\n"),
		"page in a page":    []byte("From: <Saved by Blink>\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\n\n--B\nContent-Type: text/html\n\nFrom: <Saved by Blink>\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"C\"\n\n--C\nContent-Type: text/html\n\n<p>inner</p>\n--C--\n--B--\n"),
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			d, err := Read("x.eml", in, Meta{})
			if el := time.Since(start); el > 2*time.Second {
				t.Errorf("took %v", el)
			}
			if err != nil {
				if !errors.Is(err, ErrDamaged) && !errors.Is(err, ErrEmpty) {
					t.Errorf("error %v is not ErrDamaged or ErrEmpty", err)
				}
				if strings.Contains(err.Error(), "\n") {
					t.Errorf("error is not one line: %q", err)
				}
				return
			}
			checkReportText(t, d)
		})
	}
}

func TestWithCharset(t *testing.T) {
	bom := "\xEF\xBB\xBF"
	cases := []struct {
		name, in, label, want string
	}{
		{"latin1 header", "caf\xe9 \x93ok\x94", "ISO-8859-1", bom + "café “ok”"}, // WHATWG: latin1 is windows-1252
		{"windows-1251", "\xcf\xf0\xe8\xe2\xe5\xf2", "windows-1251", bom + "Привет"},
		{"utf-8 valid", "café", "utf-8", bom + "café"},
		{"utf-8 declared, bytes are not", "caf\xe9", "UTF-8", "caf\xe9"},
		{"no label", "caf\xe9", "", "caf\xe9"},
		{"unknown label", "caf\xe9", "x-klingon", "caf\xe9"},
		{"bom wins", bom + "café", "iso-8859-1", bom + "café"},
		{"utf-16 bom wins", "\xff\xfea\x00", "iso-8859-1", "\xff\xfea\x00"},
		{"shift_jis", "\x93\xfa\x96\x7b", "shift_jis", bom + "日本"},
		{"replacement label", "abc", "iso-2022-kr", "abc"},
	}
	for _, c := range cases {
		if got := string(WithCharset([]byte(c.in), c.label)); got != c.want {
			t.Errorf("%s: WithCharset = %q, want %q", c.name, got, c.want)
		}
	}
	// Read through the registry: a plain text file declared latin-1 by
	// its carrier reads as such, whatever its bytes would suggest.
	d, err := Read("a.txt", WithCharset([]byte("na\xefve caf\xe9"), "iso-8859-1"), Meta{})
	if err != nil || d.Report.Text != "naïve café" {
		t.Errorf("Read = %q, %v", d.Report.Text, err)
	}
}

// TestMIMELimits checks that the text of a mail obeys the limit of a text
// file, however small its encoding and large its attachments.
func TestMIMELimits(t *testing.T) {
	big := strings.Repeat("The ferry sank on Tuesday. ", 100)
	defer func(n int) { maxMailText = n }(maxMailText)
	maxMailText = 1000
	mail := "From: a@b.example\nSubject: long\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n" +
		base64.StdEncoding.EncodeToString([]byte(big[:2000]))
	if _, err := Read("x", []byte(mail), Meta{}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "too large") {
		t.Errorf("mail: %v", err)
	}
}
