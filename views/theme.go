package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"parallax/app/compare"
)

// Theme modes the editor can choose (View > Theme); stored in preferences.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
	prefTheme   = "theme"
)

// appTheme is Fyne's default theme with the variant optionally pinned to
// light or dark, so the editor can override the system setting, and with
// Parallax's own named colours (report, status and highlight colours) in
// both variants.
type appTheme struct {
	mode string
}

var _ fyne.Theme = (*appTheme)(nil)

// variant is the variant to draw in: the pinned one, else the system's.
func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if c, ok := paletteColor(n, v == theme.VariantDark); ok {
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }
func (t *appTheme) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }

// Parallax's named colours. Widgets ask the theme for them by name, so a
// theme switch recolours everything through the usual refresh.
const (
	colorAdded   fyne.ThemeColorName = "parallax-added"
	colorMissing fyne.ThemeColorName = "parallax-missing"
	colorChanged fyne.ThemeColorName = "parallax-changed"
	colorShared  fyne.ThemeColorName = "parallax-shared"
	colorFlag    fyne.ThemeColorName = "parallax-flag"
	colorRefCell fyne.ThemeColorName = "parallax-ref"
	colorAgree   fyne.ThemeColorName = "parallax-agree"
	colorDiffer  fyne.ThemeColorName = "parallax-differ"
	colorSingle  fyne.ThemeColorName = "parallax-single"
	colorFlagged fyne.ThemeColorName = "parallax-flagged"
	// colorFind fills, and colorFindEdge outlines, the words the find box
	// matches: blue, which no difference colour uses.
	colorFind     fyne.ThemeColorName = "parallax-find"
	colorFindEdge fyne.ThemeColorName = "parallax-find-edge"
	// colorWords fills the words selected in a claim (textsel.go): a
	// stronger blue than the selected row's, so it shows on that row.
	colorWords fyne.ThemeColorName = "parallax-words"
)

// palette holds each named colour as {light, dark}. Highlight backgrounds
// are translucent so text keeps the theme's foreground colour and contrast;
// status colours are strong enough to read as a 6-pixel bar.
var palette = map[fyne.ThemeColorName][2]color.NRGBA{
	colorAdded:   {{0x2d, 0xa4, 0x4e, 0x4a}, {0x3f, 0xb9, 0x50, 0x5c}},
	colorMissing: {{0xe5, 0x48, 0x4d, 0x40}, {0xf8, 0x51, 0x49, 0x55}},
	colorChanged: {{0xe8, 0xa3, 0x17, 0x5a}, {0xd2, 0x99, 0x22, 0x6a}},
	// A faint slate tint: the words a reworded claim shares with the
	// reference are a reading aid, not a difference, so they stay quieter
	// than every difference colour.
	colorShared:   {{0x5a, 0x6e, 0x88, 0x2c}, {0xa8, 0xbc, 0xd8, 0x34}},
	colorFlag:     {{0xc6, 0x28, 0x28, 0xff}, {0xff, 0x6b, 0x6b, 0xff}},
	colorRefCell:  {{0x40, 0x70, 0xc0, 0x12}, {0x60, 0x90, 0xe0, 0x1c}},
	colorAgree:    {{0x3f, 0x9b, 0x4d, 0xff}, {0x4c, 0xb8, 0x5c, 0xff}},
	colorDiffer:   {{0xe0, 0x98, 0x1b, 0xff}, {0xe8, 0xa8, 0x3a, 0xff}},
	colorSingle:   {{0x7b, 0x68, 0xc8, 0xff}, {0x9d, 0x8c, 0xe8, 0xff}},
	colorFlagged:  {{0xd0, 0x3a, 0x3a, 0xff}, {0xff, 0x5f, 0x5f, 0xff}},
	colorFind:     {{0x1a, 0x73, 0xe8, 0x38}, {0x4d, 0xa3, 0xff, 0x40}},
	colorFindEdge: {{0x1a, 0x73, 0xe8, 0xff}, {0x6c, 0xb6, 0xff, 0xff}},
	colorWords:    {{0x3d, 0x7b, 0xd9, 0x80}, {0x5a, 0x9b, 0xf0, 0x90}},
	// Fyne's focus colour (a 16 % tint) is hard to see on a button or a
	// chooser reached with Tab; a stronger one marks the focused control.
	theme.ColorNameFocus: {{0x00, 0x6c, 0xff, 0x66}, {0x3d, 0x9b, 0xff, 0x70}},
	// Fyne draws an unticked box and an entry's edge in the input border
	// colour, which is 0xe3 on white and 0x39 on near-black by default: a
	// tick box a newcomer cannot find, above all in the dark theme. These
	// reach 3:1 against the background (WCAG's floor for controls).
	theme.ColorNameInputBorder: {{0x8a, 0x8a, 0x8f, 0xff}, {0x7a, 0x7a, 0x80, 0xff}},
}

func paletteColor(n fyne.ThemeColorName, dark bool) (color.Color, bool) {
	c, ok := palette[n]
	if !ok {
		return nil, false
	}
	if dark {
		return c[1], true
	}
	return c[0], true
}

// reportColors identify the reports of a comparison everywhere (column
// header, cell edge, overview, legend): twelve hues distinct from one
// another, in the order reports are added, readable on light and dark.
var reportColors = [...]color.NRGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0x59, 0xa1, 0x4f, 0xff}, {0xb0, 0x7a, 0xa1, 0xff},
	{0x76, 0xb7, 0xb2, 0xff}, {0xed, 0xc9, 0x48, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x9c, 0x75, 0x5f, 0xff},
	{0xff, 0x9d, 0xa7, 0xff}, {0x86, 0xbc, 0xf0, 0xff}, {0xba, 0xb0, 0xac, 0xff}, {0x8c, 0xd1, 0x7d, 0xff},
}

// reportColor is report d's colour.
func reportColor(d int) color.Color { return reportColors[d%len(reportColors)] }

// statusColorName is the theme colour of a row status.
func statusColorName(s compare.Status) fyne.ThemeColorName {
	switch s {
	case compare.StatusAgree:
		return colorAgree
	case compare.StatusDiffer:
		return colorDiffer
	case compare.StatusFlagged:
		return colorFlagged
	}
	return colorSingle
}

// themeColor looks a colour up in the current theme and variant.
func themeColor(n fyne.ThemeColorName) color.Color {
	a := fyne.CurrentApp()
	return a.Settings().Theme().Color(n, a.Settings().ThemeVariant())
}
