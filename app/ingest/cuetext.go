package ingest

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Cleaning a cue's lines into words. A cue line carries much that is not
// speech, and none of it may reach the text:
//
//   - Markup: WebVTT's tags (<i>, <b>, <u>, <c.class>, <lang en>, <ruby>,
//     inline timestamps <00:00:01.000>) and SubRip's HTML-like ones (<i>,
//     <font color="...">, <br>) are dropped; a tag does not separate words
//     ("<i>Hel</i>lo" is "Hello"), except <br>. Ruby text (<rt>...</rt>,
//     the reading of the words it annotates) is dropped with its tags: the
//     words are the base text. <v Anna> names the speaker (a turn). An
//     unclosed tag runs to the end of the line, as WebVTT's parser reads
//     it; a "<" that starts no tag is text ("I <3 it", "x < 5").
//   - ASS/SSA override blocks that converters leave in SubRip ({\an8},
//     {\i1}, {\pos(10,20)}) are dropped, an unclosed one to the end of
//     the line; their line breaks \N and \n and hard space \h separate
//     words. So are MicroDVD control codes ({y:i}, {c:$0000ff}). Other
//     braces are text.
//   - Character references (&amp; &lt; &nbsp; &#233; ...) become their
//     characters; a reference to white space separates words. Directional
//     marks (&lrm; &rlm; and the raw U+200E, U+200F, U+202A–U+202E,
//     U+2066–U+2069 that right-to-left subtitles are full of) are display
//     hints, not words, and are dropped.
//   - Sound descriptions are not claims, so they are dropped: anything in
//     square brackets ("[applause]", "[DOOR SLAMS]"), parentheses at the
//     start or end of a line ("(laughs) Yes.", "(music)"), a bracket that
//     opens a line and closes on one of the next two ("(computer playing"
//     / "electronic melody)", see subParser.soundLines), and music: from a
//     ♪ (or ♫, 🎵, 🎶) to the next one or to the end of the line, since
//     lyrics are not what anyone claimed. Inside a line, parentheses are
//     dropped only when they hold a known sound ("(coughs)") or capitals
//     ("(APPLAUSE)"); parentheses holding more than maxSound words are
//     always kept, being the speaker's own aside ("the pier (the old one)
//     closed"). A bracket followed by a colon at the start of a line
//     ("[ANNA]: ...") is a speaker label instead.
//   - Speaker labels at the start of a line, after an optional turn marker,
//     name the speaker and leave the text: "MAN:", "ANNA SMITH:", "DR.
//     O'NEIL (V.O.):" in capitals (one to four words, not a sentence such
//     as "HE SAID:"), or a name in any case after a turn marker (">> Anna
//     Smith:", "- John:").
//   - Turn markers: a dialogue dash ("- ", "– ", "—") at the start of a
//     line and ">>" anywhere start a new speaker's turn, named or not; the
//     marker itself is dropped.
//
// Rolling captions (roll-up broadcast captions, automatic captions) show
// each line in two or three cues as it scrolls up; see dedupe.

// legacyEntities are the character references HTML reads without their
// semicolon, as careless subtitle writers leave them ("Tom &amp Jerry").
var legacyEntities = map[string]bool{"amp": true, "lt": true, "gt": true, "quot": true, "nbsp": true}

// entityAt returns the length of the character reference that starts at
// in[i] (a "&"), 0 when none does: "&name;" (up to 32 letters and digits),
// "&#233;", "&#xE9;", or a name of legacyEntities that no letter, digit or
// semicolon follows. It is the shape only; html.UnescapeString says
// whether the name is one. Hand-written, because a regular expression
// tried at every "&" of a hostile line costs seconds.
func entityAt(in string, i, e int) int {
	j := i + 1
	if j < e && in[j] == '#' {
		j++
		hex := j < e && (in[j] == 'x' || in[j] == 'X')
		limit := 7
		if hex {
			j, limit = j+1, 6
		}
		k := j
		for j < e && j-k < limit && (isDigit(in[j]) || hex && isHexLetter(in[j])) {
			j++
		}
		if j == k || j >= e || in[j] != ';' {
			return 0
		}
		return j + 1 - i
	}
	k := j
	for j < e && j-k < 32 && (isLetter(in[j]) || j > k && isDigit(in[j])) {
		j++
	}
	switch {
	case j-k < 2:
		return 0
	case j < e && in[j] == ';':
		return j + 1 - i
	case legacyEntities[in[k:j]] && (j == e || !isDigit(in[j]) && !isLetter(in[j])):
		return j - i
	}
	return 0
}

// isHexLetter reports whether c is a hexadecimal digit letter (a-f, A-F).
func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// maxSound is the most words a sound description in parentheses has;
// a longer aside is the speaker's.
const maxSound = 6

// soundWords start the sound descriptions that are dropped from inside a
// line too ("I was (coughs) there").
var soundWords = map[string]bool{
	"applause": true, "beep": true, "beeping": true, "booing": true, "cheering": true, "cheers": true,
	"chuckles": true, "chuckling": true, "clears": true, "coughs": true, "coughing": true, "crosstalk": true,
	"cries": true, "crying": true, "gasps": true, "groans": true, "inaudible": true, "indistinct": true,
	"laughs": true, "laughing": true, "laughter": true, "music": true, "pause": true, "screams": true,
	"sighs": true, "sighing": true, "silence": true, "sniffles": true, "sobbing": true, "sobs": true,
	"speaking": true, "static": true, "unintelligible": true, "whispers": true, "whispering": true,
}

// isSound reports whether the words in parentheses describe a sound: at
// most maxSound of them, and either at the edge of the line (edge) or, in
// its middle, opening with a sound word or written in capitals.
func isSound(inner string, edge bool) bool {
	ws := strings.Fields(inner)
	if len(ws) == 0 || len(ws) > maxSound {
		return len(ws) == 0
	}
	if edge || soundWords[strings.ToLower(strings.Trim(ws[0], ".,;:!?"))] {
		return true
	}
	return strings.ToUpper(inner) == inner && strings.ToLower(inner) != inner
}

// frag is a stretch of a word: in[d:d+dn] copied when text is "", else
// text written in its place (a character reference).
type frag struct {
	d, dn int
	text  string
}

// word is one word of a cue line, with the turn that starts at it.
type word struct {
	frags []frag
	// key is the word's text, for comparing lines of rolling captions and
	// recognising labels and markers.
	key string
	// turn marks a change of speaker at this word; named says the new
	// speaker is speaker (else unknown).
	turn, named bool
	speaker     string
}

// end is the offset in the input just after the word's last byte.
func (w *word) end() int {
	f := w.frags[len(w.frags)-1]
	return f.d + f.dn
}

// cut drops the first n bytes of the word's text (in is the scanner's
// input); a character reference cut into is dropped whole.
func (w *word) cut(n int, in string) {
	for n > 0 && len(w.frags) > 0 {
		f := &w.frags[0]
		l := f.dn
		if f.text != "" {
			l = len(f.text)
		}
		if l <= n || f.text != "" {
			w.frags = w.frags[1:]
			n -= l
			continue
		}
		f.d += n
		f.dn -= n
		n = 0
	}
	w.key = w.text(in)
}

// text is the word as the transcript writes it (in is the scanner's input).
func (w *word) text(in string) string {
	if len(w.frags) == 1 && w.frags[0].text == "" {
		return in[w.frags[0].d : w.frags[0].d+w.frags[0].dn]
	}
	var b strings.Builder
	for _, f := range w.frags {
		if f.text != "" {
			b.WriteString(f.text)
		} else {
			b.WriteString(in[f.d : f.d+f.dn])
		}
	}
	return b.String()
}

// cueScanner cleans cue lines. One serves a whole file: a speaker named
// alone at the end of a line (or of a cue) is the speaker of the next word.
type cueScanner struct {
	in  string
	vtt bool
	// inRT is true inside <rt>...</rt>; ruby text may run across the
	// lines of a cue, never past it.
	inRT bool
	// pending is the turn the next word starts (<v Anna>, "[ANNA]:", a
	// label or marker that ended a line).
	pending *word

	// Per line.
	words []word
	cur   word
	next  [len(closers)]int
}

// closers are the bytes whose next position on the line the scanner looks
// up (see find).
const closers = ">}])"

// find returns the index of the next byte c (one of closers) in in[i:e], or
// -1. A search that found nothing from some i finds nothing from a later
// one, and a found position serves every search before it, so a line of a
// million "<" costs one pass, not a million.
func (s *cueScanner) find(c byte, i, e int) int {
	k := strings.IndexByte(closers, c)
	if n := s.next[k]; n == -1 || n >= i {
		return n
	}
	j := strings.IndexByte(s.in[i:e], c)
	if j >= 0 {
		j += i
	}
	s.next[k] = j
	return j
}

// line cleans the cue line in[a:e] into words with their turns.
func (s *cueScanner) line(a, e int) []word {
	s.words, s.cur = nil, word{}
	if e-a > 256 {
		// A long line (a whole paragraph in one cue, or a hostile
		// file): one allocation rather than many growths.
		s.words = make([]word, 0, strings.Count(s.in[a:e], " ")+1)
	}
	for k := range s.next {
		s.next[k] = -2 // unknown
	}
	in := s.in
	lastWord := lastWordAt(in, a, e)
	for i := a; i < e; {
		c := in[i]
		if s.inRT {
			j := strings.IndexByte(in[i:e], '<')
			if j < 0 {
				break
			}
			i += j
			if end := s.find('>', i, e); end >= 0 {
				name := strings.ToLower(tagName(in[i+1 : end]))
				if name == "/rt" || name == "/ruby" {
					s.inRT = false
				}
				i = end + 1
				continue
			}
			break
		}
		switch {
		case c == '<':
			// In WebVTT every "<" opens a tag (text writes &lt;); in
			// SubRip only one that looks like a tag does.
			end := s.find('>', i, e)
			if end < 0 {
				if s.vtt || isTagStart(in[i+1:e]) {
					i = e // an unclosed tag runs to the end of the line
					continue
				}
				s.add(i, 1)
				i++
				continue
			}
			body := in[i+1 : end]
			if !s.vtt && !isTagStart(body) {
				s.add(i, 1)
				i++
				continue
			}
			s.tag(body)
			s.dropLT()
			i = end + 1
		case c == '{' && i+2 < e && isLetter(in[i+1]) && in[i+2] == ':':
			// A MicroDVD control code ({y:i}, {c:$0000ff}).
			if end := s.find('}', i, e); end >= 0 {
				s.dropLT()
				i = end + 1
				continue
			}
			s.add(i, 1)
			i++
		case c == '{' && i+1 < e && in[i+1] == '\\':
			s.dropLT()
			if end := s.find('}', i, e); end >= 0 {
				i = end + 1
			} else {
				i = e // an unclosed override block runs to the end of the line
			}
		case c == '\\' && i+1 < e && (in[i+1] == 'N' || in[i+1] == 'n' || in[i+1] == 'h'):
			s.flush()
			i += 2
		case c == '&':
			n := entityAt(in, i, e)
			if n == 0 {
				s.add(i, 1)
				i++
				continue
			}
			ent := in[i : i+n]
			u := html.UnescapeString(ent)
			if u == ent || u != ";" && strings.HasSuffix(u, ";") {
				// Not a reference, or only its start is one ("&quot0;"):
				// text as written.
				s.add(i, 1)
				i++
				continue
			}
			u = strings.Map(dropBidi, cleanEntity(u))
			switch {
			case u == "":
			case strings.TrimFunc(u, unicode.IsSpace) == "":
				s.flush()
			default:
				s.cur.frags = append(s.cur.frags, frag{d: i, dn: n, text: u})
			}
			i += n
		case c == '[':
			end := s.find(']', i, e)
			if end < 0 {
				s.add(i, 1)
				i++
				continue
			}
			s.flush()
			if s.labelAfter(end+1, e) {
				s.label(in[i+1 : end])
				i = skipColon(in, end+1, e)
				continue
			}
			i = end + 1
		case c == '(':
			end := s.find(')', i, e)
			if end < 0 {
				s.add(i, 1)
				i++
				continue
			}
			atStart := s.onlyMarkers()
			if atStart && s.labelAfter(end+1, e) {
				s.flush()
				s.label(in[i+1 : end])
				i = skipColon(in, end+1, e)
				continue
			}
			if !colonAt(in, end+1, e) && isSound(in[i+1:end], atStart || end+1 > lastWord) {
				s.flush()
				i = end + 1
				continue
			}
			s.add(i, 1)
			i++
		default:
			r, n := utf8.DecodeRuneInString(in[i:e])
			switch {
			case isMusic(r):
				s.flush()
				j := i + n
				for j < e {
					r2, n2 := utf8.DecodeRuneInString(in[j:e])
					j += n2
					if isMusic(r2) {
						break
					}
				}
				i = j
				continue
			case unicode.IsSpace(r):
				s.flush()
			case dropBidi(r) < 0:
			default:
				s.add(i, n)
			}
			i += n
		}
	}
	s.flush()
	return s.turns(s.words)
}

// add appends in[i:i+n] to the current word.
func (s *cueScanner) add(i, n int) {
	if k := len(s.cur.frags); k > 0 {
		last := &s.cur.frags[k-1]
		if last.text == "" && last.d+last.dn == i {
			last.dn += n
			return
		}
	}
	s.cur.frags = append(s.cur.frags, frag{d: i, dn: n})
}

// dropLT drops the "<"s the current word ends with, before markup that is
// being dropped: they belong to the broken markup ("<<i>"), and kept they
// would make a tag of the text after ("<<0>b>" is not "<b>").
func (s *cueScanner) dropLT() {
	for {
		k := len(s.cur.frags) - 1
		if k < 0 || s.cur.frags[k].text != "" {
			return
		}
		f := &s.cur.frags[k]
		if s.in[f.d+f.dn-1] != '<' {
			return
		}
		if f.dn--; f.dn == 0 {
			s.cur.frags = s.cur.frags[:k]
		}
	}
}

// flush ends the current word.
func (s *cueScanner) flush() {
	if len(s.cur.frags) == 0 {
		return
	}
	w := s.cur
	w.key = w.text(s.in)
	if s.pending != nil {
		w.turn, w.named, w.speaker = true, s.pending.named, s.pending.speaker
		s.pending = nil
	}
	s.words = append(s.words, w)
	s.cur = word{}
}

// tag acts on a tag's body (between "<" and ">").
func (s *cueScanner) tag(body string) {
	name := strings.ToLower(tagName(body))
	switch name {
	case "v":
		// <v Anna>, <v.loud Anna Smith>: the annotation is the speaker.
		s.flush()
		if _, ann, ok := strings.Cut(strings.TrimSpace(body), " "); ok {
			if sp := oneLine(html.UnescapeString(ann)); sp != "" {
				s.pending = &word{named: true, speaker: sp}
			}
		}
	case "rt":
		s.inRT = true
	case "br", "br/":
		s.flush()
	}
}

// label makes the speaker named by a bracketed label ("[ANNA]:") the
// speaker of the next word.
func (s *cueScanner) label(name string) {
	if sp := oneLine(name); sp != "" && strings.IndexFunc(sp, unicode.IsLetter) >= 0 {
		s.pending = &word{named: true, speaker: sp}
	}
}

// labelAfter reports whether a colon follows in[i:e] at the start of a
// line: a bracket closed just before i was a speaker label.
func (s *cueScanner) labelAfter(i, e int) bool {
	return colonAt(s.in, i, e) && s.onlyMarkers()
}

// colonAt reports whether in[i:e] starts with a colon, after spaces: what
// comes before it belongs to a speaker label ("DR. O'NEIL (V.O.):").
func colonAt(in string, i, e int) bool {
	for i < e && (in[i] == ' ' || in[i] == '\t') {
		i++
	}
	return i < e && in[i] == ':'
}

// skipColon returns the offset after the colon at or after i.
func skipColon(in string, i, e int) int {
	for i < e && in[i] != ':' {
		i++
	}
	return min(i+1, e)
}

// onlyMarkers reports whether the line so far holds no words other than
// turn markers (">>", a dash).
func (s *cueScanner) onlyMarkers() bool {
	for _, w := range s.words {
		if !isMarker(w.key) {
			return false
		}
	}
	return len(s.cur.frags) == 0
}

// tagName returns the name of a tag's body: "i" of "i", "/c" of "/c",
// "c" of "c.yellow", "v" of "v.loud Anna", "font" of `font color="red"`.
func tagName(body string) string {
	end := strings.IndexAny(body, " \t.")
	if end < 0 {
		return body
	}
	return body[:end]
}

// isTagStart reports whether the text after a "<" starts a tag: a letter,
// "/" and a letter, or an inline timestamp ("00:00:01.000>").
func isTagStart(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '/' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	if isDigit(s[0]) {
		end := strings.IndexByte(s, '>')
		if end < 0 {
			end = len(s)
		}
		return strings.Trim(s[:end], "0123456789:.") == ""
	}
	return s[0] < utf8.RuneSelf && unicode.IsLetter(rune(s[0]))
}

// lastWordAt returns the offset just after the last letter or digit of
// in[a:e] that is not inside a tag, an override block or brackets, or a
// when there is none: parentheses after it close the line.
func lastWordAt(in string, a, e int) int {
	last := a
	depth := byte(0) // the closer awaited
	for i := a; i < e; {
		r, n := utf8.DecodeRuneInString(in[i:e])
		switch {
		case depth != 0:
			if byte(r) == depth && r < utf8.RuneSelf {
				depth = 0
			}
		case r == '<':
			depth = '>'
		case r == '{':
			depth = '}'
		case r == '[':
			depth = ']'
		case r == '(':
			depth = ')'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			last = i + n
		}
		i += n
	}
	return last
}

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isMusic reports whether r marks music (lyrics follow it).
func isMusic(r rune) bool { return r == '♪' || r == '♫' || r == '🎵' || r == '🎶' }

// dropBidi maps directional formatting characters to -1 (dropped) for
// strings.Map, and keeps every other rune.
func dropBidi(r rune) rune {
	switch {
	case r == 0x200E, r == 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return -1
	}
	return r
}

// isMarker reports whether a word is a turn marker: ">>" (or more), or a
// dialogue dash.
func isMarker(key string) bool {
	return isChevrons(key) || key == "-" || key == "–" || key == "—" || key == "--"
}

// isChevrons reports whether key is ">>", ">>>", ....
func isChevrons(key string) bool {
	return len(key) >= 2 && strings.Trim(key, ">") == ""
}

// turns finds the turn markers and speaker labels of a line's words,
// drops them, and marks the words where turns start. A turn no word
// follows on the line (a label or a marker alone) waits for the next
// line's first word.
func (s *cueScanner) turns(ws []word) []word {
	out := ws[:0]
	var pend *word       // the turn the next word starts
	atStart := true      // a label may start here
	afterMarker := false // an explicit marker came just before
	unnamed := func() {
		if pend == nil || !pend.named {
			pend = &word{turn: true}
		}
	}
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if w.turn { // <v Anna>, [ANNA]:, or a turn from the line before
			pend = &word{turn: true, named: w.named, speaker: w.speaker}
			w.turn, w.named, w.speaker = false, false, ""
			atStart = true
		}
		switch {
		case isChevrons(w.key):
			unnamed()
			atStart, afterMarker = true, true
			continue
		case strings.HasPrefix(w.key, ">>"):
			w.cut(len(w.key)-len(strings.TrimLeft(w.key, ">")), s.in)
			unnamed()
			atStart, afterMarker = true, true
		case len(out) == 0 && atStart && !afterMarker && isMarker(w.key):
			unnamed()
			afterMarker = true
			continue
		case len(out) == 0 && atStart && !afterMarker && dashStart(w.key) > 0:
			w.cut(dashStart(w.key), s.in)
			unnamed()
			afterMarker = true
		}
		if atStart {
			if n, sp := labelAt(ws[i:], w, afterMarker); n > 0 {
				pend = &word{turn: true, named: true, speaker: sp}
				i += n - 1
				atStart, afterMarker = false, false
				continue
			}
		}
		atStart, afterMarker = false, false
		if pend != nil {
			w.turn, w.named, w.speaker = true, pend.named, pend.speaker
			pend = nil
		}
		if len(w.frags) > 0 {
			out = append(out, w)
		}
	}
	s.pending = pend
	return out
}

// dashStart returns the length of a dialogue dash glued to a word's start
// ("-Where", "–Yes"), 0 when there is none ("-5" is a number).
func dashStart(key string) int {
	for _, d := range []string{"--", "-", "–", "—"} {
		if rest, ok := strings.CutPrefix(key, d); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			if unicode.IsLetter(r) || strings.ContainsRune("\"'“‘«¿¡(", r) {
				return len(d)
			}
			return 0
		}
	}
	return 0
}

// labelWords are capitalised words that make a label a sentence or a
// caption rather than a speaker ("HE SAID:", "BREAKING NEWS:").
var labelWords = map[string]bool{
	"SAID": true, "SAYS": true, "SAY": true, "ASKED": true, "ASKS": true, "TOLD": true,
	"TELLS": true, "WROTE": true, "WRITES": true, "REPORTS": true, "REPORTED": true,
	"ANNOUNCED": true, "IS": true, "ARE": true, "WAS": true, "WERE": true, "HAS": true,
	"HAVE": true, "HAD": true, "WILL": true, "NOTE": true, "WARNING": true, "UPDATE": true,
	"BREAKING": true, "LIVE": true, "WATCH": true, "ALSO": true, "THIS": true, "THAT": true,
	"IT": true, "HE": true, "SHE": true, "WE": true, "THEY": true, "I": true, "YOU": true,
}

// labelAt looks for a speaker label at the start of ws (w is ws[0],
// possibly cut): one to four words, the last ending in ":" (or followed by
// a lone ":"), in capitals, or in any case that starts each word with a
// capital after a turn marker (marked). It returns how many words the
// label takes and the speaker it names.
func labelAt(ws []word, w word, marked bool) (int, string) {
	var parts []string
	for k := 0; k < len(ws) && k < 4; k++ {
		key := ws[k].key
		if k == 0 {
			key = w.key
		}
		name, colon := strings.CutSuffix(key, ":")
		if !colon && k+1 < len(ws) && ws[k+1].key == ":" {
			colon = true
		}
		if name == "" || !labelWord(name, marked) {
			return 0, ""
		}
		parts = append(parts, name)
		if colon {
			n := k + 1
			if !strings.HasSuffix(key, ":") {
				n++
			}
			sp := strings.Join(parts, " ")
			letters := 0
			for _, r := range sp {
				if unicode.IsLetter(r) {
					letters++
				}
			}
			if letters < 2 {
				return 0, ""
			}
			return n, sp
		}
	}
	return 0, ""
}

// labelWord reports whether name can be a word of a speaker label.
func labelWord(name string, marked bool) bool {
	if labelWords[name] {
		return false
	}
	letters, upper := 0, true
	for i, r := range name {
		switch {
		case unicode.IsLetter(r):
			letters++
			if !unicode.IsUpper(r) && (i > 0 || !marked) {
				if !marked {
					return false
				}
				upper = false
			}
		case unicode.IsDigit(r), strings.ContainsRune(".'’-&()", r):
		default:
			return false
		}
	}
	if letters == 0 {
		return false
	}
	if !upper {
		first, _ := utf8.DecodeRuneInString(name)
		return unicode.IsUpper(first)
	}
	return true
}

// dedupe drops from a cue's lines what the previous cue already showed
// (short is true when the previous cue showed for under paintOn):
// rolling captions repeat a cue's last lines at the top of the next one
// ("A" / "A B" / "B C" in roll-up, "hello" / "hello\nthere" in automatic
// captions), and paint-on captions grow a line word by word ("we are" /
// "we are here"). The longest run of the cue's first lines equal to the
// previous cue's last lines is dropped, then the previous cue's last line
// when it starts the cue's next line (a one-word line only when the
// previous cue was short). Words are compared as written, ignoring case.
func dedupe(prev, cur [][]word, short bool) [][]word {
	for k := min(len(prev), len(cur)); k > 0; k-- {
		match := true
		for j := 0; j < k && match; j++ {
			match = sameWords(prev[len(prev)-k+j], cur[j])
		}
		if match {
			cur = cur[k:]
			break
		}
	}
	if len(cur) == 0 {
		return nil
	}
	last := prev[len(prev)-1]
	if (len(last) > 1 || short) && len(last) < len(cur[0]) && sameWords(last, cur[0][:len(last)]) {
		rest := cur[0][len(last):]
		if len(rest) > 0 && cur[0][0].turn && !rest[0].turn {
			rest[0].turn, rest[0].named, rest[0].speaker = cur[0][0].turn, cur[0][0].named, cur[0][0].speaker
		}
		cur = append([][]word{rest}, cur[1:]...)
	}
	return cur
}

// sameWords reports whether two lines hold the same words, ignoring case.
func sameWords(a, b []word) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i].key, b[i].key) {
			return false
		}
	}
	return true
}
