package ingest

// What e-mail (eml.go) and saved web pages (mhtml.go) share: both are MIME
// messages (RFC 2045-2049), a block of header fields and a tree of parts,
// each with its own transfer encoding (quoted-printable, base64) and
// charset. They are parsed with github.com/jhillyerd/enmime (MIT), which
// decodes both encodings, converts each text part to UTF-8 from its
// declared charset or, when the declaration is missing or contradicted by
// the bytes, from the charset it detects, decodes RFC 2047 encoded words in
// headers and tolerates the broken boundaries, headers and base64 of real
// mail. Here are the cheap look at a file's first header block that the
// sniffers need, the guarded parse, and the hand-over of an HTML part to
// the HTML reader.

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jhillyerd/enmime/v2"
	"github.com/jhillyerd/enmime/v2/mediatype"
)

// maxHeaderScan is how far into a file the sniffers look for the end of
// its first header block: a mail's trace fields (Received:, DKIM
// signatures) can run to tens of kilobytes.
const maxHeaderScan = 64 << 10

// maxBoundaries bounds how many multipart boundaries a message may
// declare. A real mail has a handful, a saved page one or two; thousands
// of nested multiparts are a hostile file, and the parser recurses once
// per level.
const maxBoundaries = 200

// maxParts bounds the lines that open a part ("--boundary"): a mail has a
// few parts, a saved page one per image and style sheet, a few hundred at
// most. The parser links each part to its parent's last child by walking
// the list of its siblings, so its time grows with the square of their
// number.
const maxParts = 2000

// mimeParser is set up for messages as editors get them: a part that cannot
// be parsed is skipped rather than failing the message, and a text part cut
// short keeps what it has.
var mimeParser = enmime.NewParser(
	enmime.SkipMalformedParts(true),
	enmime.SetReadPartErrorPolicy(enmime.AllowCorruptTextPartErrorPolicy),
	enmime.MaxStoredPartErrors(20),
	enmime.MultipartWOBoundaryAsSinglePart(true),
)

// headerBlock is the first header block of a file, for sniffing: each
// field's name in lower case with its first value, unfolded and trimmed.
type headerBlock map[string]string

// sniffHeader reads the header block at the start of src: field lines
// ("Name: value") and their continuation lines, up to a blank line within
// maxHeaderScan bytes. What can come before it in a saved message is
// skipped (see messageStart). ok is false when src does
// not start that way, so prose with a colon in its first line is not a
// message.
func sniffHeader(src []byte) (h headerBlock, ok bool) {
	src = messageStart(src)
	src = src[:min(len(src), maxHeaderScan)]
	h = headerBlock{}
	last := "" // the field a continuation line belongs to; "" for a repeated one
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil, false // no blank line within the scan
		}
		line := bytes.TrimSuffix(src[:i], []byte("\r"))
		src = src[i+1:]
		switch {
		case len(line) == 0:
			return h, len(h) > 0
		case line[0] == ' ' || line[0] == '\t':
			if len(h) == 0 {
				return nil, false
			}
			if last != "" {
				h[last] = strings.TrimSpace(h[last] + " " + string(bytes.TrimSpace(line)))
			}
		default:
			colon := bytes.IndexByte(line, ':')
			if colon <= 0 || !fieldName(line[:colon]) {
				return nil, false
			}
			name := strings.ToLower(string(line[:colon]))
			last = ""
			if _, seen := h[name]; !seen { // the first Received: is enough
				h[name] = string(bytes.TrimSpace(line[colon+1:]))
				last = name
			}
		}
	}
	return nil, false
}

// messageStart skips what can come before a message's first header in a
// saved file: a UTF-8 byte order mark, blank lines and spaces (from a copy
// and paste), and an mbox "From " separator line, which some mail programs
// leave at the top of a message they save.
func messageStart(src []byte) []byte {
	src = bytes.TrimLeft(bytes.TrimPrefix(src, utf8BOM), " \t\r\n")
	if !bytes.HasPrefix(src, []byte("From ")) {
		return src
	}
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		return src[i+1:]
	}
	return src
}

// fieldName reports whether b is a header field name: printable ASCII
// without spaces or colons (RFC 5322 section 3.6.8).
func fieldName(b []byte) bool {
	for _, c := range b {
		if c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// mediaType returns the lower-case media type of a Content-Type value
// and its parameters, tolerating the malformed parameters of real mail.
func mediaType(value string) (string, map[string]string) {
	if value == "" {
		return "", nil
	}
	t, params, _, err := mediatype.Parse(value)
	if err != nil {
		t, _, _ = strings.Cut(value, ";")
		return strings.ToLower(strings.TrimSpace(t)), nil
	}
	return strings.ToLower(t), params
}

// parseMIME parses a message into its tree of parts, with every text
// part's content decoded to UTF-8 where its charset is known. A message
// the parser cannot read, or one built to exhaust it, is ErrDamaged; a
// panic in the parser becomes ErrDamaged too, never a crash.
func parseMIME(src []byte, what string) (root *enmime.Part, err error) {
	if n := countBoundaries(src); n > maxBoundaries {
		return nil, fmt.Errorf("%w: %s with %d nested parts, more than any real one", ErrDamaged, what, n)
	}
	if n := bytes.Count(src, []byte("\n--")); n > maxParts {
		return nil, fmt.Errorf("%w: %s with over %d parts, more than any real one", ErrDamaged, what, maxParts)
	}
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("%w: %s that cannot be read (%v)", ErrDamaged, what, r)
		}
	}()
	root, err = mimeParser.ReadParts(bytes.NewReader(messageStart(src)))
	if err != nil {
		return nil, fmt.Errorf("%w: %s that cannot be read: %s", ErrDamaged, what, firstLine(err.Error()))
	}
	return root, nil
}

// countBoundaries counts the boundary parameters in src, in the two
// spellings mail programs write ("boundary=", "BOUNDARY="), with
// bytes.Count, which is fast enough to run on a 100 MB saved page.
func countBoundaries(src []byte) int {
	return bytes.Count(src, []byte("oundary=")) + bytes.Count(src, []byte("OUNDARY="))
}

// firstLine is the first line of an error message from a library or a
// program, trimmed.
func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}

// errNotPage refuses an HTML part whose bytes are something else again (a
// message inside a message, a PDF): one level of MIME is read, never a
// chain.
var errNotPage = errors.New("the page inside is not a web page")

// readHTMLPart reads the content of an HTML part with the registry's HTML
// reader. A part whose content is valid UTF-8 (enmime converted it from
// its charset) gets a UTF-8 byte order mark in front, which the HTML reader
// takes over the page's own <meta charset>: that still names the encoding
// the page was sent in, which no longer applies. Content that is not
// UTF-8 (no charset declared or detected) goes as it is, for the reader
// to find its charset. The page obeys the HTML reader's size limit, as a
// saved page would. The text is no stretch of the file's bytes, so its
// offsets are offsets into the text itself.
func readHTMLPart(content []byte, opt Options) (parsed, error) {
	body := content
	if utf8.Valid(content) && !bytes.HasPrefix(content, utf8BOM) {
		body = append(append(make([]byte, 0, len(content)+3), utf8BOM...), content...)
	}
	f := formatFor("page.html", body)
	switch {
	case f.rank >= rankMIME:
		return parsed{}, fmt.Errorf("%w: %w (it is %s)", ErrDamaged, errNotPage, f.name)
	case len(body) > f.limit():
		return parsed{}, tooLarge(int64(len(body)), f.limit())
	}
	p, err := f.read(body, opt)
	if err != nil {
		return parsed{}, err
	}
	p.offsets = identityOffsets(len(p.text))
	p.encoding = ""
	return p, nil
}

// decodeHeader decodes the RFC 2047 encoded words of a header value
// ("=?utf-8?q?Caf=C3=A9?=") and puts it on one clean line.
func decodeHeader(v string) string {
	return oneLine(enmime.DecodeRFC2047(v))
}

// webAddress returns s when it is an http or https address (a saved page's
// location; Word's saved pages name a file:/// path, which is no address
// to cite).
func webAddress(s string) string {
	s = oneLine(s)
	l := strings.ToLower(s)
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return s
	}
	return ""
}
