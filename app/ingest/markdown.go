package ingest

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Markdown reader makes readable prose of a Markdown file: the report
// text is what a reader of the rendered page sees, so that claims are
// sentences rather than syntax.
//
// It is a careful line-based stripper, not a full CommonMark parser: news
// copy in Markdown uses little of the language, and every byte it keeps
// must map back to the file, which is simplest when the output is the input
// with syntax cut out. What it does:
//
//   - front matter (a YAML "---" or TOML "+++" block at the start) is read
//     for title, author, date, url/link and source/outlet/publisher, then
//     removed;
//   - heading markers (#, setext underlines), blockquote ">", thematic
//     breaks, table delimiter rows, link reference definitions, HTML
//     comments and tags, and fence lines are removed; fenced code is kept
//     as text;
//   - emphasis (*, _, **, __, ~~) and code ticks are removed by CommonMark's
//     flanking rules, so 2 * 3 and snake_case stay as written;
//   - links [text](url) and [text][ref] become text, images their alt text,
//     <https://...> autolinks their address, footnote marks [^1] vanish;
//   - backslash escapes lose their backslash and HTML entities (&amp;,
//     &rsquo;) become their character.
//
// List bullets and numbers stay as typed: they keep a list readable and
// tell the segmenter where items start. Emphasis must open and close on one
// line; a span across a line break keeps its markers.
func init() {
	register(&format{
		name: "markdown",
		exts: []string{".md", ".markdown", ".mdown", ".mkd", ".mkdn"},
		read: readMarkdown,
	})
}

// readMarkdown decodes src and strips its Markdown syntax.
func readMarkdown(src []byte, _ Options) (parsed, error) {
	dec, offs, enc, err := decodeText(src)
	if err != nil {
		return parsed{}, err
	}
	meta, body := frontMatter(dec)
	s := mdStripper{in: dec, lineBuf: pieceText{in: dec}}
	s.run(body)
	text := string(s.out)
	return parsed{
		text:         text,
		offsets:      compose(offs, s.pieces, len(text)),
		encoding:     enc,
		meta:         meta,
		headingFirst: s.headingFirst,
	}, nil
}

// mdStripper strips one decoded Markdown text. Output is built line by
// line: a line's output is held apart and dropped whole (with its line
// end) when a non-blank line leaves nothing but white space, so removed
// comments, fences and definitions leave no stray blank lines; blank lines
// before the first words are dropped too.
type mdStripper struct {
	in     string
	out    []byte
	pieces []piece

	// lineBuf is the current line's output.
	lineBuf pieceText

	inFence    bool
	fenceChar  byte
	fenceLen   int
	fenceQuote bool // the fence opened inside a blockquote
	inComment  bool

	// Per line: bracket matches (see matchBrackets) and failed code
	// span searches (see findTicks).
	base     int
	match    []int32
	tickFail map[int]int

	prevPara     bool // the previous line was paragraph text
	contentLines int  // lines with output so far
	headingFirst bool
}

// run strips the body starting at offset start.
func (s *mdStripper) run(start int) {
	for ls := start; ls < len(s.in); {
		le := strings.IndexByte(s.in[ls:], '\n')
		nl := le >= 0
		if nl {
			le += ls
		} else {
			le = len(s.in)
		}
		s.line(ls, le)
		s.commit(ls, le, nl)
		if !nl {
			break
		}
		ls = le + 1
	}
}

// commit moves the current line's output to the text, with the line's LF,
// unless a non-blank source line left only white space.
func (s *mdStripper) commit(ls, le int, nl bool) {
	blankIn := strings.TrimSpace(s.in[ls:le]) == ""
	blankOut := strings.TrimSpace(string(s.lineBuf.out)) == ""
	defer func() { s.lineBuf.out, s.lineBuf.pieces = s.lineBuf.out[:0], s.lineBuf.pieces[:0] }()
	if blankOut && (!blankIn || s.contentLines == 0) {
		// Nothing left of a syntax-only line, or a blank line before
		// any text (after the front matter): the text starts with words.
		return
	}
	if !blankOut {
		s.contentLines++
	}
	for _, p := range s.lineBuf.pieces {
		s.appendPiece(p, s.lineBuf.out[p.t:p.t+p.tn])
	}
	if nl {
		s.appendPiece(piece{d: le, dn: 1, tn: 1, copied: true}, []byte{'\n'})
	}
}

// appendPiece adds a piece to the text, merging contiguous copies.
func (s *mdStripper) appendPiece(p piece, text []byte) {
	p.t = len(s.out)
	s.out = append(s.out, text...)
	if n := len(s.pieces); n > 0 && p.copied {
		last := &s.pieces[n-1]
		if last.copied && last.d+last.dn == p.d {
			last.dn += p.dn
			last.tn += p.tn
			return
		}
	}
	s.pieces = append(s.pieces, p)
}

var (
	atxRE       = regexp.MustCompile(`^ {0,3}(#{1,6})(?:[ \t]+|$)`)
	atxCloseRE  = regexp.MustCompile(`(?:[ \t]+#+)?[ \t]*$`)
	fenceRE     = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})(.*)$")
	breakRE     = regexp.MustCompile(`^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	setextEqRE  = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	setextDshRE = regexp.MustCompile(`^ {0,3}-+[ \t]*$`)
	tableDelRE  = regexp.MustCompile(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$|^[ \t]*\|[ \t]*:?-+:?[ \t]*\|[ \t]*$`)
	refDefRE    = regexp.MustCompile(`^ {0,3}\[[^\]^][^\]]*\]:[ \t]*\S+.*$`)
	footDefRE   = regexp.MustCompile(`^ {0,3}\[\^[^\]]+\]:[ \t]*`)
	listRE      = regexp.MustCompile(`^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)`)
	quoteRE     = regexp.MustCompile(`^ {0,3}>[ \t]?`)
	entityRE    = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)
	autolinkRE  = regexp.MustCompile(`^<(?:(?:https?|ftp|mailto):[^\s<>]*|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)>`)
	tagRE       = regexp.MustCompile(`^</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>`)
)

// line strips one source line [ls, le) into the line output.
func (s *mdStripper) line(ls, le int) {
	if s.inFence {
		i := ls
		if s.fenceQuote {
			i = s.skipQuotes(i, le)
		}
		if m := fenceRE.FindStringSubmatch(s.in[i:le]); m != nil && m[1][0] == s.fenceChar &&
			len(m[1]) >= s.fenceLen && strings.TrimSpace(m[2]) == "" {
			s.inFence = false
			return
		}
		s.lineBuf.copy(i, le)
		return
	}
	i := ls
	if s.inComment {
		end := strings.Index(s.in[ls:le], "-->")
		if end < 0 {
			return
		}
		s.inComment = false
		i = ls + end + 3
	}
	if strings.TrimSpace(s.in[i:le]) == "" {
		s.lineBuf.copy(i, le)
		s.prevPara = false
		return
	}
	quoted := false
	if j := s.skipQuotes(i, le); j != i {
		quoted, i = true, j
	}
	rest := s.in[i:le]
	para := false
	switch {
	case isFenceOpen(rest):
		m := fenceRE.FindStringSubmatch(rest)
		s.inFence, s.fenceChar, s.fenceLen, s.fenceQuote = true, m[1][0], len(m[1]), quoted
	case atxRE.MatchString(rest):
		m := atxRE.FindStringIndex(rest)
		end := i + atxCloseRE.FindStringIndex(rest[m[1]:])[0] + m[1]
		s.inline(i+m[1], end, true)
		if s.contentLines == 0 && len(strings.TrimSpace(string(s.lineBuf.out))) > 0 {
			s.headingFirst = true
		}
	case s.prevPara && (setextEqRE.MatchString(rest) || setextDshRE.MatchString(rest)):
		// Underline of a setext heading: the line above was its text.
		if s.contentLines == 1 {
			s.headingFirst = true
		}
	case breakRE.MatchString(rest), tableDelRE.MatchString(rest) && strings.Contains(rest, "|"),
		refDefRE.MatchString(rest):
		// dropped
	case footDefRE.MatchString(rest):
		m := footDefRE.FindStringIndex(rest)
		s.inline(i+m[1], le, true)
		para = true
	case listRE.MatchString(rest):
		m := listRE.FindStringIndex(rest)
		s.lineBuf.copy(i, i+m[1])
		s.inline(i+m[1], le, true)
		para = true
	default:
		s.inline(i, le, true)
		para = true
	}
	s.prevPara = para
}

// isFenceOpen reports whether line opens a fenced code block (a backtick
// fence's info string may not hold a backtick, or it is inline code).
func isFenceOpen(line string) bool {
	m := fenceRE.FindStringSubmatch(line)
	return m != nil && !(m[1][0] == '`' && strings.Contains(m[2], "`"))
}

// skipQuotes skips blockquote markers ("> > ") at i.
func (s *mdStripper) skipQuotes(i, le int) int {
	for {
		m := quoteRE.FindStringIndex(s.in[i:le])
		if m == nil {
			return i
		}
		i += m[1]
	}
}

// inline strips inline syntax from in[a:b] into the line output. top is
// true for a whole line, where a trailing backslash (a hard line break)
// and an unterminated HTML comment are handled.
func (s *mdStripper) inline(a, b int, top bool) {
	if top {
		s.matchBrackets(a, b)
	}
	for _, t := range s.resolve(s.scan(a, b, top)) {
		switch t.kind {
		case tokSubst:
			s.lineBuf.subst(t.str, t.a, t.b)
		default:
			s.lineBuf.copy(t.a, t.b)
		}
	}
}

// Kinds of inline tokens.
const (
	tokLit   = iota // kept as written
	tokSubst        // replaced by str
	tokDelim        // a run of *, _ or ~ that may be emphasis
)

// tok is an inline token over in[a:b]. For a delimiter run, the part kept
// shrinks from the inside as it is matched.
type tok struct {
	kind        int
	a, b        int
	str         string
	ch          byte
	open, close bool
}

// scan splits in[a:b] into tokens, resolving links, code spans, escapes,
// HTML and entities on the way; emphasis is left to resolve.
func (s *mdStripper) scan(a, b int, top bool) []tok {
	var toks []tok
	lit := func(x, y int) {
		if y <= x {
			return
		}
		if n := len(toks); n > 0 && toks[n-1].kind == tokLit && toks[n-1].b == x {
			toks[n-1].b = y
			return
		}
		toks = append(toks, tok{kind: tokLit, a: x, b: y})
	}
	in := s.in
	for i := a; i < b; {
		c := in[i]
		switch c {
		case '\\':
			switch {
			case i+1 < b && isASCIIPunct(in[i+1]):
				lit(i+1, i+2)
				i += 2
			case i+1 == b && top: // hard line break
				i++
			default:
				lit(i, i+1)
				i++
			}
		case '`':
			n := runLen(in, i, b, '`')
			if j := s.findTicks(i+n, b, n); j >= 0 {
				lit(i+n, j)
				i = j + n
			} else {
				lit(i, i+n)
				i += n
			}
		case '!', '[':
			start := i
			if c == '!' {
				if i+1 >= b || in[i+1] != '[' {
					lit(i, i+1)
					i++
					continue
				}
				start = i + 1
			}
			textEnd, end, ok := s.linkAt(start, b)
			if !ok {
				lit(i, i+1)
				i++
				continue
			}
			if !(c == '[' && strings.HasPrefix(in[start:], "[^")) { // not a footnote mark
				// Resolved apart: emphasis does not cross a link's edge.
				toks = append(toks, s.resolve(s.scan(start+1, textEnd, false))...)
			}
			i = end
		case '<':
			rest := in[i:b]
			switch {
			case strings.HasPrefix(rest, "<!--"):
				if j := strings.Index(rest[4:], "-->"); j >= 0 {
					i += 4 + j + 3
				} else {
					if top {
						s.inComment = true
					}
					i = b
				}
			case autolinkRE.MatchString(rest):
				m := autolinkRE.FindStringIndex(rest)
				lit(i+1, i+m[1]-1)
				i += m[1]
			case tagRE.MatchString(rest):
				i += tagRE.FindStringIndex(rest)[1]
			default:
				lit(i, i+1)
				i++
			}
		case '&':
			if m := entityRE.FindStringIndex(in[i:b]); m != nil {
				ent := in[i : i+m[1]]
				if u := html.UnescapeString(ent); u != ent {
					toks = append(toks, tok{kind: tokSubst, a: i, b: i + m[1], str: cleanEntity(u)})
					i += m[1]
					continue
				}
			}
			lit(i, i+1)
			i++
		case '*', '_', '~':
			n := runLen(in, i, b, c)
			if c == '~' && n != 2 || c == '*' && i > a && i+n < b && isDigit(in[i-1]) && isDigit(in[i+n]) {
				// ~single~ is not strikethrough; 5*6 is arithmetic,
				// whatever CommonMark says.
				lit(i, i+n)
				i += n
				continue
			}
			prev, next := ' ', ' '
			if i > a {
				prev, _ = utf8.DecodeLastRuneInString(in[a:i])
			}
			if i+n < b {
				next, _ = utf8.DecodeRuneInString(in[i+n : b])
			}
			lf := !unicode.IsSpace(next) && (!isPunct(next) || unicode.IsSpace(prev) || isPunct(prev))
			rf := !unicode.IsSpace(prev) && (!isPunct(prev) || unicode.IsSpace(next) || isPunct(next))
			t := tok{kind: tokDelim, a: i, b: i + n, ch: c, open: lf, close: rf}
			if c == '_' {
				t.open = lf && (!rf || isPunct(prev))
				t.close = rf && (!lf || isPunct(next))
			}
			toks = append(toks, t)
			i += n
		default:
			j := i + 1
			for j < b && !strings.ContainsRune("\\`![<&*_~", rune(in[j])) {
				j++
			}
			lit(i, j)
			i = j
		}
	}
	return toks
}

// resolve matches emphasis delimiter runs, in the manner of CommonMark's
// "process emphasis" (without its rule of three): a closer matches the
// nearest opener of the same character, both lose as many characters as
// the shorter has, openers between them are no longer candidates.
// Unmatched characters stay as written.
func (s *mdStripper) resolve(toks []tok) []tok {
	var stack []int
	// bottom[c]: no opener for c below this stack height (CommonMark's
	// openers_bottom), so failed searches are not repeated.
	var bottom [128]int
	for i := range toks {
		t := &toks[i]
		if t.kind != tokDelim {
			continue
		}
		if t.close {
			for t.b > t.a {
				o := -1
				for k := len(stack) - 1; k >= min(bottom[t.ch], len(stack)); k-- {
					if toks[stack[k]].ch == t.ch {
						o = k
						break
					}
				}
				if o < 0 {
					bottom[t.ch] = len(stack)
					break
				}
				op := &toks[stack[o]]
				k := min(op.b-op.a, t.b-t.a)
				if t.ch == '~' && k < 2 {
					break
				}
				op.b -= k
				t.a += k
				if op.b > op.a {
					stack = stack[:o+1]
				} else {
					stack = stack[:o]
				}
				for _, c := range "*_~" {
					bottom[c] = min(bottom[c], len(stack))
				}
			}
		}
		if t.open && t.b > t.a {
			stack = append(stack, i)
		}
	}
	for i := range toks {
		if toks[i].kind == tokDelim {
			toks[i].kind = tokLit
		}
	}
	return toks
}

// matchBrackets pairs the brackets and parentheses of in[a:b] (skipping
// backslash escapes) in one pass, so that finding where a link ends is a
// lookup: searching at every "[" would be quadratic in a line of them.
func (s *mdStripper) matchBrackets(a, b int) {
	s.base = a
	s.match = append(s.match[:0], make([]int32, b-a)...)
	var sq, rd []int
	for j := a; j < b; j++ {
		switch s.in[j] {
		case '\\':
			j++
		case '[':
			sq = append(sq, j)
		case '(':
			rd = append(rd, j)
		case ']':
			if n := len(sq); n > 0 {
				s.match[sq[n-1]-a] = int32(j + 1)
				sq = sq[:n-1]
			}
		case ')':
			if n := len(rd); n > 0 {
				s.match[rd[n-1]-a] = int32(j + 1)
				rd = rd[:n-1]
			}
		}
	}
	clear(s.tickFail)
}

// closer returns the index of the bracket closing the one at in[i] if it
// closes before b, else -1.
func (s *mdStripper) closer(i, b int) int {
	if i < s.base || i-s.base >= len(s.match) {
		return -1
	}
	if m := int(s.match[i-s.base]) - 1; m >= 0 && m < b {
		return m
	}
	return -1
}

// linkAt parses a link or image body at in[i] == '[': "[text](dest)",
// "[text][ref]" or "[text][]", and "[^note]" footnote marks. It returns the
// end of the text (the ']'), the end of the whole, and whether it is one.
// A bare "[text]" is left alone: in news copy that is an editor's "[sic]".
func (s *mdStripper) linkAt(i, b int) (textEnd, end int, ok bool) {
	in := s.in
	j := s.closer(i, b)
	if j < 0 {
		return 0, 0, false
	}
	textEnd = j
	if strings.HasPrefix(in[i:], "[^") && j > i+2 {
		return textEnd, j + 1, true
	}
	if j+1 >= b {
		return 0, 0, false
	}
	switch in[j+1] {
	case '(':
		if k := s.closer(j+1, b); k >= 0 {
			return textEnd, k + 1, true
		}
	case '[':
		if k := s.closer(j+1, b); k >= 0 && !strings.Contains(in[j+2:k], "[") {
			return textEnd, k + 1, true
		}
	}
	return 0, 0, false
}

// runLen counts the run of c starting at in[i], up to b.
func runLen(in string, i, b int, c byte) int {
	n := 0
	for i+n < b && in[i+n] == c {
		n++
	}
	return n
}

// findTicks finds a run of exactly n backticks in in[i:b]. A search that
// failed from some offset fails from any later one on the same line, which
// keeps a line of many unmatched tick runs from taking quadratic time.
func (s *mdStripper) findTicks(i, b, n int) int {
	if f, ok := s.tickFail[n]; ok && i >= f {
		return -1
	}
	if j := findTicks(s.in, i, b, n); j >= 0 {
		return j
	}
	if s.tickFail == nil {
		s.tickFail = map[int]int{}
	}
	s.tickFail[n] = i
	return -1
}

// findTicks finds a run of exactly n backticks in in[i:b].
func findTicks(in string, i, b, n int) int {
	for i < b {
		j := strings.IndexByte(in[i:b], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := runLen(in, j, b, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// cleanEntity drops from an entity's character what the decoder would have
// dropped from the file (controls, U+FEFF), so "&#2;" cannot bring back a
// control character.
func cleanEntity(u string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return r
		}
		if r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xFEFF {
			return -1
		}
		return r
	}, u)
}

// isASCIIPunct reports whether c is ASCII punctuation (escapable in
// Markdown).
func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && c > ' ' && c != 0x7F && !('0' <= c && c <= '9') &&
		!('a' <= c && c <= 'z') && !('A' <= c && c <= 'Z')
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isPunct is CommonMark's punctuation for flanking rules.
func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// frontMatter reads a YAML ("---") or TOML ("+++") block at the start of
// text. It returns what the block says about the report and where the body
// starts (0 when there is no block). A block that never closes is not front
// matter, only a document starting with a rule.
func frontMatter(text string) (Meta, int) {
	var meta Meta
	first, rest, ok := strings.Cut(text, "\n")
	fence := strings.TrimRight(first, " \t")
	if !ok || (fence != "---" && fence != "+++") {
		return meta, 0
	}
	pos := len(first) + 1
	var lines []string
	end := -1
	for pos <= len(text) {
		line, _, found := strings.Cut(rest, "\n")
		t := strings.TrimRight(line, " \t")
		if t == fence || (fence == "---" && t == "...") {
			end = pos + len(line)
			if found {
				end++
			}
			break
		}
		lines = append(lines, line)
		if !found {
			break
		}
		pos += len(line) + 1
		rest = rest[len(line)+1:]
	}
	if end < 0 {
		return meta, 0
	}
	values := map[string]string{}
	var listKey string
	for _, line := range lines {
		if listKey != "" {
			if item, ok := strings.CutPrefix(strings.TrimSpace(line), "- "); ok {
				v := unquote(item)
				if values[listKey] != "" {
					v = values[listKey] + ", " + v
				}
				values[listKey] = v
				continue
			}
			listKey = ""
		}
		if line == "" || line[0] == ' ' || line[0] == '\t' || line[0] == '#' {
			continue
		}
		sep := ":"
		if fence == "+++" {
			sep = "="
		}
		k, v, ok := strings.Cut(line, sep)
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		if v == "" {
			listKey = k
			continue
		}
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			var items []string
			for _, it := range strings.Split(v[1:len(v)-1], ",") {
				if it = unquote(it); it != "" {
					items = append(items, it)
				}
			}
			v = strings.Join(items, ", ")
		} else {
			v = unquote(v)
		}
		values[k] = v
	}
	get := func(keys ...string) string {
		for _, k := range keys {
			if v := values[k]; v != "" {
				return v
			}
		}
		return ""
	}
	meta.Title = get("title", "headline")
	meta.Author = get("author", "authors", "byline")
	meta.Published = get("date", "published", "pubdate", "publishdate", "published_at")
	meta.URL = get("url", "link", "canonical_url", "source_url")
	meta.Outlet = get("outlet", "publisher", "source", "site_name", "site")
	if strings.HasPrefix(meta.Outlet, "http://") || strings.HasPrefix(meta.Outlet, "https://") {
		if meta.URL == "" {
			meta.URL = meta.Outlet
		}
		meta.Outlet = get("outlet", "publisher")
	}
	return meta, end
}

// unquote trims a YAML or TOML scalar and its quotes.
func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
		v = v[1 : len(v)-1]
	}
	return strings.TrimSpace(v)
}
