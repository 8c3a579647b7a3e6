package views

import "fyne.io/fyne/v2"

// The window opens within the screen it starts on, never larger: at
// 1280×800 on a 1366×768 laptop (the most common screen) its bottom, with
// the status line and the last rows, was off screen. screenArea (a file
// per driver) tells the work area of the primary screen where the driver
// can; the window then fills it, or keeps the size the editor left it at
// when that still fits.

// fallbackWindow is the first size when the screen cannot be told (the
// headless test driver, a platform without the query): it fits a
// 1366×768 screen less a desktop's panel and a title bar.
var fallbackWindow = fyne.NewSize(1280, 700)

// largestFirstWindow caps the first size on a large screen: a window the
// size of a 4K screen is not what an editor expects on first start.
var largestFirstWindow = fyne.NewSize(1920, 1200)

// titleBar is the height a window manager's title bar may add above the
// content on a desktop (one with panels), which the size asked for leaves out.
const titleBar = 40

// windowSize is the size to open at: the remembered one (zero: none) or
// the screen's work area, in either case no larger than the work area.
// known says whether the work area could be told; desktop whether the
// screen has panels (so a window manager adds a title bar).
func windowSize(remembered, area fyne.Size, known, desktop bool) fyne.Size {
	if !known {
		if remembered.Width > 0 && remembered.Height > 0 {
			return remembered
		}
		return fallbackWindow
	}
	if desktop {
		area.Height -= titleBar
	}
	want := remembered
	if want.Width <= 0 || want.Height <= 0 {
		want = area.Min(largestFirstWindow)
	}
	return want.Min(area)
}

// placeWindow sizes the window for the screen it starts on.
func (m *Main) placeWindow() {
	prefs := m.app.Preferences()
	remembered := fyne.NewSize(float32(prefs.Float(prefWindowWidth)), float32(prefs.Float(prefWindowHeight)))
	area, desktop, known := screenArea()
	m.win.Resize(windowSize(remembered, area, known, desktop))
}
