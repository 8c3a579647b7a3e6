package views

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/sheet"
)

// gutter shows a row's status as a coloured bar in the style of its
// match's strength (strength.go), its number, the strength in a word when
// the match is not the same claim, and the editor's work on it: a verdict
// chip, a note mark and a manual-fix mark.
type gutter struct {
	widget.BaseWidget
	bar      *rowBar
	num      *canvas.Text
	chip     *verdictChip
	marks    *canvas.Text
	word     *canvas.Text
	status   compare.Status
	strength compare.Strength
	verdict  app.Verdict
}

func newGutter() *gutter {
	g := &gutter{bar: newRowBar(), num: canvas.NewText("", color.Black),
		chip: newVerdictChip(), marks: canvas.NewText("", color.Black), word: canvas.NewText("", color.Black)}
	g.num.TextSize = theme.CaptionTextSize()
	g.num.Alignment = fyne.TextAlignTrailing
	g.marks.TextSize = theme.CaptionTextSize()
	g.word.TextSize = theme.CaptionTextSize() * 0.85
	g.word.TextStyle.Italic = true
	g.ExtendBaseWidget(g)
	return g
}

// set shows sheet row n-1.
func (g *gutter) set(n int, row *sheet.Row) {
	g.num.Text = fmt.Sprint(n)
	g.status = row.Status
	g.strength = row.Strength
	g.word.Text = strengthWord(row.Strength)
	g.verdict = row.Verdict
	g.marks.Text = ""
	if row.Notes > 0 {
		g.marks.Text = "✎"
	}
	if row.Manual {
		g.marks.Text += "M"
	}
	g.Refresh()
}

func (g *gutter) CreateRenderer() fyne.WidgetRenderer {
	return &gutterRenderer{g: g}
}

type gutterRenderer struct{ g *gutter }

func (r *gutterRenderer) Destroy() {}
func (r *gutterRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth, r.g.num.MinSize().Height)
}
func (r *gutterRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.g.bar, r.g.num, r.g.chip, r.g.marks, r.g.word}
}
func (r *gutterRenderer) Layout(size fyne.Size) {
	g := r.g
	g.bar.Move(fyne.NewPos(2, 2))
	g.bar.Resize(fyne.NewSize(6, size.Height-4))
	// Line one: the marks, then the number at the right; line two: the
	// strength's word, then the verdict chip at the right.
	g.num.Move(fyne.NewPos(8, cellPad))
	g.num.Resize(fyne.NewSize(gutterWidth-12, g.num.MinSize().Height))
	g.marks.Move(fyne.NewPos(12, cellPad))
	g.marks.Resize(g.marks.MinSize())
	y := cellPad + g.num.MinSize().Height + 2
	g.chip.Move(fyne.NewPos(gutterWidth-4-g.chip.MinSize().Width, y))
	g.chip.Resize(g.chip.MinSize())
	g.word.Move(fyne.NewPos(11, y))
	g.word.Resize(g.word.MinSize())
}
func (r *gutterRenderer) Refresh() {
	g := r.g
	g.bar.set(themeColor(statusColorName(g.status)), g.strength)
	g.num.Color = themeColor(theme.ColorNamePlaceHolder)
	g.word.Color = themeColor(theme.ColorNamePlaceHolder)
	g.marks.Color = themeColor(theme.ColorNamePrimary)
	g.chip.set(g.verdict)
	r.Layout(g.Size())
	canvas.Refresh(g)
}

// cell is one report's claim in a row: a faint edge in the report's
// colour, a tint for the row's reference claim, and the highlighted text.
// An empty cell (the report does not state the claim) draws nothing. A
// click asks onTap to select the row, a right-click asks onMenu for the
// cell's menu (cellmenu.go), a drag over the words tells onWords which
// are selected (textsel.go).
type cell struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	edge *canvas.Rectangle
	text *highlight
	ref  bool
	col  int
	// empty: no claim
	empty bool
	// pos and doc are the cell's row (position in the visible rows) and
	// report, for onTap, onMenu and onWords.
	pos, doc int
	onTap    func(pos int)
	onMenu   func(pos, doc int, at fyne.Position)
	onWords  func(pos, doc, from, to int)
}

// A cell takes the click itself: the list row under it would get none,
// since the pointer finds the deepest object that takes a click or a
// right-click.
var (
	_ fyne.Tappable          = (*cell)(nil)
	_ fyne.SecondaryTappable = (*cell)(nil)
)

func newCell(m *measurer) *cell {
	c := &cell{bg: canvas.NewRectangle(color.Transparent), edge: canvas.NewRectangle(color.Transparent), text: newHighlight(m)}
	c.text.onSelect = func(from, to int) {
		if c.onWords != nil {
			c.onWords(c.pos, c.doc, from, to)
		}
	}
	c.ExtendBaseWidget(c)
	return c
}

// set shows the cell of report doc in row pos: its measured words, the
// words the find box matches, whether it is the row's reference claim.
func (c *cell) set(pos, doc int, ps []piece, found []bool, ref bool, colour int, tip func(int) string) {
	c.pos, c.doc = pos, doc
	c.ref, c.col, c.empty = ref, colour, ps == nil
	c.text.set(ps, found, tip)
	c.Refresh()
}

// Tapped selects the cell's row.
func (c *cell) Tapped(*fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(c.pos)
	}
}

// TappedSecondary opens the cell's menu where it was right-clicked.
func (c *cell) TappedSecondary(e *fyne.PointEvent) {
	if c.onMenu != nil {
		c.onMenu(c.pos, c.doc, e.AbsolutePosition)
	}
}

func (c *cell) CreateRenderer() fyne.WidgetRenderer { return &cellRenderer{c: c} }

type cellRenderer struct{ c *cell }

func (r *cellRenderer) Destroy() {}
func (r *cellRenderer) MinSize() fyne.Size {
	return fyne.NewSize(minColumn, r.c.text.m.lineH+2*cellPad)
}
func (r *cellRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.bg, r.c.edge, r.c.text}
}
func (r *cellRenderer) Layout(size fyne.Size) {
	r.c.bg.Move(fyne.NewPos(1, 0))
	r.c.bg.Resize(fyne.NewSize(size.Width-2, size.Height))
	r.c.edge.Move(fyne.NewPos(1, 0))
	r.c.edge.Resize(fyne.NewSize(3, size.Height))
	r.c.text.Move(fyne.NewPos(cellPad+4, cellPad))
	r.c.text.Resize(fyne.NewSize(size.Width-2*cellPad-4, size.Height-2*cellPad))
}
func (r *cellRenderer) Refresh() {
	c := r.c
	switch {
	case c.empty:
		c.bg.FillColor = color.Transparent
		c.edge.FillColor = color.Transparent
	case c.ref:
		c.bg.FillColor = themeColor(colorRefCell)
		c.edge.FillColor = reportColor(c.col)
	default:
		c.bg.FillColor = color.Transparent
		c.edge.FillColor = reportColor(c.col)
	}
	r.Layout(c.Size())
	c.bg.Refresh()
	c.edge.Refresh()
}
