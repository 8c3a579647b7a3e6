package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

func utf8Valid(b []byte) bool { return utf8.Valid(b) }

// checkInvariants checks what every Document promises, whatever the input.
func checkInvariants(t testing.TB, src []byte, d Document) {
	t.Helper()
	text := d.Report.Text
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	if i := strings.IndexAny(text, "\r\x00\x02\x03"); i >= 0 {
		t.Fatalf("text holds %q at %d: %q", text[i], i, text)
	}
	o := d.Source
	if o.TextLen() != len(text) || o.SourceLen() != len(src) {
		t.Fatalf("offsets built for %d→%d bytes, text %d source %d", o.TextLen(), o.SourceLen(), len(text), len(src))
	}
	prev := 0
	for i := 0; i <= len(text); i++ {
		s := o.Source(i)
		if s < prev || s < 0 || s > len(src) {
			t.Fatalf("Source(%d) = %d after %d (source %d bytes)", i, s, prev, len(src))
		}
		prev = s
	}
	if o.Source(len(text)) != len(src) {
		t.Fatalf("Source(len) = %d, want %d", o.Source(len(text)), len(src))
	}
}

// decodeAs decodes source bytes with x/text, independently of decodeText.
func decodeAs(enc string, b []byte) string {
	var out []byte
	switch enc {
	case encUTF16LE:
		out, _ = unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	case encUTF16BE:
		out, _ = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder().Bytes(b)
	case encUTF32LE:
		out, _ = utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM).NewDecoder().Bytes(b)
	case encUTF32BE:
		out, _ = utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM).NewDecoder().Bytes(b)
	case enc1252:
		out, _ = charmap.Windows1252.NewDecoder().Bytes(b)
	default:
		out = b
	}
	return string(out)
}

// checkRunes checks that every rune of the text maps to source bytes that
// decode to it: the property that makes offsets into the file trustworthy.
// Line ends may come from CRLF, CR, FF or VT; U+FFFD from undecodable bytes;
// with entities, a rune may come from an HTML entity.
func checkRunes(t testing.TB, src []byte, d Document, entities bool) {
	t.Helper()
	text, o := d.Report.Text, d.Source
	lastEnd := 0
	for i, r := range text {
		n := utf8.RuneLen(r)
		a, b := o.Span(i, i+n)
		if a < lastEnd || b < a || b > len(src) {
			t.Fatalf("rune %q at %d: span [%d,%d) after %d (source %d)", r, i, a, b, lastEnd, len(src))
		}
		lastEnd = b
		seg := src[a:b]
		got := decodeAs(d.Encoding, seg)
		switch {
		case got == string(r):
		case r == '\n' && (got == "\r\n" || got == "\r" || got == "\f" || got == "\v"):
		case r == utf8.RuneError && (strings.ContainsRune(got, utf8.RuneError) || !utf8.Valid(seg)):
		case entities && len(got) > 2 && got[0] == '&' && got[len(got)-1] == ';':
		default:
			t.Fatalf("rune %q at text %d maps to source [%d,%d) = %q (decoded %q, %s)", r, i, a, b, seg, got, d.Encoding)
		}
	}
}

func TestOffsetsZeroAndIdentity(t *testing.T) {
	var z Offsets
	for _, i := range []int{0, 1, 7} {
		if z.Source(i) != i {
			t.Errorf("zero Source(%d) = %d", i, z.Source(i))
		}
	}
	id := identityOffsets(5)
	if !id.Identity() || id.Source(3) != 3 || id.Source(9) != 5 || id.Source(-1) != 0 {
		t.Errorf("identity map wrong")
	}
	if a, b := id.Span(1, 3); a != 1 || b != 3 {
		t.Errorf("identity span = %d,%d", a, b)
	}
}

func TestOffsetsRuns(t *testing.T) {
	// "é" from 1252 (1 source byte, 2 text bytes), then "ab" UTF-8,
	// a dropped control byte, then a CRLF.
	var b offsetsBuilder
	b.add(0, 2, 1, 1) // é
	b.add(1, 1, 1, 2) // ab
	b.add(4, 1, 2, 1) // \n from \r\n at 4
	o := b.finish(6)
	want := []int{0, 0, 1, 2, 4, 6} // text offsets 0..5
	for i, w := range want {
		if got := o.Source(i); got != w {
			t.Errorf("Source(%d) = %d, want %d", i, got, w)
		}
	}
	if a, e := o.Span(0, 2); a != 0 || e != 1 {
		t.Errorf("Span(é) = %d,%d", a, e)
	}
	if a, e := o.Span(2, 4); a != 1 || e != 3 {
		t.Errorf("Span(ab) = %d,%d (the dropped byte is left out)", a, e)
	}
	if a, e := o.Span(4, 5); a != 4 || e != 6 {
		t.Errorf("Span(\\n) = %d,%d", a, e)
	}
	if a, e := o.Span(3, 3); a != 2 || e != 2 {
		t.Errorf("empty span = %d,%d", a, e)
	}
	if len(o.runs) != 3 {
		t.Errorf("runs = %v, want 3 merged runs", o.runs)
	}
}

func TestOffsetsCompactUTF16(t *testing.T) {
	// A long UTF-16 text of ASCII is one run, not one per character.
	d, err := Read("a.txt", utf16Bytes(strings.Repeat("plain ascii words ", 1000), false), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(d.Source.runs); n != 1 {
		t.Errorf("%d runs for a uniform UTF-16 text", n)
	}
	if d.Source.Source(10) != 2+20 {
		t.Errorf("Source(10) = %d", d.Source.Source(10))
	}
}

// TestOffsetsRandom builds random texts from pieces that exercise every
// encoding path and checks the rune property on each.
func TestOffsetsRandom(t *testing.T) {
	parts := []string{"a", "bc ", "é", "“", "”", "€", "😀", "\r\n", "\r", "\n", "\t", "\x01", "\x7f", "\u0085", "\ufeff", "Grüße", "日本", " "}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		var sb strings.Builder
		sb.WriteString("x")
		for k := rng.IntN(40); k >= 0; k-- {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		s := sb.String()
		inputs := [][]byte{[]byte(s), []byte("\xEF\xBB\xBF" + s), utf16Bytes(s, false), utf16Bytes(s, true)}
		if enc, err := charmap.Windows1252.NewEncoder().String(strings.NewReplacer("😀", "", "日本", "", "\u0085", "", "\ufeff", "").Replace(s)); err == nil {
			inputs = append(inputs, []byte(enc))
		}
		for _, in := range inputs {
			for _, name := range []string{"a.txt", "a.md"} {
				d, err := Read(name, in, Meta{})
				if err != nil {
					continue // only controls, or too many of them
				}
				checkInvariants(t, in, d)
				checkRunes(t, in, d, name == "a.md")
			}
		}
	}
}
