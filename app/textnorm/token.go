package textnorm

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says what a token is.
type Kind uint8

// Token kinds. Punctuation is not a token: it carries no claim content and
// the segmenter reads it from the text itself.
const (
	Word   Kind = iota + 1 // letters, possibly with digits, apostrophes or dots (don't, u.s., G7)
	Number                 // starts with a digit: 2015, 1,200, 3.5, 15th
)

// Flags are facts about a token that an aligner weighs without re-reading
// the text.
type Flags uint8

// Token flags.
const (
	// Stop marks an English stop word (see IsStop). Acronyms are never stop
	// words, so "U.S." and "US" are not the pronoun "us".
	Stop Flags = 1 << iota
	// Possessive marks a word whose 's was folded away: "Russia’s",
	// "trump s" (tokenised wire copy) and "Russia" share the norm "russia".
	Possessive
	// Joined marks a token attached to the previous one by a hyphen:
	// "backed" in "Iran-backed", "assad" in "al-Assad".
	Joined
	// Capital marks a word written with an initial capital, a hint that it
	// is a name when the text is not lower-cased copy.
	Capital
	// Acronym marks a dotted abbreviation (u.s., a.m.) or a word of two or
	// more letters written in capitals (US, FSA, NATO).
	Acronym
	// Merged marks a token whose span covers a contraction or possessive
	// that tokenised copy wrote apart ("trump s", "won t"): its Text
	// contains a space.
	Merged
)

// Token is one word or number of a text.
type Token struct {
	// Start and End are byte offsets into the text given to Tokens or
	// Analyze; Text is text[Start:End], the words as written.
	Start, End int
	Text       string
	// Norm is the folded form (see Fold) with number separators, dots of
	// abbreviations and a possessive 's removed: "1,200" → "1200",
	// "U.S." → "us", "Russia’s" → "russia", "won t" → "won't".
	Norm string
	// Stem is the Porter2 stem of Norm (see Stem); numbers and acronyms are
	// their own stem. Empty unless the token came from Analyze.
	Stem string
	// Key is NameKey of the word for words that are not stop words, Norm
	// for acronyms, empty for numbers and stop words. Empty unless the
	// token came from Analyze.
	Key   string
	Kind  Kind
	Flags Flags
}

// Has reports whether all of f are set on t.
func (t *Token) Has(f Flags) bool { return t.Flags&f == f }

// Tokens returns the words and numbers of text with Norm and Flags set but
// not Stem and Key: what the segmenter needs, at lower cost.
func Tokens(text string) []Token {
	return AppendTokens(nil, text, 0, len(text))
}

// AppendTokens appends the tokens of text[start:end] to dst, with offsets
// into text, and returns the extended slice. See Tokens.
func AppendTokens(dst []Token, text string, start, end int) []Token {
	return appendTokens(dst, text, start, end, false)
}

// Analyze returns the tokens of text with every field set: the once-per-claim
// preprocessing an aligner needs.
func Analyze(text string) []Token {
	return AppendAnalyze(nil, text, 0, len(text))
}

// AppendAnalyze appends the fully analysed tokens of text[start:end] to dst,
// with offsets into text. An aligner can analyse all claims of a report into
// one slice and keep sub-slices per claim. The derived strings of one call
// share one allocation (see the package comment).
func AppendAnalyze(dst []Token, text string, start, end int) []Token {
	return appendTokens(dst, text, start, end, true)
}

func appendTokens(dst []Token, text string, start, end int, full bool) []Token {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return dst
	}
	tz := tokenizer{text: text, end: end, full: full}
	n := end - start
	if full {
		tz.arena.Grow(n + n/2)
	} else {
		tz.arena.Grow(n / 4)
	}
	// English runs about six bytes a word with its space and punctuation:
	// room for one token per five bytes spares the append of a long text
	// its repeated growing, which for a slice of pointers costs more than
	// the tokenising (write barriers and zeroing on every copy).
	dst = slices.Grow(dst, n/5+1)
	first := len(dst)
	joinNext := false
	i := start
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:end])
		if !isWordRune(r) {
			i += size
			joinNext = false
			continue
		}
		tok, next := tz.scan(i)
		if joinNext {
			tok.Flags |= Joined
		}
		joinNext = false
		merged := len(dst) > first && tz.mergeClitic(&dst[len(dst)-1], &tok)
		if !merged {
			dst = append(dst, tok)
		}
		i = next
		if i < end && isHyphenAt(text, i, end) {
			joinNext = true
			_, size := utf8.DecodeRuneInString(text[i:end])
			i += size
		}
	}
	if full {
		for k := first; k < len(dst); k++ {
			tz.derive(&dst[k])
		}
	}
	return dst
}

// isHyphenAt reports whether text[i] is a hyphen joining two words.
func isHyphenAt(text string, i, end int) bool {
	r, size := utf8.DecodeRuneInString(text[i:end])
	if r != '-' && r != '‐' && r != '‑' {
		return false
	}
	if i+size >= end {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(text[i+size : end])
	return isWordRune(r2)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

type tokenizer struct {
	text    string
	end     int
	full    bool
	arena   strings.Builder
	scratch []byte
}

// keep stores b in the arena and returns it as a string.
func (tz *tokenizer) keep(b []byte) string {
	a := tz.arena.Len()
	tz.arena.Write(b)
	return tz.arena.String()[a:]
}

// scan reads the token starting at i and returns it with the offset after it.
func (tz *tokenizer) scan(i int) (Token, int) {
	text, end := tz.text, tz.end
	start := i
	r0, size := utf8.DecodeRuneInString(text[i:end])
	number := unicode.IsNumber(r0)
	upper, lower, letters := 0, 0, 0
	count := func(r rune) {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	count(r0)
	prev := r0
	i += size
	dotted := false
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if isWordRune(r) {
			count(r)
			prev = r
			i += n
			continue
		}
		next, nn := rune(0), 0
		if i+n < end {
			next, nn = utf8.DecodeRuneInString(text[i+n : end])
		}
		switch {
		case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next) && !dotted:
			// don't, Russia’s, O'Brien
			prev = r
			i += n
			continue
		case r == '.' && unicode.IsDigit(prev) && unicode.IsDigit(next):
			// 3.5
			prev = r
			i += n
			continue
		case r == ',' && number && unicode.IsDigit(prev) && threeDigits(text, i+n, end):
			// 1,200
			prev = r
			i += n
			continue
		case r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next) && (dotted || i-start == utf8.RuneLen(prev)):
			// u.s.: single letters separated by dots, consumed as "x." pairs
			j := i + n + nn
			if j < end && text[j] == '.' {
				dotted = true
				count(next)
				prev = next
				i = j
				continue
			}
		}
		break
	}
	if dotted && i < end && text[i] == '.' {
		i++ // the final dot of u.s.
	}
	tok := Token{Start: start, End: i, Text: text[start:i], Kind: Word}
	if number {
		tok.Kind = Number
	}
	if unicode.IsUpper(r0) {
		tok.Flags |= Capital
	}
	if dotted || (upper >= 2 && lower == 0 && !number) {
		tok.Flags |= Acronym
	}
	tz.norm(&tok, dotted)
	return tok, i
}

func threeDigits(text string, i, end int) bool {
	if i+3 > end {
		return false
	}
	for k := i; k < i+3; k++ {
		if text[k] < '0' || text[k] > '9' {
			return false
		}
	}
	return i+3 == end || text[i+3] < '0' || text[i+3] > '9'
}

// pronounS lists words whose 's is "is" or "us", not a possessive.
var pronounS = map[string]bool{
	"it": true, "he": true, "she": true, "that": true, "there": true, "here": true,
	"what": true, "who": true, "let": true, "where": true,
}

// norm sets tok.Norm and the Stop and Possessive flags.
func (tz *tokenizer) norm(tok *Token, dotted bool) {
	b := AppendFold(tz.scratch[:0], tok.Text)
	// Remove what only separates: dots of abbreviations, commas of numbers.
	if dotted || tok.Kind == Number {
		w := 0
		for _, c := range b {
			if c == '.' && dotted || c == ',' && tok.Kind == Number {
				continue
			}
			b[w] = c
			w++
		}
		b = b[:w]
	}
	if n := len(b); n > 2 && b[n-2] == '\'' && b[n-1] == 's' && !pronounS[string(b[:n-2])] {
		b = b[:n-2]
		tok.Flags |= Possessive
	}
	tz.scratch = b
	if string(b) == tok.Text {
		tok.Norm = tok.Text
	} else {
		tok.Norm = tz.keep(b)
	}
	if tok.Kind == Word && tok.Flags&Acronym == 0 && IsStop(tok.Norm) {
		tok.Flags |= Stop
	}
}

// clitics are the word pieces tokenised copy writes apart, and the words
// they may follow: "won t" is won't, "i m" is i'm. A lone s follows any word.
var clitics = map[string]map[string]bool{
	"t": set("don", "won", "can", "isn", "aren", "wasn", "weren", "didn", "doesn", "hasn",
		"haven", "hadn", "couldn", "wouldn", "shouldn", "mustn", "needn", "ain", "mightn", "shan"),
	"m":  set("i"),
	"re": set("we", "you", "they", "who", "what", "there"),
	"ll": set("i", "you", "he", "she", "it", "we", "they", "that", "there", "who", "what"),
	"ve": set("i", "you", "we", "they", "could", "would", "should", "might", "must", "who"),
	"d":  set("i", "you", "he", "she", "it", "we", "they", "who", "that", "there"),
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// mergeClitic folds tok into prev when tok is a contraction or possessive
// piece written apart from prev by one space, and reports whether it did.
func (tz *tokenizer) mergeClitic(prev, tok *Token) bool {
	if prev.Kind != Word || tok.Kind != Word || prev.Flags&(Merged|Possessive|Acronym) != 0 ||
		tok.Start != prev.End+1 || tz.text[prev.End] != ' ' || len(tok.Norm) > 2 {
		return false
	}
	piece := tok.Norm
	if piece == "s" {
		if pronounS[prev.Norm] {
			piece = "'s"
		} else {
			prev.Flags |= Possessive
			piece = ""
		}
	} else {
		if ok := clitics[piece]; ok == nil || !ok[prev.Norm] {
			return false
		}
		piece = "'" + piece
	}
	prev.End = tok.End
	prev.Text = tz.text[prev.Start:prev.End]
	prev.Flags |= Merged
	if piece != "" {
		b := append(append(tz.scratch[:0], prev.Norm...), piece...)
		tz.scratch = b
		prev.Norm = tz.keep(b)
	}
	prev.Flags &^= Stop
	if IsStop(prev.Norm) {
		prev.Flags |= Stop
	}
	return true
}

// derive sets Stem and Key.
func (tz *tokenizer) derive(tok *Token) {
	switch {
	case tok.Kind == Number:
		tok.Stem = tok.Norm
	case tok.Flags&Acronym != 0:
		tok.Stem = tok.Norm
		tok.Key = tok.Norm
	default:
		b := appendStem(tz.scratch[:0], tok.Norm)
		tz.scratch = b
		if len(b) <= len(tok.Norm) && tok.Norm[:len(b)] == string(b) {
			tok.Stem = tok.Norm[:len(b)]
		} else {
			tok.Stem = tz.keep(b)
		}
		if tok.Flags&Stop == 0 {
			b = appendWordKey(tz.scratch[:0], tok.Norm)
			tz.scratch = b
			if string(b) == tok.Norm {
				tok.Key = tok.Norm
			} else {
				tok.Key = tz.keep(b)
			}
		}
	}
}
