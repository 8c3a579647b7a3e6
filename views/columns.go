package views

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Column widths. A column is as wide as the editor dragged it (the width
// is saved with the comparison, by report); the columns never dragged
// share what is left, each at least minColumn.
const (
	// minDragged is the narrowest a column can be dragged: a few words.
	minDragged = 100
	// edgeGrip is the width of the header's grip on a column's edge.
	edgeGrip = 9
)

// columnWidths lays the shown columns out in avail units of width.
func (g *grid) columnWidths(avail float32) []float32 {
	v := g.v
	ws := make([]float32, len(g.cols))
	fixed, flex := float32(0), 0
	for i, d := range g.cols {
		if w := v.saved.Widths[v.reports[d].ID]; w > 0 {
			ws[i] = max(float32(w), minDragged)
			fixed += ws[i]
		} else {
			flex++
		}
	}
	if flex > 0 {
		each := max((avail-fixed)/float32(flex), minColumn)
		for i := range ws {
			if ws[i] == 0 {
				ws[i] = each
			}
		}
	}
	return ws
}

// colWidth is the width of shown column i.
func (g *grid) colWidth(i int) float32 {
	if i < 0 || i >= len(g.widths) {
		return minColumn
	}
	return g.widths[i]
}

// colX is where shown column i starts, from the left of the gutter.
func (g *grid) colX(i int) float32 {
	x := float32(gutterWidth)
	for k := range i {
		x += g.colWidth(k)
	}
	return x
}

// setWidth remembers the width the editor dragged shown column i to and
// wraps the rows again at it.
func (g *grid) setWidth(i int, w float32) {
	v := g.v
	if i < 0 || i >= len(g.cols) {
		return
	}
	if v.saved.Widths == nil {
		v.saved.Widths = map[int64]float64{}
	}
	v.saved.Widths[v.reports[g.cols[i]].ID] = math.Round(float64(max(w, minDragged)))
	v.save.schedule()
	g.rebuild()
}

// resetWidth gives report d's column back its share of the width.
func (g *grid) resetWidth(d int) {
	v := g.v
	delete(v.saved.Widths, v.reports[d].ID)
	v.save.schedule()
	g.rebuild()
}

// buildEdges puts a grip on the right edge of every column header.
func (g *grid) buildEdges() {
	objs := make([]fyne.CanvasObject, len(g.cols))
	for i := range g.cols {
		objs[i] = newColEdge(g, i)
	}
	g.edges.Objects = objs
	g.edges.Refresh()
}

// showGuide draws the line where column i's right edge will be once the
// drag ends, across the headers and the rows; x < 0 hides it.
func (g *grid) showGuide(x float32) {
	if x < 0 {
		g.guide.Hide()
		return
	}
	g.guide.FillColor = themeColor(theme.ColorNamePrimary)
	g.guide.Move(fyne.NewPos(x-1, 0))
	g.guide.Resize(fyne.NewSize(2, g.guides.Size().Height))
	g.guide.Show()
	g.guide.Refresh()
}

// newGuides is the layer that holds the drag guide over the grid.
func (g *grid) newGuides() *fyne.Container {
	g.guide = canvas.NewRectangle(color.Transparent)
	g.guide.Hide()
	g.guides = container.NewWithoutLayout(g.guide)
	return g.guides
}

// edgesLayout puts each column's grip on its right edge.
type edgesLayout struct{ g *grid }

func (l *edgesLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.Size{} }

func (l *edgesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for i, o := range objs {
		o.Move(fyne.NewPos(l.g.colX(i+1)-edgeGrip/2, 0))
		o.Resize(fyne.NewSize(edgeGrip, size.Height))
	}
}

// colEdge is the grip on a column header's right edge: drag it to make the
// column wider or narrower (the rows are wrapped again when the drag
// ends, not on every pixel), double-click it for the default width.
type colEdge struct {
	widget.BaseWidget
	g    *grid
	i    int // shown column
	line *canvas.Rectangle
	hot  bool
	// dx is how far the edge has been dragged.
	dx float32
}

var (
	_ fyne.Draggable      = (*colEdge)(nil)
	_ fyne.DoubleTappable = (*colEdge)(nil)
	_ desktop.Cursorable  = (*colEdge)(nil)
	_ desktop.Hoverable   = (*colEdge)(nil)
)

func newColEdge(g *grid, i int) *colEdge {
	e := &colEdge{g: g, i: i, line: canvas.NewRectangle(color.Transparent)}
	e.ExtendBaseWidget(e)
	return e
}

// width is the column's width with the drag so far.
func (e *colEdge) width() float32 { return max(e.g.colWidth(e.i)+e.dx, minDragged) }

func (e *colEdge) Dragged(ev *fyne.DragEvent) {
	e.dx += ev.Dragged.DX
	e.g.showGuide(e.g.colX(e.i) + e.width())
}

func (e *colEdge) DragEnd() {
	w := e.width()
	e.dx = 0
	e.g.showGuide(-1)
	if math.Abs(float64(w-e.g.colWidth(e.i))) >= 1 {
		e.g.setWidth(e.i, w)
	}
}

func (e *colEdge) DoubleTapped(*fyne.PointEvent) {
	if e.i < len(e.g.cols) {
		e.g.resetWidth(e.g.cols[e.i])
	}
}

func (e *colEdge) Cursor() desktop.Cursor { return desktop.HResizeCursor }

func (e *colEdge) MouseIn(*desktop.MouseEvent) { e.hot = true; e.Refresh() }

func (e *colEdge) MouseMoved(*desktop.MouseEvent) {}

func (e *colEdge) MouseOut() { e.hot = false; e.Refresh() }

func (e *colEdge) CreateRenderer() fyne.WidgetRenderer { return &colEdgeRenderer{e: e} }

type colEdgeRenderer struct{ e *colEdge }

func (r *colEdgeRenderer) Destroy() {}

func (r *colEdgeRenderer) MinSize() fyne.Size { return fyne.NewSize(edgeGrip, 1) }

func (r *colEdgeRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.e.line} }

// Layout draws the edge as a thin divider, thicker under the pointer.
func (r *colEdgeRenderer) Layout(size fyne.Size) {
	w := float32(1)
	if r.e.hot {
		w = 3
	}
	r.e.line.Move(fyne.NewPos((size.Width-w)/2, 4))
	r.e.line.Resize(fyne.NewSize(w, size.Height-8))
}

func (r *colEdgeRenderer) Refresh() {
	r.e.line.FillColor = themeColor(theme.ColorNameSeparator)
	if r.e.hot {
		r.e.line.FillColor = themeColor(theme.ColorNamePrimary)
	}
	r.Layout(r.e.Size())
	r.e.line.Refresh()
}
