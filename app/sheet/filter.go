package sheet

import (
	"fmt"
	"strconv"
	"strings"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/textnorm"
)

// FilterKind says which rows a filter shows.
type FilterKind uint8

// The filters the window offers.
const (
	All         FilterKind = iota // every row
	Shared                        // rows two or more reports state
	Differences                   // shared rows worded differently or flagged
	Flagged                       // rows with a flag
	Single                        // claims only one report states
	OfReport                      // rows with a claim of one report
	Judged                        // rows the editor gave one verdict
	Noted                         // rows with a note
)

// Filter chooses rows; Doc is the report's index for OfReport, Verdict
// the verdict for Judged.
type Filter struct {
	Kind    FilterKind
	Doc     int
	Verdict app.Verdict
}

var filterNames = [...]string{All: "all", Shared: "shared", Differences: "differences",
	Flagged: "flagged", Single: "single", Noted: "noted"}

// Label is the filter as the window's chooser shows it.
func (f Filter) Label(s *Sheet) string {
	switch f.Kind {
	case Shared:
		return "Shared by 2+ reports"
	case Differences:
		return "Differences"
	case Flagged:
		return "Flagged"
	case Single:
		return "Single source"
	case OfReport:
		if f.Doc >= 0 && f.Doc < len(s.C.Docs) {
			return "Claims of " + s.C.Docs[f.Doc].Label()
		}
	case Judged:
		return "Verdict: " + string(f.Verdict.Or())
	case Noted:
		return "With a note"
	}
	return "All rows"
}

// Filters lists every filter the sheet offers, in menu order.
func (s *Sheet) Filters() []Filter {
	out := []Filter{{Kind: All}, {Kind: Shared}, {Kind: Differences}, {Kind: Flagged}, {Kind: Single}}
	for _, v := range app.Verdicts {
		out = append(out, Filter{Kind: Judged, Verdict: v})
	}
	out = append(out, Filter{Kind: Noted})
	for d := range s.C.Docs {
		out = append(out, Filter{Kind: OfReport, Doc: d})
	}
	return out
}

// Format is the filter as saved with a comparison: a name, "verdict:NAME",
// or "report:ID" with the report's library ID so it survives a change of
// column order ("doc:N", the report's index, for files compared outside
// the library).
func (f Filter) Format(s *Sheet) string {
	if f.Kind == Judged {
		return "verdict:" + string(f.Verdict.Or())
	}
	if f.Kind == OfReport {
		switch {
		case f.Doc < 0 || f.Doc >= len(s.C.Docs):
			return "all"
		case s.C.Docs[f.Doc].Report.ID == 0: // files, not in the library
			return fmt.Sprintf("doc:%d", f.Doc)
		}
		return fmt.Sprintf("report:%d", s.C.Docs[f.Doc].Report.ID)
	}
	return filterNames[f.Kind]
}

// ParseFilter reads a saved filter; anything it does not know (a report no
// longer compared, an empty string) shows all rows.
func (s *Sheet) ParseFilter(v string) Filter {
	if name, ok := strings.CutPrefix(v, "verdict:"); ok {
		if verdict := app.Verdict(name); verdict != "" && verdict.Valid() {
			return Filter{Kind: Judged, Verdict: verdict}
		}
		return Filter{}
	}
	if id, ok := strings.CutPrefix(v, "report:"); ok {
		n, err := strconv.ParseInt(id, 10, 64)
		for d := range s.C.Docs {
			if err == nil && s.C.Docs[d].Report.ID == n {
				return Filter{Kind: OfReport, Doc: d}
			}
		}
		return Filter{}
	}
	if doc, ok := strings.CutPrefix(v, "doc:"); ok {
		if n, err := strconv.Atoi(doc); err == nil && n >= 0 && n < len(s.C.Docs) {
			return Filter{Kind: OfReport, Doc: n}
		}
		return Filter{}
	}
	for k, name := range filterNames {
		if name == v && name != "" {
			return Filter{Kind: FilterKind(k)}
		}
	}
	return Filter{}
}

// Keep reports whether row i passes the filter.
func (f Filter) Keep(r *Row) bool {
	switch f.Kind {
	case Shared:
		return r.Reports > 1
	case Differences:
		return IsDifference(r)
	case Flagged:
		return r.Status == compare.StatusFlagged
	case Single:
		return r.Status == compare.StatusSingle
	case OfReport:
		return f.Doc >= 0 && f.Doc < len(r.Cells) && !r.Cells[f.Doc].Empty()
	case Judged:
		return r.Verdict.Or() == f.Verdict.Or()
	case Noted:
		return r.Notes > 0
	}
	return true
}

// IsDifference reports whether a row is one "next difference" stops at:
// reports that state the claim word it differently or a flag marks it.
func IsDifference(r *Row) bool {
	return r.Status == compare.StatusDiffer || r.Status == compare.StatusFlagged
}

// IsFlagged reports whether a row carries a flag.
func IsFlagged(r *Row) bool { return r.Status == compare.StatusFlagged }

// Visible returns the indices of the rows the filter shows that have a
// claim in at least one shown column (shown[doc]; nil shows every column).
func (s *Sheet) Visible(f Filter, shown []bool) []int {
	var out []int
	for i := range s.Rows {
		r := &s.Rows[i]
		if !f.Keep(r) {
			continue
		}
		for d := range r.Cells {
			if !r.Cells[d].Empty() && (shown == nil || shown[d]) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// Next returns the position in visible of the first row after position
// from (before it when dir < 0) that want accepts, or -1 when there is
// none. from may be -1 (before the first) or len(visible).
func (s *Sheet) Next(visible []int, from, dir int, want func(*Row) bool) int {
	step := 1
	if dir < 0 {
		step = -1
	}
	for p := from + step; p >= 0 && p < len(visible); p += step {
		if want(&s.Rows[visible[p]]) {
			return p
		}
	}
	return -1
}

// Find returns the positions in visible of the rows whose claims contain
// query, compared case- and accent-blind (textnorm.Fold).
func (s *Sheet) Find(visible []int, query string) []int {
	q := FindQuery(query)
	if q == "" {
		return nil
	}
	var out []int
	for p, i := range visible {
		if strings.Contains(s.Rows[i].find, q) {
			out = append(out, p)
		}
	}
	return out
}

// FindQuery is a text as Find matches it: folded (case- and accent-blind,
// textnorm.Fold) with its runs of spaces and line breaks made one space,
// so a phrase typed in the find box matches across a transcript's line
// break. The window marks the words of the cells with the same folding.
func FindQuery(text string) string {
	return strings.Join(strings.Fields(textnorm.Fold(text)), " ")
}
