package annotate_test

import (
	"context"
	"testing"

	"parallax/app"
	"parallax/app/annotate"
	"parallax/app/apptest"
	"parallax/app/compare"
)

// BenchmarkPlace places a note on every tenth row of twelve reports of
// 2,000 words, the window's worst case, as it does on the UI goroutine
// after each alignment: fingerprints are made on the first resolve, so
// this includes them.
func BenchmarkPlace(b *testing.B) {
	reports := apptest.Reports(apptest.LongReports(apptest.ECBTopics(b, "../../../shared"), 12, 2000))
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	a := annotate.New(c, nil)
	var notes []*app.Note
	for i := 0; i < len(c.Rows); i += 10 {
		if !c.Rows[i].Link {
			notes = append(notes, &app.Note{Text: "checked", Anchors: a.Anchors(c.Rows[i].Claims)})
		}
	}
	b.ResetTimer()
	for range b.N {
		fresh := annotate.New(c, nil) // fingerprints not yet made
		fresh.SetNotes(notes)
	}
	b.ReportMetric(float64(len(notes)), "notes")
}
