package ingest

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// utf8BOM is the UTF-8 byte order mark, which every reader here takes as
// the last word on a file's encoding.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// WithCharset returns data as UTF-8 behind a byte order mark when label
// names its charset: a charset declared outside the bytes, as an HTTP
// Content-Type does, which the HTML standard ranks above what a page says
// of itself in <meta charset> (a server that transcodes pages keeps their
// old declaration). Every reader takes the byte order mark over anything
// the bytes say, so the declaration is carried into the reader with the
// bytes.
//
// The labels are the WHATWG ones browsers accept ("latin1" and "us-ascii"
// read as windows-1252). data is returned as it is when label is empty or
// unknown, when data already starts with a byte order mark (which the HTML
// standard ranks above the header), when a UTF-8 declaration is
// contradicted by bytes that are not UTF-8 (the readers' sniffing then
// does better than a page of replacement characters), and when the
// decoder fails.
func WithCharset(data []byte, label string) []byte {
	if label == "" || bytes.HasPrefix(data, utf8BOM) ||
		bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return data
	}
	enc, name := charset.Lookup(label)
	switch {
	case enc == nil || name == "replacement":
		return data
	case name == "utf-8":
		if !utf8.Valid(data) {
			return data
		}
		return append(append([]byte{}, utf8BOM...), data...)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return append(append(make([]byte, 0, len(out)+3), utf8BOM...), out...)
}
