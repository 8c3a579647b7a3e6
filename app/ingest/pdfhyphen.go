package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/app/lexicon"
)

// hyphenLexicon decides, for a word broken at a line end ("reconstruc-" /
// "tion", "well-" / "known"), whether the hyphen was the typesetter's,
// dropped when the word is joined, or part of the word, kept. The first
// witness is the document itself: the word written elsewhere in it
// without a line break, joined ("reconstruction") or hyphenated
// ("well-known"). Failing that, an English word WordNet knows joined is
// joined, and two words it knows that make none are a compound. Failing
// that, the hyphen is dropped: in justified text a break inside a word is
// far more common than a compound broken exactly at its hyphen.
type hyphenLexicon struct {
	words map[string]bool // lower-case words of the document, as written
}

// newHyphenLexicon collects the words of blocks' lines, leaving out the
// pieces of words broken at a line end.
func newHyphenLexicon(blocks []region) *hyphenLexicon {
	h := &hyphenLexicon{words: map[string]bool{}}
	for _, b := range blocks {
		for _, l := range b.lines {
			fs := strings.Fields(l.text)
			for i, w := range fs {
				if i == len(fs)-1 && lineHyphen(w) {
					continue
				}
				if w = strings.ToLower(trimWord(w)); w != "" {
					h.words[w] = true
				}
			}
		}
	}
	return h
}

// trimWord strips the punctuation around a word.
func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// lineHyphen reports whether w ends with a hyphen after a letter.
func lineHyphen(w string) bool {
	r, n := utf8.DecodeLastRuneInString(w)
	if r != '-' && r != '‐' && r != 0xAD {
		return false
	}
	p, _ := utf8.DecodeLastRuneInString(w[:len(w)-n])
	return unicode.IsLetter(p)
}

// dehyphenate reports whether last, the last word of a line, is a word
// broken by a hyphen that the next line s goes on with, and if so whether
// the hyphen stays when the two are joined.
func (h *hyphenLexicon) dehyphenate(last, s string) (keep, ok bool) {
	if !lineHyphen(last) {
		return false, false
	}
	first, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsDigit(first):
		return true, true // "COVID-" / "19"
	case !unicode.IsLetter(first):
		return false, false
	}
	hy, _ := utf8.DecodeLastRuneInString(last)
	switch {
	case hy == 0xAD: // a soft hyphen: always the typesetter's
		return false, true
	case unicode.IsUpper(first):
		return true, true // "Anglo-" / "Saxon"
	}
	b := s
	if i := strings.IndexFunc(b, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		b = b[:i]
	}
	return h.keep(strings.ToLower(trimWord(last)), strings.ToLower(b)), true
}

// keep reports whether the hyphen between a and b belongs to the word.
func (h *hyphenLexicon) keep(a, b string) bool {
	switch {
	case h.words[a+b]:
		return false
	case h.words[a+"-"+b]:
		return true
	case isASCIIWord(a + b):
		if lexicon.Known(a + b) {
			return false
		}
		return len(a) > 2 && len(b) > 2 && lexicon.Known(a) && lexicon.Known(b)
	}
	return false
}

// isASCIIWord reports whether w is made of ASCII letters only, the words
// WordNet can know.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return w != ""
}
