//go:build !ci && !wasm && !js && !android && !ios && !mobile

package views

import (
	"math"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenArea is the work area of the primary screen (the screen less the
// desktop's panels) in Fyne's units, whether panels take part of it, and
// whether it could be told. Fyne does not expose the monitor, so this asks
// GLFW, which Fyne's desktop driver has initialised by the time a window
// exists; like every GLFW query it must run on the main goroutine, as New
// does. The scale is worked out as Fyne's driver does (screen density
// against 120 DPI, times FYNE_SCALE or the user's setting).
func screenArea() (area fyne.Size, desktop, ok bool) {
	mon := glfw.GetPrimaryMonitor()
	if mon == nil {
		return fyne.Size{}, false, false
	}
	mode := mon.GetVideoMode()
	_, _, w, h := mon.GetWorkarea()
	if mode == nil || w <= 0 || h <= 0 {
		return fyne.Size{}, false, false
	}
	scale := detectedScale(mon, mode.Width) * userScale()
	scale = float32(math.Round(float64(scale*10))) / 10
	if scale <= 0 {
		scale = 1
	}
	return fyne.NewSize(float32(w)/scale, float32(h)/scale), w < mode.Width || h < mode.Height, true
}

// detectedScale is the screen's density against Fyne's baseline of 120 DPI,
// never below 1.
func detectedScale(mon *glfw.Monitor, widthPx int) float32 {
	mm, _ := mon.GetPhysicalSize()
	dpi := float32(120)
	if mm > 0 {
		if d := float32(widthPx) / (float32(mm) / 25.4); d >= 10 && d <= 1000 {
			dpi = d
		}
	}
	return max(dpi/120, 1)
}

// userScale is FYNE_SCALE, else the user's Fyne setting, else 1.
func userScale() float32 {
	if v, err := strconv.ParseFloat(os.Getenv("FYNE_SCALE"), 32); err == nil && v > 0 {
		return float32(v)
	}
	if s := fyne.CurrentApp().Settings().Scale(); s > 0 {
		return s
	}
	return 1
}
