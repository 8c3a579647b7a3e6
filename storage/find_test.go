package storage_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"parallax/app"
	"parallax/app/apptest"
)

// TestFindReports sorts and filters the same library in the SQLite store
// and in the test store the window's tests use, and wants the same reports
// in the same order from both, and the order an editor expects.
func TestFindReports(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	mem := apptest.NewStore()
	reports := []app.Report{
		{Title: "Ferry sinks", Outlet: "Meridian Wire", Published: "2024-05-02", Format: "text", Text: "A ferry sank near Kivangu."},
		{Title: "", FileName: "bulletin.srt", Outlet: "Radio Horizon", Published: "2024-05-01", Format: "subtitles", Text: "Twelve dead as ferry capsizes."},
		{Title: "Council meets", Outlet: "", Published: "", Format: "html", Text: "The council met on Friday evening to talk."},
		{Title: "Aid arrives", Outlet: "meridian wire", Published: "2023-11-30", Format: "html", Text: "Aid arrived at the port on Monday for the families."},
		{Title: "Toll rises", Outlet: "The Lakeside Ledger", Published: "14 May", Format: "text", Text: "The toll rose to fifteen, officials said on Thursday night after a search."},
	}
	for _, st := range []app.Store{db, mem} {
		for i := range reports {
			r := reports[i]
			r.Words = len(r.Text)
			r.Hash = fmt.Sprint(i)
			if err := st.AddReport(ctx, &r); err != nil {
				t.Fatal(err)
			}
		}
		if err := st.TagReports(ctx, []int64{1, 4}, []string{"Ferry"}, nil); err != nil {
			t.Fatal(err)
		}
		if err := st.AddComparison(ctx, &app.Comparison{Name: "c", Reports: []int64{1, 2}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		q    app.ReportQuery
		want []int64
	}{
		{app.ReportQuery{}, []int64{5, 4, 3, 2, 1}},
		{app.ReportQuery{Reverse: true}, []int64{1, 2, 3, 4, 5}},
		{app.ReportQuery{Sort: "published"}, []int64{4, 2, 1, 5, 3}},
		{app.ReportQuery{Sort: "published", Reverse: true}, []int64{1, 2, 4, 3, 5}},
		{app.ReportQuery{Sort: "outlet"}, []int64{4, 1, 2, 5, 3}},
		{app.ReportQuery{Sort: "title"}, []int64{4, 2, 3, 1, 5}},
		{app.ReportQuery{Sort: "words"}, []int64{5, 4, 3, 2, 1}},
		{app.ReportQuery{Outlet: "MERIDIAN WIRE"}, []int64{4, 1}},
		{app.ReportQuery{Format: "html"}, []int64{4, 3}},
		{app.ReportQuery{Tag: "ferry"}, []int64{4, 1}},
		{app.ReportQuery{After: "2024-05-01"}, []int64{2, 1}},
		{app.ReportQuery{Before: "2024-05"}, []int64{4, 2, 1}},
		{app.ReportQuery{After: "2024", Before: "2024-05-01"}, []int64{2}},
		{app.ReportQuery{Compared: app.Yes}, []int64{2, 1}},
		{app.ReportQuery{Compared: app.No, Sort: "title"}, []int64{4, 3, 5}},
	} {
		for name, st := range map[string]app.Store{"sqlite": db, "test store": mem} {
			got, err := st.FindReports(ctx, c.q)
			if err != nil {
				t.Fatalf("%s %+v: %v", name, c.q, err)
			}
			var ids []int64
			for _, r := range got {
				ids = append(ids, r.ID)
			}
			if !reflect.DeepEqual(ids, c.want) {
				t.Errorf("%s %+v: %v, want %v", name, c.q, ids, c.want)
			}
		}
	}
	for _, bad := range []app.ReportQuery{{Sort: "colour"}, {After: "May 2024"}, {Before: "2024-5"}} {
		if _, err := db.FindReports(ctx, bad); err == nil {
			t.Errorf("%+v was accepted", bad)
		}
	}
}
