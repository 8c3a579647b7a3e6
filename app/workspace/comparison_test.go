package workspace_test

import (
	"context"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/workspace"
)

func TestNewComparison(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	ws := workspace.New(st)
	if _, err := ws.EnsureSamples(ctx); err != nil {
		t.Fatal(err)
	}
	all := st.All()
	var ids []int64
	for _, r := range all {
		ids = append(ids, r.ID)
	}

	tests := []struct {
		name string
		ids  []int64
		want string // error text, "" for success
	}{
		{"one report", ids[:1], "at least 2"},
		{"one report twice", []int64{ids[0], ids[0]}, "at least 2"},
		{"missing report", []int64{ids[0], 999}, "no report with ID 999"},
		{"thirteen", make([]int64, 0), "at least 2"},
		{"three", ids, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ws.NewComparison(ctx, tt.ids)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("err = %v, want %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Base != tt.ids[0] || len(c.Reports) != len(tt.ids) || c.Name == "" {
				t.Fatalf("comparison %+v", c)
			}
			got, reports, err := ws.OpenComparison(ctx, c.ID)
			if err != nil || len(reports) != len(tt.ids) || reports[0].Text == "" || got.Name != c.Name {
				t.Fatalf("OpenComparison: %+v, %d reports, %v", got, len(reports), err)
			}
			a, err := ws.Align(ctx, got, reports, nil)
			if err != nil || len(a.C.Docs) != len(tt.ids) || len(a.C.Rows) == 0 {
				t.Fatalf("Align: %v", err)
			}
		})
	}
}

func TestNewComparisonTooMany(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	var ids []int64
	for i := range app.MaxReports + 1 {
		r := app.Report{Text: strings.Repeat("x", i+1), Hash: strings.Repeat("h", i+1)}
		if err := st.AddReport(ctx, &r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	if _, err := workspace.New(st).NewComparison(ctx, ids); err == nil || !strings.Contains(err.Error(), "at most 12") {
		t.Fatalf("13 reports: %v", err)
	}
}

func TestOpenComparisonAfterRemoval(t *testing.T) {
	ctx := context.Background()
	st := apptest.NewStore()
	ws := workspace.New(st)
	if _, err := ws.EnsureSamples(ctx); err != nil {
		t.Fatal(err)
	}
	all := st.All()
	c, err := ws.NewComparison(ctx, []int64{all[0].ID, all[1].ID})
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Remove(ctx, all[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ws.OpenComparison(ctx, c.ID); err == nil || !strings.Contains(err.Error(), "needs at least 2") {
		t.Fatalf("OpenComparison with one report left: %v", err)
	}
}

func TestComparisonName(t *testing.T) {
	rs := []app.Report{{Outlet: "Reuters"}, {Title: "A very long title of a web article about the ferry"}, {FileName: "radio.txt"}, {Outlet: "AP"}, {Outlet: "AFP"}}
	got := workspace.ComparisonName(rs)
	want := "Reuters · A very long title of a web… · Radio · + 2 more"
	if got != want {
		t.Fatalf("ComparisonName = %q, want %q", got, want)
	}
}
