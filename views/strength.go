package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"parallax/app/compare"
)

// A row shows how far its match can be trusted (compare.Strength) at a
// glance, in the gutter: the status bar is solid for the same claim,
// hollow for claims only related, and dashed for a weak match, which also
// says "weak" under the row number; the details say it in words. A weak
// match must not look like a fact.

// strengthWord is the gutter's word for a strength: none for the same
// claim (the usual case needs no mark) or a claim alone.
func strengthWord(s compare.Strength) string {
	switch s {
	case compare.StrengthWeak:
		return "weak"
	case compare.StrengthRelated:
		return "related"
	}
	return ""
}

// Dashes of a weak match's bar.
const (
	dashOn  = 5
	dashOff = 4
)

// rowBar is a row's status colour drawn in the style of its strength.
type rowBar struct {
	widget.BaseWidget
	fill     color.Color
	strength compare.Strength
}

func newRowBar() *rowBar {
	b := &rowBar{fill: color.Transparent, strength: compare.StrengthSame}
	b.ExtendBaseWidget(b)
	return b
}

// set shows colour c in strength s's style.
func (b *rowBar) set(c color.Color, s compare.Strength) {
	b.fill, b.strength = c, s
	b.Refresh()
}

func (b *rowBar) MinSize() fyne.Size { return fyne.NewSize(6, 16) }

func (b *rowBar) CreateRenderer() fyne.WidgetRenderer { return &rowBarRenderer{b: b} }

type rowBarRenderer struct {
	b       *rowBar
	objects []fyne.CanvasObject
}

func (r *rowBarRenderer) Destroy()                     {}
func (r *rowBarRenderer) MinSize() fyne.Size           { return r.b.MinSize() }
func (r *rowBarRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *rowBarRenderer) Refresh() {
	r.Layout(r.b.Size())
	canvas.Refresh(r.b)
}

// Layout draws the bar: one rectangle, an outline, or dashes.
func (r *rowBarRenderer) Layout(size fyne.Size) {
	b := r.b
	r.objects = r.objects[:0]
	switch b.strength {
	case compare.StrengthRelated:
		o := canvas.NewRectangle(color.Transparent)
		o.StrokeColor = b.fill
		o.StrokeWidth = 1.5
		o.Resize(size)
		r.objects = append(r.objects, o)
	case compare.StrengthWeak:
		for y := float32(0); y < size.Height; y += dashOn + dashOff {
			d := canvas.NewRectangle(b.fill)
			d.Move(fyne.NewPos(0, y))
			d.Resize(fyne.NewSize(size.Width, min(dashOn, size.Height-y)))
			r.objects = append(r.objects, d)
		}
	default:
		s := canvas.NewRectangle(b.fill)
		s.Resize(size)
		r.objects = append(r.objects, s)
	}
}
