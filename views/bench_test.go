package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/sheet"
	"parallax/app/workspace"
)

// The window's speed targets (issue 4): a comparison of 12 reports of
// 2,000 words opens in under a second on two cores, and a resize re-wraps
// the rows without a visible freeze. Opening is two steps, timed apart:
// aligning and laying out the sheet (off the UI goroutine), then measuring,
// wrapping and building the pre-sized list (on it). `make bench` prints them.

const shared = "../../shared"

// twelve returns a saved comparison of 12 reports of 2,000 words from
// ECB+ news text, and its reports.
func twelve(b *testing.B) (app.Comparison, []app.Report) {
	reports := apptest.Reports(apptest.LongReports(apptest.ECBTopics(b, shared), 12, 2000))
	c := app.Comparison{ID: 1, Reports: make([]int64, len(reports)), Base: reports[0].ID}
	for i, r := range reports {
		c.Reports[i] = r.ID
	}
	return c, reports
}

// BenchmarkOpenAlign: segment, align, flag and lay out 12 × 2,000 words.
func BenchmarkOpenAlign(b *testing.B) {
	c, reports := twelve(b)
	ws := workspace.New(apptest.NewStore())
	for b.Loop() {
		cmp, err := ws.Align(context.Background(), c, reports, nil)
		if err != nil {
			b.Fatal(err)
		}
		sheet.New(cmp)
	}
}

// viewOf puts s on a headless comparison view 1,000 pixels wide.
func viewOf(b *testing.B, c app.Comparison, reports []app.Report, s *sheet.Sheet) *comparisonView {
	test.NewTempApp(b)
	m := &Main{app: fyne.CurrentApp(), ctx: context.Background(), theme: &appTheme{mode: themeLight}}
	// The window's theme, as New sets it: the cells' colours are its own.
	m.app.Settings().SetTheme(m.theme)
	m.win = m.app.NewWindow("bench")
	m.status = newStatusBar()
	m.status.build()
	v := newComparisonView(m)
	m.cmp = v
	m.cmpView = v.build()
	m.win.SetContent(m.cmpView)
	m.win.Resize(fyne.NewSize(1280, 800))
	v.saved, v.reports = c, reports
	v.show(s)
	return v
}

// BenchmarkOpenRows: measure every word, wrap every row and build the
// pre-sized list, on the UI goroutine, for a fresh sheet.
func BenchmarkOpenRows(b *testing.B) {
	c, reports := twelve(b)
	cmp, err := workspace.New(apptest.NewStore()).Align(context.Background(), c, reports, nil)
	if err != nil {
		b.Fatal(err)
	}
	s := sheet.New(cmp)
	v := viewOf(b, c, reports, s)
	for b.Loop() {
		v.grid.meas = newMeasurer(v.grid.textSize()) // words measured afresh, as on opening
		v.grid.pieces = make([][][]piece, len(s.Rows))
		v.grid.rebuild()
	}
	// Lines on the list: rows, and runs of single-source rows folded to one.
	b.ReportMetric(float64(len(s.Rows)), "rows")
	b.ReportMetric(float64(len(v.grid.visible)), "lines")
}

// BenchmarkRewrap: a window resize, words already measured: wrap every row
// at the new width and swap in a new pre-sized list.
func BenchmarkRewrap(b *testing.B) {
	c, reports := twelve(b)
	cmp, err := workspace.New(apptest.NewStore()).Align(context.Background(), c, reports, nil)
	if err != nil {
		b.Fatal(err)
	}
	v := viewOf(b, c, reports, sheet.New(cmp))
	widths := []float32{2400, 2600}
	i := 0
	for b.Loop() {
		v.grid.widths = v.grid.columnWidths(widths[i%2])
		v.grid.heights, v.grid.offsets = v.grid.layRows(v.grid.visible, v.grid.widths)
		i++
	}
	b.ReportMetric(float64(len(v.grid.visible)), "lines")
}

// BenchmarkScroll: what scrolling costs per row brought on screen: the
// list updates one recycled row (12 cells) with its words.
func BenchmarkScroll(b *testing.B) {
	c, reports := twelve(b)
	cmp, err := workspace.New(apptest.NewStore()).Align(context.Background(), c, reports, nil)
	if err != nil {
		b.Fatal(err)
	}
	v := viewOf(b, c, reports, sheet.New(cmp))
	item := v.grid.createRow()
	item.Resize(fyne.NewSize(2400, 200))
	n := 0
	for b.Loop() {
		v.grid.updateRow(n%len(v.grid.visible), item)
		n++
	}
}
