package ingest

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// maxXMP bounds the XMP packet read: real ones are a few kilobytes.
const maxXMP = 1 << 20

// xmpMeta finds the document's XMP metadata packet in src and returns its
// title, author (the creators, comma-separated) and creation date under the
// information dictionary's keys. XMP packets are written uncompressed so
// that tools can find them by scanning, which is what this does; the last
// packet is the newest (incremental updates append). Entities are never
// resolved (encoding/xml knows none beyond XML's own) and a packet that is
// not well-formed gives nothing.
func xmpMeta(src []byte) map[string]string {
	out := map[string]string{}
	end := bytes.LastIndex(src, []byte("</x:xmpmeta>"))
	if end < 0 {
		return out
	}
	start := bytes.LastIndex(src[max(0, end-maxXMP):end], []byte("<x:xmpmeta"))
	if start < 0 {
		return out
	}
	start += max(0, end-maxXMP)
	d := xml.NewDecoder(bytes.NewReader(src[start : end+len("</x:xmpmeta>")]))
	d.Strict = false
	var (
		path     []string // local names of the open elements
		creators []string
		text     strings.Builder
	)
	set := func(key, v string) {
		if v = strings.TrimSpace(v); v != "" && out[key] == "" {
			out[key] = v
		}
	}
	for depth := 0; ; {
		tok, err := d.Token()
		if err == io.EOF || err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > 64 {
				return map[string]string{}
			}
			path = append(path, t.Name.Local)
			text.Reset()
			for _, a := range t.Attr { // the short form: properties as attributes
				switch a.Name.Local {
				case "CreateDate":
					set("CreationDate", a.Value)
				case "Title":
					set("Title", a.Value)
				}
			}
		case xml.CharData:
			if text.Len() < 4096 {
				text.Write(t)
			}
		case xml.EndElement:
			depth--
			v := text.String()
			switch {
			case within(path, "title", "li"):
				set("Title", v)
			case within(path, "creator", "li"):
				if v = strings.TrimSpace(v); v != "" {
					creators = append(creators, v)
				}
			case len(path) > 0 && path[len(path)-1] == "CreateDate":
				set("CreationDate", v)
			}
			text.Reset()
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		}
	}
	if len(creators) > 0 {
		out["Author"] = strings.Join(creators, ", ")
	}
	return out
}

// within reports whether the innermost open element is leaf inside an
// element called parent.
func within(path []string, parent, leaf string) bool {
	if len(path) == 0 || path[len(path)-1] != leaf {
		return false
	}
	for _, p := range path[:len(path)-1] {
		if p == parent {
			return true
		}
	}
	return false
}
