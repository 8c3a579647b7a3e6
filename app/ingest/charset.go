package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// charsetScan is how far into a page its declared charset is looked for.
// Browsers prescan 1,024 bytes, but saved pages often carry kilobytes of
// scripts and styles before their <meta charset>; past the head it is
// never found in practice.
const charsetScan = 64 << 10

// decodeHTML returns a page's bytes as valid UTF-8 and the name of the
// encoding they were read in.
//
// The order is the one of the HTML standard, with two corrections for
// saved pages whose declaration is wrong:
//
//  1. a byte order mark decides (UTF-8, UTF-16 LE/BE). Pages unpacked from
//     MHTML or e-mail come as UTF-8 with a BOM, and their <meta charset>
//     still names the encoding they were sent in, which no longer applies;
//  2. else the page's own declaration (<meta charset>, <meta http-equiv=
//     "Content-Type">, an XML declaration), looked up by its WHATWG label
//     (golang.org/x/net/html/charset), so "iso-8859-1" reads as
//     windows-1252 as browsers do. A page declared UTF-8 whose bytes are
//     not UTF-8 is read as sniffed (below); a page declared in a legacy
//     encoding whose bytes are valid UTF-8 with non-ASCII characters is
//     UTF-8 (the page was re-saved and the declaration kept; legacy text
//     that happens to be valid UTF-8 is vanishingly rare);
//  3. else sniffing: UTF-8 when the bytes are (mostly) valid UTF-8, else
//     windows-1252, the default of browsers in the West.
//
// A decoder that fails on the bytes (a wrong or exotic declaration; one
// real page makes the libraries' readers fail with "transform: short
// internal buffer") falls back to sniffing instead of failing the page.
func decodeHTML(src []byte) (string, string) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(src[3:]), "\uFFFD"), encUTF8
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}):
		if s, ok := decodeWith(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), src[2:]); ok {
			return s, encUTF16LE
		}
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		if s, ok := decodeWith(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), src[2:]); ok {
			return s, encUTF16BE
		}
	}
	if enc, name := declaredCharset(src); enc != nil && name != encUTF8 && !hasUTF8(src) {
		if s, ok := decodeWith(enc, src); ok {
			return s, name
		}
	}
	return sniffCharset(src)
}

// sniffCharset reads src as UTF-8 when it is valid or mostly valid UTF-8
// (a few broken sequences become U+FFFD), else as windows-1252.
func sniffCharset(src []byte) (string, string) {
	if utf8.Valid(src) || mostlyUTF8(src) {
		return strings.ToValidUTF8(string(src), "\uFFFD"), encUTF8
	}
	s, _ := decodeWith(charmap.Windows1252, src) // never fails
	return s, enc1252
}

// hasUTF8 reports whether src is valid UTF-8 with at least one multi-byte
// character: then it is UTF-8 whatever the page declares.
func hasUTF8(src []byte) bool {
	for _, c := range src {
		if c >= utf8.RuneSelf {
			return utf8.Valid(src)
		}
	}
	return false
}

// decodeWith decodes src with enc, reporting false when the decoder fails.
func decodeWith(enc encoding.Encoding, src []byte) (string, bool) {
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return "", false
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), true
}

// declaredCharset finds the encoding a page declares for itself in its
// first charsetScan bytes, with its canonical name; nil when it declares
// none that is known. A declaration of UTF-16 in bytes that are readable
// as ASCII means UTF-8, as the HTML standard says.
func declaredCharset(src []byte) (encoding.Encoding, string) {
	head := src[:min(len(src), charsetScan)]
	label := xmlEncoding(head)
	z := html.NewTokenizer(bytes.NewReader(head))
	for label == "" {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if string(name) == "body" {
			break
		}
		if string(name) != "meta" || !hasAttr {
			continue
		}
		label = metaCharset(z)
	}
	if label == "" {
		return nil, ""
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, ""
	}
	if strings.HasPrefix(name, "utf-16") {
		return nil, encUTF8
	}
	return enc, name
}

// metaCharset returns the charset a <meta> tag names, by its charset
// attribute or an http-equiv Content-Type's content.
func metaCharset(z *html.Tokenizer) string {
	var cs, content string
	equiv := false
	for {
		k, v, more := z.TagAttr()
		switch string(k) {
		case "charset":
			cs = string(v)
		case "http-equiv":
			equiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
		case "content":
			content = string(v)
		}
		if !more {
			break
		}
	}
	if cs != "" {
		return strings.TrimSpace(cs)
	}
	if equiv {
		return contentCharset(content)
	}
	return ""
}

// contentCharset takes the charset parameter out of a Content-Type value
// ("text/html; charset=ISO-8859-1"), quoted or not.
func contentCharset(content string) string {
	i := indexFold(content, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(content[i+len("charset"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.Trim(strings.TrimSpace(rest[1:]), `"'`)
	if end := strings.IndexAny(rest, `;"' `); end >= 0 {
		rest = rest[:end]
	}
	return rest
}

// indexFold is the index of the ASCII word w in s, in any case, or -1.
// (Lower-casing s first would move the indexes of invalid UTF-8.)
func indexFold(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return i
		}
	}
	return -1
}

// xmlEncoding returns the encoding an XHTML page's XML declaration names
// (<?xml version="1.0" encoding="ISO-8859-1"?>), or "".
func xmlEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(head, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(head[:end])
	i := strings.Index(decl, "encoding")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(decl[i+len("encoding"):], " \t")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimSpace(rest[1:])
	if rest == "" || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := strings.IndexByte(rest, q); j >= 0 {
		return rest[:j]
	}
	return ""
}
