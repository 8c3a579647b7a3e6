package apptest

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"parallax/app"
)

// FindReports filters and sorts as app.ReportQuery says, in memory.
func (s *Store) FindReports(_ context.Context, q app.ReportQuery) ([]app.Report, error) {
	if err := q.Check(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	compared := map[int64]bool{}
	for _, c := range s.comps {
		for _, id := range c.Reports {
			compared[id] = true
		}
	}
	out := s.list(func(r app.Report) bool {
		dated := app.Dated(r.Published)
		switch {
		case q.Outlet != "" && !strings.EqualFold(r.Outlet, q.Outlet),
			q.Format != "" && !strings.EqualFold(r.Format, q.Format),
			q.Tag != "" && !slices.ContainsFunc(r.Tags, func(t string) bool { return strings.EqualFold(t, q.Tag) }),
			(q.After != "" || q.Before != "") && !dated,
			q.After != "" && r.Published < q.After,
			q.Before != "" && r.Published[:min(len(q.Before), len(r.Published))] > q.Before,
			q.Compared == app.Yes && !compared[r.ID],
			q.Compared == app.No && compared[r.ID]:
			return false
		}
		return true
	})
	key := func(r app.Report) string {
		if r.Title == "" {
			return strings.ToLower(r.FileName)
		}
		return strings.ToLower(r.Title)
	}
	by := map[string]func(a, b app.Report) int{
		"published": func(a, b app.Report) int {
			return cmp.Or(lastIfEmpty(dated(a), dated(b)), cmp.Compare(dated(a), dated(b)))
		},
		"outlet": func(a, b app.Report) int {
			return cmp.Or(lastIfEmpty(a.Outlet, b.Outlet), cmp.Compare(strings.ToLower(a.Outlet), strings.ToLower(b.Outlet)))
		},
		"title": func(a, b app.Report) int { return cmp.Compare(key(a), key(b)) },
		"words": func(a, b app.Report) int { return cmp.Compare(b.Words, a.Words) },
	}
	f, ok := by[q.Sort]
	if !ok {
		f = func(a, b app.Report) int { return b.Created.Compare(a.Created) }
	}
	slices.SortStableFunc(out, func(a, b app.Report) int {
		c := f(a, b)
		if c == 0 {
			c = cmp.Compare(b.ID, a.ID)
		}
		if q.Reverse && !(q.Sort == "published" && lastIfEmpty(dated(a), dated(b)) != 0) &&
			!(q.Sort == "outlet" && lastIfEmpty(a.Outlet, b.Outlet) != 0) {
			c = -c
		}
		return c
	})
	return out, nil
}

// dated is r's published date when app.Dated, else "".
func dated(r app.Report) string {
	if app.Dated(r.Published) {
		return r.Published
	}
	return ""
}

// lastIfEmpty orders an empty value after a present one: 1 when only a is
// empty, -1 when only b is, else 0.
func lastIfEmpty(a, b string) int {
	switch {
	case a == "" && b != "":
		return 1
	case a != "" && b == "":
		return -1
	}
	return 0
}
