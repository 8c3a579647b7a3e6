package ingest

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Word and OpenDocument files are zip archives of XML parts. A zip can
// claim anything about itself, so the archive is judged from its central
// directory before anything is inflated, and the claims are enforced while
// reading: a zip bomb (a small file that inflates to gigabytes) is refused
// in milliseconds, and a truncated or corrupt archive is ErrDamaged.
//
// The limits are far beyond any real document (a 1,000-page report has a
// document.xml of a few megabytes and a few hundred entries) and far below
// what would hurt the machine.
const (
	// maxZipEntries is the most entries an archive may list.
	maxZipEntries = 10000
	// maxZipTotal is the most the archive's entries may inflate to, added
	// up as the central directory declares them.
	maxZipTotal = 1 << 30
	// maxZipPart is the largest single part that is read (inflated and
	// parsed).
	maxZipPart = 32 << 20
	// maxZipRead is the most that all parts read from one archive may
	// inflate to.
	maxZipRead = 64 << 20
	// maxZipRatio is the highest compression ratio allowed for an XML
	// entry (the only kind ever inflated) of at least zipRatioFloor bytes.
	// Deflate's limit is about 1,032:1, which bombs approach; XML
	// compresses 5–20:1 and rarely past 100:1. Pictures are not judged:
	// a blank scan compresses as well as a bomb and is never inflated.
	maxZipRatio   = 200
	zipRatioFloor = 8 << 20
)

// zipMagic starts every zip archive's first local header.
var zipMagic = []byte("PK\x03\x04")

// errNoPart is returned by zipPackage.part for a part the archive lacks.
var errNoPart = errors.New("no such part")

// zipPackage is a zip archive opened under the limits above.
type zipPackage struct {
	// kind names the document for messages: "Word document".
	kind string
	// files are the entries by clean, lower-case name: zip names in OPC
	// packages are case-insensitive, and some tools write backslashes.
	files map[string]*zip.File
	// read is what parts read so far inflated to.
	read int64
}

// openZip opens src as a zip archive holding a document of the given
// kind, checking its central directory against the limits.
func openZip(src []byte, kind string) (*zipPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, fmt.Errorf("%w: the %s's zip directory cannot be read (%v); the file may be truncated", ErrDamaged, kind, zipCause(err))
	}
	if n := len(zr.File); n > maxZipEntries {
		return nil, fmt.Errorf("%w: the %s holds %d files inside (the limit is %d), which looks like a zip bomb", ErrTooLarge, kind, n, maxZipEntries)
	}
	z := &zipPackage{kind: kind, files: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if total > maxZipTotal {
			return nil, fmt.Errorf("%w: the %s would unpack to over %d MB, which looks like a zip bomb", ErrTooLarge, kind, maxZipTotal>>20)
		}
		if textPart(f.Name) && f.UncompressedSize64 >= zipRatioFloor && f.UncompressedSize64 > maxZipRatio*max(f.CompressedSize64, 1) {
			return nil, fmt.Errorf("%w: %s in the %s is compressed %d:1, which looks like a zip bomb", ErrTooLarge, f.Name, kind, f.UncompressedSize64/max(f.CompressedSize64, 1))
		}
		name := zipKey(f.Name)
		if _, dup := z.files[name]; !dup {
			z.files[name] = f
		}
	}
	return z, nil
}

// textPart reports whether an entry is one a reader may inflate: XML
// parts, relationships, the ODF mimetype.
func textPart(name string) bool {
	n := strings.ToLower(name)
	return strings.HasSuffix(n, ".xml") || strings.HasSuffix(n, ".rels") || n == "mimetype"
}

// zipKey is the lookup key of a part name.
func zipKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(name, "\\", "/")), "/"))
}

// has reports whether the archive holds the named part.
func (z *zipPackage) has(name string) bool {
	_, ok := z.files[zipKey(name)]
	return ok
}

// part inflates the named part, enforcing the declared size, the part and
// archive limits and the checksum. A missing part is errNoPart.
func (z *zipPackage) part(name string) ([]byte, error) {
	f, ok := z.files[zipKey(name)]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, errNoPart)
	}
	if f.Flags&0x1 != 0 {
		return nil, fmt.Errorf("%w (%s is encrypted inside the zip)", ErrEncrypted, f.Name)
	}
	size := f.UncompressedSize64
	if size > maxZipPart {
		return nil, fmt.Errorf("%w: %s in the %s would unpack to %d MB (the limit is %d MB)", ErrTooLarge, f.Name, z.kind, size>>20, maxZipPart>>20)
	}
	if z.read+int64(size) > maxZipRead {
		return nil, fmt.Errorf("%w: the %s's text parts would unpack to over %d MB", ErrTooLarge, z.kind, maxZipRead>>20)
	}
	rc, err := f.Open()
	if err != nil {
		if errors.Is(err, zip.ErrAlgorithm) {
			return nil, fmt.Errorf("%w: %s in the %s is compressed with a method Parallax cannot unpack", ErrUnsupported, f.Name, z.kind)
		}
		return nil, fmt.Errorf("%w: %s in the %s cannot be opened (%v)", ErrDamaged, f.Name, z.kind, zipCause(err))
	}
	defer rc.Close()
	// archive/zip fails a read past the declared size (ErrFormat) and
	// checks the CRC at the end; the limit reader is a second fence.
	buf := bytes.NewBuffer(make([]byte, 0, size))
	n, err := io.Copy(buf, io.LimitReader(rc, int64(size)+1))
	z.read += n
	if err == nil && uint64(n) != size {
		err = zip.ErrFormat
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s in the %s is corrupt (%v)", ErrDamaged, f.Name, z.kind, zipCause(err))
	}
	return buf.Bytes(), nil
}

// notContainer is the error for a file named as a document of this kind
// that is no zip archive: the kind it seems to be, when known.
func notContainer(src []byte, kind string) error {
	if err := sniffBinary(src); err != nil {
		return err
	}
	article := "a"
	if strings.ContainsRune("AEIOU", rune(kind[0])) {
		article = "an"
	}
	return fmt.Errorf("%w: this is not %s %s (it holds no zip archive)", ErrDamaged, article, kind)
}

// sniffZip is how a sniffer looks inside a zip, cheaply and without ever
// failing: src opened under the limits is judged by test, and one that
// cannot be opened (truncated, a bomb) by unopened.
func sniffZip(src []byte, test func(z *zipPackage) bool, unopened func() bool) (ok bool) {
	if !bytes.HasPrefix(src, zipMagic) {
		return false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	z, err := openZip(src, "document")
	if err != nil {
		return unopened()
	}
	return test(z)
}

// smallPart returns the named part when the archive has it and it is at
// most limit bytes, else nil: for sniffers reading a marker part.
func (z *zipPackage) smallPart(name string, limit uint64) []byte {
	f, ok := z.files[zipKey(name)]
	if !ok || f.UncompressedSize64 > limit {
		return nil
	}
	data, err := z.part(name)
	if err != nil {
		return nil
	}
	return data
}

// zipCause words a zip or inflate error briefly for a message.
func zipCause(err error) string {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		return "checksum mismatch"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return "not a valid zip archive"
	}
	return strings.TrimPrefix(err.Error(), "zip: ")
}

// zipNames returns the entry names listed in src's central directory, or
// nil when it has none that can be read: for sniffers, which must be cheap
// and never fail.
func zipNames(src []byte) []string {
	if !bytes.HasPrefix(src, zipMagic) {
		return nil
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil
	}
	if len(zr.File) > maxZipEntries {
		return nil
	}
	names := make([]string, len(zr.File))
	for i, f := range zr.File {
		names[i] = zipKey(f.Name)
	}
	return names
}

// localHeaderNamed reports whether a local file header in src (read in
// file order, without the central directory, as a truncated archive has
// none) names an entry starting with prefix. Only the first thousand
// headers are looked at.
func localHeaderNamed(src []byte, prefix string) bool {
	for i, n := 0, 0; n < 1000; n++ {
		j := bytes.Index(src[i:], zipMagic)
		if j < 0 {
			return false
		}
		i += j
		if name := src[i+min(30, len(src)-i):]; bytes.HasPrefix(name, []byte(prefix)) {
			return true
		}
		i += len(zipMagic)
	}
	return false
}
