package ingest

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
)

// Office compound files (OLE2, the container of the old binary formats)
// that an editor may hand in as Word documents: a Word file saved with a
// password (Word, whatever the name, then wraps the .docx in a compound
// file holding EncryptionInfo and EncryptedPackage streams) is refused as
// encrypted, and an old binary .doc is refused with how to convert it.
// Other compound files (.xls, .ppt, .msg) are left to the plain text
// reader's refusal, which names them. The format claims .doc, so that a
// folder of old documents is reported file by file with the advice rather
// than passed over.
func init() {
	register(&format{
		name:    "doc",
		exts:    []string{".doc"},
		sniff:   sniffOLE,
		rank:    rankContainer,
		maxSize: MaxContainerSize,
		read:    readOLE,
	})
}

// oleMagic starts every compound file.
var oleMagic = []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")

// sniffOLE recognises an encrypted Word file or a binary Word document.
func sniffOLE(src []byte) bool {
	return bytes.HasPrefix(src, oleMagic) && (oleStream(src, "EncryptedPackage") || oleStream(src, "WordDocument"))
}

// readOLE refuses a compound file with the reason. A file called .doc
// that is no compound file (RTF, or text) is refused or read as the plain
// text reader does.
func readOLE(src []byte, opt Options) (parsed, error) {
	if !bytes.HasPrefix(src, oleMagic) {
		return readText(src, opt)
	}
	if oleStream(src, "EncryptedPackage") {
		return parsed{}, ErrEncrypted
	}
	if !oleStream(src, "WordDocument") { // a spreadsheet or slides called .doc
		return parsed{}, sniffBinary(src)
	}
	return parsed{}, fmt.Errorf("%w: this is an old Word document (.doc); open it in Word or LibreOffice, save it as .docx and add that", ErrUnsupported)
}

// oleStream reports whether the compound file src has a stream of this
// name. Directory entries are 128 bytes at 128-byte boundaries (the
// header and sectors are multiples of 128): a UTF-16 name, NUL-ended, its
// byte length at offset 64 and the entry's type (2, a stream) at 66. The
// entries are matched where they lie rather than found through the FAT, so
// a file whose allocation tables are damaged is still told apart.
func oleStream(src []byte, name string) bool {
	want := make([]byte, 0, 2*len(name)+2)
	for _, u := range utf16.Encode([]rune(name)) {
		want = binary.LittleEndian.AppendUint16(want, u)
	}
	want = append(want, 0, 0)
	for i := 512; i+128 <= len(src); i += 128 {
		e := src[i : i+128]
		if bytes.HasPrefix(e, want) && int(binary.LittleEndian.Uint16(e[64:])) == len(want) && e[66] == 2 {
			return true
		}
	}
	return false
}
