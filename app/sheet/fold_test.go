package sheet_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/sheet"
)

// patterned is a sheet of two reports (library IDs 10 and 20) whose rows
// follow pattern: 'a' a claim only report 0 states, 'b' one only report 1
// states, 's' a claim both state. Claims are numbered per report in order.
func patterned(pattern string) *sheet.Sheet {
	c := &compare.Comparison{Docs: []compare.Doc{
		{Report: app.Report{ID: 10, Outlet: "Reuters"}},
		{Report: app.Report{ID: 20, Outlet: "Radio Horizon"}},
	}}
	s := &sheet.Sheet{C: c}
	next := []int{0, 0}
	for _, k := range pattern {
		r := sheet.Row{Status: compare.StatusSingle, Cells: []sheet.Cell{{Claim: -1}, {Claim: -1}}}
		switch k {
		case 'a', 'b':
			d := int(k - 'a')
			r.Cells[d].Claim = next[d]
			next[d]++
		case 's':
			r.Status = compare.StatusDiffer
			for d := range r.Cells {
				r.Cells[d].Claim = next[d]
				next[d]++
			}
		}
		s.Rows = append(s.Rows, r)
	}
	return s
}

func all(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func TestFolds(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		open    []string
		// want lists the folds as "first-last key" (a shared row 's' numbers
		// a claim of each report), and shown the rows
		// listed once the closed folds are reduced to their first row.
		want  []string
		shown []int
	}{
		{"", nil, nil, []int{}},
		{"sss", nil, nil, []int{0, 1, 2}},
		{"sas", nil, nil, []int{0, 1, 2}}, // one claim alone is not folded
		{"saas", nil, []string{"1-2 10:1"}, []int{0, 1, 3}},
		{"aabbs", nil, []string{"0-3 10:0"}, []int{0, 4}},
		{"saasbbb", nil, []string{"1-2 10:1", "4-6 20:2"}, []int{0, 1, 3, 4}},
		{"saasbbb", []string{"10:1"}, []string{"1-2 10:1", "4-6 20:2"}, []int{0, 1, 2, 3, 4}},
		{"saasbbb", []string{"10:1", "20:2"}, []string{"1-2 10:1", "4-6 20:2"}, []int{0, 1, 2, 3, 4, 5, 6}},
		{"bb", nil, []string{"0-1 20:0"}, []int{0}},
	} {
		t.Run(tc.pattern, func(t *testing.T) {
			s := patterned(tc.pattern)
			folds := s.Folds(all(len(s.Rows)))
			var got []string
			for _, f := range folds {
				got = append(got, fmt.Sprintf("%d-%d %s", f.Rows[0], f.Rows[len(f.Rows)-1], f.Key))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("folds %q, want %q", got, tc.want)
			}
			rows, at := sheet.Folded(all(len(s.Rows)), folds, func(k string) bool { return slices.Contains(tc.open, k) })
			if !slices.Equal(rows, tc.shown) {
				t.Errorf("rows shown %v, want %v", rows, tc.shown)
			}
			for p, f := range at {
				if rows[p] != f.Rows[0] || slices.Contains(tc.open, f.Key) {
					t.Errorf("position %d holds fold %s, row %d", p, f.Key, rows[p])
				}
			}
			if len(at)+len(tc.open) != len(folds) {
				t.Errorf("%d folds closed, %d open, of %d", len(at), len(tc.open), len(folds))
			}
		})
	}
}

// TestFoldsOfFilteredRows: folds are runs among the rows shown, so a
// hidden shared row between two single-source rows joins them.
func TestFoldsOfFilteredRows(t *testing.T) {
	s := patterned("asab")
	folds := s.Folds([]int{0, 2, 3})
	if len(folds) != 1 || !slices.Equal(folds[0].Rows, []int{0, 2, 3}) {
		t.Fatalf("folds of rows 0, 2, 3: %+v", folds)
	}
	if f := sheet.FoldOf(folds, 2); f == nil || f.Key != "10:0" {
		t.Errorf("FoldOf(row 2) = %+v", f)
	}
	if f := sheet.FoldOf(folds, 4); f != nil {
		t.Errorf("FoldOf(row 4) = %+v, want none", f)
	}
}

func TestFoldLabel(t *testing.T) {
	for _, tc := range []struct{ pattern, want string }{
		{"bbb", "3 claims only in Radio Horizon"},
		{"abb", "3 claims each in one report only: Radio Horizon (2), Reuters (1)"},
		{"abba", "4 claims each in one report only: Reuters (2), Radio Horizon (2)"},
	} {
		s := patterned(tc.pattern)
		folds := s.Folds(all(len(s.Rows)))
		if got := s.FoldLabel(&folds[0]); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.pattern, got, tc.want)
		}
	}
	// Files compared outside the library are named by their index.
	s := patterned("aa")
	s.C.Docs[0].Report.ID = 0
	if k := s.Folds(all(2))[0].Key; !strings.HasPrefix(k, "doc:0:") {
		t.Errorf("key of a file's run: %q", k)
	}
}
