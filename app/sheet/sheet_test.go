package sheet_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/annotate"
	"parallax/app/apptest"
	"parallax/app/compare"
	"parallax/app/sheet"
	"parallax/assets"
)

// samples lays out the built-in sample reports.
func samples(t testing.TB) *sheet.Sheet {
	t.Helper()
	c, err := compare.Files(context.Background(), apptest.SampleFiles(t), compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return sheet.New(annotate.New(c, nil))
}

// TestLayout checks the contract the window relies on: every claim of
// every report is in exactly one cell, and a cell's own runs spell its
// claim exactly, in order.
func TestLayout(t *testing.T) {
	s := samples(t)
	seen := make([]map[int]bool, len(s.C.Docs))
	for d := range seen {
		seen[d] = map[int]bool{}
	}
	for i, r := range s.Rows {
		n := 0
		for d, cell := range r.Cells {
			if cell.Empty() {
				continue
			}
			n++
			if seen[d][cell.Claim] {
				t.Fatalf("claim %d of report %d in two rows", cell.Claim, d)
			}
			seen[d][cell.Claim] = true
			if s.RowOf(d, cell.Claim) != i {
				t.Fatalf("RowOf(%d, %d) = %d, want %d", d, cell.Claim, s.RowOf(d, cell.Claim), i)
			}
			var own strings.Builder
			for _, run := range cell.Runs {
				if run.At >= 0 {
					own.WriteString(run.Text)
				}
			}
			if want := s.C.Docs[d].ClaimText(cell.Claim); own.String() != want {
				t.Fatalf("row %d report %d: runs spell %q, claim is %q", i, d, own.String(), want)
			}
		}
		if n != r.Reports {
			t.Fatalf("row %d: %d cells, Reports says %d", i, n, r.Reports)
		}
		if (r.Status == compare.StatusSingle) != (n == 1) {
			t.Fatalf("row %d: status %v with %d claims", i, r.Status, n)
		}
	}
	for d := range seen {
		if len(seen[d]) != len(s.C.Docs[d].Claims) {
			t.Fatalf("report %d: %d of %d claims laid out", d, len(seen[d]), len(s.C.Docs[d].Claims))
		}
	}
}

// TestFlagsMarked: a flagged row marks each flag, under its number, in
// every claim on a side of it, and nowhere else.
func TestFlagsMarked(t *testing.T) {
	s := samples(t)
	flagged := 0
	for _, r := range s.Rows {
		if r.Status != compare.StatusFlagged {
			continue
		}
		flagged++
		row := &s.C.Rows[r.Index]
		marked := map[[2]int]bool{} // flag number, report
		for d, cell := range r.Cells {
			for _, run := range cell.Runs {
				if run.Flag > 0 {
					if run.At < 0 {
						t.Fatalf("flag %d marked on words the claim lacks: %q", run.Flag, run.Text)
					}
					marked[[2]int{run.Flag, d}] = true
				}
			}
		}
		for i := range row.Flags {
			for k, cl := range row.Claims {
				sp, in := row.Flags[i].In(k)
				if want := in && sp.End > sp.Start; marked[[2]int{i + 1, cl.Doc}] != want {
					t.Errorf("row %d: flag %d (%s) marked in report %d: %v, want %v", r.Index, i+1, row.Flags[i].Detail, cl.Doc, !want, want)
				}
			}
		}
	}
	if flagged == 0 {
		t.Fatal("the samples have no flagged row; the test proves nothing")
	}
}

func TestFilters(t *testing.T) {
	s := samples(t)
	all := s.Visible(sheet.Filter{}, nil)
	if len(all) != len(s.Rows) {
		t.Fatalf("all rows: %d of %d", len(all), len(s.Rows))
	}
	n := s.C.Counts()
	for _, tc := range []struct {
		f    sheet.Filter
		want int
	}{
		{sheet.Filter{Kind: sheet.Shared}, n.Shared},
		{sheet.Filter{Kind: sheet.Flagged}, n.Flagged},
		{sheet.Filter{Kind: sheet.Single}, n.Single},
	} {
		if got := len(s.Visible(tc.f, nil)); got != tc.want {
			t.Errorf("%s: %d rows, counts say %d", tc.f.Label(s), got, tc.want)
		}
	}
	diff := s.Visible(sheet.Filter{Kind: sheet.Differences}, nil)
	if len(diff) < n.Flagged || len(diff) > n.Shared {
		t.Errorf("differences: %d rows, want between %d flagged and %d shared", len(diff), n.Flagged, n.Shared)
	}
	for d := range s.C.Docs {
		f := sheet.Filter{Kind: sheet.OfReport, Doc: d}
		if got := len(s.Visible(f, nil)); got != len(s.C.Docs[d].Claims) {
			t.Errorf("claims of report %d: %d rows, it has %d claims", d, got, len(s.C.Docs[d].Claims))
		}
		if back := s.ParseFilter(f.Format(s)); back != f {
			t.Errorf("filter %+v saved as %q reads back as %+v", f, f.Format(s), back)
		}
	}
	for _, f := range s.Filters() {
		if back := s.ParseFilter(f.Format(s)); back != f {
			t.Errorf("filter %+v saved as %q reads back as %+v", f, f.Format(s), back)
		}
	}
	if f := s.ParseFilter("report:99999"); f.Kind != sheet.All {
		t.Errorf("a filter on a report no longer compared reads back as %+v, want all", f)
	}

	// Hiding every column but one shows only that report's rows.
	shown := make([]bool, len(s.C.Docs))
	shown[1] = true
	if got := len(s.Visible(sheet.Filter{}, shown)); got != len(s.C.Docs[1].Claims) {
		t.Errorf("one column shown: %d rows, it has %d claims", got, len(s.C.Docs[1].Claims))
	}
}

// TestVerdictFilters shows the rows judged one verdict and the rows with
// a note, after the notes are placed and after a verdict changes.
func TestVerdictFilters(t *testing.T) {
	var texts []string
	for _, f := range assets.Samples() {
		texts = append(texts, string(f.Text))
	}
	// Notes anchor claims by library report ID: compare reports with IDs.
	c, err := compare.Texts(context.Background(), apptest.Reports(texts), compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := sheet.New(annotate.New(c, nil))
	judged := func(v app.Verdict) int { return len(s.Visible(sheet.Filter{Kind: sheet.Judged, Verdict: v}, nil)) }
	if judged(app.Unreviewed) != len(s.Rows) || judged(app.Disputed) != 0 {
		t.Fatal("rows are judged before any note")
	}
	first, second := s.Rows[1].Index, s.Rows[4].Index
	disputed := &app.Note{Verdict: app.Disputed, Text: "12 or 15?", Anchors: s.A.Anchors(s.C.Rows[first].Claims)}
	checking := &app.Note{Verdict: app.NeedsChecking, Anchors: s.A.Anchors(s.C.Rows[second].Claims)}
	s.A.SetNotes([]*app.Note{disputed, checking})
	s.Annotate()
	if judged(app.Disputed) != 1 || judged(app.NeedsChecking) != 1 || judged(app.Unreviewed) != len(s.Rows)-2 ||
		len(s.Visible(sheet.Filter{Kind: sheet.Noted}, nil)) != 2 {
		t.Errorf("disputed %d, needs checking %d, unreviewed %d", judged(app.Disputed), judged(app.NeedsChecking), judged(app.Unreviewed))
	}
	checking.Verdict = app.Corroborated
	s.Annotate()
	if judged(app.NeedsChecking) != 0 || judged(app.Corroborated) != 1 {
		t.Error("a changed verdict did not change the filter")
	}
	if f := s.ParseFilter("verdict:probably"); f.Kind != sheet.All {
		t.Errorf("an unknown verdict reads back as %+v", f)
	}
}

func TestNavigate(t *testing.T) {
	s := samples(t)
	vis := s.Visible(sheet.Filter{}, nil)
	var diffs []int
	for p := s.Next(vis, -1, 1, sheet.IsDifference); p >= 0; p = s.Next(vis, p, 1, sheet.IsDifference) {
		diffs = append(diffs, p)
	}
	if len(diffs) != len(s.Visible(sheet.Filter{Kind: sheet.Differences}, nil)) {
		t.Fatalf("next difference visits %d rows, the filter shows %d", len(diffs), len(s.Visible(sheet.Filter{Kind: sheet.Differences}, nil)))
	}
	// Back from the end visits the same rows in reverse.
	p := len(vis)
	for i := len(diffs) - 1; i >= 0; i-- {
		p = s.Next(vis, p, -1, sheet.IsDifference)
		if p != diffs[i] {
			t.Fatalf("previous difference: %d, want %d", p, diffs[i])
		}
	}
	if s.Next(vis, p, -1, sheet.IsDifference) != -1 {
		t.Fatal("previous difference before the first one should be -1")
	}
}

func TestFind(t *testing.T) {
	s := samples(t)
	vis := s.Visible(sheet.Filter{}, nil)
	// A word of one claim, typed in another case, finds that claim's row.
	d, k := 0, 0
	text := s.C.Docs[d].ClaimText(k)
	word := strings.ToUpper(strings.Fields(text)[1])
	hits := s.Find(vis, word)
	found := false
	for _, p := range hits {
		if vis[p] == s.RowOf(d, k) {
			found = true
		}
	}
	if !found {
		t.Fatalf("find %q: hits %v do not include row %d", word, hits, s.RowOf(d, k))
	}
	if hits := s.Find(vis, "zzzz-no-such-words"); len(hits) != 0 {
		t.Fatalf("find nonsense: %v", hits)
	}
	if hits := s.Find(vis, "   "); hits != nil {
		t.Fatalf("find blank: %v", hits)
	}
	// Two words typed with the spacing lost or doubled still find the row,
	// as the window's word marks (FindQuery) do.
	two := strings.Fields(text)[1] + "  \n " + strings.Fields(text)[2]
	if hits := s.Find(vis, two); !slices.ContainsFunc(hits, func(p int) bool { return vis[p] == s.RowOf(d, k) }) {
		t.Errorf("find %q: hits %v do not include row %d", two, hits, s.RowOf(d, k))
	}
}

func TestFindQuery(t *testing.T) {
	for in, want := range map[string]string{"  Café\n  DEL  Mar ": "cafe del mar", "": "", "\t\n": ""} {
		if got := sheet.FindQuery(in); got != want {
			t.Errorf("FindQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCellTimes checks that a transcript's cells carry the time and
// speaker of the cue their claim begins in, and other reports' none.
func TestCellTimes(t *testing.T) {
	text := "The ferry ran aground off Skarra Point.\n\nNobody was hurt, the coastguard said."
	c, err := compare.Texts(context.Background(), []app.Report{
		{Text: text, Cues: []app.Cue{{Offset: 0, Start: 3 * time.Second, Speaker: "PRESENTER"},
			{Offset: strings.Index(text, "Nobody"), Start: 724 * time.Second}}},
		{Text: "The ferry ran aground off Skarra Point. Nobody was hurt."},
	}, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := sheet.New(annotate.New(c, nil))
	var got []string
	for _, r := range s.Rows {
		if cell := r.Cells[0]; !cell.Empty() {
			got = append(got, cell.Time+" "+cell.Speaker)
		}
		if cell := r.Cells[1]; cell.Time != "" || cell.Speaker != "" {
			t.Errorf("a text report's cell has a time: %+v", cell)
		}
	}
	if want := "00:00:03 PRESENTER|00:12:04 "; strings.Join(got, "|") != want {
		t.Errorf("cell times %q, want %q", strings.Join(got, "|"), want)
	}
}
