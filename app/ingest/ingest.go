// Package ingest turns the bytes of a file or a paste into a report: text
// decoded to clean UTF-8 with LF line ends, metadata, and a map from the
// text's byte offsets back to the bytes as read, so claims found in the text
// can be reported as offsets into the original file.
//
// Each file format has its own file (text.go, markdown.go, and later html.go,
// docx.go...) that registers a reader for its extensions; a file whose
// extension no reader claims is read as plain text when its bytes are text,
// because editors keep copy in files with no extension, .text or .log.
// Shared steps live here: the size limit, decoding (decode.go), the
// metadata a report is cited by (meta.go) and the offset map (offsets.go).
//
// The text is kept as written (no reflowing, no Unicode normalisation): a
// claim is a byte span of it, and the editor must recognise it in the file.
package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"parallax/app"
)

// MaxSize is the largest input accepted, in bytes (20 MB). A news report is
// rarely over 100 KB; the limit keeps a wrong file (a video, a database)
// from filling memory.
const MaxSize = 20 << 20

// Meta is what the editor says about a report; empty fields are filled from
// the document where possible (front matter, a wire dateline) and the title
// from the first line of text.
type Meta struct {
	Title, Outlet, Author, Published, URL string
}

// Document is a decoded report and the way back to its source bytes.
type Document struct {
	// Report has Text, Title, Format, FileName, Hash, Words and metadata set;
	// ID and times are left for the store.
	Report app.Report
	// Source maps byte offsets in Report.Text to offsets in the source bytes.
	Source Offsets
	// Encoding names how the source bytes were decoded: "utf-8",
	// "utf-16le", "utf-16be" or "windows-1252", so a caller can tell the
	// editor when a file was not UTF-8 (empty for formats with their own
	// container, such as .docx later).
	Encoding string
}

// Errors a caller can test with errors.Is; their messages are written for
// the editor.
var (
	ErrEmpty       = errors.New("the file has no text")
	ErrBinary      = errors.New("not a text file (it contains binary data)")
	ErrTooLarge    = errors.New("too large (the limit is 20 MB)")
	ErrUnsupported = errors.New("unsupported file format")
)

// parsed is what a format reader returns: the report text, its map to the
// source bytes, and what the document itself says about the report.
type parsed struct {
	text     string
	offsets  Offsets
	encoding string
	// meta holds metadata found in the document (Markdown front matter);
	// the editor's Meta takes precedence over it.
	meta Meta
	// headingFirst is true when the text's first line is a heading, so a
	// wire dateline is looked for in the line after it.
	headingFirst bool
}

// format is one registered reader.
type format struct {
	// name is stored as Report.Format.
	name string
	// exts are the lower-case extensions, with the dot, the reader claims.
	exts []string
	read func(src []byte) (parsed, error)
}

var (
	formats   = map[string]*format{} // by extension
	plainText *format                // for unclaimed extensions and pastes
)

// register adds a format reader; each format file calls it from init.
func register(f *format) {
	for _, e := range f.exts {
		if _, dup := formats[e]; dup {
			panic("ingest: extension registered twice: " + e)
		}
		formats[e] = f
	}
}

// formatFor picks the reader for a file name by its extension.
func formatFor(name string) *format {
	if f, ok := formats[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	return plainText
}

// Extensions lists the file extensions (".md", ".txt", ...) that have a
// reader of their own, sorted, for file dialog filters. Files with other
// extensions are still read as plain text when they hold text.
func Extensions() []string {
	out := make([]string, 0, len(formats))
	for e := range formats {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// Read decodes data read from a file called name (only its extension and
// base name are used; name may be empty for a paste).
func Read(name string, data []byte, meta Meta) (Document, error) {
	if len(data) > MaxSize {
		return Document{}, tooLarge(int64(len(data)))
	}
	f := formatFor(name)
	p, err := f.read(data)
	if err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(p.text) == "" {
		return Document{}, ErrEmpty
	}
	r := app.Report{
		Text:   p.text,
		Format: f.name,
		Words:  countWords(p.text),
	}
	if name != "" {
		r.FileName = filepath.Base(name)
	}
	sum := sha256.Sum256([]byte(p.text))
	r.Hash = hex.EncodeToString(sum[:])
	fillMeta(&r, meta, p)
	return Document{Report: r, Source: p.offsets, Encoding: p.encoding}, nil
}

// ReadFile reads and decodes the file at path, refusing files over MaxSize
// before reading them whole.
func ReadFile(path string, meta Meta) (Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return Document{}, fileError(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return Document{}, fileError(err)
	}
	if fi.IsDir() {
		return Document{}, &pathError{msg: "is a folder, not a file", err: fs.ErrInvalid}
	}
	if fi.Size() > MaxSize {
		return Document{}, tooLarge(fi.Size())
	}
	// The size can change between Stat and reading (a growing log), and
	// special files report none: never read more than one byte past the
	// limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return Document{}, fileError(err)
	}
	if len(data) > MaxSize {
		return Document{}, tooLarge(int64(len(data)))
	}
	return Read(path, data, meta)
}

// tooLarge wraps ErrTooLarge with the size found.
func tooLarge(size int64) error {
	return fmt.Errorf("%w; this one is %.1f MB", ErrTooLarge, float64(size)/(1<<20))
}

// pathError is a file system failure in the editor's words; it unwraps to
// the underlying error so errors.Is(err, fs.ErrNotExist) still works.
type pathError struct {
	msg string
	err error
}

func (e *pathError) Error() string { return e.msg }
func (e *pathError) Unwrap() error { return e.err }

// fileError rewords an error from opening or reading a file. The caller
// adds the file's name, so the message does not repeat the path.
func fileError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &pathError{msg: "no such file", err: err}
	case errors.Is(err, fs.ErrPermission):
		return &pathError{msg: "cannot be opened: permission denied", err: err}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// "read x: is a directory" from some systems, or an I/O error.
		if strings.Contains(pe.Err.Error(), "is a directory") {
			return &pathError{msg: "is a folder, not a file", err: err}
		}
		return &pathError{msg: "cannot be read: " + pe.Err.Error(), err: err}
	}
	return &pathError{msg: "cannot be read: " + err.Error(), err: err}
}
