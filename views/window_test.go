package views

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestWindowSize(t *testing.T) {
	laptop := fyne.NewSize(1366, 768)
	withPanel := fyne.NewSize(1366, 736)
	for _, tc := range []struct {
		name           string
		remembered     fyne.Size
		area           fyne.Size
		known, desktop bool
		want           fyne.Size
	}{
		{"first start, no screen known", fyne.Size{}, fyne.Size{}, false, false, fallbackWindow},
		{"remembered, no screen known", fyne.NewSize(900, 600), fyne.Size{}, false, false, fyne.NewSize(900, 600)},
		{"first start on a bare laptop screen fills it", fyne.Size{}, laptop, true, false, laptop},
		{"first start on a desktop leaves the title bar", fyne.Size{}, withPanel, true, true, fyne.NewSize(1366, 736-titleBar)},
		{"first start on a large screen is capped", fyne.Size{}, fyne.NewSize(3840, 2160), true, true, largestFirstWindow},
		{"remembered and fits", fyne.NewSize(1000, 650), laptop, true, false, fyne.NewSize(1000, 650)},
		{"remembered from a larger screen is clamped", fyne.NewSize(1900, 1050), withPanel, true, true, fyne.NewSize(1366, 736-titleBar)},
	} {
		if got := windowSize(tc.remembered, tc.area, tc.known, tc.desktop); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestWindowFitsALaptop: the window's content never asks for more than a
// 1366×768 screen less a panel and a title bar, with a comparison open,
// or the window would grow past the screen whatever size it is given.
func TestWindowFitsALaptop(t *testing.T) {
	m := compared(t, seeded(t))
	var min fyne.Size
	ui(func() { min = m.win.Content().MinSize() })
	if min.Width > fallbackWindow.Width || min.Height > fallbackWindow.Height {
		t.Errorf("the window's content needs at least %v, more than %v", min, fallbackWindow)
	}
}
