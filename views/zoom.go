package views

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2/theme"
)

// zoomSteps are the text sizes of the cells Ctrl+= and Ctrl+- step
// through, as shares of the theme's text size: small steps near 100 %,
// where an editor fine-tunes, larger ones beyond.
var zoomSteps = []float32{0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6, 1.8, 2}

// Only the cells' text zooms: it is what the editor reads for hours, and
// growing the toolbar and panels with it would take the room the rows
// need (Fyne's FYNE_SCALE scales the whole window for those who want it).

// loadZoom reads the remembered text size, snapped to a step.
func (g *grid) loadZoom() {
	z := float32(g.v.m.app.Preferences().FloatWithFallback(prefZoom, 1))
	g.zoom = zoomSteps[nearestZoom(z)]
}

// nearestZoom is the index of the step closest to z.
func nearestZoom(z float32) int {
	best := 0
	for i, s := range zoomSteps {
		if math.Abs(float64(s-z)) < math.Abs(float64(zoomSteps[best]-z)) {
			best = i
		}
	}
	return best
}

// textSize is the cells' text size at the current zoom.
func (g *grid) textSize() float32 { return theme.TextSize() * g.zoom }

// zoomBy makes the cells' text a step larger (1), smaller (-1) or the
// theme's size again (0), remembers it, and wraps the rows again with
// every word measured afresh at the new size.
func (v *comparisonView) zoomBy(step int) {
	g := v.grid
	i := slices.Index(zoomSteps, 1)
	if step != 0 {
		i = min(max(nearestZoom(g.zoom)+step, 0), len(zoomSteps)-1)
	}
	pct := fmt.Sprintf("Text size %.0f %%", zoomSteps[i]*100)
	switch {
	case zoomSteps[i] == g.zoom && step == 0:
		v.m.status.set(pct + ".")
		return
	case zoomSteps[i] == g.zoom:
		v.m.status.set(pct + ": as far as it goes.")
		return
	}
	g.zoom = zoomSteps[i]
	v.m.app.Preferences().SetFloat(prefZoom, float64(g.zoom))
	g.meas = newMeasurer(g.textSize())
	v.m.status.set(pct + "; Ctrl+0 goes back to 100 %.")
	if v.s == nil {
		return
	}
	g.pieces = make([][][]piece, len(v.s.Rows))
	g.rebuild()
}
