package sheet

import (
	"fmt"
	"slices"
	"strings"

	"parallax/app/compare"
)

// MinFold is the shortest run of single-source rows that is folded. One
// claim alone is a row like any other, as short as the line that would
// stand for it; two or more in a row are the "unchanged lines" of a diff
// tool, the stretch an editor comparing sources skims past.
const MinFold = 2

// Fold is a run of consecutive single-source rows that the window can show
// as one line ("▸ 6 claims only in Reuters").
type Fold struct {
	// Key names the run by its first claim, "reportID:claim" (the claim's
	// index in its report; "doc:N:claim" for files compared outside the
	// library), as app.Comparison.Unfolded saves it: a re-alignment that
	// leaves the first claim first keeps the run open or folded.
	Key string
	// Rows are the run's rows, indices into s.Rows, in order.
	Rows []int
}

// Folds finds the runs of MinFold or more single-source rows standing next
// to one another in visible (rows as Visible returns them).
func (s *Sheet) Folds(visible []int) []Fold {
	var out []Fold
	for i := 0; i < len(visible); {
		j := i
		for j < len(visible) && s.Rows[visible[j]].Status == compare.StatusSingle {
			j++
		}
		if j-i >= MinFold {
			out = append(out, Fold{Key: s.foldKey(visible[i]), Rows: visible[i:j:j]})
		}
		i = max(j, i+1)
	}
	return out
}

// foldKey names single-source row ri by its claim.
func (s *Sheet) foldKey(ri int) string {
	for d, c := range s.Rows[ri].Cells {
		if c.Empty() {
			continue
		}
		if id := s.C.Docs[d].Report.ID; id != 0 {
			return fmt.Sprintf("%d:%d", id, c.Claim)
		}
		return fmt.Sprintf("doc:%d:%d", d, c.Claim)
	}
	return ""
}

// Folded returns visible with every fold of folds that open does not name
// reduced to its first row, and the folds so reduced by the position of
// that row in the returned rows: what the window lists, one line a fold.
func Folded(visible []int, folds []Fold, open func(key string) bool) (rows []int, at map[int]*Fold) {
	at = map[int]*Fold{}
	rows = make([]int, 0, len(visible))
	next := 0 // the next fold in folds, which are in visible's order
	for i := 0; i < len(visible); {
		for next < len(folds) && folds[next].Rows[0] < visible[i] {
			next++
		}
		if next < len(folds) && folds[next].Rows[0] == visible[i] && !open(folds[next].Key) {
			f := &folds[next]
			at[len(rows)] = f
			rows = append(rows, visible[i])
			i += len(f.Rows)
			continue
		}
		rows = append(rows, visible[i])
		i++
	}
	return rows, at
}

// FoldOf returns the fold of folds holding row ri, nil for none.
func FoldOf(folds []Fold, ri int) *Fold {
	for i := range folds {
		f := &folds[i]
		if ri >= f.Rows[0] && ri <= f.Rows[len(f.Rows)-1] {
			return f
		}
	}
	return nil
}

// FoldLabel says what a fold holds in an editor's words: "6 claims only in
// Reuters", or "5 claims each in one report only: Radio Horizon (3),
// Meridian Wire (2)" when the run mixes reports (most first). The count
// follows the name so that a name that starts or ends with a number
// ("2024 report", "Story 3") does not run into it.
func (s *Sheet) FoldLabel(f *Fold) string {
	per := make([]int, len(s.C.Docs))
	var order []int // reports in order of first appearance
	for _, ri := range f.Rows {
		for d, c := range s.Rows[ri].Cells {
			if !c.Empty() {
				if per[d] == 0 {
					order = append(order, d)
				}
				per[d]++
			}
		}
	}
	if len(order) == 1 {
		return fmt.Sprintf("%d claims only in %s", len(f.Rows), s.C.Docs[order[0]].Label())
	}
	// Most claims first; ties keep the order of appearance.
	slices.SortStableFunc(order, func(a, b int) int { return per[b] - per[a] })
	parts := make([]string, len(order))
	for i, d := range order {
		parts[i] = fmt.Sprintf("%s (%d)", s.C.Docs[d].Label(), per[d])
	}
	return fmt.Sprintf("%d claims each in one report only: %s", len(f.Rows), strings.Join(parts, ", "))
}
