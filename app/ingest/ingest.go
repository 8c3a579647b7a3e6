// Package ingest turns the bytes of a file or a paste into a report: text
// decoded to clean UTF-8 with LF line ends, metadata, and a map from the
// text's byte offsets back to the bytes as read, so claims found in the text
// can be reported as offsets into the original file.
//
// Each file format has its own file (text.go, markdown.go, html.go,
// docx.go, ...) that registers a reader: its name, the extensions it claims
// and, for formats that can be told by their bytes, a sniffer. The format of
// a file is found by its content first (formatFor), because editors' files
// are often misnamed (a saved page called .txt, a renamed .docx), then by
// its extension; a file neither claims is read as plain text when its bytes
// are text, because editors keep copy in files with no extension, .text or
// .log, and is refused with the name of what it seems to be otherwise.
// Shared steps live here: the size limits, decoding (decode.go), the
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
	"parallax/app/files"
)

// MaxSize is the largest text input accepted, in bytes (20 MB). A news
// report is rarely over 100 KB; the limit keeps a wrong file (a video, a
// database) from filling memory.
const MaxSize = 20 << 20

// MaxContainerSize is the largest file accepted for formats whose text is a
// small part of their bytes (PDF with page images, Word with pictures, a
// saved page with its images inlined): 100 MB. Every such reader also
// bounds what it unpacks (see zip.go), so the text that comes out obeys
// MaxSize too.
const MaxContainerSize = 100 << 20

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
	// "utf-16le", "utf-16be", "utf-32le", "utf-32be" or "windows-1252",
	// so a caller can tell the editor when a file was not UTF-8 (empty for
	// formats with their own container, such as .docx). For a PDF it names
	// the reader whose reading was kept: "pdfium" or "pdftotext", with
	// "+tesseract" when pages were recognised by OCR.
	Encoding string
}

// Options change how a file is read, beyond what it says about itself.
type Options struct {
	// OCR asks for the text of a scanned PDF (one without a text layer) to
	// be recognised from its page images with tesseract, when installed.
	// The report is then marked as OCR. Without it such a PDF is refused.
	OCR bool
}

// Errors a caller can test with errors.Is; their messages are written for
// the editor.
var (
	ErrEmpty       = errors.New("the file has no text")
	ErrBinary      = errors.New("not a text file (it contains binary data)")
	ErrTooLarge    = errors.New("too large")
	ErrUnsupported = errors.New("unsupported file format")
	// ErrDamaged is a file of a known format that cannot be read (truncated,
	// corrupt); readers wrap it with what they found wrong.
	ErrDamaged = errors.New("the file is damaged or incomplete")
	// ErrEncrypted is a document encrypted with a password (Word, ODT).
	ErrEncrypted = errors.New("the document is encrypted; save a copy without a password and add that")
	// ErrPassword is a PDF that needs a password to open.
	ErrPassword = errors.New("the PDF is password-protected; save a copy without a password and add that")
	// ErrNoTextLayer is a PDF of page images only: nothing is stored unless
	// OCR was asked for (Options.OCR).
	ErrNoTextLayer = errors.New("no text layer (a scanned PDF); add it with OCR to recognise its text")
)

// Sniffer ranks (format.rank): the most specific claim on a file's bytes
// is tried first.
const (
	rankHTML      = 10 // markup that any text could start with
	rankSubtitles = 20 // a timing line in the first lines
	rankMIME      = 30 // e-mail and MHTML headers
	rankContainer = 40 // magic numbers: PDF, zip (DOCX, ODT), OLE
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
	// cues are a transcript's timed cues (subtitles), by text offset.
	cues []app.Cue
	// ocr is true when the text was recognised from page images.
	ocr bool
	// nameTitle asks for a title made from the file name before one from
	// the first line (a transcript's first words are no title).
	nameTitle bool
}

// format is one registered reader.
type format struct {
	// name is stored as Report.Format.
	name string
	// exts are the lower-case extensions, with the dot, the reader claims.
	exts []string
	// sniff reports whether src is in this format by its content alone;
	// nil for formats known only by their name (Markdown is text to any
	// sniffer). It sees the whole input and must be cheap: look at the
	// first bytes, or at a zip's directory.
	sniff func(src []byte) bool
	// rank orders sniffers, highest first: containers with magic numbers
	// before MIME messages, before subtitles, before HTML, so that the most
	// specific claim wins (an e-mail holding HTML is an e-mail).
	rank int
	// maxSize is the largest input the format accepts; 0 means MaxSize.
	maxSize int
	read    func(src []byte, opt Options) (parsed, error)
}

// limit is the largest input f accepts.
func (f *format) limit() int {
	if f.maxSize > 0 {
		return f.maxSize
	}
	return MaxSize
}

var (
	formats   = map[string]*format{} // by extension
	sniffers  []*format              // formats with a sniffer, by rank
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
	if f.sniff != nil {
		sniffers = append(sniffers, f)
		sort.SliceStable(sniffers, func(i, j int) bool { return sniffers[i].rank > sniffers[j].rank })
	}
}

// formatFor picks the reader for data read from a file called name: the
// first sniffer that recognises the bytes, else the reader of the name's
// extension, else plain text (which refuses binary data, naming the kind
// when it is a known one).
func formatFor(name string, data []byte) *format {
	for _, f := range sniffers {
		if f.sniff(data) {
			return f
		}
	}
	if f, ok := formats[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	return plainText
}

// Extensions lists the file extensions (".md", ".txt", ...) that have a
// reader of their own, sorted, for file dialog filters. Files with other
// extensions are still read when their content is recognised or is text.
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
	return Options{}.Read(name, data, meta)
}

// Read is the package's Read with these options.
func (o Options) Read(name string, data []byte, meta Meta) (Document, error) {
	if len(data) > MaxContainerSize {
		return Document{}, tooLarge(int64(len(data)), MaxContainerSize)
	}
	f := formatFor(name, data)
	if len(data) > f.limit() {
		return Document{}, tooLarge(int64(len(data)), f.limit())
	}
	p, err := f.read(data, o)
	if err != nil {
		return Document{}, err
	}
	if strings.TrimSpace(p.text) == "" {
		return Document{}, ErrEmpty
	}
	r := app.Report{
		Text:   p.text,
		Format: f.name,
		Words:  CountWords(p.text),
		Cues:   p.cues,
		OCR:    p.ocr,
	}
	if name != "" {
		r.FileName = filepath.Base(name)
	}
	sum := sha256.Sum256([]byte(p.text))
	r.Hash = hex.EncodeToString(sum[:])
	fillMeta(&r, meta, p)
	return Document{Report: r, Source: p.offsets, Encoding: p.encoding}, nil
}

// ReadFile reads and decodes the file at path, refusing files over
// MaxContainerSize before reading them whole.
func ReadFile(path string, meta Meta) (Document, error) {
	return Options{}.ReadFile(path, meta)
}

// ReadFile is the package's ReadFile with these options.
//
// Only regular files are read: a named pipe would hang the import until
// some program wrote to it, a device such as /dev/zero reads forever, so
// both are refused, by what they are, before they are opened.
func (o Options) ReadFile(path string, meta Meta) (Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Document{}, fileError(err)
	}
	if err := notRegular(fi); err != nil {
		return Document{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return Document{}, fileError(err)
	}
	defer f.Close()
	// What was opened is what was checked: a file swapped in between is
	// checked again.
	if fi, err = f.Stat(); err != nil {
		return Document{}, fileError(err)
	}
	if err := notRegular(fi); err != nil {
		return Document{}, err
	}
	if fi.Size() > MaxContainerSize {
		return Document{}, tooLarge(fi.Size(), MaxContainerSize)
	}
	// The size can change between Stat and reading (a growing log), and
	// special files report none: never read more than one byte past the
	// limit.
	data, err := io.ReadAll(io.LimitReader(f, MaxContainerSize+1))
	if err != nil {
		return Document{}, fileError(err)
	}
	return o.Read(path, data, meta)
}

// notRegular refuses a file that is not a regular file, saying what it is.
func notRegular(fi fs.FileInfo) error {
	if kind := files.Kind(fi.Mode()); kind != "" {
		return &pathError{msg: "is " + kind + ", not a file Parallax can read", err: fs.ErrInvalid}
	}
	return nil
}

// tooLarge wraps ErrTooLarge with the size found and the limit that applies.
func tooLarge(size int64, limit int) error {
	return fmt.Errorf("%w (the limit is %d MB); this one is %.1f MB", ErrTooLarge, limit>>20, float64(size)/(1<<20))
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
