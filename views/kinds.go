package views

import (
	"path/filepath"
	"strings"
)

// kindNames group file extensions into the kinds an editor thinks in, for
// the kind filter of "Open files…". An extension a reader claims that is
// not listed here (a format added later) is its own kind, named by the
// extension, so nothing ingest reads is ever hidden.
var kindNames = map[string]string{
	".html": "Web pages", ".htm": "Web pages", ".xhtml": "Web pages",
	".mhtml": "Web pages", ".mht": "Web pages",
	".docx": "Documents", ".odt": "Documents",
	".pdf": "PDF",
	".srt": "Subtitles", ".vtt": "Subtitles",
	".eml": "E-mail",
	".txt": "Text", ".text": "Text", ".log": "Text", ".md": "Text", ".markdown": "Text",
	".mdown": "Text", ".mkd": "Text", ".mkdn": "Text",
}

// kindOf names the kind of the file called name.
func kindOf(name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	if k, ok := kindNames[ext]; ok {
		return k
	}
	return strings.ToUpper(strings.TrimPrefix(ext, ".")) + " files"
}
