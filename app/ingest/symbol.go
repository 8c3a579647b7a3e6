package ingest

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// symbolFont is the Adobe Symbol font's encoding from 0x20 to 0xFF in
// Unicode, 0 where a code is unassigned or a glyph piece (bracket and
// integral parts, the radical extender); codes 0x80–0x9F are unused. Word
// writes a character inserted from the Symbol font as w:sym with its code
// in the private use area (F020–F0FF).
var symbolFont = []rune(" !∀#∃%&∋()∗+,−./0123456789:;<=>?" +
	"≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_" +
	"\x00αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼\x00" +
	strings.Repeat("\x00", 32) +
	"€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…\x00\x00↵" +
	"ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓" +
	"◊〈®©™∑\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00〉∫\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00")

// symbolText returns the text of a Word w:sym: its character code (hex)
// as Unicode, a Symbol font code mapped to the character it shows. Codes
// of other symbol fonts (Wingdings, Webdings: pictographs, mostly bullets)
// have no text and give "".
func symbolText(font, char string) string {
	n, err := strconv.ParseUint(char, 16, 32)
	if err != nil {
		return ""
	}
	r := rune(n)
	if r >= 0xF000 && r <= 0xF0FF {
		r -= 0xF000
	} else if r >= 0x100 || !strings.EqualFold(font, "Symbol") {
		if r < 0x20 || (r >= 0xE000 && r <= 0xF8FF) || !utf8.ValidRune(r) {
			return ""
		}
		return string(r)
	}
	if !strings.EqualFold(font, "Symbol") || r < 0x20 || symbolFont[r-0x20] == 0 {
		return ""
	}
	return string(symbolFont[r-0x20])
}
