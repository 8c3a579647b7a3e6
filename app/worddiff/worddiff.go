// Package worddiff computes the word-level edits between two claims: which
// words two reports share, which only one of them has, and which were
// changed, as byte spans into both texts so that every highlight maps back to
// the claim it came from.
//
// # Method
//
// A claim is cut into word tokens with byte offsets (see [Diff] for what a
// word is). Each token is folded ([DefaultFold] by default: lower case,
// one apostrophe, one dash), and every distinct folded word is given one
// rune, so a claim becomes a short rune string whose "characters" are
// words. The two rune strings go to diff-match-patch ([diffmatchpatch]
// DiffMainRunes), which finds a shortest edit script with Myers' O(ND)
// algorithm (E. W. Myers, "An O(ND) Difference Algorithm and Its
// Variations", Algorithmica 1, 1986) after trimming the common prefix and
// suffix. This is the line-mode trick of diff-match-patch applied to words,
// and it is why the package diffs words, not characters: a word diff of a
// 20,000-word text takes about 40 ms, a character diff twenty times as long,
// and a character diff of "sank" against "capsized" highlights letters no
// editor cares about.
//
// Three engineering choices follow from how diff-match-patch behaves:
//
//   - DiffTimeout is 0. With the default one-second timeout a long diff
//     silently degrades to "delete everything, insert everything", which
//     would look like a real answer. Without a timeout the cost must be
//     bounded another way: after the common prefix and suffix are trimmed
//     (linear), a middle of more than [MaxWords] words on the two sides
//     together is reported as one [Replace] instead of being diffed.
//     Claims are a few dozen words; callers diff aligned claims, never whole
//     reports, so the bound is a guard, not a tuning knob.
//   - Word runes skip the surrogate range U+D800–U+DFFF, which cannot be
//     stored in a Go string and would come back from diff-match-patch as
//     U+FFFD, merging distinct words. Above U+10FFFF there are no runes:
//     inputs with more distinct words than that (about 1.1 million, far
//     above MaxWords) fall back to the single Replace rather than panic.
//   - DiffCleanupSemantic is not used. On word runes it swallows a single
//     shared word between two edits, and a shared word is exactly what a
//     fact-checker looks for ("12 people [-died-]{+were killed+} in the
//     crash": "people" must stay visible). The package does its own,
//     narrower cleanup, described at [Diff].
//
// The result is a list of [Edit] values whose adjacent delete and insert
// are paired into a [Replace], because the window colours "changed"
// differently from "missing" and "added".
package worddiff

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"parallax/app/textnorm"
)

// Op says what happened to a run of words between claim a and claim b.
type Op uint8

const (
	// Equal words are in both claims (after folding).
	Equal Op = iota
	// Delete words are only in a: the window shows them as missing from b.
	Delete
	// Insert words are only in b: the window shows them as added.
	Insert
	// Replace words in a were changed into the words in b: a delete and an
	// insert at the same place, kept together because a changed number or
	// name is one discrepancy, not two.
	Replace
)

var opNames = [...]string{Equal: "equal", Delete: "delete", Insert: "insert", Replace: "replace"}

// String returns the lower-case name of op, as used in golden files.
func (op Op) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "Op(" + strconv.Itoa(int(op)) + ")"
}

// Edit is one run of words with the same fate. A and B are byte spans
// [start, end) into a and b; a non-empty span runs from the first byte of
// its first word to the last byte of its last word, so it may contain the
// spaces and ignored punctuation between those words but never leading or
// trailing ones.
//
// An Insert has no words in a: its A is the empty span at the end of the
// previous edit's A span (0 for the first edit), where the words would go.
// A Delete's B is defined the same way. The non-empty A spans of a Diff
// result, in order, cover every word of a exactly once, and likewise the B
// spans for b.
type Edit struct {
	Op Op
	A  [2]int
	B  [2]int
	// AWords and BWords count the words in A and B: byte lengths say
	// nothing about how much of a claim changed.
	AWords, BWords int
}

// MaxWords bounds the work of one Diff. When the words of a and b that
// remain after removing their common prefix and suffix number more than
// MaxWords together, that middle is reported as one Replace (or Delete, or
// Insert) without searching for shared words in it. Myers' algorithm costs
// O((N+M)·D) for D differing words, so this bounds the worst case, two
// unrelated texts of MaxWords/2 words each, to about 30 ms on a busy
// two-core machine, while 2,000-word texts that share most of their words
// take under 2 ms (BenchmarkDiff). Aligned claims are far below the bound.
const MaxWords = 4000

// Option changes how Diff compares words.
type Option func(*config)

type config struct {
	fold  func(string) string
	punct bool
	stop  func(string) bool
}

// Fold sets the function applied to each word before words are compared:
// two words are equal when their folded forms are. Use it to compare
// spelling variants as equal (a name key that makes "Deraa" and "Daraa"
// equal). A fold that returns ""
// drops the word from the comparison entirely, as if it were punctuation.
// The default is [DefaultFold]; a nil f restores it.
func Fold(f func(word string) string) Option {
	return func(c *config) {
		if f == nil {
			f = DefaultFold
		}
		c.fold = f
	}
}

// Punctuation makes punctuation marks count as tokens of their own, so that
// "said:" and "said." differ. By default they are ignored: reports of one
// story punctuate freely, and a highlighted comma hides the words that
// changed.
func Punctuation(on bool) Option {
	return func(c *config) { c.punct = on }
}

// StopWords sets the test for function words, which the cleanup may absorb
// into a larger change (see [Diff]). It receives folded words. The default
// is [IsStopWord], a short English list; pass a list for the report's
// language, or a function that always returns false to turn the cleanup off.
func StopWords(isStop func(folded string) bool) Option {
	return func(c *config) {
		if isStop == nil {
			isStop = IsStopWord
		}
		c.stop = isStop
	}
}

// Diff returns the word-level edits that turn claim a into claim b, in
// order. Equal edits alternate with changes: there are never two Equal edits
// in a row, nor two changes in a row. Identical claims give one Equal edit;
// two claims without words give none.
//
// # Words
//
// A word is a run of letters, digits and combining marks, joined across an
// apostrophe between letters ("don't", "d’Ivoire") and across . , : / between
// digits ("3.5", "1,000", "12:30", "24/7"), with a following % kept
// ("12%"). Hyphens split words, so "pro-government" against
// "anti-government" changes one word, not two. Each Han, Hiragana or
// Katakana character is a word of its own, because those scripts do not
// mark word boundaries with spaces. Symbols and emoji are words too,
// one per emoji sequence (modifiers, variation selectors, ZWJ sequences and
// flag pairs stay whole), because "$" against "€" or 🔥 against 💧 is
// content. Invalid UTF-8 bytes are one-byte words. Everything else is space,
// or punctuation (see [Punctuation]).
//
// # Cleanup
//
// A shortest edit script is not always the most readable one: when a clause
// is rewritten, a "the" or "of" that happens to sit in both versions splits
// one rewrite into two changes with a meaningless shared word between them
// ("could [-have traveled hundreds-]{+be out+} of [-miles by now-]{+the
// area+}"). So an Equal run of n words is absorbed into the changes on both
// sides of it, making one Replace, when
//
//   - every word in it is a stop word (see [StopWords]), and
//   - both neighbours are Replaces that each rewrite more than n words in a
//     and more than n words in b.
//
// The rule repeats until nothing changes, so a merged rewrite can absorb
// the next such run. The result reads "could [-have traveled hundreds of
// miles by now-]{+be out of the area+}".
//
// The rule is deliberately narrower than DiffCleanupSemantic ("absorb an
// equality no longer than the edits on both sides"), and each limit was
// judged on real paraphrase pairs (see testdata/): a shared content word
// always stays visible ("[-police said the-]{+officials claimed a+} man
// [-fled-]{+escaped+}"); a shared word next to a pure addition or omission
// anchors it rather than splitting a rewrite ("partner {+of the United
// States+} with [-two-way-] trade"); and a shared word next to a one-word
// substitution is a real parallel ("[-he-]{+she+} was [-shot-]{+stabbed+}",
// "[-ended down 128 points-]{+was up 3.90+} or [-1.4%-]{+0.04 percent+}").
func Diff(a, b string, opts ...Option) []Edit {
	c := config{fold: DefaultFold, stop: IsStopWord}
	for _, o := range opts {
		o(&c)
	}
	ta, tb := tokenize(a, &c), tokenize(b, &c)
	ops := diffTokens(ta, tb, MaxWords)
	ops = cleanup(ops, ta, c.stop)
	return spans(ops, ta, tb)
}

// op is an edit in token indices: a[i0:i1] against b[j0:j1].
type op struct {
	op             Op
	i0, i1, j0, j1 int
}

// size is how many words a change rewrites on both sides: the smaller of
// its word counts in a and b.
func (o op) size() int { return min(o.i1-o.i0, o.j1-o.j0) }

// diffTokens returns the edit script between two token lists, Equal runs
// alternating with single changes (Delete, Insert or Replace). A middle of
// more than limit words (see MaxWords) is one change.
func diffTokens(ta, tb []token, limit int) []op {
	n, m := len(ta), len(tb)
	p := 0
	for p < n && p < m && ta[p].key == tb[p].key {
		p++
	}
	s := 0
	for s < n-p && s < m-p && ta[n-1-s].key == tb[m-1-s].key {
		s++
	}
	// add appends the next di words of a and dj words of b, as Equal or
	// as a change, to the script, coalescing with the last edit when it
	// is of the same kind: go-diff may report a change as several runs.
	var ops []op
	i, j := 0, 0
	add := func(equal bool, di, dj int) {
		if di == 0 && dj == 0 {
			return
		}
		if k := len(ops) - 1; k >= 0 && (ops[k].op == Equal) == equal {
			ops[k].i1, ops[k].j1 = i+di, j+dj
		} else {
			kind := Equal
			if !equal {
				kind = Replace // refined below, when its extent is known
			}
			ops = append(ops, op{kind, i, i + di, j, j + dj})
		}
		i, j = i+di, j+dj
	}
	add(true, p, p)
	ie, je := n-s, m-s
	if ra, rb, ok := wordRunes(ta[i:ie], tb[j:je], limit); ok {
		dmp := diffmatchpatch.New()
		dmp.DiffTimeout = 0 // never silently degrade; the limit bounds the cost
		for _, d := range dmp.DiffMainRunes(ra, rb, false) {
			k := utf8.RuneCountInString(d.Text)
			switch d.Type {
			case diffmatchpatch.DiffEqual:
				add(true, k, k)
			case diffmatchpatch.DiffDelete:
				add(false, k, 0)
			case diffmatchpatch.DiffInsert:
				add(false, 0, k)
			}
		}
	}
	// Whatever the diff did not consume (all of the middle, on the
	// fallback path) is one change.
	add(false, ie-i, je-j)
	add(true, s, s)
	for k := range ops {
		switch o := &ops[k]; {
		case o.op == Equal:
		case o.i0 == o.i1:
			o.op = Insert
		case o.j0 == o.j1:
			o.op = Delete
		}
	}
	return ops
}

// wordRunes maps each distinct key of a and b to its own rune, so that the
// claims become rune strings diff-match-patch can compare. It reports false
// when there are more distinct words than runes, and when a and b
// together have more than limit words.
func wordRunes(a, b []token, limit int) (ra, rb []rune, ok bool) {
	if len(a) == 0 || len(b) == 0 || len(a)+len(b) > limit {
		// Nothing to search (the caller's single change is exact), or
		// too much (see MaxWords).
		return nil, nil, false
	}
	ids := make(map[string]rune, len(a)+len(b))
	conv := func(ts []token) []rune {
		rs := make([]rune, len(ts))
		for i, t := range ts {
			r, seen := ids[t.key]
			if !seen {
				if r, ok = wordRune(len(ids)); !ok {
					return nil
				}
				ids[t.key] = r
			}
			rs[i] = r
		}
		return rs
	}
	ok = true
	ra = conv(a)
	if ok {
		rb = conv(b)
	}
	return ra, rb, ok
}

// wordRune returns the rune for the i-th distinct word: 1, 2, 3, …, jumping
// over the surrogates U+D800–U+DFFF, which a Go string cannot hold. It
// reports false past U+10FFFF.
func wordRune(i int) (rune, bool) {
	if i < 0 || i > unicode.MaxRune {
		return 0, false
	}
	r := rune(i) + 1
	if r >= 0xD800 {
		r += 0x800
	}
	return r, r <= unicode.MaxRune
}

// cleanup absorbs Equal runs of stop words that split one rewrite into two
// changes; see the Cleanup section of Diff for the rule and why.
func cleanup(ops []op, ta []token, isStop func(string) bool) []op {
	for k := 1; k+1 < len(ops); {
		e := ops[k]
		if e.op == Equal && ops[k-1].op == Replace && ops[k+1].op == Replace &&
			e.i1-e.i0 < min(ops[k-1].size(), ops[k+1].size()) && allStop(ta[e.i0:e.i1], isStop) {
			l, r := ops[k-1], ops[k+1]
			ops[k-1] = op{Replace, l.i0, r.i1, l.j0, r.j1}
			ops = append(ops[:k], ops[k+2:]...)
			// The merged change is bigger: the Equal before it may
			// now qualify too.
			k = max(k-2, 1)
			continue
		}
		k++
	}
	return ops
}

func allStop(ts []token, isStop func(string) bool) bool {
	for _, t := range ts {
		if !isStop(t.key) {
			return false
		}
	}
	return true
}

// spans turns token-index edits into byte-span edits.
func spans(ops []op, ta, tb []token) []Edit {
	edits := make([]Edit, 0, len(ops))
	posA, posB := 0, 0
	span := func(ts []token, i0, i1 int, pos *int) [2]int {
		if i0 == i1 {
			return [2]int{*pos, *pos}
		}
		*pos = ts[i1-1].end
		return [2]int{ts[i0].start, ts[i1-1].end}
	}
	for _, o := range ops {
		edits = append(edits, Edit{
			Op:     o.op,
			A:      span(ta, o.i0, o.i1, &posA),
			B:      span(tb, o.j0, o.j1, &posB),
			AWords: o.i1 - o.i0,
			BWords: o.j1 - o.j0,
		})
	}
	return edits
}

// Similarity returns the share of words the two claims have in common, as
// the Dice coefficient over words: 2·equal / (words of a + words of b). It
// is 1 for identical claims (and for two claims without words) and 0 for
// claims that share no word. It counts every word alike, stop words
// included; the aligner's own score weighs words, this one says how much of
// the text a row shows as unchanged.
func Similarity(edits []Edit) float64 {
	var eq, total int
	for _, e := range edits {
		if e.Op == Equal {
			eq += e.AWords + e.BWords
		}
		total += e.AWords + e.BWords
	}
	if total == 0 {
		return 1
	}
	return float64(eq) / float64(total)
}

// Format renders edits between a and b on one line, for tests and the
// command line: equal words as they are in a, words only in a as [-…-],
// words only in b as {+…+}, and a Replace as both, side by side:
//
//	the ferry [-sank-]{+capsized+} on tuesday
//
// Edits are separated by one space and white space inside a span is
// collapsed; punctuation outside the spans (ignored by default) is dropped.
// The edits must come from Diff(a, b).
func Format(a, b string, edits []Edit) string {
	var sb strings.Builder
	put := func(pre, s, post string) {
		sb.WriteString(pre)
		for i, f := range strings.Fields(s) {
			if i > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(f)
		}
		sb.WriteString(post)
	}
	for i, e := range edits {
		if i > 0 {
			sb.WriteByte(' ')
		}
		switch e.Op {
		case Equal:
			put("", a[e.A[0]:e.A[1]], "")
		case Delete:
			put("[-", a[e.A[0]:e.A[1]], "-]")
		case Insert:
			put("{+", b[e.B[0]:e.B[1]], "+}")
		case Replace:
			put("[-", a[e.A[0]:e.A[1]], "-]")
			put("{+", b[e.B[0]:e.B[1]], "+}")
		}
	}
	return sb.String()
}

// DefaultFold is the fold Diff uses unless told otherwise: the text
// normaliser's fold (textnorm.Fold: compatibility forms, lower case, no
// diacritics, one apostrophe, one double quote, one dash), surrounding
// punctuation trimmed unless the word is nothing but punctuation, and
// thousands separators dropped from numbers ("8,400" is "8400"). So
// lower-cased wire copy and the edited article it became ("amman" and
// "Amman", "erdogan" and "Erdoğan") share their words, as the aligner
// and the flags already take them to; the edits still span each claim's
// own text.
func DefaultFold(word string) string {
	w := textnorm.Fold(strings.Map(foldRune, word))
	if t := strings.TrimFunc(w, unicode.IsPunct); t != "" {
		w = t
	}
	if groupedNumber(w) {
		w = strings.ReplaceAll(w, ",", "")
	}
	return w
}

// groupedNumber reports whether w is a number with thousands separators,
// such as 8,400 or 1,000,000.5, which DefaultFold makes equal to 8400 and
// 1000000.5. Commas that do not separate groups of three ("1,5") are left
// alone.
func groupedNumber(w string) bool {
	intPart, frac, _ := strings.Cut(w, ".")
	groups := strings.Split(intPart, ",")
	if len(groups) < 2 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || !allDigits(g) {
			return false
		}
	}
	return allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// foldRune maps the apostrophe look-alikes textnorm.Fold leaves alone (a
// grave accent, an acute accent typed for an apostrophe) to '.
func foldRune(r rune) rune {
	if r == '`' || r == '\u00B4' {
		return '\''
	}
	return r
}

// IsStopWord reports whether a folded word is an English function word:
// an article, preposition, conjunction, pronoun or form of be/have/do. The
// list leaves out what flags a discrepancy: negations (not, no, never),
// modal hedges (may, might, could, would, should, will, can) and numbers.
func IsStopWord(folded string) bool {
	_, ok := stopWords[folded]
	return ok
}

var stopWords = func() map[string]struct{} {
	m := make(map[string]struct{})
	for _, w := range strings.Fields(`
		a an the this that these those
		of in on at to for from by with into onto over under about after before as than
		and or but nor so if then
		is are was were be been being am has have had having do does did
		it its he him his she her they them their we us our you your i me my
		who whom whose which what there here also`) {
		m[w] = struct{}{}
	}
	return m
}()

// token is a word (or, with Punctuation, a punctuation mark) of a claim:
// the bytes [start, end) and the folded key words are compared by.
type token struct {
	start, end int
	key        string
}

// tokenize cuts s into the tokens Diff compares; see the Words section of
// Diff for the rules.
func tokenize(s string, c *config) []token {
	var ts []token
	emit := func(start, end int, punct bool) {
		if punct && !c.punct {
			return
		}
		if key := c.fold(s[start:end]); key != "" {
			ts = append(ts, token{start, end, key})
		}
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		next, _ := utf8.DecodeRuneInString(s[i+w:])
		switch {
		case r == '\u200B' || unicode.IsSpace(r) || unicode.IsControl(r) ||
			(r != utf8.RuneError && unicode.Is(unicode.Cf, r)):
			i += w
		case isCJK(r):
			end := extendMarks(s, i+w)
			emit(i, end, false)
			i = end
		case isWordRune(r):
			end := scanWord(s, i)
			emit(i, end, false)
			i = end
		case isPunct(r) && next != '\uFE0F' && next != '\u20E3':
			emit(i, i+w, true)
			i += w
		default: // symbols, emoji, private use, unassigned, invalid bytes
			end := scanSymbol(s, i)
			emit(i, end, false)
			i = end
		}
	}
	return ts
}

// isPunct reports punctuation, and the ASCII symbols that behave like it
// (+ < = > | ~ ^ `); other symbols, such as currency signs, are words.
func isPunct(r rune) bool {
	return unicode.IsPunct(r) || (r < utf8.RuneSelf && unicode.IsSymbol(r) && r != '$')
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

func isCJK(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02BC' }

// scanWord returns the end of the word that starts at s[i].
func scanWord(s string, i int) int {
	var prev rune
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case isCJK(r):
			return i
		case isWordRune(r):
		case r == '%' || r == '‰' || r == '‱':
			if !unicode.IsDigit(prev) {
				return i
			}
		default:
			next, nw := utf8.DecodeRuneInString(s[i+w:])
			switch {
			case nw == 0 || isCJK(next) || !isWordRune(next):
				return i
			case unicode.Is(unicode.Cf, r) && r != '\u200B': // soft hyphen, ZWJ, ZWNJ inside a word
			case isApostrophe(r) && unicode.IsLetter(prev) && unicode.IsLetter(next):
			case strings.ContainsRune(".,:/", r) && unicode.IsDigit(prev) && unicode.IsDigit(next):
			default:
				return i
			}
		}
		prev = r
		i += w
	}
	return i
}

// extendMarks returns the end of the combining marks and variation
// selectors that start at s[i].
func extendMarks(s string, i int) int {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsMark(r) {
			break
		}
		i += w
	}
	return i
}

// scanSymbol returns the end of the symbol or emoji sequence that starts at
// s[i]: the first rune with its marks, emoji modifiers and tag characters,
// joined by ZWJ to the next such group, and a regional indicator with its
// partner (a flag).
func scanSymbol(s string, i int) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	i += w
	if isRegional(r) {
		if r2, w2 := utf8.DecodeRuneInString(s[i:]); isRegional(r2) {
			i += w2
		}
	}
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsMark(r), r >= 0x1F3FB && r <= 0x1F3FF, r >= 0xE0020 && r <= 0xE007F:
			i += w
		case r == '\u200D':
			i += w
			if r2, w2 := utf8.DecodeRuneInString(s[i:]); w2 > 0 && !unicode.IsSpace(r2) && r2 != utf8.RuneError {
				i += w2
			}
		default:
			return i
		}
	}
	return i
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }
