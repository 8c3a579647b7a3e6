package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"parallax/app/compare"
	"parallax/app/nouns"
)

// An editor quotes a report: dragging across a claim's words selects them
// and Ctrl+C copies them as the report has them, the struck-through words
// of the base and the flag numbers left out. A selection is words, not
// characters, because the cells are laid out as words (highlight.go) and a
// fact-checker quotes words; Copy claim gives the whole claim. The grid
// keeps the one selection by sheet row and report, so it survives the
// list recycling its row widgets; a click anywhere in the rows clears it.

// wordSel is the words selected in one cell: pieces from to to, inclusive,
// of report doc's claim in sheet row ri. ri is -1 when none are.
type wordSel struct {
	ri, doc  int
	from, to int
}

var noWords = wordSel{ri: -1}

func (w wordSel) ok() bool { return w.ri >= 0 }

// in is the selected range in report d's cell of sheet row ri, (-1, -1)
// when the selection is elsewhere.
func (w wordSel) in(ri, d int) (from, to int) {
	if w.ri != ri || w.doc != d {
		return -1, -1
	}
	return w.from, w.to
}

var (
	_ fyne.Draggable     = (*highlight)(nil)
	_ desktop.Cursorable = (*highlight)(nil)
)

// Cursor is the text cursor: the words can be selected.
func (h *highlight) Cursor() desktop.Cursor { return desktop.TextCursor }

// Dragged selects the words from where the drag began to the pointer.
func (h *highlight) Dragged(e *fyne.DragEvent) {
	if len(h.pieces) == 0 || len(h.starts) == 0 {
		return
	}
	if h.anchor < 0 {
		// The first event's delta runs from the press.
		h.anchor = h.pieceAt(e.Position.Subtract(e.Dragged))
	}
	at := h.pieceAt(e.Position)
	if h.onSelect != nil {
		h.onSelect(min(h.anchor, at), max(h.anchor, at))
	}
}

// DragEnd ends the selection; the words stay selected.
func (h *highlight) DragEnd() { h.anchor = -1 }

// showSelected draws pieces from to to as selected (from > to: none). The
// caller refreshes.
func (h *highlight) showSelected(from, to int) { h.selFrom, h.selTo = from, to }

// isSelected is whether piece i is drawn selected.
func (h *highlight) isSelected(i int) bool { return i >= h.selFrom && i <= h.selTo && h.selFrom >= 0 }

// pieceAt is the piece at p, or on p's line the nearest: the line's first
// before its start, its last after its end; above the first line or below
// the last, the line nearest.
func (h *highlight) pieceAt(p fyne.Position) int {
	line := min(max(int(p.Y/h.m.lineH), 0), len(h.starts)-1)
	end := len(h.pieces)
	if line+1 < len(h.starts) {
		end = h.starts[line+1]
	}
	x := float32(0)
	for i := h.starts[line]; i < end; i++ {
		pc := h.pieces[i]
		if p.X < x+pc.w+pc.space {
			return i
		}
		x += pc.w + pc.space
	}
	return end - 1
}

// struck is whether a kind of piece is the base's words this claim lacks,
// drawn struck through: not the report's text.
func struck(k compare.Kind) bool { return k == compare.Missing || k == compare.Was }

// wordsText is the text of pieces from to to as the report has them: the
// words apart from flag numbers and struck-through words, a space where
// the claim has one.
func wordsText(ps []piece, from, to int) (text string, words int) {
	var sb strings.Builder
	space := false
	for _, pc := range ps[from : to+1] {
		if pc.kind != badgeKind && !struck(pc.kind) {
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(pc.text)
			words++
			space = false
		}
		space = space || pc.space > 0
	}
	return sb.String(), words
}

// selectWords is a drag in report d's cell of row p of the visible rows
// over pieces from to to: the row is selected, as a click would, and the
// words are.
func (g *grid) selectWords(p, d, from, to int) {
	if g.list == nil || p < 0 || p >= len(g.visible) {
		return
	}
	if g.sel != p {
		g.list.Select(p)
	}
	g.words = wordSel{ri: g.visible[p], doc: d, from: from, to: to}
	g.list.RefreshItem(p)
	g.focus()
}

// clearWords forgets the selected words and redraws their cell.
func (g *grid) clearWords() {
	old := g.words
	g.words = noWords
	if !old.ok() || g.list == nil {
		return
	}
	for p, ri := range g.visible {
		if ri == old.ri {
			g.list.RefreshItem(p)
		}
	}
}

// tapCell is a click on a cell of row p: the row is selected and the rows
// take the keys, as a click beside the text does, and a selection of words
// is cleared.
func (g *grid) tapCell(p int) {
	if g.list == nil || p < 0 || p >= len(g.visible) {
		return
	}
	g.clearWords()
	g.focus()
	g.list.Select(p)
}

// selectedWords is the text of the words selected, "" for none.
func (g *grid) selectedWords() (text string, words int) {
	w := g.words
	if !w.ok() || w.ri >= len(g.pieces) {
		return "", 0
	}
	ps := g.cellPieces(w.ri, w.doc)
	if w.to >= len(ps) {
		return "", 0
	}
	return wordsText(ps, w.from, w.to)
}

// copySelection is Ctrl+C in the rows: the words selected in a claim, or
// else the selected row.
func (v *comparisonView) copySelection() {
	text, n := v.grid.selectedWords()
	if text == "" {
		v.copyRow()
		return
	}
	v.m.app.Clipboard().SetContent(text)
	v.m.status.set(fmt.Sprintf("Copied %s of %s’s claim in row %d.", nouns.Count(n, "word"), v.s.C.Docs[v.grid.words.doc].Label(), v.grid.words.ri+1))
}
