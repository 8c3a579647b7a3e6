package export

import (
	"strings"
	"unicode"

	"parallax/app/compare"
)

// The PDF is laid out in two steps: this file places text on pages as a
// plain list of drawing operations (ops), measuring words with the embedded
// font's metrics; pdf.go then replays the ops through fpdf. The ops are
// what a golden test compares, as text a reviewer can read, and the page
// count is known before the footers ("Page 3 of 9") are drawn.

// pt is a typographic point in millimetres, the unit of the layout.
const pt = 25.4 / 72

// face is one of the embedded font's faces.
type face uint8

const (
	regular face = iota
	bold
	italic
)

// fpdfStyle is the face's style string in fpdf's SetFont.
func (f face) fpdfStyle() string { return [...]string{"", "B", "I"}[f] }

// rgb is a colour.
type rgb [3]uint8

// style is how a span of text is drawn; mark adds the highlight of a word
// difference (compare.Kind), as the window draws it.
type style struct {
	face  face
	size  float64 // points
	color rgb
	mark  compare.Kind
}

// span is a stretch of text in one style.
type span struct {
	text string
	st   style
}

// opKind is what an op draws.
type opKind uint8

const (
	opText opKind = iota // text at (x, y), y its baseline
	opFill               // a filled rectangle (x, y, w, h)
	opLine               // a line from (x, y) to (x+w, y+h), size its width
)

// op is one drawing operation, in millimetres from the page's top left.
type op struct {
	kind       opKind
	x, y, w, h float64
	face       face
	size       float64
	color      rgb
	text       string
}

// line is one laid-out line: its height and its ops, their y measured from
// the line's top.
type line struct {
	h   float64
	ops []op
}

// measureFunc returns the width in millimetres of s in face at size points.
type measureFunc func(f face, size float64, s string) float64

// paper is a page size and the margins of the text on it, in millimetres.
type paper struct {
	name                     string
	w, h                     float64
	left, right, top, bottom float64
}

// flow places lines on pages from top to bottom, starting a new page when
// the next line does not fit.
type flow struct {
	paper   paper
	measure measureFunc
	pages   [][]op
	y       float64
}

func newFlow(p paper, measure measureFunc) *flow {
	f := &flow{paper: p, measure: measure}
	f.newPage()
	return f
}

func (f *flow) newPage() {
	f.pages = append(f.pages, nil)
	f.y = f.paper.top
}

// left and width are the text column's left edge and width.
func (f *flow) left() float64  { return f.paper.left }
func (f *flow) width() float64 { return f.paper.w - f.paper.left - f.paper.right }

// space leaves h millimetres of space, none at the top of a page.
func (f *flow) space(h float64) {
	if f.y > f.paper.top {
		f.y += h
	}
}

// add places lines one below the other. With keep, lines that fit on one
// page are not split across two: they start a new page when they do not
// fit on this one (a row, a report's entry, a heading with what follows).
func (f *flow) add(keep bool, lines ...line) {
	bottom := f.paper.h - f.paper.bottom
	total := 0.0
	for _, l := range lines {
		total += l.h
	}
	if keep && f.y+total > bottom && total <= bottom-f.paper.top && f.y > f.paper.top {
		f.newPage()
	}
	for _, l := range lines {
		if f.y+l.h > bottom && f.y > f.paper.top {
			f.newPage()
		}
		page := &f.pages[len(f.pages)-1]
		for _, o := range l.ops {
			o.y += f.y
			*page = append(*page, o)
		}
		f.y += l.h
	}
}

// lineHeight is the height of a line of text at size points.
func lineHeight(size float64) float64 { return size * pt * 1.35 }

// word is a stretch of text between spaces, in one or more styles (a word
// can be half changed: "15" added, "," not).
type word struct {
	parts []span
	space bool // a space separates it from the word before
}

// words splits spans at white space.
func words(spans []span) []word {
	var out []word
	space := false
	for k, s := range spans {
		// The words a change replaced stand apart from the words that
		// replaced them, as the window shows them.
		if k > 0 && spans[k-1].st.mark == compare.Was && s.st.mark == compare.Changed {
			space = true
		}
		rest := s.text
		for rest != "" {
			i := strings.IndexFunc(rest, unicode.IsSpace)
			if i == 0 {
				space = true
				rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
				continue
			}
			if i < 0 {
				i = len(rest)
			}
			part := span{rest[:i], s.st}
			if n := len(out); n > 0 && !space {
				out[n-1].parts = append(out[n-1].parts, part)
			} else {
				out = append(out, word{[]span{part}, space && n > 0})
			}
			space = false
			rest = rest[i:]
		}
	}
	return out
}

// wrap lays spans out in lines from x to the right margin, breaking at
// spaces, and a word wider than the column between its letters.
func (f *flow) wrap(x float64, spans ...span) []line {
	width := f.left() + f.width() - x
	var lines []line
	var cur []span // the current line's text, spaces included
	used := 0.0
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, f.lineOf(x, cur))
		}
		cur, used = nil, 0
	}
	for _, w := range words(spans) {
		ww := 0.0
		for _, p := range w.parts {
			ww += f.measure(p.st.face, p.st.size, p.text)
		}
		gap := span{" ", w.parts[0].st}
		if n := len(cur); n > 0 && cur[n-1].st != gap.st {
			gap.st.mark = compare.Same // a highlight does not reach past its words
		}
		gw := f.measure(gap.st.face, gap.st.size, " ")
		if len(cur) > 0 && used+gw+ww > width {
			flush()
		}
		if len(cur) > 0 && w.space {
			cur = append(cur, gap)
			used += gw
		}
		if ww <= width {
			cur = append(cur, w.parts...)
			used += ww
			continue
		}
		for _, p := range w.parts {
			for _, r := range p.text {
				rw := f.measure(p.st.face, p.st.size, string(r))
				if used+rw > width && len(cur) > 0 {
					flush()
				}
				cur = append(cur, span{string(r), p.st})
				used += rw
			}
		}
	}
	flush()
	return lines
}

// Highlights, as the window draws them (views/theme.go's light colours,
// blended on white): added words on green, the reference's missing or
// replaced words on red and struck through in the flag colour, the words
// that replaced them on amber, the words a reworded claim shares with its
// reference on a faint slate.
var markFill = map[compare.Kind]rgb{
	compare.Added:   {194, 229, 204},
	compare.Missing: {248, 209, 210},
	compare.Was:     {248, 209, 210},
	compare.Changed: {247, 222, 173},
	compare.Shared:  {233, 237, 243},
}

// lineOf draws one line of spans from x: runs of one style become one text
// op, with the highlight's fill behind and strike line through them.
func (f *flow) lineOf(x float64, spans []span) line {
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && merged[n-1].st == s.st {
			merged[n-1].text += s.text
			continue
		}
		merged = append(merged, s)
	}
	size := 0.0
	for _, s := range merged {
		size = max(size, s.st.size)
	}
	l := line{h: lineHeight(size)}
	base := size * pt * 1.02
	for _, s := range merged {
		w := f.measure(s.st.face, s.st.size, s.text)
		em := s.st.size * pt
		if fill, ok := markFill[s.st.mark]; ok {
			l.ops = append(l.ops, op{kind: opFill, x: x - 0.3, y: base - 0.9*em, w: w + 0.6, h: 1.15 * em, color: fill})
		}
		if strings.TrimSpace(s.text) != "" {
			l.ops = append(l.ops, op{kind: opText, x: x, y: base, face: s.st.face, size: s.st.size, color: s.st.color, text: s.text})
		}
		if s.st.mark == compare.Missing || s.st.mark == compare.Was {
			l.ops = append(l.ops, op{kind: opLine, x: x, y: base - 0.3*em, w: w, size: 0.25, color: flagRed})
		}
		x += w
	}
	return l
}

// fit cuts s to fit width in st, ending it with an ellipsis when cut.
func (f *flow) fit(s string, st style, width float64) string {
	if f.measure(st.face, st.size, s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && f.measure(st.face, st.size, string(r)+"…") > width {
		r = r[:len(r)-1]
	}
	return strings.TrimSpace(string(r)) + "…"
}

// bullet lays spans out from x behind a bullet in st, the lines after the
// first hanging under the text rather than under the bullet.
func (f *flow) bullet(x float64, st style, spans ...span) []line {
	lines := f.wrap(x+f.measure(st.face, st.size, "• "), spans...)
	if len(lines) > 0 {
		lines[0].ops = append(f.lineOf(x, []span{{"•", st}}).ops, lines[0].ops...)
	}
	return lines
}
