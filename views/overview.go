package views

import (
	"image"
	"image/color"
	"image/draw"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/sheet"
)

// overview is the strip beside the rows: one cell per row and shown
// report, in the status colour of the row where the report states the
// row's claim and empty where it does not, so an editor sees at a glance
// where the differences cluster and which report is alone; a last, narrow
// column shows the rows' verdicts, so the editor sees how far the review
// has got and where the disputed rows are. A click or a
// drag jumps to the row under the pointer; a bar marks the selected row.
//
// It is drawn as one raster image, not a rectangle per cell: twelve
// reports of 2,000 words are over 10,000 cells.
type overview struct {
	widget.BaseWidget
	s       *sheet.Sheet
	visible []int // rows shown, indices into s.Rows
	cols    []int // reports shown, in column order
	current int   // position in visible of the selected row, -1 for none
	onJump  func(pos int)
}

func newOverview(onJump func(pos int)) *overview {
	o := &overview{current: -1, onJump: onJump}
	o.ExtendBaseWidget(o)
	return o
}

// set shows the rows and columns the view shows.
func (o *overview) set(s *sheet.Sheet, visible, cols []int) {
	o.s, o.visible, o.cols = s, visible, cols
	o.Refresh()
}

// select marks the selected row.
func (o *overview) mark(pos int) {
	if o.current != pos {
		o.current = pos
		o.Refresh()
	}
}

// overviewWidth is the strip's width for n columns: wide enough to tell
// the reports apart, never wider than a narrow column.
func overviewWidth(n int) float32 { return float32(min(max(n*9, 24), 108) + verdictStrip) }

// verdictStrip is the room the verdict column adds to the strip.
const verdictStrip = 5

func (o *overview) MinSize() fyne.Size {
	o.ExtendBaseWidget(o)
	return fyne.NewSize(overviewWidth(len(o.cols)), 40)
}

func (o *overview) Tapped(e *fyne.PointEvent) { o.jumpTo(e.Position.Y) }

func (o *overview) Dragged(e *fyne.DragEvent) { o.jumpTo(e.Position.Y) }

func (o *overview) DragEnd() {}

// jumpTo jumps to the row drawn at height y.
func (o *overview) jumpTo(y float32) {
	n := len(o.visible)
	if n == 0 || o.onJump == nil {
		return
	}
	pos := int(y / o.Size().Height * float32(n))
	o.onJump(min(max(pos, 0), n-1))
}

func (o *overview) CreateRenderer() fyne.WidgetRenderer {
	r := &overviewRenderer{o: o}
	r.raster = canvas.NewRaster(r.draw)
	r.raster.ScaleMode = canvas.ImageScalePixels
	r.marker = canvas.NewRectangle(color.Transparent)
	r.marker.StrokeWidth = 2
	r.border = canvas.NewRectangle(color.Transparent)
	r.border.StrokeWidth = 1
	return r
}

type overviewRenderer struct {
	o      *overview
	raster *canvas.Raster
	marker *canvas.Rectangle
	border *canvas.Rectangle
}

func (r *overviewRenderer) Destroy() {}

func (r *overviewRenderer) MinSize() fyne.Size { return r.o.MinSize() }

func (r *overviewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.raster, r.border, r.marker}
}

func (r *overviewRenderer) Layout(size fyne.Size) {
	r.raster.Resize(size)
	r.border.Resize(size)
	r.placeMarker(size)
}

func (r *overviewRenderer) placeMarker(size fyne.Size) {
	n := len(r.o.visible)
	if r.o.current < 0 || n == 0 {
		r.marker.Hide()
		return
	}
	y := float32(r.o.current) / float32(n) * size.Height
	h := max(size.Height/float32(n), 4)
	r.marker.Move(fyne.NewPos(-1, y-1))
	r.marker.Resize(fyne.NewSize(size.Width+2, h+2))
	r.marker.Show()
}

func (r *overviewRenderer) Refresh() {
	r.marker.StrokeColor = themeColor(theme.ColorNameForeground)
	r.border.StrokeColor = themeColor(theme.ColorNameSeparator)
	r.placeMarker(r.o.Size())
	r.raster.Refresh()
	r.marker.Refresh()
	r.border.Refresh()
}

// draw paints the strip at w×h pixels: row p fills the pixel rows from
// p·h/n to (p+1)·h/n, so every row shows however many there are (a row
// thinner than a pixel shares it with its neighbours; the last drawn wins).
func (r *overviewRenderer) draw(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	o := r.o
	n, nc := len(o.visible), len(o.cols)
	if n == 0 || nc == 0 || w == 0 || h == 0 {
		return img
	}
	bg := toNRGBA(themeColor(theme.ColorNameInputBackground))
	draw.Draw(img, img.Bounds(), &image.Uniform{C: bg}, image.Point{}, draw.Src)
	// The verdict column's share of the width: the raster is drawn in
	// device pixels, which may be more than layout units.
	vw := max(w*verdictStrip/int(overviewWidth(nc)), 2)
	w -= vw
	for p, ri := range o.visible {
		row := &o.s.Rows[ri]
		y0, y1 := p*h/n, (p+1)*h/n
		if y1 == y0 {
			y1 = y0 + 1
		}
		if v := row.Verdict.Or(); v != app.Unreviewed {
			vc := toNRGBA(themeColor(verdictColorName(v)))
			for y := y0; y < y1 && y < h; y++ {
				for x := w + 1; x < w+vw; x++ {
					img.SetNRGBA(x, y, vc)
				}
			}
		}
		c := toNRGBA(themeColor(statusColorName(row.Status)))
		for ci, d := range o.cols {
			if row.Cells[d].Empty() {
				continue
			}
			x0, x1 := ci*w/nc, (ci+1)*w/nc
			if x1-x0 > 2 {
				x1-- // a hairline between columns
			}
			for y := y0; y < y1 && y < h; y++ {
				for x := x0; x < x1; x++ {
					img.SetNRGBA(x, y, c)
				}
			}
		}
	}
	return img
}

// toNRGBA converts any colour to non-premultiplied RGBA.
func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}
