package views

import (
	"image/color"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/compare"
	"parallax/app/sheet"
)

// A cell's claim is drawn by highlight, a small custom widget, because
// widget.RichText can give a span no background colour and its custom
// inline segments do not wrap (DESIGN.md). highlight lays the claim out as
// words ("pieces"), wraps them at word boundaries to the cell's width, and
// draws one canvas.Text per run of same-kind words on a line with a rounded
// rectangle behind a marked run: green for words only this report has,
// amber for words it changed, red and struck through for the reference's
// words it lacks (shown where they would stand); in a claim that rewords
// the reference rather than edits it, a faint tint on the words the two
// share (compare.Shared), the rest plain. A flagged word is
// underlined in the flag colour and followed by the flag's number, which
// the row details and the hover tip explain. A transcript's claim starts
// with its time and speaker in the placeholder colour (cuePieces). Words
// the find box matches are boxed in the find colour (findMarks).
//
// Wrapping is plain arithmetic over word widths measured once (measurer),
// so the list can size every row before it is shown, and a resize re-wraps
// without measuring text again.

// badgeKind marks the piece that draws a flag's number.
const badgeKind compare.Kind = "badge"

// cueKind marks the pieces that say when, and by whom, a transcript's
// claim was said: drawn before the claim in the quiet placeholder colour,
// so the time is there to find the moment in the broadcast without
// competing with the words.
const cueKind compare.Kind = "cue"

// piece is one word of a cell with the space that follows it.
type piece struct {
	text string
	kind compare.Kind
	flag int
	w    float32 // width of text
	// space is the width of the space after the word, 0 when the next
	// piece is glued to it (no space, no line break between them).
	space float32
}

// measurer measures words at the cell text size, once each: fyne.MeasureText
// is not goroutine-safe, so it runs on the UI goroutine and its answers are
// cached for the arithmetic of wrapping. The cached widths hold for one
// text size: a zoom makes a new measurer.
type measurer struct {
	size   float32
	cache  map[string]float32
	spaceW float32
	lineH  float32
	badge  float32 // text size of a flag number
}

// newMeasurer measures at text size size.
func newMeasurer(size float32) *measurer {
	m := &measurer{size: size, cache: make(map[string]float32, 4096), badge: size * 0.72}
	m.spaceW = fyne.MeasureText(" ", size, fyne.TextStyle{}).Width
	m.lineH = fyne.MeasureText("Mg", size, fyne.TextStyle{}).Height + 3
	return m
}

// width is the width of s at the cell text size.
func (m *measurer) width(s string) float32 {
	if w, ok := m.cache[s]; ok {
		return w
	}
	w := fyne.MeasureText(s, m.size, fyne.TextStyle{}).Width
	m.cache[s] = w
	return w
}

// badgeWidth is the width taken by flag number n.
func (m *measurer) badgeWidth(n int) float32 {
	key := "\x00" + strconv.Itoa(n)
	if w, ok := m.cache[key]; ok {
		return w
	}
	w := fyne.MeasureText(strconv.Itoa(n), m.badge, fyne.TextStyle{Bold: true}).Width + 6
	m.cache[key] = w
	return w
}

// pieces cuts a cell's runs into words with their widths. White space
// (line breaks included) separates words; words of neighbouring runs with
// no space between them are glued.
func (m *measurer) pieces(runs []sheet.Run) []piece {
	var out []piece
	for ri, r := range runs {
		text := r.Text
		for len(text) > 0 {
			sp := strings.IndexFunc(text, unicode.IsSpace)
			word := text
			if sp >= 0 {
				word = text[:sp]
			}
			if word != "" {
				out = append(out, piece{text: word, kind: r.Kind, flag: r.Flag, w: m.width(word)})
			}
			if sp < 0 {
				break
			}
			// Skip the white space; it becomes the last piece's space.
			rest := strings.TrimLeftFunc(text[sp:], unicode.IsSpace)
			if n := len(out); n > 0 {
				out[n-1].space = m.spaceW
			}
			text = rest
		}
		// The reference's words (struck through) never touch the words
		// that replace them.
		if (r.Kind == compare.Was || r.Kind == compare.Missing) && len(out) > 0 && out[len(out)-1].space == 0 {
			out[len(out)-1].space = m.spaceW
		}
		// A flag's number follows its last word.
		if r.Flag > 0 && (ri+1 == len(runs) || runs[ri+1].Flag != r.Flag) && len(out) > 0 {
			last := &out[len(out)-1]
			sp := last.space
			last.space = 0
			out = append(out, piece{text: strconv.Itoa(r.Flag), kind: badgeKind, flag: r.Flag, w: m.badgeWidth(r.Flag), space: sp})
		}
	}
	if n := len(out); n > 0 {
		out[n-1].space = 0
	}
	return out
}

// cuePieces are the words that lead a transcript claim's cell: its time
// and, when known, its speaker ("00:12:04 Anna Smith:"); none for a claim
// of another report.
func (m *measurer) cuePieces(time, speaker string) []piece {
	if time == "" {
		return nil
	}
	words := []string{"[" + time + "]"} // as the exports write it
	if f := strings.Fields(speaker); len(f) > 0 {
		f[len(f)-1] += ":"
		words = append(words, f...)
	}
	out := make([]piece, len(words))
	for i, w := range words {
		out[i] = piece{text: w, kind: cueKind, w: m.width(w), space: m.spaceW}
	}
	return out
}

// wrap breaks pieces into lines no wider than width (a word wider than
// the cell gets a line of its own) and returns the index of each line's
// first piece. Glued pieces stay on one line.
func wrap(ps []piece, width float32) []int {
	if len(ps) == 0 {
		return nil
	}
	starts := []int{0}
	x := float32(0)
	for i := 0; i < len(ps); {
		// A glued group: pieces up to one followed by a space.
		j, gw := i, float32(0)
		for ; j < len(ps); j++ {
			gw += ps[j].w
			if ps[j].space > 0 || j+1 == len(ps) {
				j++
				break
			}
		}
		if x > 0 && x+gw > width {
			starts = append(starts, i)
			x = 0
		}
		x += gw + ps[j-1].space
		i = j
	}
	return starts
}

// height is the height of ps wrapped to width.
func (m *measurer) height(ps []piece, width float32) float32 {
	return float32(max(len(wrap(ps, width)), 1)) * m.lineH
}

// highlight draws one cell's claim.
type highlight struct {
	widget.BaseWidget
	m      *measurer
	pieces []piece
	// found marks the pieces the find box matches (nil: none).
	found []bool
	// starts are the first pieces of the lines last laid out, so the hover
	// tip finds the word under the pointer without wrapping again.
	starts []int
	// tip explains flag n in words for the hover tip; may be nil.
	tip   func(n int) string
	popup *widget.PopUp
	// selFrom to selTo are the pieces drawn selected (textsel.go; selFrom
	// -1: none); anchor is the piece a drag began on, -1 between drags;
	// onSelect is told the pieces a drag covers.
	selFrom, selTo int
	anchor         int
	onSelect       func(from, to int)
}

var _ desktop.Hoverable = (*highlight)(nil)

func newHighlight(m *measurer) *highlight {
	h := &highlight{m: m, selFrom: -1, selTo: -1, anchor: -1}
	h.ExtendBaseWidget(h)
	return h
}

// set shows pieces (already measured), found marking those the find box
// matches (may be nil), and redraws.
func (h *highlight) set(ps []piece, found []bool, tip func(int) string) {
	h.pieces, h.found, h.tip = ps, found, tip
	h.hideTip()
	h.Refresh()
}

func (h *highlight) MinSize() fyne.Size {
	h.ExtendBaseWidget(h)
	return fyne.NewSize(40, h.m.height(h.pieces, max(h.Size().Width, 40)))
}

func (h *highlight) CreateRenderer() fyne.WidgetRenderer {
	return &highlightRenderer{h: h}
}

// MouseIn, MouseMoved and MouseOut show the explanation of the flag under
// the pointer, the tooltip Fyne does not have.
func (h *highlight) MouseIn(e *desktop.MouseEvent) { h.MouseMoved(e) }

func (h *highlight) MouseMoved(e *desktop.MouseEvent) {
	n := h.flagAt(e.Position)
	if n == 0 || h.tip == nil {
		h.hideTip()
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(h)
	if c == nil {
		return
	}
	if h.popup == nil {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		h.popup = widget.NewPopUp(container.NewPadded(l), c)
	}
	l := h.popup.Content.(*fyne.Container).Objects[0].(*widget.Label)
	l.SetText(h.tip(n))
	h.popup.Resize(fyne.NewSize(320, l.MinSize().Height))
	h.popup.ShowAtPosition(e.AbsolutePosition.Add(fyne.NewPos(12, 16)))
}

func (h *highlight) MouseOut() { h.hideTip() }

func (h *highlight) hideTip() {
	if h.popup != nil {
		h.popup.Hide()
	}
}

// flagAt is the number of the flag drawn at p, 0 for none.
func (h *highlight) flagAt(p fyne.Position) int {
	starts := h.starts
	line := int(p.Y / h.m.lineH)
	if line < 0 || line >= len(starts) {
		return 0
	}
	end := len(h.pieces)
	if line+1 < len(starts) {
		end = starts[line+1]
	}
	x := float32(0)
	for i := starts[line]; i < end; i++ {
		pc := h.pieces[i]
		if p.X >= x && p.X < x+pc.w+pc.space {
			return pc.flag
		}
		x += pc.w + pc.space
	}
	return 0
}

type highlightRenderer struct {
	h       *highlight
	objects []fyne.CanvasObject
	laid    fyne.Size
	// laidPieces is the slice last laid out, to skip identical layouts.
	laidPieces []piece
}

func (r *highlightRenderer) Destroy() {}

func (r *highlightRenderer) MinSize() fyne.Size { return r.h.MinSize() }

func (r *highlightRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *highlightRenderer) Refresh() {
	r.laidPieces = nil
	r.Layout(r.h.Size())
	canvas.Refresh(r.h)
}

// Layout rebuilds the drawing objects for the current width: per line, one
// text per run of pieces with the same kind and flag, with its background,
// strike-through, underline or number badge.
func (r *highlightRenderer) Layout(size fyne.Size) {
	ps, found := r.h.pieces, r.h.found
	isFound := func(i int) bool { return i < len(found) && found[i] }
	isSel := r.h.isSelected
	if size == r.laid && len(ps) == len(r.laidPieces) && (len(ps) == 0 || &ps[0] == &r.laidPieces[0]) {
		return
	}
	r.laid, r.laidPieces = size, ps
	m := r.h.m
	fg := themeColor(theme.ColorNameForeground)
	dim := themeColor(theme.ColorNamePlaceHolder)
	flagC := themeColor(colorFlag)
	findFill, findEdge := themeColor(colorFind), themeColor(colorFindEdge)
	selFill := themeColor(colorWords)
	objs := r.objects[:0]
	all := wrap(ps, size.Width)
	starts := all
	// A row limited to fewer lines than the claim needs (rowheight.go)
	// shows the lines that fit; the last fades out below.
	cut := false
	if fit := int((size.Height + 0.5) / m.lineH); fit >= 1 && len(all) > fit {
		starts, cut = all[:fit], true
	}
	r.h.starts = starts
	for li, s := range starts {
		end := len(ps)
		if li+1 < len(all) {
			end = all[li+1]
		}
		y := float32(li) * m.lineH
		x := float32(0)
		for i := s; i < end; {
			// Group pieces of one kind and flag, found or not, selected or not.
			j := i + 1
			for j < end && ps[j].kind == ps[i].kind && ps[j].flag == ps[i].flag && ps[i].kind != badgeKind && isFound(j) == isFound(i) && isSel(j) == isSel(i) {
				j++
			}
			var sb strings.Builder
			w := float32(0)
			for k := i; k < j; k++ {
				sb.WriteString(ps[k].text)
				w += ps[k].w
				if k+1 < j && ps[k].space > 0 {
					sb.WriteByte(' ')
					w += ps[k].space
				}
			}
			kind := ps[i].kind
			if isSel(i) {
				// The selection runs on through the space after its
				// last word unless the selection ends there.
				sw := w
				if isSel(j) {
					sw += ps[j-1].space
				}
				sel := canvas.NewRectangle(selFill)
				sel.Move(fyne.NewPos(x-1, y-1))
				sel.Resize(fyne.NewSize(sw+2, m.lineH+1))
				objs = append(objs, sel)
			}
			if kind == badgeKind {
				bg := canvas.NewRectangle(flagC)
				bg.CornerRadius = 3
				bg.Move(fyne.NewPos(x+1, y+2))
				bg.Resize(fyne.NewSize(w-2, m.lineH*0.62))
				t := canvas.NewText(sb.String(), themeColor(theme.ColorNameBackground))
				t.TextSize = m.badge
				t.TextStyle.Bold = true
				t.Alignment = fyne.TextAlignCenter
				t.Move(fyne.NewPos(x+1, y+1))
				t.Resize(fyne.NewSize(w-2, m.lineH*0.62))
				objs = append(objs, bg, t)
			} else {
				if bgName := kindColor(kind); bgName != "" {
					bg := canvas.NewRectangle(themeColor(bgName))
					bg.CornerRadius = 3
					bg.Move(fyne.NewPos(x-1, y))
					bg.Resize(fyne.NewSize(w+2, m.lineH-1))
					objs = append(objs, bg)
				}
				if isFound(i) {
					box := canvas.NewRectangle(findFill)
					box.StrokeColor, box.StrokeWidth = findEdge, 1.5
					box.CornerRadius = 3
					box.Move(fyne.NewPos(x-2, y-1))
					box.Resize(fyne.NewSize(w+4, m.lineH+1))
					objs = append(objs, box)
				}
				col := fg
				if struck(kind) || kind == cueKind {
					col = dim
				}
				t := canvas.NewText(sb.String(), col)
				t.TextSize = m.size
				t.Move(fyne.NewPos(x, y))
				t.Resize(fyne.NewSize(w, m.lineH-3))
				objs = append(objs, t)
				if struck(kind) {
					line := canvas.NewRectangle(dim)
					line.Move(fyne.NewPos(x, y+m.lineH*0.52))
					line.Resize(fyne.NewSize(w, 1))
					objs = append(objs, line)
				}
				if ps[i].flag > 0 {
					ul := canvas.NewRectangle(flagC)
					ul.Move(fyne.NewPos(x, y+m.lineH-3))
					ul.Resize(fyne.NewSize(w, 2))
					objs = append(objs, ul)
				}
			}
			x += w + ps[j-1].space
			i = j
		}
	}
	if cut {
		fade := canvas.NewVerticalGradient(color.Transparent, themeColor(theme.ColorNameBackground))
		y := float32(len(starts)-1) * m.lineH
		fade.Move(fyne.NewPos(-2, y))
		fade.Resize(fyne.NewSize(size.Width+4, m.lineH))
		more := canvas.NewText("…", fg)
		more.TextSize = m.size
		more.TextStyle.Bold = true
		more.Move(fyne.NewPos(size.Width-m.width("…")-2, y))
		objs = append(objs, fade, more)
	}
	// Drop references to objects of a longer earlier layout.
	clear(objs[len(objs):cap(objs)])
	r.objects = objs
}

// kindColor is the background colour of a kind of run ("" for none).
func kindColor(k compare.Kind) fyne.ThemeColorName {
	switch k {
	case compare.Added:
		return colorAdded
	case compare.Missing, compare.Was:
		return colorMissing
	case compare.Changed:
		return colorChanged
	case compare.Shared:
		return colorShared
	}
	return ""
}
