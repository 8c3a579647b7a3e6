package views

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app/sheet"
	"parallax/app/workspace"
)

// Sizes of the comparison grid.
const (
	gutterWidth = 64  // status bar, row number, strength, verdict, note and manual marks
	minColumn   = 190 // narrower columns scroll sideways instead
	cellPad     = 6   // padding inside a cell
	// rewrapDelay lets a window resize settle before rows are re-wrapped:
	// the list keeps its old heights while the edge is dragged.
	rewrapDelay = 80 * time.Millisecond
)

// grid is the comparison's rows: column headers, one list row per sheet
// row the filter keeps (a gutter, then a cell per shown report), the
// overview strip beside them, the selected row and the find hits.
//
// On the UI goroutine it only measures words (cached), wraps them into
// row heights and hands widget.List a new, pre-sized list whenever the rows
// or the column width change (DESIGN.md: heights set on a list on screen
// refresh it once per call). It reads the sheet and the editor's
// arrangement (filter, column order, shown reports) from the view and
// tells it through onSelect when the editor picks a row, and through
// onColumnMenu when a header's menu is asked for.
type grid struct {
	v    *comparisonView
	meas *measurer

	visible []int // rows shown, indices into s.Rows
	cols    []int // shown documents in column order
	pieces  [][][]piece
	heights []float32
	offsets []float32
	widths  []float32 // of the shown columns (columnWidths)
	width   float32   // width the rows were wrapped for
	sel     int       // position in visible of the selected row, -1 for none
	words   wordSel   // the words selected in a cell (textsel.go)
	hits    []int     // find hits, positions in visible
	hit     int
	findQ   string  // the find query, folded, whose words the cells mark
	zoom    float32 // the cells' text size, as a share of the theme's

	// folds are the runs of single-source rows folded to one line.
	folds folds
	// whole shows every row's cells whole (rowheight.go).
	whole bool

	rewrap *time.Timer
	// rewrapDelay debounces re-wrapping; tests set it to 0.
	rewrapDelay time.Duration

	onSelect     func(p int)
	onColumnMenu func(d int, at fyne.CanvasObject)

	header     *fyne.Container
	edges      *fyne.Container // grips on the headers' edges (columns.go)
	guides     *fyne.Container // the line a dragged edge draws
	guide      *canvas.Rectangle
	rowsHolder *fyne.Container
	list       *rowList
	ring       *canvas.Rectangle // marks the rows' focus (cursor.go)
	hscroll    *container.Scroll
	ov         *overview
	message    *widget.Label
}

func newGrid(v *comparisonView) *grid {
	return &grid{v: v, sel: -1, words: noWords, rewrapDelay: rewrapDelay, folds: folds{open: map[string]bool{}},
		whole: v.m.app.Preferences().Bool(prefWholeRows)}
}

// build makes the grid's widgets: headers and rows scrolling sideways
// together, the overview beside them.
func (g *grid) build() fyne.CanvasObject {
	g.loadZoom()
	g.meas = newMeasurer(g.textSize())
	g.header = container.New(&gridLayout{g: g})
	g.edges = container.New(&edgesLayout{g: g})
	g.message = widget.NewLabel("")
	g.message.Alignment = fyne.TextAlignCenter
	g.rowsHolder = container.NewStack(container.NewCenter(g.message))
	g.hscroll = container.NewHScroll(container.NewStack(
		container.NewBorder(container.NewStack(g.header, g.edges), nil, nil, nil, g.rowsHolder), g.newGuides()))
	g.ov = newOverview(g.jump)
	g.ring = newRing()
	return container.New(&watchLayout{onWidth: g.onWidth}, container.NewBorder(nil, nil, nil, container.NewPadded(g.ov), container.NewStack(g.hscroll, g.ring)))
}

// say shows a message where the rows would be (aligning, failed).
func (g *grid) say(msg string) {
	g.message.SetText(msg)
	g.rowsHolder.Objects = []fyne.CanvasObject{container.NewCenter(g.message)}
	g.rowsHolder.Refresh()
	g.header.Objects = nil
	g.header.Refresh()
}

// clear forgets the rows of a comparison that is gone.
func (g *grid) clear() {
	g.list = nil
	g.sel = -1
	g.words = noWords
	g.rowsHolder.Objects = nil
	g.rowsHolder.Refresh()
}

// reset forgets the measured words of the sheet shown before.
func (g *grid) reset(s *sheet.Sheet) {
	g.pieces = make([][][]piece, len(s.Rows))
	g.sel = -1
	g.words = noWords
}

// selected is the sheet row selected, -1 for none.
func (g *grid) selected() int {
	if g.sel < 0 || g.sel >= len(g.visible) || g.folds.at[g.sel] != nil {
		return -1
	}
	return g.visible[g.sel]
}

// redrawSelected redraws the selected row's gutter and the overview from
// the sheet (a verdict or note changed).
func (g *grid) redrawSelected() {
	if g.list != nil && g.sel >= 0 {
		g.list.RefreshItem(g.sel)
	}
	g.ov.Refresh()
}

// onWidth re-wraps the rows once the width has settled.
func (g *grid) onWidth(w float32) {
	if g.v.s == nil || abs32(w-g.width) < 1 {
		return
	}
	g.v.m.debounce(&g.rewrap, g.rewrapDelay, func() {
		if g.v.s != nil && abs32(g.availWidth()-g.width) >= 1 {
			g.rebuild()
		}
	})
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// availWidth is the width the columns share.
func (g *grid) availWidth() float32 {
	return g.hscroll.Size().Width
}

// rebuild recomputes the rows shown, their wrapped heights for the
// current width, and swaps in a new list sized before it is shown.
func (g *grid) rebuild() {
	v := g.v
	s := v.s
	top := g.topRow()
	g.visible = g.folds.apply(s, v.filter, s.Visible(v.filter, v.shown))
	g.cols = g.cols[:0]
	for _, d := range v.order {
		if v.shown[d] {
			g.cols = append(g.cols, d)
		}
	}
	g.width = g.availWidth()
	avail := g.width - gutterWidth
	if avail <= 0 {
		avail = float32(len(g.cols)) * minColumn // not laid out yet
	}
	g.widths = g.columnWidths(avail)
	g.heights, g.offsets = g.layRows(g.visible, g.widths)

	g.buildHeader()
	list, old := newRowList(g), g.list
	for i, h := range g.heights {
		list.SetItemHeight(i, h)
	}
	g.list = list
	if len(g.visible) == 0 {
		g.message.SetText(g.emptyMessage())
		g.rowsHolder.Objects = []fyne.CanvasObject{container.NewCenter(g.message)}
	} else {
		g.rowsHolder.Objects = []fyne.CanvasObject{list}
	}
	g.rowsHolder.Refresh()
	g.keepFocus(old)
	g.ov.set(s, g.visible, g.cols)
	g.ov.mark(g.sel)
	if g.sel >= 0 && g.sel < len(g.visible) {
		list.Select(g.sel)
		list.ScrollToOffset(max(g.offsets[g.sel]-g.rowsHolder.Size().Height/4, 0))
	} else if top > 0 {
		if p := sort.SearchInts(g.visible, top); p < len(g.visible) {
			list.ScrollToOffset(g.offsets[p])
		}
	}
}

// emptyMessage says why no row is shown.
func (g *grid) emptyMessage() string {
	v := g.v
	if v.filter.Kind == sheet.All {
		return "No claims in the shown columns."
	}
	return fmt.Sprintf("No rows are “%s”. Choose All rows (Ctrl+1) to see every row.", v.filter.Label(v.s))
}

// layRows measures and wraps every shown row in the shown columns, widths
// wide: its height (lineHeight) and its offset from the top of the list.
func (g *grid) layRows(visible []int, widths []float32) (heights, offsets []float32) {
	heights = make([]float32, len(visible))
	offsets = make([]float32, len(visible))
	sep := theme.Padding()
	y := float32(0)
	for p, ri := range visible {
		heights[p] = g.lineHeight(p, ri, widths)
		offsets[p] = y
		y += heights[p] + sep
	}
	return heights, offsets
}

// cellPieces returns the measured words of row ri's cell of report d
// (nil for an empty cell), measuring them the first time.
func (g *grid) cellPieces(ri, d int) []piece {
	s := g.v.s
	if g.pieces[ri] == nil {
		g.pieces[ri] = make([][]piece, len(s.C.Docs))
	}
	cell := &s.Rows[ri].Cells[d]
	if cell.Empty() {
		return nil
	}
	if g.pieces[ri][d] == nil {
		g.pieces[ri][d] = append(g.meas.cuePieces(cell.Time, cell.Speaker), g.meas.pieces(cell.Runs)...)
	}
	return g.pieces[ri][d]
}

// topRow is the sheet row at the top of the list, -1 when none.
func (g *grid) topRow() int {
	if g.list == nil || len(g.visible) == 0 {
		return -1
	}
	return g.visible[g.topPos()]
}

// topPos is the position in visible of the row at the top of the list.
func (g *grid) topPos() int {
	if g.list == nil || len(g.offsets) == 0 {
		return 0
	}
	return g.rowAt(g.list.GetScrollOffset())
}

// scrollTo puts row p of the visible rows at the top.
func (g *grid) scrollTo(p int) {
	if g.list != nil && p > 0 && p < len(g.visible) {
		g.list.ScrollToOffset(g.offsets[p])
	}
}

// createRow is a list row: the gutter, then one cell per shown column,
// under the frame that marks the selected row; or, in their place, a
// folded run's line.
func (g *grid) createRow() fyne.CanvasObject {
	objs := []fyne.CanvasObject{newGutter()}
	for range g.cols {
		c := newCell(g.meas)
		c.onTap = g.tapCell
		c.onMenu = g.showCellMenu
		c.onWords = g.selectWords
		objs = append(objs, c)
	}
	return container.NewStack(container.New(&gridLayout{g: g}, objs...), newFrame(), newFoldLine())
}

// updateRow shows row p of the visible rows.
func (g *grid) updateRow(p widget.ListItemID, o fyne.CanvasObject) {
	if p < 0 || p >= len(g.visible) {
		return
	}
	s := g.v.s
	ri := g.visible[p]
	row := &s.Rows[ri]
	framed := o.(*fyne.Container)
	g.markRow(p, framed.Objects[1].(*canvas.Rectangle))
	if g.showFold(p, framed) {
		return
	}
	c := framed.Objects[0].(*fyne.Container)
	c.Objects[0].(*gutter).set(ri+1, row)
	tip := g.v.info.flagTip(ri)
	for i, d := range g.cols {
		if i+1 >= len(c.Objects) {
			break
		}
		ps := g.cellPieces(ri, d)
		c.Objects[i+1].(*cell).text.showSelected(g.words.in(ri, d))
		c.Objects[i+1].(*cell).set(p, d, ps, findMarks(ps, g.findQ), row.Cells[d].Ref, g.v.colour[d], tip)
	}
}

// picked is the list's selection: row p of the visible rows.
func (g *grid) picked(p widget.ListItemID) {
	old := g.sel
	g.sel = p
	if g.words.ok() && (p < 0 || p >= len(g.visible) || g.visible[p] != g.words.ri) {
		g.clearWords()
	}
	g.relayLines(old, p)
	g.ov.mark(p)
	g.onSelect(p)
}

// jump selects row p of the visible rows and scrolls it into view a
// quarter of the way down, so the rows before it give context.
func (g *grid) jump(p int) {
	if g.list == nil || p < 0 || p >= len(g.visible) {
		return
	}
	g.list.ScrollToOffset(max(g.offsets[p]-g.rowsHolder.Size().Height/4, 0))
	g.list.Select(p)
}

// next moves to the next (dir 1) or previous (dir -1) row want accepts,
// or says there is none. The rows of folded runs count: the run holding
// the row found unfolds, so Alt+U never skips an unreviewed claim because
// it sits in a fold.
func (g *grid) next(dir int, want func(*sheet.Row) bool, what string) {
	if g.v.s == nil {
		return
	}
	from := g.sel
	if from < 0 {
		from = g.topPos() - 1
		if dir < 0 {
			from = g.topPos()
		}
	}
	rows, q := g.unfolded(from, dir)
	q = g.v.s.Next(rows, q, dir, want)
	if q < 0 {
		where := "below"
		if dir < 0 {
			where = "above"
		}
		g.v.m.status.set(fmt.Sprintf("No %s %s.", what, where))
		return
	}
	g.jumpToRow(rows[q])
}

// unfolded lists the sheet rows the grid shows with its folded runs
// opened, and where a search from position p of the visible rows in
// direction dir starts in that list: a folded run's line searches its own
// rows first.
func (g *grid) unfolded(p, dir int) (rows []int, from int) {
	from = -1
	rows = make([]int, 0, len(g.visible))
	for i, ri := range g.visible {
		f := g.folds.at[i]
		if i == p {
			from = len(rows)
			if f != nil && dir > 0 {
				from--
			}
		}
		if f != nil {
			rows = append(rows, f.Rows...)
		} else {
			rows = append(rows, ri)
		}
	}
	if p >= len(g.visible) {
		from = len(rows)
	}
	return rows, from
}

// jumpToRow selects sheet row ri; the view unfolds its run, or shows
// every row first if the filter hides it.
func (g *grid) jumpToRow(ri int) {
	if p := slices.Index(g.visible, ri); (p < 0 || g.folds.at[p] != nil) && !g.unfoldRow(ri) {
		g.v.showAll() // rebuilds the rows
		g.unfoldRow(ri)
	}
	g.jump(slices.Index(g.visible, ri))
}

// find marks the rows holding q, and its words in their cells, and
// returns how many rows there are.
func (g *grid) find(q string) int {
	g.peekFind(q)
	g.hits = g.v.s.Find(g.visible, q)
	g.hit = -1
	if fq := sheet.FindQuery(q); fq != g.findQ {
		g.findQ = fq
		if g.list != nil {
			g.list.Refresh()
		}
	}
	return len(g.hits)
}

// findNext goes to the next (dir 1) or previous find hit and returns its
// number and the number of hits (0, 0 for none).
func (g *grid) findNext(dir int) (n, of int) {
	if len(g.hits) == 0 {
		return 0, 0
	}
	g.hit = (g.hit + dir + len(g.hits)) % len(g.hits)
	if g.hit < 0 {
		g.hit = 0
	}
	g.jump(g.hits[g.hit])
	return g.hit + 1, len(g.hits)
}

// rowSnippet is the start of a row's first claim, in column order.
func (g *grid) rowSnippet(ri int) string {
	s := g.v.s
	for _, d := range g.v.order {
		if c := s.Rows[ri].Cells[d]; !c.Empty() {
			return workspace.Shorten(oneLine(s.C.Docs[d].ClaimText(c.Claim)), 70)
		}
	}
	return ""
}

// buildHeader makes one header per shown column: the report's colour,
// outlet, title and date, a base mark, and a menu of column actions.
func (g *grid) buildHeader() {
	v := g.v
	objs := []fyne.CanvasObject{layout.NewSpacer()}
	for _, d := range g.cols {
		r := v.reports[d]
		bar := canvas.NewRectangle(reportColor(v.colour[d]))
		bar.SetMinSize(fyne.NewSize(10, 5))
		name := widget.NewLabel(v.s.C.Docs[d].Label())
		if v.isBase(d) {
			name.SetText("★ " + name.Text + " (base)")
		}
		name.TextStyle.Bold = true
		name.Truncation = fyne.TextTruncateEllipsis
		title := workspace.Title(r)
		if title == v.s.C.Docs[d].Label() {
			title = ""
		}
		meta := newNote(strings.Join(nonEmpty(title, shortDate(r.Published), fmt.Sprintf("%d claims", len(v.s.C.Docs[d].Claims))), " · ")).truncate()
		var menu *widget.Button
		menu = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), func() { g.onColumnMenu(d, menu) })
		menu.Importance = widget.LowImportance
		top := container.NewBorder(nil, nil, nil, menu, container.New(nameMetaLayout{}, name, meta.RichText))
		objs = append(objs, container.NewVBox(bar, container.New(layout.NewCustomPaddedLayout(-theme.Padding(), -theme.Padding(), 0, 0), top)))
	}
	g.header.Objects = objs
	g.header.Refresh()
	g.buildEdges()
}

// nonEmpty drops empty strings.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// gridLayout places a row's (or the header's) gutter and cells in the
// grid's column widths.
type gridLayout struct{ g *grid }

func (l *gridLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.g.colX(max(len(objs)-1, 0)), h)
}

func (l *gridLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, o := range objs {
		w := l.g.colWidth(i - 1)
		if i == 0 {
			w = gutterWidth
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w
	}
}

// watchLayout lays out one object full size and reports width changes.
type watchLayout struct {
	onWidth func(float32)
}

func (w *watchLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (w *watchLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
	w.onWidth(size.Width)
}
