package fetch

import (
	"net/url"
	"path"
	"strings"
	"unicode"
)

// extFor maps the media types of the kinds Parallax reads to their
// extension.
var extFor = map[string]string{
	"text/html":             ".html",
	"application/xhtml+xml": ".xhtml",
	"application/pdf":       ".pdf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"application/vnd.oasis.opendocument.text":                                 ".odt",
	"text/markdown":             ".md",
	"text/x-markdown":           ".md",
	"application/x-subrip":      ".srt",
	"text/srt":                  ".srt",
	"text/vtt":                  ".vtt",
	"message/rfc822":            ".eml",
	"multipart/related":         ".mhtml",
	"application/x-mimearchive": ".mhtml",
	"text/plain":                ".txt",
}

// sameKind are extensions that already say what a media type's extension
// would ("page.htm" served as text/html stays "page.htm").
var sameKind = map[string][]string{
	".html":  {".htm", ".shtml", ".xhtml"},
	".md":    {".markdown"},
	".mhtml": {".mht"},
}

// maxName bounds a file name made from an address.
const maxName = 100

// fileName names a fetched body: the address's last path segment (or its
// server's name for a site's front page), with the media type's extension
// when the segment has another or none ("/news/ferry-story" served as
// HTML is "ferry-story.html", "/index.php" is "index.html",
// "/download?id=5" served as PDF is "download.pdf"). A generic type
// (text/plain, application/octet-stream) keeps the segment's own
// extension: servers send those for subtitle files and documents alike,
// and the readers tell them by their bytes.
func fileName(u *url.URL, mediaType string) string {
	base := path.Base(u.EscapedPath())
	if seg, err := url.PathUnescape(base); err == nil {
		base = seg
	}
	base = strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(base))
	ext := extFor[mediaType]
	if base == "" || base == "." || base == "/" || base == "_" {
		return u.Hostname() + ext // a site's front page
	}
	if r := []rune(base); len(r) > maxName {
		base = string(r[:maxName])
	}
	have := strings.ToLower(path.Ext(base))
	switch {
	case ext == "" || have == ext:
		return base
	case mediaType == "text/plain" && have != "":
		return base
	}
	for _, e := range sameKind[ext] {
		if have == e {
			return base
		}
	}
	if have != "" && !strings.ContainsAny(have[1:], " ") && len(have) <= 6 {
		base = strings.TrimSuffix(base, path.Ext(base))
	}
	return base + ext
}
