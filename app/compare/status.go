package compare

import (
	"fmt"

	"parallax/app/worddiff"
)

// Status is what a main row says at a glance: the colour of its gutter and
// of its cells in the overview, and what the status bar counts.
type Status uint8

// Row statuses.
const (
	// StatusLink: a two-claim link between main rows, not a row of its own.
	StatusLink Status = iota
	// StatusSingle: a claim no other report states.
	StatusSingle
	// StatusAgree: two or more reports state it in the same words (after
	// folding case, quotes and dashes).
	StatusAgree
	// StatusDiffer: two or more reports state it, worded differently.
	StatusDiffer
	// StatusFlagged: two or more reports state it and a flag marks a
	// discrepancy (a number, a name, a date, a negation, an attribution or
	// a hedge).
	StatusFlagged
)

var statusNames = [...]string{StatusLink: "link", StatusSingle: "single source", StatusAgree: "all agree",
	StatusDiffer: "differ", StatusFlagged: "flagged"}

func (s Status) String() string { return statusNames[s] }

// Status returns row i's status. It diffs the row's claims against its
// reference, so callers that need it often should keep the answer.
func (c *Comparison) Status(i int) Status {
	r := &c.Rows[i]
	if s := r.quickStatus(); s != StatusAgree {
		return s
	}
	ref := r.Claims[r.Ref]
	for k, cl := range r.Claims {
		if k == r.Ref {
			continue
		}
		for _, e := range worddiff.Diff(c.Docs[ref.Doc].ClaimText(ref.Claim), c.Docs[cl.Doc].ClaimText(cl.Claim)) {
			if e.Op != worddiff.Equal {
				return StatusDiffer
			}
		}
	}
	return StatusAgree
}

// quickStatus is the status that needs no diff: StatusAgree stands for
// "agree or differ".
func (r *Row) quickStatus() Status {
	switch {
	case r.Link:
		return StatusLink
	case len(r.Claims) < 2:
		return StatusSingle
	case len(r.Flags) > 0:
		return StatusFlagged
	}
	return StatusAgree
}

// Counts summarise a comparison for a status bar or a report's header.
type Counts struct {
	// Rows counts the main rows; Shared those stated by two or more
	// reports, Flagged those of them with a flag, Single the claims no
	// other report states; Links the two-claim links between rows.
	Rows, Shared, Flagged, Single, Links int
}

// Counts counts the rows by status (without diffing: Agree and Differ
// both count as shared).
func (c *Comparison) Counts() Counts {
	var n Counts
	for i := range c.Rows {
		switch c.Rows[i].quickStatus() {
		case StatusLink:
			n.Links++
			continue
		case StatusSingle:
			n.Single++
		case StatusFlagged:
			n.Flagged++
			n.Shared++
		default:
			n.Shared++
		}
		n.Rows++
	}
	return n
}

// String is the summary line: "38 rows, 9 shared by 2+ reports, 4 flagged,
// 25 single source, 120 links".
func (n Counts) String() string {
	return fmt.Sprintf("%d rows, %d shared by 2+ reports, %d flagged, %d single source, %d links between rows",
		n.Rows, n.Shared, n.Flagged, n.Single, n.Links)
}
