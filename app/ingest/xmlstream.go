package ingest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// The XML parts of Word and OpenDocument files are read as a stream of
// tokens with encoding/xml, which never fetches external entities or DTDs
// and, in strict mode, knows no entities but the five predefined ones. The
// stream adds the fences of a hostile file: a DOCTYPE declaring entities
// (the billion-laughs and XXE shapes) is refused outright, as no office
// program writes one, and nesting depth and token count are bounded, so a
// part built to exhaust the parser's stack or time is refused quickly.
const (
	// maxXMLDepth is the deepest element nesting allowed. A Word table in
	// a text box in a table cell is some 30 levels deep.
	maxXMLDepth = 256
)

// maxXMLTokens is the most tokens read from one part: some 20 MB of
// Word's XML, a document of a couple of thousand pages; parsing them takes
// under half a second here. (A variable so tests can lower it.)
var maxXMLTokens = 2 << 20

// xmlStream reads one XML part under those limits.
type xmlStream struct {
	d      *xml.Decoder
	part   string            // the part's name, for messages
	spaces map[string]string // namespace URL → the short prefix used in keys
	depth  int
	tokens int
}

// newXMLStream reads data, the part called part; spaces gives the short
// prefix key() writes for each namespace the reader knows.
func newXMLStream(part string, data []byte, spaces map[string]string) *xmlStream {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		// encoding/xml reads UTF-8 only; a UTF-16 part is turned into
		// UTF-8 first, and its declaration is then believed by xmlCharset().
		if u, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			data = u
		}
	}
	d := xml.NewDecoder(bytes.NewReader(stripControls(data)))
	d.Strict = true
	d.CharsetReader = xmlCharset
	return &xmlStream{d: d, part: part, spaces: spaces}
}

// stripControls returns data with the C0 control bytes XML forbids (all
// but tab, line feed and carriage return) made spaces: some generators
// copy them from their input (a vertical tab for a line break), and
// encoding/xml would refuse the whole part for one.
func stripControls(data []byte) []byte {
	i := bytes.IndexFunc(data, func(r rune) bool { return r < 0x20 && r != '\t' && r != '\n' && r != '\r' })
	if i < 0 {
		return data
	}
	out := bytes.Clone(data)
	for ; i < len(out); i++ {
		if c := out[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			out[i] = ' '
		}
	}
	return out
}

// xmlCharset gives encoding/xml a reader for a declared encoding other than
// UTF-8 (rare: office programs write UTF-8).
func xmlCharset(label string, r io.Reader) (io.Reader, error) {
	if strings.HasPrefix(strings.ToLower(label), "utf-16") {
		return r, nil // already turned into UTF-8 by newXMLStream
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, fmt.Errorf("unknown encoding %q", label)
	}
	return enc.NewDecoder().Reader(r), nil
}

// next returns the next start element, end element or character data
// (which is only valid until the following call); comments, processing
// instructions and DTDs without entities are passed over. The end of the
// part is io.EOF; every other failure wraps ErrDamaged.
func (x *xmlStream) next() (xml.Token, error) {
	for {
		tok, err := x.d.Token()
		if err != nil {
			if err == io.EOF {
				if x.depth > 0 {
					return nil, x.fail(io.ErrUnexpectedEOF)
				}
				return nil, io.EOF
			}
			return nil, x.fail(err)
		}
		if x.tokens++; x.tokens > maxXMLTokens {
			return nil, fmt.Errorf("%w: %s has over %d XML tokens, more than any document", ErrTooLarge, x.part, maxXMLTokens)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if x.depth++; x.depth > maxXMLDepth {
				return nil, fmt.Errorf("%w: %s nests elements over %d deep, which no document does", ErrDamaged, x.part, maxXMLDepth)
			}
			return t, nil
		case xml.EndElement:
			x.depth--
			return t, nil
		case xml.CharData:
			return t, nil
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return nil, fmt.Errorf("%w: %s declares XML entities, which documents never do (a hostile file?)", ErrDamaged, x.part)
			}
		}
	}
}

// fail wraps a parse error as ErrDamaged, naming the part.
func (x *xmlStream) fail(err error) error {
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = fmt.Sprintf("line %d: %s", se.Line, se.Msg)
	}
	return fmt.Errorf("%w: %s is not valid XML (%s)", ErrDamaged, x.part, msg)
}

// skip passes over the rest of the element whose start was just read.
func (x *xmlStream) skip() error {
	for depth := 1; depth > 0; {
		tok, err := x.next()
		if err != nil {
			return eofDamaged(x, err)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// text returns the character data of the element whose start was just
// read, up to its end, passing over any child elements.
func (x *xmlStream) text() (string, error) {
	var b strings.Builder
	for depth := 1; depth > 0; {
		tok, err := x.next()
		if err != nil {
			return "", eofDamaged(x, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 1 {
				b.Write(t)
			}
		}
	}
	return b.String(), nil
}

// root reads up to the part's root element and returns it.
func (x *xmlStream) root() (xml.StartElement, error) {
	for {
		tok, err := x.next()
		if err != nil {
			if err == io.EOF {
				return xml.StartElement{}, fmt.Errorf("%w: %s has no XML element", ErrDamaged, x.part)
			}
			return xml.StartElement{}, err
		}
		if t, ok := tok.(xml.StartElement); ok {
			return t, nil
		}
	}
}

// each calls fn for every child element of the element whose start was
// just read, up to its end; fn must consume the child (skip it, read its
// text or walk it). Character data between children is passed over.
func (x *xmlStream) each(fn func(t xml.StartElement) error) error {
	return x.eachText(fn, nil)
}

// eachText is each, also calling text (when not nil) with the character
// data between the children.
func (x *xmlStream) eachText(fn func(t xml.StartElement) error, text func(s xml.CharData) error) error {
	for {
		tok, err := x.next()
		if err != nil {
			return eofDamaged(x, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if err := fn(t); err != nil {
				return err
			}
		case xml.CharData:
			if text != nil {
				if err := text(t); err != nil {
					return err
				}
			}
		}
	}
}

// eofDamaged turns an end of part inside an element into ErrDamaged.
func eofDamaged(x *xmlStream, err error) error {
	if err == io.EOF {
		return x.fail(io.ErrUnexpectedEOF)
	}
	return err
}

// key names an element or attribute by the short prefix of its namespace
// ("w:p", "text:h"); a namespace the reader does not know gives ":p".
func (x *xmlStream) key(n xml.Name) string {
	return x.spaces[n.Space] + ":" + n.Local
}

// attr returns the value of the start element's attribute with this key.
func (x *xmlStream) attr(t xml.StartElement, key string) string {
	for _, a := range t.Attr {
		if x.key(a.Name) == key {
			return a.Value
		}
	}
	return ""
}
