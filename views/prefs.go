package views

// Preference keys: what the window remembers between runs (Fyne stores
// them per app ID, outside the library, since they belong to this
// computer's screen rather than to the reports).
const (
	prefWindowWidth    = "window.width"
	prefWindowHeight   = "window.height"
	prefSidebarSplit   = "split.sidebar"
	prefSidebarVSplit  = "split.sidebar_comparisons"
	prefDetailsSplit   = "split.details"
	prefLastComparison = "comparison.last"
	// prefEditor is the editor's name, signed on every memo exported.
	prefEditor = "export.editor"
	// prefZoom is the cells' text size, a share of the theme's (zoom.go).
	prefZoom         = "text.zoom"
	prefSidebarShown = "sidebar.shown"
	prefLegendShown  = "legend.shown"
	prefDetailsShown = "details.shown"
	prefWholeRows    = "rows.whole"
)
