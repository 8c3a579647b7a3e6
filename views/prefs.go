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
	prefSidebarShown   = "sidebar.shown"
	prefLegendShown    = "legend.shown"
	prefDetailsShown   = "details.shown"
	prefWholeRows      = "rows.whole"
)
