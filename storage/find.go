package storage

import (
	"context"
	"fmt"
	"strings"

	"parallax/app"
)

// sortOrder is the SQL order of a sort key: last is a term that puts the
// reports without a value at the end (an undated report: app.Dated is the
// GLOB; one without an outlet) whichever way the order runs, key the order
// itself, largest or A first.
type sortOrder struct{ last, key string }

// sortOrders are the orders of app.ReportQuery's sort keys.
var sortOrders = map[string]sortOrder{
	"added": {key: "created DESC"},
	"published": {last: "published NOT GLOB '[0-9][0-9][0-9][0-9]*'",
		key: "CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]*' THEN published ELSE '' END"},
	"outlet": {last: "outlet = ''", key: "outlet COLLATE NOCASE"},
	"title":  {key: "CASE WHEN title = '' THEN file_name ELSE title END COLLATE NOCASE"},
	"words":  {key: "words DESC"},
}

// FindReports lists the reports q selects, in its order, by one query:
// the filters and the order are SQL, so a large library is never read
// whole to be filtered.
func (db *DB) FindReports(ctx context.Context, q app.ReportQuery) ([]app.Report, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	var where []string
	var args []any
	if q.Outlet != "" {
		where, args = append(where, "outlet = ? COLLATE NOCASE"), append(args, q.Outlet)
	}
	if q.Format != "" {
		where, args = append(where, "format = ? COLLATE NOCASE"), append(args, q.Format)
	}
	if q.Tag != "" {
		where = append(where, "id IN (SELECT rt.report FROM report_tags rt JOIN tags t ON t.id = rt.tag WHERE t.name = ?)")
		args = append(args, strings.Join(strings.Fields(q.Tag), " "))
	}
	if q.After != "" || q.Before != "" {
		where = append(where, "published GLOB '[0-9][0-9][0-9][0-9]*'")
	}
	if q.After != "" {
		where, args = append(where, "published >= ?"), append(args, q.After)
	}
	if q.Before != "" {
		// "2024-05" takes in every day of May: compare the date's prefix.
		where, args = append(where, "substr(published, 1, ?) <= ?"), append(args, len(q.Before), q.Before)
	}
	switch q.Compared {
	case app.Yes:
		where = append(where, "EXISTS (SELECT 1 FROM comparison_reports cr WHERE cr.report = reports.id)")
	case app.No:
		where = append(where, "NOT EXISTS (SELECT 1 FROM comparison_reports cr WHERE cr.report = reports.id)")
	}
	key := q.Sort
	if key == "" {
		key = "added"
	}
	o := sortOrders[key]
	order := o.key + ", id DESC"
	if q.Reverse {
		order = reverse(order)
	}
	if o.last != "" {
		order = "(" + o.last + "), " + order
	}
	query := `SELECT ` + reportColumns + ` FROM reports`
	if len(where) > 0 {
		query += ` WHERE ` + strings.Join(where, " AND ")
	}
	rows, err := db.db.QueryContext(ctx, query+` ORDER BY `+order, args...)
	if err != nil {
		return nil, fmt.Errorf("storage: find reports: %w", err)
	}
	defer rows.Close()
	var out []app.Report
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("storage: find reports: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// reverse turns an ORDER BY list round, term by term.
func reverse(order string) string {
	terms := strings.Split(order, ",")
	for i, t := range terms {
		t = strings.TrimSpace(t)
		if strings.HasSuffix(t, " DESC") {
			t = strings.TrimSuffix(t, " DESC")
		} else {
			t += " DESC"
		}
		terms[i] = t
	}
	return strings.Join(terms, ", ")
}
