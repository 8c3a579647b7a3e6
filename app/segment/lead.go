package segment

import (
	"strings"
	"unicode/utf8"

	"parallax/app/textnorm"
)

// Pieces of a report that say who filed it, where and when, rather than
// what happened: the dateline that opens a report or a paragraph
// ("KIVANGU (Meridian Wire) -"), a byline ("By Ana Veldt, Staff Writer") and
// the credits of reporters and photographers ("(Reporting by ...; Editing by
// ...)", "Photo: ..."). An editor comparing reports claim by claim does not
// want them as rows of their own, nor their words (outlet names, places of
// filing) weighed in the claim they open, so the segmenter leaves them out
// of the claims: the claim starts with the sentence. They stay in the text,
// so a highlight still maps back to the report.
//
// The kinds below mark such pieces among the cuts; they never reach a
// caller of Segment.
const (
	lead   Kind = Unit + 1 + iota // dateline or byline
	credit                        // reporting, editing or photo credit
)

// dateline finds a date line at the start of a block: a short lead ending
// in a spaced dash ("karsk ( velnews ) -", "GENEVA —",
// "LONDON, March 3 (Reuters) -"). It returns where the story starts.
func (d *doc) dateline(s, e int) (int, bool) {
	text := d.text
	limit := s + 120
	if limit > e {
		limit = e
	}
	if nl := strings.IndexByte(text[s:limit], '\n'); nl >= 0 {
		limit = s + nl
	}
	head := text[s:limit]
	dash := -1
	var dashLen int
	for _, sep := range []string{" - ", " -- ", " – ", " — ", "—", "–"} {
		if k := strings.Index(head, sep); k > 0 && (dash < 0 || k < dash) {
			dash, dashLen = k, len(sep)
		}
	}
	if dash < 0 {
		return 0, false
	}
	prefix := head[:dash]
	toks := d.tokensIn(s, s+dash)
	if len(toks) == 0 || len(toks) > 8 || strings.ContainsAny(prefix, "!?;") {
		return 0, false
	}
	if strings.Contains(head[dash:dash+dashLen], "—") || strings.Contains(head[dash:dash+dashLen], "–") {
		if head[dash] != ' ' && !allCaps(prefix) {
			return 0, false // "the Brel council—a body of nine": an em dash in a sentence
		}
	}
	paren := strings.Contains(prefix, "(") && strings.Contains(prefix, ")")
	if !paren && !(allCaps(prefix) && !d.lower) && !hasDate(toks) {
		return 0, false
	}
	after, _ := trim(text, s+dash+dashLen, e)
	if after >= e {
		return 0, false
	}
	return after, true
}

// byline reports whether the trimmed line text[a:b] names the report's
// writers: "By" and names, most of them capitalised (in lower-cased copy:
// no function word but "and"), at most ten words and no sentence end.
// "By Monday the water had risen." and "By the river" are not bylines.
func (d *doc) byline(a, b int, toks []textnorm.Token) bool {
	if len(toks) < 2 || len(toks) > 10 || toks[0].Start != a || toks[0].Norm != "by" {
		return false
	}
	line := d.text[a:b]
	if endsSentence(line) || strings.ContainsAny(line, ";!?") {
		return false
	}
	names := toks[1:]
	if months[names[0].Norm] || weekdays[names[0].Norm] {
		return false
	}
	if d.lower {
		for _, t := range names {
			if t.Has(textnorm.Stop) && t.Norm != "and" {
				return false
			}
		}
		return true
	}
	if !names[0].Has(textnorm.Capital) && !names[0].Has(textnorm.Acronym) {
		return false
	}
	capital := 0
	for _, t := range names {
		if t.Has(textnorm.Capital) || t.Has(textnorm.Acronym) {
			capital++
		}
	}
	return 2*capital >= len(names)
}

var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// isCredit reports whether the claim-sized piece text[a:b] is a credit: a
// bracketed piece whose first clause is one or two words and "by"
// ("(Reporting by ...; Editing by ...)", "( writing by ... )"), or a short
// piece opened by a word naming a picture or a right followed by a colon or
// "by" ("Photo: ...", "Photograph by ...", "Copyright ..."), or "©".
func (d *doc) isCredit(a, b int) bool {
	text := d.text[a:b]
	if strings.HasPrefix(text, "©") {
		return true
	}
	toks := d.tokensIn(a, b)
	if len(toks) < 2 {
		return false
	}
	first, last := firstRune(text), lastRune(text)
	if (first == '(' && last == ')') || (first == '[' && last == ']') {
		return len(toks) <= 30 && (toks[1].Norm == "by" || len(toks) > 2 && toks[2].Norm == "by")
	}
	if !creditWords[toks[0].Norm] || countWords(toks) > 12 {
		return false
	}
	rest := strings.TrimLeft(d.text[toks[0].End:b], " \t")
	return strings.HasPrefix(rest, ":") || toks[1].Norm == "by"
}

// creditWords open a credit line when a colon or "by" follows.
var creditWords = set("photo", "photos", "photograph", "photographs", "picture", "pictures",
	"image", "images", "video", "graphic", "graphics", "illustration", "credit", "credits",
	"caption", "copyright", "source")

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isLeft reports whether kind k marks a piece left out of the claims.
func isLeft(k Kind) bool { return k == lead || k == credit }
