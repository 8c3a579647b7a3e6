package assets

import _ "embed"

// Font is one typeface as TrueType files, for writers that embed a font in
// what they produce (the PDF export). The slices are shared: read them, do
// not change them.
type Font struct {
	Regular, Bold, Italic []byte
	// License is the font's licence, whose terms ask that it travel with
	// every copy of the font; every Parallax binary is one.
	License string
}

var (
	//go:embed fonts/DejaVuSans.ttf
	dejaVuRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	dejaVuBold []byte
	//go:embed fonts/DejaVuSans-Oblique.ttf
	dejaVuItalic []byte
	//go:embed fonts/DejaVu.LICENSE
	dejaVuLicense string
)

// DejaVuSans is the font of PDF exports. It covers Latin (with the
// diacritics of Central European, Turkish, Romanian and Vietnamese names),
// Greek and Cyrillic, so a report's names print as written, and its licence
// (Bitstream Vera's) allows embedding and redistribution. Its italic face is
// DejaVu Sans Oblique.
func DejaVuSans() Font {
	return Font{Regular: dejaVuRegular, Bold: dejaVuBold, Italic: dejaVuItalic, License: dejaVuLicense}
}
