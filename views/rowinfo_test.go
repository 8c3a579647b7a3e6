package views

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/compare"
)

// A row with more links than the details list at once shows the first
// page, strongest first, and a button that lists the next page: a claim
// may keep up to 200 links, and the editor reads them on demand.
func TestRowLinksOnDemand(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 8))
	pick := func(words string) string {
		w := strings.Fields(words)
		return w[rng.IntN(len(w))]
	}
	var pool []string
	for range 30 {
		pool = append(pool, fmt.Sprintf("%s %s %s %d %s near %s after the %s.",
			pick("Ilsa Odu Tavi Pell Wen Liu Dara Amos"), pick("Varn Remel Orsk Amaro Sarka Bexa"),
			pick("ordered inspected delivered cancelled approved rejected"), 2+rng.IntN(900),
			pick("ferries ballots bridges clinics convoys permits"), pick("Kivangu Selwyn Orrin Maltby"),
			pick("storm flood strike audit fire drought")))
	}
	st := apptest.NewStore()
	for i := range app.MaxReports {
		var text []string
		for _, k := range rng.Perm(len(pool))[:20] {
			text = append(text, pool[k])
		}
		st.Put(app.Report{ID: int64(i + 1), Title: fmt.Sprintf("Report %d", i+1), Text: strings.Join(text, " ")})
	}
	m := comparedAt(t, st, fyne.NewSize(1366, 768))
	v := m.cmp
	ri := -1
	for i := range v.s.Rows {
		if len(v.s.Links(i)) > 2*linkPage {
			ri = i
			break
		}
	}
	if ri < 0 {
		t.Fatal("no row with more than two pages of links; the test no longer exercises the button")
	}
	listed := func() (rows int, more *widget.Button) {
		for _, o := range v.info.box.Objects {
			c, ok := o.(*fyne.Container)
			if b, isButton := o.(*widget.Button); isButton && strings.HasPrefix(b.Text, "Show ") {
				more = b
			}
			if !ok {
				continue
			}
			for _, p := range c.Objects {
				if b, ok := p.(*widget.Button); ok && strings.HasPrefix(b.Text, "Row ") {
					rows++
				}
			}
		}
		return rows, more
	}
	ui(func() { v.info.show(ri) })
	n, more := listed()
	total := len(v.s.Links(ri))
	if n != linkPage || more == nil || more.Text != fmt.Sprintf("Show %d more (%d not listed)", linkPage, total-linkPage) {
		t.Fatalf("first page: %d links listed of %d, button %v", n, total, more)
	}
	ui(func() { test.Tap(more) })
	if n, _ := listed(); n != 2*linkPage {
		t.Errorf("after Show more: %d links listed, want %d", n, 2*linkPage)
	}
	ui(func() { v.info.show(ri) })
	if n, _ := listed(); n != linkPage {
		t.Errorf("selecting the row again lists %d links, want the first page", n)
	}
}

// A comparison over the word limit is refused in the window with the
// words `parallax compare` uses (compare.TooLarge), before any alignment.
func TestComparisonTooLargeSaysLimit(t *testing.T) {
	st := apptest.NewStore()
	for i := range 2 {
		st.Put(app.Report{ID: int64(i + 1), Title: fmt.Sprintf("Report %d", i+1), Text: "The ferry sank.", Words: compare.MaxWords})
	}
	m := newTestMain(t, st)
	for _, r := range st.All() {
		m.lib.tick(r.ID, true)
	}
	m.compareTicked()
	m.jobs.Wait()
	want := (&compare.TooLarge{Words: 2 * compare.MaxWords}).Error()
	if got := m.cmp.grid.message.Text; !strings.Contains(got, want) {
		t.Errorf("window says %q, want it to say %q", got, want)
	}
}
