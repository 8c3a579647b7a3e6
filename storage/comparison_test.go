package storage_test

import (
	"context"
	"errors"
	"maps"
	"slices"
	"testing"

	"parallax/app"
)

// addReports stores n small reports and returns their IDs.
func addReports(t *testing.T, db app.Store, texts ...string) []int64 {
	t.Helper()
	var ids []int64
	for _, text := range texts {
		r := app.Report{Title: text, Text: text}
		if err := db.AddReport(context.Background(), &r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	return ids
}

func TestComparisonRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ids := addReports(t, db, "one", "two", "three")

	c := app.Comparison{Name: "ferry", Reports: []int64{ids[2], ids[0], ids[1]}, Base: ids[0],
		Strictness: 0.1, Filter: "flagged", Hidden: []int64{ids[1]}, Top: 7, Widths: map[int64]float64{ids[2]: 420.5},
		Unfolded: []string{"3:4", "1:12"}}
	if err := db.AddComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Created.IsZero() {
		t.Fatalf("AddComparison did not set ID and Created: %+v", c)
	}
	got, err := db.Comparison(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "ferry" || !slices.Equal(got.Reports, c.Reports) || got.Base != ids[0] ||
		got.Strictness != 0.1 || got.Filter != "flagged" || !slices.Equal(got.Hidden, c.Hidden) || got.Top != 7 ||
		!maps.Equal(got.Widths, c.Widths) || !slices.Equal(got.Unfolded, c.Unfolded) {
		t.Fatalf("read back %+v, want %+v", got, c)
	}

	// Reorder, unhide, move the base and the scroll position.
	got.Reports = []int64{ids[1], ids[2], ids[0]}
	got.Hidden, got.Unfolded = nil, []string{"2:0"}
	got.Widths = map[int64]float64{ids[0]: 300, ids[1]: 250}
	got.Base, got.Top, got.Filter = ids[2], 3, "all"
	if err := db.UpdateComparison(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, err := db.Comparison(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.Reports, got.Reports) || len(again.Hidden) != 0 || again.Base != ids[2] || again.Top != 3 ||
		!maps.Equal(again.Widths, got.Widths) || !slices.Equal(again.Unfolded, got.Unfolded) {
		t.Fatalf("after update %+v, want %+v", again, got)
	}

	list, err := db.Comparisons(ctx)
	if err != nil || len(list) != 1 || !slices.Equal(list[0].Reports, got.Reports) || !maps.Equal(list[0].Widths, got.Widths) {
		t.Fatalf("Comparisons = %+v, %v", list, err)
	}
}

func TestComparisonReportRemoved(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ids := addReports(t, db, "one", "two", "three")
	c := app.Comparison{Reports: ids, Base: ids[1]}
	if err := db.AddComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveReport(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	got, err := db.Comparison(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Reports, []int64{ids[0], ids[2]}) || got.Base != 0 {
		t.Fatalf("after removing the base report: %+v", got)
	}
	// Removing the comparison keeps its reports.
	if err := db.RemoveComparison(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if rs, _ := db.Reports(ctx); len(rs) != 2 {
		t.Fatalf("removing a comparison removed reports: %d left", len(rs))
	}
}

func TestComparisonErrors(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ids := addReports(t, db, "one")
	bad := app.Comparison{Reports: []int64{ids[0], 999}}
	if err := db.AddComparison(ctx, &bad); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("AddComparison with a missing report: %v, want ErrNotFound", err)
	}
	if list, _ := db.Comparisons(ctx); len(list) != 0 {
		t.Fatalf("a refused comparison was stored: %+v", list)
	}
	if _, err := db.Comparison(ctx, 42); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("Comparison(42): %v", err)
	}
	if err := db.UpdateComparison(ctx, &app.Comparison{ID: 42}); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("UpdateComparison(42): %v", err)
	}
	if err := db.RemoveComparison(ctx, 42); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("RemoveComparison(42): %v", err)
	}
}
