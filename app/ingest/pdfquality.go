package ingest

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// scoreMargin is how much better pdftotext's reading must score to be
// kept over PDFium's: on files both read well their scores differ by a
// few thousandths, and the default should not flip on noise.
const scoreMargin = 0.01

// readingScore measures how well a reading of a document looks like text
// people write, from 0 to 1: the share of its letters that sit in
// plausible words, times the share of the document's pages that gave text
// (a page a reader broke on, or left empty where the other found text,
// costs its share).
//
// A word is plausible when it is made of letters of one script with at
// most inner apostrophes, hyphens and dots, in a sane case pattern
// (lower, Capitalised, UPPER, or one inner capital as in "iPhone"), and,
// for Latin script, holds a vowel unless it is a short capitalised
// abbreviation; numbers are plausible. A font whose Unicode map is wrong
// gives symbol soup ("Tlie#qnick"), vowel-less consonant runs or words
// split where a ligature was lost ("de ne"), all of which score lower.
// Han characters are plausible when they are among the commonest few
// hundred: a map that is off by a few code points (a real PDFium failure
// on subset CJK fonts) gives rare characters nobody writes. Kana and
// Hangul are always plausible.
func readingScore(text string, doc pdfDoc) float64 {
	if len(doc.pages) == 0 {
		return 0
	}
	total, good := 0, 0
	for _, w := range strings.FieldsFunc(text, wordBreak) {
		n, g := wordScore(strings.TrimFunc(w, innerPunct))
		total += n
		good += g
	}
	if total == 0 {
		return 0
	}
	pages := 0
	for _, p := range doc.pages {
		if !p.broken && (hasText(p) || p.images == 0) {
			pages++
		}
	}
	return float64(good) / float64(total) * float64(pages) / float64(len(doc.pages))
}

// innerPunct is punctuation that may sit inside a word: "don't",
// "well-known", "U.S.".
func innerPunct(r rune) bool { return strings.ContainsRune("'’-‐.·", r) }

// wordBreak separates the words scored: white space, and punctuation or
// symbols other than innerPunct (so a symbol inside a word splits it into
// pieces that score badly, and CJK sentences split at their commas).
func wordBreak(r rune) bool {
	return unicode.IsSpace(r) || (unicode.IsPunct(r) || unicode.IsSymbol(r)) && !innerPunct(r)
}

// wordScore returns the number of letters and digits in word w and how
// many of them are in a plausible word.
func wordScore(w string) (n, good int) {
	var (
		script *unicode.RangeTable
		common int // kana, Hangul and common Han characters
		vowel  bool
		upper  int
		inner  int // capitals after a lower-case letter
		digits int
		other  bool // a character that is neither letter nor digit
		prev   rune
	)
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			n++
			digits++
		case unicode.IsLetter(r):
			n++
			s := scriptOf(r)
			if script != nil && s != script {
				other = true // mixed scripts: not a word
			}
			script = s
			switch {
			case unicode.Is(unicode.Han, r):
				if commonHan(r) {
					common++
				}
			case s == cjkScript || s == unicode.Hangul:
				common++
			case s == unicode.Latin && isVowel(r):
				vowel = true
			}
			if unicode.IsUpper(r) {
				upper++
				if unicode.IsLower(prev) {
					inner++
				}
			}
		case unicode.IsMark(r), innerPunct(r):
		default:
			other = true // a control or private-use character
		}
		prev = r
	}
	letters := n - digits
	switch {
	case n == 0:
		return 0, 0
	case other:
		return n, 0
	case letters == 0:
		return n, n // a number
	case script == cjkScript:
		return n, common + digits
	case digits > 0:
		// "A4", "COVID-19", "3rd" are words; long mixtures are not.
		if n <= 10 {
			return n, n
		}
		return n, 0
	case inner > 1 || (inner == 1 && upper > 2 && upper != letters):
		return n, 0 // "tHiS", "eXaMple"
	case script == unicode.Latin && !vowel && letters > 1 && !(upper == letters && letters <= 5):
		return n, 0 // "qxtrbl"; "BBC" and "NHS" are fine
	}
	return n, n
}

// cjkScript stands for Han and kana together: Japanese mixes them in one
// word.
var cjkScript = &unicode.RangeTable{}

// scriptOf returns the script table of letter r: cjkScript for Han and
// kana, a few scripts by name, and unicode.Common for all others.
func scriptOf(r rune) *unicode.RangeTable {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' {
		return cjkScript
	}
	for _, s := range []*unicode.RangeTable{unicode.Latin, unicode.Hangul, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew} {
		if unicode.Is(s, r) {
			return s
		}
	}
	return unicode.Common
}

// isVowel reports whether r is a Latin vowel, accents aside ("é", "ů").
func isVowel(r rune) bool {
	base := []rune(norm.NFD.String(string(unicode.ToLower(r))))[0]
	return strings.ContainsRune("aeiouyæœø", base)
}

// commonHanChars are the commonest Han characters of modern Chinese
// (simplified, with the traditional forms of the commonest) and Japanese
// text: together they are about three quarters of running text.
const commonHanChars = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切示們個來說為這國時會對過後學麼還發當樣現經頭見點長問電開關實動種進從兩與將體處總場師書員華報馬張難數車應車東聞業葉義認論結聯遠傳變權區輕語讀飛觀爭組視濟喜離雖壞興樂習氣門問間陽陰雲電話語調"

var commonHanSet = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range commonHanChars {
		m[r] = true
	}
	return m
}()

// commonHan reports whether r is one of the commonest Han characters.
func commonHan(r rune) bool { return commonHanSet[r] }
