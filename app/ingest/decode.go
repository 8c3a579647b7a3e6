package ingest

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/gabriel-vasile/mimetype"
	"golang.org/x/text/encoding/charmap"
)

// Encodings decodeText recognises, as reported in Document.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encUTF32LE = "utf-32le"
	encUTF32BE = "utf-32be"
	enc1252    = "windows-1252"
)

// decodeText turns source bytes into clean UTF-8 text with LF line ends and
// the map back to the source. It is the first step of every text-based
// reader.
//
// The encoding is found from a byte order mark (UTF-8, UTF-16 LE/BE,
// UTF-32 LE/BE), else from the NULs of UTF-16 without one
// (unmarkedUTF16), else the bytes are UTF-8 when they are valid UTF-8, else Windows-1252, the
// encoding of text saved by older Windows software and the usual source of
// stray 0x93/0x94 curly quotes. A file that is mostly valid UTF-8 with a few
// broken sequences (a truncated last character) stays UTF-8, each broken
// run becoming U+FFFD as strings.ToValidUTF8 would do it, rather than
// turning every accented letter into mojibake.
//
// Cleaning: CRLF and lone CR become LF; form feed and vertical tab become
// LF too (they separate pages and lines, and dropping them would glue two
// words together); other C0 controls, DEL, C1 controls and U+FEFF (a byte
// order mark left inside concatenated files) are dropped, as are ANSI colour
// sequences (ESC [ ... m) common in .log files. Nothing else changes. NUL,
// or more than a tenth of the characters being controls, means the bytes
// are not text (ErrBinary).
func decodeText(src []byte) (string, Offsets, string, error) {
	return decode(src, '\n')
}

// decode is decodeText with form feed and vertical tab made breaking:
// LF for text, where they separate pages and lines, or a space for
// formats where they are white space inside a line (WebVTT).
func decode(src []byte, breaking byte) (string, Offsets, string, error) {
	if err := sniffBinary(src); err != nil {
		return "", Offsets{}, "", err
	}
	it := runeIter{src: src}
	it.enc, it.pos = sniffEncoding(src)

	var (
		out      = make([]byte, 0, len(src)+len(src)/8)
		b        offsetsBuilder
		controls int
		total    int
		enc      [utf8.UTFMax]byte
	)
	for {
		r, p, w, ok := it.next()
		if !ok {
			break
		}
		total++
		switch {
		case r == 0:
			return "", Offsets{}, "", binaryError(src)
		case r == '\r':
			save := it.pos
			if r2, _, w2, ok := it.next(); ok && r2 == '\n' {
				w += w2
			} else {
				it.pos = save
			}
			out = append(out, '\n')
			b.add(p, 1, w, 1)
		case r == '\n' || r == '\t':
			out = append(out, byte(r))
			b.add(p, 1, w, 1)
		case r == '\f' || r == '\v':
			out = append(out, breaking)
			b.add(p, 1, w, 1)
		case r == 0x1B:
			controls++
			it.skipCSI()
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F):
			controls++
		case r == 0xFEFF:
			// dropped, not counted as a control
		default:
			n := utf8.EncodeRune(enc[:], r)
			out = append(out, enc[:n]...)
			b.add(p, n, w, 1)
		}
	}
	if controls >= 3 && controls*10 > total {
		return "", Offsets{}, "", binaryError(src)
	}
	return string(out), b.finish(len(src)), it.enc, nil
}

// sniffEncoding returns the encoding of src and the length of its byte
// order mark. The UTF-32 LE mark (FF FE 00 00) starts with the UTF-16 LE
// one (FF FE), so it is tested first: UTF-16 text cannot start with U+0000
// (a NUL makes the file binary anyway), so the longer mark is the right one.
func sniffEncoding(src []byte) (enc string, bom int) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return encUTF8, 3
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return encUTF32LE, 4
	case bytes.HasPrefix(src, []byte{0x00, 0x00, 0xFE, 0xFF}):
		return encUTF32BE, 4
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		return encUTF16LE, 2
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		return encUTF16BE, 2
	}
	if enc := unmarkedUTF16(src); enc != "" {
		return enc, 0
	}
	if utf8.Valid(src) || mostlyUTF8(src) {
		return encUTF8, 0
	}
	return enc1252, 0
}

// unmarkedUTF16 recognises UTF-16 saved without a byte order mark (some
// Windows tools and exports from older databases write it): text of
// mostly Latin letters is then every other byte NUL, which no text in
// another encoding is. It looks at the first 4 KB: when at least half of
// the two-byte units have their high byte zero and the low byte not, and
// hardly any the other way round, the file is UTF-16 of that byte order.
// Text in other scripts without a mark is not recognised (its units have
// no zero byte) and is refused as binary for its NULs, as before.
func unmarkedUTF16(src []byte) string {
	if len(src) < 2 || len(src)%2 != 0 {
		return ""
	}
	head := src[:min(len(src), 4096)]
	n := len(head) / 2
	le, be := 0, 0
	for i := 0; i+1 < len(head); i += 2 {
		switch {
		case head[i] != 0 && head[i+1] == 0:
			le++
		case head[i] == 0 && head[i+1] != 0:
			be++
		}
	}
	switch {
	case 2*le >= n && be*100 <= n:
		return encUTF16LE
	case 2*be >= n && le*100 <= n:
		return encUTF16BE
	}
	return ""
}

// mostlyUTF8 reports whether invalid UTF-8 bytes are rare next to valid
// multi-byte sequences: then the file is UTF-8 with damage, not
// Windows-1252 (where valid-looking sequences are rare accidents).
func mostlyUTF8(src []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			invalid++
		} else {
			valid++
		}
		i += w
	}
	return valid > 0 && valid >= 4*invalid
}

// runeIter walks source bytes in one encoding, giving each character with
// its source offset and width.
type runeIter struct {
	src []byte
	pos int
	enc string
}

// next returns the next character, its source offset and its source width.
// Undecodable bytes come back as U+FFFD covering the whole broken run.
func (it *runeIter) next() (r rune, pos, width int, ok bool) {
	pos = it.pos
	if pos >= len(it.src) {
		return 0, pos, 0, false
	}
	switch it.enc {
	case enc1252:
		it.pos++
		return charmap.Windows1252.DecodeByte(it.src[pos]), pos, 1, true
	case encUTF16LE, encUTF16BE:
		u, ok := it.unit16(pos)
		if !ok { // odd trailing byte
			it.pos = len(it.src)
			return utf8.RuneError, pos, len(it.src) - pos, true
		}
		it.pos += 2
		if u < 0xD800 || u > 0xDFFF {
			return rune(u), pos, 2, true
		}
		if u <= 0xDBFF {
			if lo, ok := it.unit16(pos + 2); ok && lo >= 0xDC00 && lo <= 0xDFFF {
				it.pos += 2
				return 0x10000 + (rune(u)-0xD800)<<10 + rune(lo) - 0xDC00, pos, 4, true
			}
		}
		return utf8.RuneError, pos, 2, true
	case encUTF32LE, encUTF32BE:
		if pos+4 > len(it.src) { // truncated last character
			it.pos = len(it.src)
			return utf8.RuneError, pos, len(it.src) - pos, true
		}
		b := it.src[pos : pos+4]
		u := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		if it.enc == encUTF32BE {
			u = uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
		}
		it.pos += 4
		if u > unicode.MaxRune || (u >= 0xD800 && u <= 0xDFFF) {
			return utf8.RuneError, pos, 4, true
		}
		return rune(u), pos, 4, true
	default:
		c := it.src[pos]
		if c < utf8.RuneSelf {
			it.pos++
			return rune(c), pos, 1, true
		}
		r, w := utf8.DecodeRune(it.src[pos:])
		if r != utf8.RuneError || w != 1 {
			it.pos += w
			return r, pos, w, true
		}
		// Collapse a run of invalid bytes into one U+FFFD, as
		// strings.ToValidUTF8 does.
		end := pos + 1
		for end < len(it.src) && it.src[end] >= utf8.RuneSelf {
			r, w := utf8.DecodeRune(it.src[end:])
			if r != utf8.RuneError || w != 1 {
				break
			}
			end++
		}
		it.pos = end
		return utf8.RuneError, pos, end - pos, true
	}
}

// unit16 reads the UTF-16 code unit at byte offset i.
func (it *runeIter) unit16(i int) (uint16, bool) {
	if i+1 >= len(it.src) {
		return 0, false
	}
	if it.enc == encUTF16LE {
		return uint16(it.src[i]) | uint16(it.src[i+1])<<8, true
	}
	return uint16(it.src[i])<<8 | uint16(it.src[i+1]), true
}

// skipCSI skips the rest of an ANSI control sequence (ESC [ params final)
// after its ESC, leaving the position unchanged when none follows.
func (it *runeIter) skipCSI() {
	save := it.pos
	if r, _, _, ok := it.next(); !ok || r != '[' {
		it.pos = save
		return
	}
	for n := 0; n < 32; n++ {
		r, _, _, ok := it.next()
		switch {
		case !ok:
			it.pos = save
			return
		case r >= 0x40 && r <= 0x7E: // final byte
			return
		case r >= 0x20 && r <= 0x3F: // parameters and intermediates
		default:
			it.pos = save
			return
		}
	}
	it.pos = save
}

// binaryKind is a known non-text file format found by its first bytes.
type binaryKind struct {
	magic string
	what  string
}

// binaryKinds are formats an editor may well pick by mistake (or name .txt);
// naming them makes a better message than "binary data".
var binaryKinds = []binaryKind{
	{"%PDF-", "a PDF document"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Word or Office document (.doc)"},
	{"{\\rtf", "an RTF document"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"},
	{"Rar!\x1A\x07", "a RAR archive"},
	{"\x7FELF", "a program"},
	{"SQLite format 3\x00", "an SQLite database"},
}

// sniffBinary names a known binary format by its first bytes.
func sniffBinary(src []byte) error {
	if bytes.HasPrefix(src, []byte("PK\x03\x04")) {
		head := src[:min(len(src), 4096)]
		switch {
		case bytes.Contains(head, []byte("word/")):
			return &kindError{what: "a Word document (.docx)"}
		case bytes.Contains(head, []byte("application/epub+zip")):
			return &kindError{what: "an EPUB e-book"}
		case bytes.Contains(head, []byte("application/vnd.oasis.opendocument")):
			return &kindError{what: "an OpenDocument file"}
		}
		if what := detectKind(src); what != "" && what != ".zip" {
			return &kindError{what: "a " + what + " file"}
		}
		return &kindError{what: "a ZIP archive"}
	}
	for _, k := range binaryKinds {
		if bytes.HasPrefix(src, []byte(k.magic)) {
			return &kindError{what: k.what}
		}
	}
	return nil
}

// binaryError is the refusal of bytes that are not text: named by the
// kind the mimetype library recognises (some 170 formats: audio, video,
// spreadsheets, fonts, archives), so the editor learns what was picked by
// mistake, else plain ErrBinary.
func binaryError(src []byte) error {
	if what := detectKind(src); what != "" {
		return &kindError{what: "a " + what + " file"}
	}
	return ErrBinary
}

// detectKind is the extension (".mp4") of the binary format src is in, or
// "" when it is none the mimetype library knows or looks like text.
func detectKind(src []byte) string {
	m := mimetype.Detect(src)
	for t := m; t != nil; t = t.Parent() {
		if t.Is("text/plain") {
			return ""
		}
	}
	if m.Is("application/octet-stream") {
		return ""
	}
	return m.Extension()
}

// kindError says which known non-text format a file is. It matches both
// ErrBinary (it is not text) and ErrUnsupported (there is no reader for it).
type kindError struct{ what string }

func (e *kindError) Error() string {
	return "this is " + e.what + ", not a text file; Parallax cannot read it"
}

// Is makes errors.Is true for ErrBinary and ErrUnsupported.
func (e *kindError) Is(target error) bool { return target == ErrBinary || target == ErrUnsupported }
