//go:build ignore

// icon_gen draws Parallax's application icon, assets/icon.png: three
// overlapping rounded pages in distinct colours (three sources of one story)
// with lines of "text" at the same heights on every page and one bright line
// running straight across all three (the same claim, seen from each source).
//
// Run from the module root:
//
//	go run assets/icon_gen.go
//
// It uses only the standard library. Shapes are signed distance functions
// evaluated per pixel and anti-aliased by clamping the distance to one pixel,
// so the edges are crisp at 512 px and survive downscaling to 32 px.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

const size = 512

// rgba is a premultiplied colour in [0,1], composited with "over".
type rgba struct{ r, g, b, a float64 }

func hex(v uint32, alpha float64) rgba {
	r := float64(v>>16&0xff) / 255
	g := float64(v>>8&0xff) / 255
	b := float64(v&0xff) / 255
	return rgba{r * alpha, g * alpha, b * alpha, alpha}
}

// over paints src (with extra coverage cov) over dst.
func over(dst rgba, src rgba, cov float64) rgba {
	if cov <= 0 {
		return dst
	}
	s := rgba{src.r * cov, src.g * cov, src.b * cov, src.a * cov}
	k := 1 - s.a
	return rgba{s.r + dst.r*k, s.g + dst.g*k, s.b + dst.b*k, s.a + dst.a*k}
}

// roundRect is the signed distance from (px,py) to a rectangle with corner
// radius rad: negative inside, positive outside, in pixels.
func roundRect(px, py, x0, y0, x1, y1, rad float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	bx, by := (x1-x0)/2-rad, (y1-y0)/2-rad
	qx, qy := math.Abs(px-cx)-bx, math.Abs(py-cy)-by
	out := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	in := math.Min(math.Max(qx, qy), 0)
	return out + in - rad
}

// aa turns a signed distance into pixel coverage.
func aa(d float64) float64 { return math.Max(0, math.Min(1, 0.5-d)) }

// soft turns a signed distance into a blurred coverage for shadows.
func soft(d, blur float64) float64 {
	t := math.Max(0, math.Min(1, 0.5-d/(2*blur)))
	return t * t * (3 - 2*t)
}

type page struct {
	x0, y0, x1, y1 float64
	fill           rgba
	// lines are the right ends of this page's text lines, one per row;
	// 0 leaves the row blank. Left ends are the page's margin.
	lines []float64
}

func main() {
	const (
		w, h   = 214.0, 318.0 // page size
		rad    = 30.0         // page corner radius
		dx, dy = 105.0, 26.0  // offset from one page to the next
		left   = 44.0         // left edge of the back page
		top    = 70.0         // top edge of the front page
		margin = 26.0         // text margin inside a page
		lineH  = 14.0         // text line thickness
		claimH = 24.0         // the shared claim's thickness
	)
	// Rows of text, at the same heights on every page.
	rows := []float64{200, 244, 288, 332}
	claimY := 154.0

	pages := make([]page, 3)
	fills := []uint32{0x4657C9, 0x14A08F, 0xEE6A37} // indigo, teal, coral
	for i := range pages {
		x0 := left + float64(i)*dx
		y0 := top + float64(2-i)*dy
		pages[i] = page{x0: x0, y0: y0, x1: x0 + w, y1: y0 + h, fill: hex(fills[i], 1)}
	}
	// The front page is the only one whose right end shows, so its lines
	// have ragged ends like real text; the others run under the next page.
	pages[0].lines = []float64{1, 1, 1, 1}
	pages[1].lines = []float64{1, 1, 1, 1}
	pages[2].lines = []float64{pages[2].x1 - margin, pages[2].x1 - margin - 40, pages[2].x1 - margin, pages[2].x1 - margin - 78}

	ink := hex(0xFFFFFF, 0.55)
	claim := hex(0xFFFFFF, 1)
	shadow := hex(0x101828, 0.30)
	claimShadow := hex(0x101828, 0.22)

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			var c rgba
			for i, p := range pages {
				// Each page casts a soft shadow down and to the left onto
				// what is behind it, which separates overlapping pages.
				c = over(c, shadow, soft(roundRect(px+5, py-7, p.x0, p.y0, p.x1, p.y1, rad), 7))
				c = over(c, p.fill, aa(roundRect(px, py, p.x0, p.y0, p.x1, p.y1, rad)))
				for j, ry := range rows {
					end := p.lines[j]
					if end == 0 {
						continue
					}
					if end == 1 {
						end = p.x1 + lineH // hidden under the next page
						if i == len(pages)-1 {
							end = p.x1 - margin
						}
					}
					d := roundRect(px, py, p.x0+margin, ry-lineH/2, end, ry+lineH/2, lineH/2)
					c = over(c, ink, aa(d))
				}
			}
			// The shared claim: one bright bar across every page.
			x0 := pages[0].x0 + margin
			x1 := pages[2].x1 - margin
			c = over(c, claimShadow, soft(roundRect(px, py-4, x0, claimY-claimH/2, x1, claimY+claimH/2, claimH/2), 4))
			c = over(c, claim, aa(roundRect(px, py, x0, claimY-claimH/2, x1, claimY+claimH/2, claimH/2)))
			// A dot where the claim meets each page's left edge marks the
			// source it was found in.
			for _, p := range pages {
				cx := p.x0 + margin + claimH/2
				d := math.Hypot(px-cx, py-claimY) - claimH*0.26
				c = over(c, p.fill, aa(d))
			}
			img.SetNRGBA(x, y, toNRGBA(c))
		}
	}

	out := filepath.Join("assets", "icon.png")
	if _, err := os.Stat("assets"); err != nil {
		out = "icon.png" // run from inside assets/
	}
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func toNRGBA(c rgba) color.NRGBA {
	if c.a <= 0 {
		return color.NRGBA{}
	}
	q := func(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }
	return color.NRGBA{q(c.r / c.a), q(c.g / c.a), q(c.b / c.a), q(c.a)}
}
