package ingest

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"parallax/app"
)

// The subtitle readers make a transcript report of a SubRip (.srt) or
// WebVTT (.vtt) file: the words spoken, as a reader would read them, with
// each cue's start time and speaker kept (parsed.cues) so that every claim
// can say when, and by whom, it was said.
//
// # Blocks
//
// Both formats are read by one line-based parser, because files in the wild
// mix them (SRT with WebVTT's "." in times, WebVTT without its header). A
// line holding "-->" is a timing line: it ends the text of the cue before
// it and starts a cue of its own when its start time reads. Timing lines,
// cue settings ("align:start position:0%"), cue numbers and identifiers
// never reach the text. The two formats differ where their specifications
// do:
//
//   - WebVTT is read as a browser reads it (W3C WebVTT, "collect a WebVTT
//     block"): the header block after "WEBVTT" is skipped, a cue's text
//     ends at the first empty line, the one line before a timing line that
//     starts a block is the cue's identifier, and blocks without a timing
//     line (NOTE, STYLE, REGION, anything else) are dropped. Timestamps
//     must be well formed ("00:01.000", "1:02:03.004"); a cue with a
//     malformed one is dropped with its text, as a browser drops it. A
//     file with no well-formed time at all was written by a lenient tool
//     and has its times read as SubRip's, rather than being refused whole.
//   - SubRip has no specification and much sloppier writers, so it is read
//     leniently: times with "," or "." or ":" before the milliseconds, one
//     to three digits of them, hours or not; the last line before a timing
//     line is the cue's number when it is one; text after a blank line
//     inside a cue (a common export fault, or CR CR LF line ends) stays
//     with its cue rather than being lost; a cue whose times cannot be read
//     keeps its text with the previous cue's time.
//
// Cues are read in file order, which is the order the text is in (the
// offsets back into the file must grow with the text). Out-of-order and
// overlapping cues therefore keep their own times: a claim takes the time
// of the cue it starts in, which may be earlier than the one before it.
// Cues with no words (empty ones, sound descriptions only) leave no trace.
//
// # Cue text
//
// See cuetext.go for how markup, entities, sound descriptions and speaker
// labels are taken out of a cue's lines, and for rolling captions.
//
// # Layout
//
// The text is laid out for the segmenter and for a reader: one paragraph
// per speaker turn (a blank line between), the cues of a turn joined with
// single spaces into one line, a cue's lines joined the same way. One line
// per cue would make a transcript of short lines, which the segmenter reads
// as headings. A turn starts where a cue names a different speaker
// ("ANNA SMITH:", <v Anna>) or marks a change of speaker without naming one
// (a dialogue dash "- ...", broadcast captions' ">>").
//
// # Title
//
// A transcript's first words ("Good evening and welcome") make a poor
// title, so the title is, in order: the text after "WEBVTT" on a WebVTT
// file's first line ("WEBVTT - Evening bulletin"), the file's name tidied
// ("council_vote.en.srt" becomes "Council vote"), and the first words only
// for a paste or a file with a generic name ("captions.vtt").
func init() {
	register(&format{
		name:  "srt",
		exts:  []string{".srt"},
		sniff: sniffSRT,
		rank:  rankSubtitles,
		read:  readSubtitles,
	})
	register(&format{
		name:  "vtt",
		exts:  []string{".vtt"},
		sniff: sniffVTT,
		rank:  rankSubtitles,
		read:  readSubtitles,
	})
}

// sniffHead is how many bytes of a file the subtitle sniffers decode.
const sniffHead = 4096

// sniffVTT reports whether src starts with the WebVTT signature.
func sniffVTT(src []byte) bool {
	first, _, _ := strings.Cut(headText(src, sniffHead), "\n")
	return isVTTSignature(first)
}

// isVTTSignature reports whether line is a WebVTT file's first line:
// "WEBVTT", alone or followed by a space or a tab and anything.
func isVTTSignature(line string) bool {
	rest, ok := strings.CutPrefix(line, "WEBVTT")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// sniffSRT reports whether src starts like a SubRip file: among its first
// lines, a timing line ("00:00:01,000 --> 00:00:04,000") that is the first
// line with words, or follows only a cue number. A timing line deeper in
// the file, or after prose, is a text quoting one.
func sniffSRT(src []byte) bool {
	head := headText(src, sniffHead)
	if first, _, _ := strings.Cut(head, "\n"); isVTTSignature(first) {
		return false
	}
	seen := 0 // non-blank lines before the timing line
	for n, line := range strings.Split(head, "\n") {
		if n >= 12 {
			break
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case isSRTTiming(line):
			return true
		case seen == 0 && isDigits(line):
			seen++
		default:
			return false
		}
	}
	return false
}

// isSRTTiming reports whether line is a timing line of readable times.
func isSRTTiming(line string) bool {
	_, ok := parseTiming(line, false)
	return ok
}

// headText decodes the first n bytes of src (in its encoding, found as
// decodeText finds it) with line ends made LF, for sniffers.
func headText(src []byte, n int) string {
	head := src[:min(len(src), n)]
	it := runeIter{src: head}
	it.enc, it.pos = sniffEncoding(head)
	var b strings.Builder
	for {
		r, _, _, ok := it.next()
		if !ok {
			break
		}
		if r == '\r' {
			r = '\n'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// readSubtitles decodes src and reads its cues into a transcript.
func readSubtitles(src []byte, _ Options) (parsed, error) {
	// Form feed and vertical tab are white space in a timing line (WebVTT
	// says so), not line breaks.
	dec, offs, enc, err := decode(src, ' ')
	if err != nil {
		return parsed{}, err
	}
	p := newSubParser(dec)
	for i := range p.lines {
		if n := p.lines[i][1] - p.lines[i][0]; n > maxLine {
			return parsed{}, fmt.Errorf("%w: line %d is %.1f MB long; subtitle lines are short, so this is no subtitle file",
				ErrDamaged, i+1, float64(n)/(1<<20))
		}
	}
	cues := p.parse()
	text := string(p.out.out)
	if cues == 0 {
		return parsed{}, fmt.Errorf("%w: it has no subtitles (no timing line such as \"00:00:01,000 --> 00:00:04,000\")", ErrEmpty)
	}
	if strings.TrimSpace(text) == "" {
		return parsed{}, fmt.Errorf("%w: none of its subtitles has words", ErrEmpty)
	}
	return parsed{
		text:      text,
		offsets:   compose(offs, p.out.pieces, len(text)),
		encoding:  enc,
		meta:      Meta{Title: p.title},
		cues:      p.cues,
		nameTitle: true,
	}, nil
}

// maxLine is the longest line a subtitle file may have (256 KB). A cue
// holding a whole transcript is a few kilobytes; a longer line is a file
// of another kind, or one built to make a reader slow.
const maxLine = 256 << 10

// subCue is one cue as read: its times and the span of its text lines.
type subCue struct {
	start, end time.Duration
	// endOK is false when the end time could not be read.
	endOK bool
	// from and to are the indexes of its first text line and of the line
	// after its last.
	from, to int
}

// subParser reads one decoded subtitle file.
type subParser struct {
	in    string
	vtt   bool
	lines [][2]int // each line's [start, end) in in, without its LF

	sc   cueScanner
	out  pieceText
	cues []app.Cue
	// title is what a WebVTT header line says after "WEBVTT".
	title string

	// speaker is the speaker of the current turn ("" when unknown);
	// last is the last word written, for spacing.
	speaker string
	last    *word
	// prev are the cleaned lines of the last cue that had words, and its
	// end time, for rolling captions (see dedupe).
	prev               [][]word
	prevStart, prevEnd time.Duration
	prevOK             bool
}

func newSubParser(in string) *subParser {
	p := &subParser{in: in, out: pieceText{in: in}, sc: cueScanner{in: in}}
	for a := 0; a <= len(in); {
		e := strings.IndexByte(in[a:], '\n')
		if e < 0 {
			if a < len(in) {
				p.lines = append(p.lines, [2]int{a, len(in)})
			}
			break
		}
		p.lines = append(p.lines, [2]int{a, a + e})
		a += e + 1
	}
	if len(p.lines) > 0 {
		first := p.line(0)
		p.vtt = isVTTSignature(first)
		p.sc.vtt = p.vtt
		if p.vtt {
			t := strings.Trim(first[len("WEBVTT"):], " \t-–—:")
			if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
				p.title = t
			}
		}
	}
	return p
}

// line returns line i's text.
func (p *subParser) line(i int) string { return p.in[p.lines[i][0]:p.lines[i][1]] }

// isArrow reports whether line i is a timing line (holds "-->"). A
// WebVTT file's first line never is: it is the signature.
func (p *subParser) isArrow(i int) bool {
	return !(p.vtt && i == 0) && strings.Contains(p.line(i), "-->")
}

// blank reports whether line i ends a WebVTT block: an empty line (a line
// of spaces does not, as the specification says and as YouTube's files
// rely on). In SubRip any line of white space is blank.
func (p *subParser) blank(i int) bool {
	if p.vtt {
		return p.lines[i][0] == p.lines[i][1]
	}
	return strings.TrimSpace(p.line(i)) == ""
}

// parse reads every cue and writes the transcript. It returns how many
// cues it read.
func (p *subParser) parse() int {
	var arrows []int
	for i := range p.lines {
		if p.isArrow(i) {
			arrows = append(arrows, i)
		}
	}
	// A WebVTT file none of whose times is well formed was written by a
	// lenient writer ("00:02:04.08"): its times are read as SubRip's are.
	strict := false
	for _, i := range arrows {
		if _, ok := parseTiming(p.line(i), p.vtt); ok {
			strict = p.vtt
			break
		}
	}
	var last time.Duration
	n := 0
	for k, i := range arrows {
		next := len(p.lines)
		if k+1 < len(arrows) {
			next = arrows[k+1]
		}
		t, ok := parseTiming(p.line(i), strict)
		if !ok {
			if strict {
				continue // a browser drops the cue and its text
			}
			t = timing{start: last}
		}
		last = t.start
		c := subCue{start: t.start, end: t.end, endOK: ok, from: i + 1, to: p.textEnd(i, next)}
		p.cue(c)
		n++
	}
	return n
}

// textEnd returns the end (exclusive) of the text lines of the cue whose
// timing line is i, when the next timing line (or the end) is next.
func (p *subParser) textEnd(i, next int) int {
	if p.vtt {
		j := i + 1
		for j < next && !p.blank(j) {
			j++
		}
		return j
	}
	end := next
	// The last non-blank line before the next timing line is that cue's
	// number when it is one.
	if next < len(p.lines) {
		j := end - 1
		for j > i && p.blank(j) {
			j--
		}
		if j > i && isDigits(strings.TrimSpace(p.line(j))) {
			end = j
		}
	} else {
		// A dangling cue number at the end of a cut-off file.
		j := end - 1
		for j > i && p.blank(j) {
			j--
		}
		if j > i+1 && p.blank(j-1) && isDigits(strings.TrimSpace(p.line(j))) {
			end = j
		}
	}
	for end > i+1 && p.blank(end-1) {
		end--
	}
	return end
}

// cue cleans one cue's lines and writes what is new in them.
func (p *subParser) cue(c subCue) {
	p.sc.inRT = false
	var lines [][]word
	for i := c.from; i < c.to; i++ {
		if j := p.soundLines(i, c.to); j > i {
			i = j - 1
			continue
		}
		if ws := p.sc.line(p.lines[i][0], p.lines[i][1]); len(ws) > 0 {
			lines = append(lines, ws)
		}
	}
	if len(lines) == 0 {
		return
	}
	shown := lines
	if p.prev != nil && (!p.prevOK || c.start <= p.prevEnd+rollGap) {
		lines = dedupe(p.prev, lines, p.prevOK && p.prevEnd-p.prevStart < paintOn)
	}
	p.prev, p.prevStart, p.prevEnd, p.prevOK = shown, c.start, c.end, c.endOK
	first := true
	for _, ws := range lines {
		for k := range ws {
			p.write(&ws[k], c.start, first)
			first = false
		}
	}
}

// soundLines returns the end of a sound description that starts line i
// and closes on a later line of the cue (before to): "(computer playing" /
// "electronic melody)". It returns i when there is none.
func (p *subParser) soundLines(i, to int) int {
	line := skipMarkup(p.line(i))
	if line == "" || (line[0] != '(' && line[0] != '[') {
		return i
	}
	closer := ")"
	if line[0] == '[' {
		closer = "]"
	}
	if strings.Contains(line, closer) {
		return i
	}
	words := len(strings.Fields(line))
	for j := i + 1; j < to && j <= i+2; j++ {
		l := p.line(j)
		words += len(strings.Fields(l))
		if k := strings.Index(l, closer); k >= 0 {
			if lastWordAt(l, k+1, len(l)) > k+1 || closer == ")" && words > 2*maxSound {
				return i
			}
			return j + 1
		}
	}
	return i
}

// skipMarkup returns line without the white space, tags and override
// blocks it starts with.
func skipMarkup(line string) string {
	for {
		line = strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(line, "<"):
			end := strings.IndexByte(line, '>')
			if end < 0 {
				return line
			}
			line = line[end+1:]
		case strings.HasPrefix(line, "{"):
			end := strings.IndexByte(line, '}')
			if end < 0 {
				return line
			}
			line = line[end+1:]
		default:
			return line
		}
	}
}

// rollGap is the longest silence between a cue and the one before it for
// the cue's repeated lines to be read as rolling captions: roll-up and
// automatic captions follow each other without a gap, while a line said
// again after a pause was said twice.
const rollGap = 1500 * time.Millisecond

// paintOn is the longest a cue shows for a one-word line that the next cue
// starts with to be read as paint-on captions growing word by word ("we" /
// "we are"), rather than a word said twice ("Yes." / "Yes. I agree.").
const paintOn = time.Second

// write adds one word to the text, starting a paragraph at a change of
// speaker and a cue where a cue (or a turn inside one) begins.
func (p *subParser) write(w *word, start time.Duration, cueStart bool) {
	newCue := cueStart
	para := false
	if w.turn {
		sp := ""
		if w.named {
			sp = w.speaker
		}
		para = !w.named || sp != p.speaker
		if sp != p.speaker {
			newCue = true
		}
		p.speaker = sp
	}
	switch {
	case p.last == nil:
	case para:
		p.out.subst("\n\n", p.last.end(), p.last.end())
	case w.frags[0].text == "" && w.frags[0].d == p.last.end()+1 && p.in[p.last.end()] == ' ':
		// One space between words of a line: kept as written.
		p.out.copy(p.last.end(), p.last.end()+1)
	default:
		p.out.subst(" ", p.last.end(), p.last.end())
	}
	if newCue || para {
		p.cues = append(p.cues, app.Cue{Offset: len(p.out.out), Start: start, Speaker: p.speaker})
	}
	for _, f := range w.frags {
		if f.text == "" {
			p.out.copy(f.d, f.d+f.dn)
		} else {
			p.out.subst(f.text, f.d, f.d+f.dn)
		}
	}
	p.last = w
}

// timing is a timing line's start and end.
type timing struct{ start, end time.Duration }

// parseTiming reads "start --> end [settings]": strictly as WebVTT defines
// timestamps when vtt is set, leniently as SubRip writers write them
// otherwise. ok is false when the start or the end time does not read.
func parseTiming(line string, vtt bool) (timing, bool) {
	ts := parseSRTTime
	if vtt {
		ts = parseVTTTime
	}
	s := strings.TrimLeft(line, " \t")
	start, n, ok := ts(s)
	if !ok {
		return timing{}, false
	}
	s = strings.TrimLeft(s[n:], " \t")
	s, ok = strings.CutPrefix(s, "-->")
	if !ok {
		return timing{}, false
	}
	s = strings.TrimLeft(s, " \t")
	end, _, ok := ts(s)
	if !ok {
		return timing{}, false
	}
	return timing{start, end}, true
}

// maxDigits bounds a time field, so a line of digits cannot overflow.
const maxDigits = 9

// digits returns the length of the run of ASCII digits at the start of s
// and its value (up to maxDigits digits; more make ok false).
func digits(s string) (n int, v int64, ok bool) {
	for n < len(s) && isDigit(s[n]) {
		v = v*10 + int64(s[n]-'0')
		n++
	}
	return n, v, n > 0 && n <= maxDigits
}

// parseVTTTime reads a WebVTT timestamp at the start of s as the
// specification's "collect a WebVTT timestamp" does: [hours:]mm:ss.ttt,
// hours of any number of digits (written when the first field is not two
// digits or is over 59), minutes and seconds of two digits up to 59,
// exactly three digits of milliseconds. It returns the length read.
func parseVTTTime(s string) (time.Duration, int, bool) {
	n1, v1, ok := digits(s)
	if !ok {
		return 0, 0, false
	}
	hours := n1 != 2 || v1 > 59
	i := n1
	if i >= len(s) || s[i] != ':' {
		return 0, 0, false
	}
	i++
	n2, v2, ok := digits(s[i:])
	if !ok || n2 != 2 {
		return 0, 0, false
	}
	i += n2
	var h, m, sec int64
	if hours || (i < len(s) && s[i] == ':') {
		if i >= len(s) || s[i] != ':' {
			return 0, 0, false
		}
		i++
		n3, v3, ok := digits(s[i:])
		if !ok || n3 != 2 {
			return 0, 0, false
		}
		i += n3
		h, m, sec = v1, v2, v3
	} else {
		m, sec = v1, v2
	}
	if i >= len(s) || s[i] != '.' {
		return 0, 0, false
	}
	i++
	n4, ms, ok := digits(s[i:])
	if !ok || n4 != 3 || m > 59 || sec > 59 {
		return 0, 0, false
	}
	i += n4
	return clock(h, m, sec, ms), i, true
}

// parseSRTTime reads a SubRip timestamp at the start of s, leniently:
// [h:]m:s, then optionally "," "." or ":" and one to three digits of
// fraction (more are cut), each field of one or more digits. It returns
// the length read.
func parseSRTTime(s string) (time.Duration, int, bool) {
	var fields []int64
	i := 0
	for len(fields) < 3 {
		n, v, ok := digits(s[i:])
		if !ok {
			return 0, 0, false
		}
		fields = append(fields, v)
		i += n
		if len(fields) < 3 && i < len(s) && s[i] == ':' && i+1 < len(s) && isDigit(s[i+1]) {
			i++
			continue
		}
		break
	}
	if len(fields) < 2 {
		return 0, 0, false
	}
	var ms int64
	if i+1 < len(s) && (s[i] == ',' || s[i] == '.' || s[i] == ':') && isDigit(s[i+1]) {
		i++
		n := 0
		for i < len(s) && isDigit(s[i]) {
			if n < 3 {
				ms = ms*10 + int64(s[i]-'0')
			}
			n++
			i++
		}
		for k := min(n, 3); k < 3; k++ {
			ms *= 10
		}
	}
	h := int64(0)
	if len(fields) == 3 {
		h, fields = fields[0], fields[1:]
	}
	return clock(h, fields[0], fields[1], ms), i, true
}

// clock is a duration of hours, minutes, seconds and milliseconds.
func clock(h, m, s, ms int64) time.Duration {
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute +
		time.Duration(s)*time.Second + time.Duration(ms)*time.Millisecond
}

// isDigits reports whether s is a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// titleFromName makes a title of a subtitle file's name: the extension and
// a language tag before it (".en", ".eng", ".pt-BR") dropped, underscores,
// dots and hyphens between letters made spaces, and the first letter
// capitalised. It returns "" for names that say nothing of the programme
// ("captions.vtt", "12.srt"), so the first words are used instead.
func titleFromName(name string) string {
	base := name
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	if i := strings.LastIndexByte(base, '.'); i > 0 && isLangTag(base[i+1:]) {
		base = base[:i]
	}
	var b strings.Builder
	for i, r := range base {
		switch {
		case r == '_' || r == '.':
			r = ' '
		case r == '-':
			prev, _ := utf8.DecodeLastRuneInString(base[:i])
			next, _ := utf8.DecodeRuneInString(base[i+1:])
			if !(unicode.IsDigit(prev) && unicode.IsDigit(next)) {
				r = ' '
			}
		}
		b.WriteRune(r)
	}
	t := oneLine(b.String())
	switch strings.ToLower(t) {
	case "", "captions", "caption", "subtitles", "subtitle", "subs", "sub", "transcript", "index",
		"track", "cc", "default", "untitled", "output", "file":
		return ""
	}
	if strings.IndexFunc(t, unicode.IsLetter) < 0 {
		return ""
	}
	return titleFrom(t)
}

// isLangTag reports whether s looks like a language tag in a file name:
// "en", "eng", "pt-BR", "zh_Hans", "en-US-forced" are; "final" is not.
func isLangTag(s string) bool {
	main, rest, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	if len(main) < 2 || len(main) > 3 || len(rest) > 12 {
		return false
	}
	for _, r := range main {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
