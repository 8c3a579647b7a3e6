package app

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// ReportQuery selects and orders reports of the library: the library list
// sorted and filtered. The zero value is every report, newest first.
type ReportQuery struct {
	// Sort is the order, one of SortKeys ("" is "added"); Reverse turns
	// it round. Added and words sort largest first, the others A to Z and
	// earliest first; reports without a published date (Dated) or an
	// outlet come last either way.
	Sort    string
	Reverse bool
	// Outlet, Tag and Format keep the reports of that outlet, carrying
	// that tag or read by that reader ("html"), case-blind; "" keeps all.
	Outlet, Tag, Format string
	// After and Before keep the reports published on or after, and on or
	// before, a date: "2024", "2024-05" or "2024-05-01" (CheckDate).
	// Reports without such a date (Dated) are then left out.
	After, Before string
	// Compared keeps only the reports in some saved comparison (Yes), or
	// only those in none (No); the zero value keeps all.
	Compared Choice
}

// Choice is a filter that can be off, or ask for yes or no.
type Choice int8

// Choices.
const (
	Any Choice = iota
	Yes
	No
)

// SortKeys are the orders ReportQuery.Sort takes.
var SortKeys = []string{"added", "published", "outlet", "title", "words"}

// dateForm is a date as ReportQuery's bounds take it.
var dateForm = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Dated reports whether a report's Published is a date the bounds and the
// published order understand: ISO 8601, starting with a four-digit year.
// A date kept as typed ("14 May") is not.
func Dated(published string) bool {
	if len(published) < 4 {
		return false
	}
	for _, c := range published[:4] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Check reports what is wrong with q in the editor's words, nil when it
// selects.
func (q ReportQuery) Check() error {
	if q.Sort != "" && !slices.Contains(SortKeys, q.Sort) {
		return fmt.Errorf("cannot sort by %q (use %s)", q.Sort, strings.Join(SortKeys, ", "))
	}
	for _, d := range []string{q.After, q.Before} {
		if d != "" && !dateForm.MatchString(d) {
			return fmt.Errorf("%q is not a date as 2024, 2024-05 or 2024-05-01", d)
		}
	}
	return nil
}
