package segment

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/app/textnorm"
)

// prose segments a paragraph of prose or wire copy in text[s:e].
func (d *doc) prose(s, e int) {
	text := d.text
	starts := []int{s} // claim starts in this block, for the run-on check
	if de, ok := d.dateline(s, e); ok {
		d.cut(s, lead)
		d.cut(de, Sentence)
		starts = append(starts, de)
	}
	// Lines: headings and list items.
	prevEnded := true // the previous line ended a sentence (or there is none)
	prevShort := false
	for ls := s; ls < e; {
		le := strings.IndexByte(text[ls:e], '\n')
		if le < 0 {
			le = e
		} else {
			le += ls
		}
		a, b := trim(text, ls, le)
		if a < b {
			toks := d.tokensIn(a, b)
			short := d.shortLine(a, b, toks)
			own := false // the line is a claim or a lead piece of its own
			switch {
			case isListItem(text[a:b]):
				d.cut(a, Sentence)
				starts = append(starts, a)
			case (prevEnded || prevShort) && d.byline(a, b, toks):
				d.cut(a, lead)
				own = true
			case short && (prevEnded || prevShort) && d.nextLineStarts(le, e):
				k := Heading
				if hasDate(toks) {
					k = Dateline
				}
				d.cut(a, k)
				own = true
			}
			if own && le < e {
				d.cut(le, Sentence)
				starts = append(starts, a, le)
				// A dateline may open the story under a headline or byline.
				if ns, _ := trim(text, le, e); ns < e {
					if de, ok := d.dateline(ns, e); ok {
						d.cut(ns, lead)
						d.cut(de, Sentence)
						starts = append(starts, de)
					}
				}
			} else if own {
				starts = append(starts, a)
			}
			prevShort = short
			prevEnded = endsSentence(text[a:b])
		}
		ls = le + 1
	}
	// Sentence ends.
	for i := s; i < e; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' && !strings.HasPrefix(text[i:], "…") {
			continue
		}
		after, ok := d.boundary(i, s, e)
		if ok {
			d.cut(after, Sentence)
			starts = append(starts, after)
		}
		if after > i {
			i = after - 1
		}
	}
	// Run-on sentences.
	sort.Ints(starts)
	for k, a := range starts {
		b := e
		if k+1 < len(starts) {
			b = starts[k+1]
		}
		if a >= b {
			continue
		}
		if toks := d.tokensIn(a, b); countWords(toks) > maxProse {
			d.cutSpeech(toks, a, maxUnit, false)
		}
	}
}

// boundary decides whether the terminator at text[i] ends a sentence within
// the block [bs, be). It returns the offset after the terminator cluster and
// any closing quotes or brackets, and whether that offset starts a new
// sentence.
func (d *doc) boundary(i, bs, be int) (int, bool) {
	text := d.text
	j := i
	dots, strong := 0, false
	for j < be {
		switch {
		case text[j] == '.':
			dots++
			j++
			continue
		case text[j] == '!' || text[j] == '?':
			strong = true
			j++
			continue
		case strings.HasPrefix(text[j:be], "…"):
			dots += 3
			j += len("…")
			continue
		case text[j] == ' ' && j+1 < be && text[j+1] == '.' && dots > 0 && strings.HasPrefix(text[i:be], ". . ."):
			// ". . ." spaced ellipsis, not a spaced full stop before more text
			j++
			continue
		}
		break
	}
	// Closing quotes and brackets belong to the sentence.
	for j < be {
		r, n := utf8.DecodeRuneInString(text[j:be])
		if !isCloser(r) {
			break
		}
		j += n
	}
	if j >= be {
		return j, false // the block ends here anyway
	}
	if r, _ := utf8.DecodeRuneInString(text[j:be]); !unicode.IsSpace(r) {
		return j, false // 3.5, u.s.-led, e.g., "Why?",
	}
	k, nl := j, false
	for k < be {
		r, n := utf8.DecodeRuneInString(text[k:be])
		if !unicode.IsSpace(r) {
			break
		}
		if r == '\n' {
			nl = true
		}
		k += n
	}
	next := nextWord(text[k:be])
	switch {
	case dots >= 2: // ellipsis
		if nl {
			return j, true
		}
		if d.lower {
			return j, false
		}
		return j, startsUpper(next)
	case strong:
		if nl || d.lower {
			return j, true
		}
		return j, !startsLower(next)
	}
	// A full stop: look at the word before it.
	if i == bs || isSpaceByte(text[i-1]) {
		return j, true // spaced full stop of tokenised copy
	}
	w := prevWord(text[bs:i])
	lw := strings.ToLower(w)
	switch {
	case titleAbbrev[lw]:
		return j, false
	case numberAbbrev[lw]:
		return j, !startsDigit(next)
	case utf8.RuneCountInString(w) == 1 && unicode.IsLetter(firstRune(w)):
		if (lw == "s" || lw == "t") && afterWord(text[bs:i-1]) {
			return j, true // "the capital s." is tokenised "the capital's."
		}
		if nl {
			return j, true
		}
		if d.lower || unicode.IsUpper(firstRune(w)) {
			return j, d.starter(next) // an initial: J. Smith
		}
		return j, !startsLower(next)
	case neverEnds[lw]:
		return j, false
	case isDotted(w) || ambiguousAbbrev[lw]:
		if nl {
			return j, true
		}
		if d.spaced {
			return j, false
		}
		return j, d.starter(next)
	case isListNumber(text[bs:i], w):
		return j, false
	}
	if nl || d.lower {
		return j, true
	}
	return j, !startsLower(next)
}

func isCloser(r rune) bool {
	switch r {
	case ')', ']', '}', '"', '\'', '’', '”', '»', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '‘', '“', '«', '‹', '„':
		return true
	}
	return false
}

// nextWord returns the first word of s, without opening quotes or brackets.
func nextWord(s string) string {
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isOpener(r) || unicode.IsSpace(r) })
	end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) })
	if end < 0 {
		end = len(s)
	}
	return strings.TrimRightFunc(s[:end], func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// prevWord returns the word that ends s: the run of non-space characters
// after the last space, opening punctuation or hyphen ("russian-u.s" → "u.s").
func prevWord(s string) string {
	if len(s) > 64 {
		s = s[len(s)-64:] // a word longer than this is no abbreviation; keeps runs of dots linear
	}
	k := strings.LastIndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || isOpener(r) || textnorm.IsDash(r) || r == '/'
	})
	if k >= 0 {
		_, n := utf8.DecodeRuneInString(s[k:])
		return s[k+n:]
	}
	return s
}

// afterWord reports whether s ends with a word and one space, as in
// "capital " before "s.".
func afterWord(s string) bool {
	if !strings.HasSuffix(s, " ") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:len(s)-1])
	return unicode.IsLetter(r)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func startsUpper(w string) bool { return w != "" && unicode.IsUpper(firstRune(w)) }
func startsLower(w string) bool { return w != "" && unicode.IsLower(firstRune(w)) }
func startsDigit(w string) bool { return w != "" && unicode.IsDigit(firstRune(w)) }

// isDotted reports whether w is a dotted abbreviation: u.s, a.m, e.g.
func isDotted(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) > 2 {
			return false
		}
	}
	return true
}

// isListNumber reports whether w, the word before a full stop, is a list
// number at the start of its line ("1. First").
func isListNumber(before, w string) bool {
	if len(w) == 0 || len(w) > 2 || !startsDigit(w) || !startsDigit(w[len(w)-1:]) {
		return false
	}
	rest := strings.TrimRight(before[:len(before)-len(w)], " \t")
	return rest == "" || strings.HasSuffix(rest, "\n")
}

// starter reports whether w plausibly opens a sentence after an ambiguous
// abbreviation: "U.S. The" ends a sentence, "U.S. President" does not.
func (d *doc) starter(w string) bool {
	lw := strings.ToLower(w)
	if d.lower {
		return lowerStarters[lw]
	}
	return startsUpper(w) && (starters[lw] || lowerStarters[lw])
}

// Abbreviation lists, lower case without the final dot.
var (
	// titleAbbrev precede a name: never a sentence end.
	titleAbbrev = set("mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "cpt", "maj",
		"adm", "gov", "sen", "rep", "rev", "prof", "st", "mt", "ft", "fr", "pres", "supt", "cmdr",
		"brig", "insp", "det", "hon", "messrs", "mme", "mlle", "sheikh", "cdr", "lieut", "cpl", "pvt")
	// numberAbbrev precede a number: No. 5, Art. 12.
	numberAbbrev = set("no", "nos", "art", "vol", "p", "pp", "fig", "ch", "sec", "ref", "op",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tel")
	// neverEnds are abbreviations followed by more of the sentence.
	neverEnds = set("e.g", "i.e", "vs", "cf", "approx", "ca", "viz", "al") // "et al." is usually mid-sentence
	// ambiguousAbbrev may end a sentence or not; the next word decides.
	ambiguousAbbrev = set("etc", "inc", "ltd", "co", "corp", "jr", "sr", "bros", "plc", "llc",
		"est", "dept", "govt", "univ", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
		"sat", "sun")
	// lowerStarters open sentences often enough to trust in lower-cased copy.
	lowerStarters = set("the", "he", "she", "they", "we", "i", "it", "this", "but", "however",
		"there", "these", "those", "his", "her", "their", "its", "meanwhile")
	// starters extend lowerStarters for capitalised text.
	starters = set("a", "an", "in", "on", "at", "after", "before", "when", "while", "that",
		"if", "as", "for", "with", "some", "many", "most", "our", "my", "you", "what", "why",
		"how", "so", "and", "yet", "still", "also", "then", "mr", "mrs", "ms", "dr", "no")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// endsSentence reports whether a trimmed line ends with sentence
// punctuation, before any closing quotes or brackets.
func endsSentence(line string) bool {
	line = trimClosers(line)
	r, _ := utf8.DecodeLastRuneInString(line)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// trimClosers drops the closing quotes and brackets that end a line, and
// the spaces tokenised copy writes before them ("Marsh . \"").
func trimClosers(line string) string {
	return strings.TrimRightFunc(line, func(r rune) bool { return isCloser(r) || unicode.IsSpace(r) })
}

// shortLine reports whether a trimmed line looks like a heading: at most 12
// words, no final punctuation, not ending on a word that cannot end a
// sentence, and in capitalised text starting with a capital or digit.
func (d *doc) shortLine(a, b int, toks []textnorm.Token) bool {
	line := d.text[a:b]
	if len(toks) == 0 || len(toks) > 12 || b-a > 100 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(trimClosers(line))
	switch r {
	case '.', '!', '?', '…', ',', ';', ':', '-', '–', '—':
		return false
	}
	if danglers[strings.ToLower(toks[len(toks)-1].Text)] {
		return false
	}
	if !d.lower {
		f := firstRune(strings.TrimLeftFunc(line, isOpener))
		if !unicode.IsUpper(f) && !unicode.IsDigit(f) {
			return false
		}
	}
	return true
}

// danglers cannot end a sentence or a heading; a line ending in one is
// hard-wrapped prose.
var danglers = set("the", "a", "an", "of", "to", "and", "or", "in", "for", "with", "by",
	"from", "on", "at", "as", "that", "but", "its", "their", "his", "her", "is", "are", "was",
	"were", "be", "has", "have", "had", "will", "would", "said")

// nextLineStarts reports whether the line after the line ending at le (or
// the block end) can start a new claim after a heading.
func (d *doc) nextLineStarts(le, e int) bool {
	if le >= e {
		return true
	}
	a, b := trim(d.text, le, e)
	if a >= b {
		return true
	}
	if d.lower {
		return true
	}
	r := firstRune(strings.TrimLeftFunc(d.text[a:b], isOpener))
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpener(firstRune(d.text[a:b]))
}

// isListItem reports whether a line starts with a bullet or a list number.
func isListItem(line string) bool {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '•', '·', '*', '▪', '‣', '◦':
		return n < len(line)
	case '-', '–', '—':
		return n < len(line) && line[n] == ' '
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

var months = set("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec")

// hasDate reports whether tokens name a month next to a number, or a year.
func hasDate(toks []textnorm.Token) bool {
	for k, t := range toks {
		if t.Kind == textnorm.Number && len(t.Norm) == 4 && (strings.HasPrefix(t.Norm, "19") || strings.HasPrefix(t.Norm, "20")) {
			return true
		}
		if months[t.Norm] && t.Norm != "may" && t.Norm != "march" {
			if (k > 0 && toks[k-1].Kind == textnorm.Number) || (k+1 < len(toks) && toks[k+1].Kind == textnorm.Number) {
				return true
			}
		}
		if (t.Norm == "may" || t.Norm == "march") && t.Has(textnorm.Capital) && k+1 < len(toks) && toks[k+1].Kind == textnorm.Number {
			return true
		}
	}
	return false
}

// allCaps reports whether s has letters and no lower-case letter.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}
