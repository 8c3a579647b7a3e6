package textnorm

// This file implements the English (Porter2) stemmer of the Snowball
// project, https://snowballstem.org/algorithms/english/stemmer.html, written
// from the published algorithm (BSD-licensed description) rather than taken
// from a module, to keep the dependency list short and the code allocation
// free. The step names follow the description so the two can be read side by
// side; the tests pin outputs of the reference implementation.
//
// Stemming lets "negotiations" meet "negotiated" and "resisting" meet
// "resist" when claims are compared; a stem is a comparison key, not a word
// ("happi"), and is never shown to the editor.

// Stem returns the Porter2 stem of word, which should be folded (lower case,
// ASCII apostrophes; Token.Norm is). Words with characters other than a-z and
// apostrophes, such as numbers and non-Latin words, are returned unchanged,
// as are words of one or two letters.
func Stem(word string) string {
	var scratch [48]byte
	out := appendStem(scratch[:0], word)
	if string(out) == word {
		return word
	}
	if len(out) <= len(word) && word[:len(out)] == string(out) {
		return word[:len(out)]
	}
	return string(out)
}

// appendStem appends the stem of word to dst.
func appendStem(dst []byte, word string) []byte {
	for i := 0; i < len(word); i++ {
		c := word[i]
		if (c < 'a' || c > 'z') && c != '\'' {
			return append(dst, word...)
		}
	}
	if rep, ok := stemException1(word); ok {
		return append(dst, rep...)
	}
	if len(word) < 3 {
		return append(dst, word...)
	}
	start := len(dst)
	dst = append(dst, word...)
	b := porter2(dst[start:])
	return append(dst[:start], b...)
}

// stemException1 holds the words the algorithm lists as exceptions before
// any step.
func stemException1(w string) (string, bool) {
	switch w {
	case "skis":
		return "ski", true
	case "skies":
		return "sky", true
	case "dying":
		return "die", true
	case "lying":
		return "lie", true
	case "tying":
		return "tie", true
	case "idly":
		return "idl", true
	case "gently":
		return "gentl", true
	case "ugly":
		return "ugli", true
	case "early":
		return "earli", true
	case "only":
		return "onli", true
	case "singly":
		return "singl", true
	case "sky", "news", "howe", "atlas", "cosmos", "bias", "andes":
		return w, true
	}
	return "", false
}

// porter2 stems b in place and returns the stem, a prefix of b's array
// possibly one letter longer than a suffix cut (the +e rules).
func porter2(b []byte) []byte {
	// Prelude: initial apostrophe, consonantal y as Y.
	if len(b) > 0 && b[0] == '\'' {
		b = b[1:]
	}
	if len(b) < 3 {
		return b
	}
	hasY := false
	for i := range b {
		if b[i] == 'y' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
			hasY = true
		}
	}
	p1, p2 := regions(b)
	s := &stemmer{b: b, p1: p1, p2: p2}

	s.step0()
	s.step1a()
	switch string(s.b) {
	case "inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed":
		// exception2: returned after step 1a.
	default:
		s.step1b()
		s.step1c()
		s.step2()
		s.step3()
		s.step4()
		s.step5()
	}
	if hasY {
		for i := range s.b {
			if s.b[i] == 'Y' {
				s.b[i] = 'y'
			}
		}
	}
	return s.b
}

type stemmer struct {
	b      []byte
	p1, p2 int // starts of regions R1 and R2
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// regions returns the starts of R1 and R2: R1 begins after the first
// non-vowel that follows a vowel (or after gener, commun, arsen), R2 is the
// same rule applied within R1.
func regions(b []byte) (p1, p2 int) {
	switch {
	case hasPrefix(b, "gener"), hasPrefix(b, "arsen"):
		p1 = 5
	case hasPrefix(b, "commun"):
		p1 = 6
	default:
		p1 = afterVN(b, 0)
	}
	p2 = afterVN(b, p1)
	return p1, p2
}

// afterVN returns the index after the first non-vowel that follows a vowel
// at or after from, or len(b).
func afterVN(b []byte, from int) int {
	for i := from; i+1 < len(b); i++ {
		if isVowel(b[i]) && !isVowel(b[i+1]) {
			return i + 2
		}
	}
	return len(b)
}

func hasPrefix(b []byte, p string) bool {
	return len(b) >= len(p) && string(b[:len(p)]) == p
}

func (s *stemmer) ends(suf string) bool {
	return len(s.b) >= len(suf) && string(s.b[len(s.b)-len(suf):]) == suf
}

// longest returns the longest of sufs that ends the word, or "".
// Suffix lists are small; a linear scan beats a trie here.
func (s *stemmer) longest(sufs []string) string {
	best := ""
	for _, suf := range sufs {
		if len(suf) > len(best) && s.ends(suf) {
			best = suf
		}
	}
	return best
}

// replace swaps the final suffix of length n for rep.
func (s *stemmer) replace(n int, rep string) {
	s.b = append(s.b[:len(s.b)-n], rep...)
}

// inR1 and inR2 report whether a suffix of length n lies in the region.
func (s *stemmer) inR1(n int) bool { return len(s.b)-n >= s.p1 }
func (s *stemmer) inR2(n int) bool { return len(s.b)-n >= s.p2 }

// shortSyllableAt reports whether b[:k] ends in a short syllable: a
// non-vowel other than w, x, Y after a vowel after a non-vowel, or a vowel at
// the start of the word followed by a non-vowel.
func shortSyllableAt(b []byte, k int) bool {
	if k >= 3 && !isVowel(b[k-3]) && isVowel(b[k-2]) && !isVowel(b[k-1]) &&
		b[k-1] != 'w' && b[k-1] != 'x' && b[k-1] != 'Y' {
		return true
	}
	return k == 2 && isVowel(b[0]) && !isVowel(b[1])
}

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isVowel(c) {
			return true
		}
	}
	return false
}

// step0 removes the longest of ' 's 's'.
func (s *stemmer) step0() {
	if suf := s.longest([]string{"'", "'s", "'s'"}); suf != "" {
		s.replace(len(suf), "")
	}
}

func (s *stemmer) step1a() {
	switch s.longest([]string{"sses", "ied", "ies", "s", "us", "ss"}) {
	case "sses":
		s.replace(4, "ss")
	case "ied", "ies":
		if len(s.b) > 4 {
			s.replace(3, "i")
		} else {
			s.replace(3, "ie")
		}
	case "s":
		// delete if a vowel occurs before the letter preceding the s
		if len(s.b) >= 3 && hasVowel(s.b[:len(s.b)-2]) {
			s.replace(1, "")
		}
	}
}

var step1bSuffixes = []string{"eed", "eedly", "ed", "edly", "ing", "ingly"}

func (s *stemmer) step1b() {
	suf := s.longest(step1bSuffixes)
	switch suf {
	case "":
		return
	case "eed", "eedly":
		if s.inR1(len(suf)) {
			s.replace(len(suf), "ee")
		}
		return
	}
	if !hasVowel(s.b[:len(s.b)-len(suf)]) {
		return
	}
	s.replace(len(suf), "")
	switch {
	case s.ends("at"), s.ends("bl"), s.ends("iz"):
		s.b = append(s.b, 'e')
	case s.endsDouble():
		s.b = s.b[:len(s.b)-1]
	case s.p1 >= len(s.b) && shortSyllableAt(s.b, len(s.b)):
		s.b = append(s.b, 'e')
	}
}

func (s *stemmer) endsDouble() bool {
	n := len(s.b)
	if n < 2 || s.b[n-1] != s.b[n-2] {
		return false
	}
	switch s.b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

func (s *stemmer) step1c() {
	n := len(s.b)
	if n >= 3 && (s.b[n-1] == 'y' || s.b[n-1] == 'Y') && !isVowel(s.b[n-2]) {
		s.b[n-1] = 'i'
	}
}

var step2Rules = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
	"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
	"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
	"ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
	"ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}

var step2Suffixes = keys(step2Rules)

func (s *stemmer) step2() {
	suf := s.longest(step2Suffixes)
	if suf == "" || !s.inR1(len(suf)) {
		return
	}
	n := len(s.b) - len(suf)
	switch suf {
	case "ogi":
		if n < 1 || s.b[n-1] != 'l' {
			return
		}
	case "li":
		if n < 1 {
			return
		}
		switch s.b[n-1] {
		case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		default:
			return
		}
	}
	s.replace(len(suf), step2Rules[suf])
}

var step3Rules = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
	"ical": "ic", "ful": "", "ness": "", "ative": "",
}

var step3Suffixes = keys(step3Rules)

func (s *stemmer) step3() {
	suf := s.longest(step3Suffixes)
	if suf == "" || !s.inR1(len(suf)) {
		return
	}
	if suf == "ative" && !s.inR2(len(suf)) {
		return
	}
	s.replace(len(suf), step3Rules[suf])
}

var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
	"ism", "ate", "iti", "ous", "ive", "ize", "ion",
}

func (s *stemmer) step4() {
	suf := s.longest(step4Suffixes)
	if suf == "" || !s.inR2(len(suf)) {
		return
	}
	if suf == "ion" {
		n := len(s.b) - 3
		if n < 1 || (s.b[n-1] != 's' && s.b[n-1] != 't') {
			return
		}
	}
	s.replace(len(suf), "")
}

func (s *stemmer) step5() {
	n := len(s.b)
	if n == 0 {
		return
	}
	switch s.b[n-1] {
	case 'e':
		if s.inR2(1) || (s.inR1(1) && !shortSyllableAt(s.b, n-1)) {
			s.b = s.b[:n-1]
		}
	case 'l':
		if s.inR2(1) && n >= 2 && s.b[n-2] == 'l' {
			s.b = s.b[:n-1]
		}
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
