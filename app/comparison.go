package app

import "time"

// Comparison is a saved set of 2 to MaxReports reports being compared, with
// the settings the editor left it in, so that it reopens exactly as it was:
// the same rows (Base and Strictness decide them), the same filter, the
// same columns in the same order and the same place in the rows.
type Comparison struct {
	ID   int64
	Name string
	// Reports are the compared reports' IDs in column order.
	Reports []int64
	// Base is the base report's ID: rows follow its order and its claims
	// are the reference the others are diffed against. 0 means the first.
	Base int64
	// Strictness moves the aligner's thresholds; 0 is the tuned default.
	Strictness float64
	// Filter names the rows shown ("all", "shared", "differences",
	// "flagged", "single", or "report:ID"); empty means all.
	Filter string
	// Hidden are the IDs of reports whose columns are hidden.
	Hidden []int64
	// Widths are the column widths the editor dragged, in window units, by
	// report ID; a report without one shares the width left over.
	Widths map[int64]float64
	// Top is the index of the row at the top of the view, among the rows the
	// filter shows.
	Top int
	// Unfolded are the runs of single-source rows the editor unfolded, each
	// named by the first claim of its run as "reportID:claim" (the claim's
	// index in its report): the window folds every other run of two or more
	// claims no other report states to one line, as a diff tool folds
	// unchanged lines, and a run keeps its name across re-alignments that
	// leave its first claim where it was.
	Unfolded []string
	// Summary is the editor's note on the whole comparison.
	Summary string
	Created time.Time
	Updated time.Time
}

// Comparison sizes: fewer than two reports compare nothing; more than
// twelve columns no longer fit a laptop screen readably.
const (
	MinReports = 2
	MaxReports = 12
)
