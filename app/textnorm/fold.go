// Package textnorm turns report text into the comparable units the claim
// engine works on: folded word tokens that keep byte offsets into the
// original text, Porter2 stems, stop-word flags and transliteration-tolerant
// name keys.
//
// # Why fold, and how far
//
// Reports of one story are written by different people in different styles:
// "Russia’s" and "russia s", "U.S." and "US", "Erdoğan" and "Erdogan", "—"
// and "-". Comparing claims word by word only works once those differences are
// gone, but an editor must still see the original words highlighted. So the
// package never rewrites the text: every Token carries Start and End into the
// original string and the folded form beside it.
//
// Folding (see Fold) is Unicode compatibility normalisation (NFKC, so ligatures
// and full-width forms become plain letters), lower-casing, removal of
// combining marks (diacritics: é → e, and Arabic vowel marks), one form for
// the many quote and dash characters, and a few letters that Unicode does not
// decompose (ø, æ, ł, ß). It is the folding a search engine applies, not a
// linguistic analysis, and it is deliberately lossy.
//
// # Tokens
//
// Tokens returns words and numbers only: punctuation is not a word, so a
// spaced comma in wire copy (" , ") produces no token. Numbers stay whole
// ("1,200" with norm "1200", "3.5", "15th"); dotted abbreviations stay whole
// ("u.s." with norm "us", flagged Acronym so it is not mistaken for the
// pronoun); hyphenated compounds are split into their parts, each part after
// the first flagged Joined, so "Iran-backed" still shares "iran" with "Iran"
// while the compound can be rebuilt. Apostrophes join words ("don't",
// "Russia’s"); a possessive 's is folded away from the norm and flagged.
// Lower-cased tokenised wire copy writes "trump s" and "won t": a lone s, t,
// m, d, re, ll or ve after a word is merged into that word's token (so the
// token's Text contains a space) with the same norm and flag the edited
// spelling would get.
//
// # Preprocessing claims once
//
// A claim aligner compares every claim with many others, so it should analyse
// each claim once. Analyze and AppendAnalyze fill Norm, Stem, Key and Flags in
// one pass and are allocation-conscious: Text is a substring of the input, Norm
// is the same substring whenever folding changes nothing, Stem is a prefix of
// Norm whenever the stemmer only removed a suffix (most words), and every
// other derived string of one call is carved from a single buffer. A call
// costs a fixed handful of allocations (three in BenchmarkAnalyze) however
// many tokens it returns, and AppendAnalyze lets a caller keep the tokens of
// all claims of a report in one growing slice.
//
// The stop-word list is a Go file in this package (stop.go) for now; the
// design puts such lists in assets/ eventually, and moving them only changes
// where IsStop reads its table.
//
// This package is a leaf: it imports nothing from Parallax.
package textnorm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s folded for comparison: NFKC, lower case, no combining marks,
// quotes as ' and ", dashes as -, and ø æ œ ł đ ð þ ß ı spelled in ASCII.
// The result's byte offsets do not match s; use Tokens when offsets matter.
//
// ASCII input without upper-case letters is returned as is, without
// allocating, which is the common case for news text.
func Fold(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	return string(AppendFold(nil, s))
}

// AppendFold appends the folded form of s (see Fold) to dst.
//
// The folding is one pass over the compatibility decomposition (NFKD) of s
// rather than a chain of golang.org/x/text transformers: transform.Chain
// allocates per use and is not safe for concurrent use, and this pass needs
// neither. Dropping combining marks from the decomposition and recomposing
// (NFC) gives NFKC without the marks.
func AppendFold(dst []byte, s string) []byte {
	if isASCII(s) {
		for i := 0; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	start := len(dst)
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	composed := true // every rune written so far is ASCII
	for !it.Done() {
		seg := it.Next()
		for len(seg) > 0 {
			r, n := utf8.DecodeRune(seg)
			seg = seg[n:]
			if r == utf8.RuneError && n == 1 {
				dst = append(dst, "\uFFFD"...)
				composed = false
				continue
			}
			if unicode.Is(unicode.Mn, r) || r == 0x02BE || r == 0x02BF {
				// Combining marks, and the modifier letters ʾ ʿ used for
				// hamza and ayn in transliteration (Daraʿa).
				continue
			}
			if rep, ok := foldSpecial(r); ok {
				dst = append(dst, rep...)
				continue
			}
			r = unicode.ToLower(r)
			if r >= utf8.RuneSelf {
				composed = false
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	if !composed {
		// Recompose what the decomposition split and the mark filter left
		// whole (Hangul syllables, for one).
		folded := norm.NFC.Append(nil, dst[start:]...)
		dst = append(dst[:start], folded...)
	}
	return dst
}

// foldSpecial maps the punctuation and letters that decomposition leaves
// alone but that readers treat as the same: typographic quotes, the dash
// family, and Latin letters with a stroke or ligature.
func foldSpecial(r rune) (string, bool) {
	switch r {
	case '‘', '’', '‚', '‛', 'ʼ', '′':
		return "'", true
	case '“', '”', '„', '‟', '«', '»', '″':
		return `"`, true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-", true
	case 'ß', 'ẞ':
		return "ss", true
	case 'ø', 'Ø':
		return "o", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'ł', 'Ł':
		return "l", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'þ', 'Þ':
		return "th", true
	case 'ı':
		return "i", true
	case 'ħ', 'Ħ':
		return "h", true
	case '\u00A0', '\u2007', '\u202F':
		return " ", true
	}
	return "", false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// IsQuote reports whether r is one of the quotation marks Fold unifies, or
// an ASCII quote.
func IsQuote(r rune) bool {
	switch r {
	case '\'', '"', '‘', '’', '‚', '‛', '“', '”', '„', '‟', '«', '»', '‹', '›':
		return true
	}
	return false
}

// IsDash reports whether r is a hyphen or dash character Fold maps to "-".
func IsDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}
