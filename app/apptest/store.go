// Package apptest provides an in-memory app.Store for tests of the packages
// that use the library (workspace, views) without SQLite. It keeps enough of
// the contract — IDs, duplicate hashes, newest first, word search, settings,
// ErrNotFound — that a test passing here means the same code works over the
// real store, whose own tests pin the contract down.
package apptest

import (
	"context"
	"sort"
	"strings"
	"sync"
	"time"

	"parallax/app"
)

// Store is an in-memory app.Store, safe for concurrent use.
type Store struct {
	mu       sync.Mutex
	next     int64
	reports  map[int64]app.Report
	settings map[string]string
	// FailAdd, when set, is returned by every AddReport, to test how callers
	// cope with a library that cannot be written.
	FailAdd error
}

var _ app.Store = (*Store)(nil)

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{reports: map[int64]app.Report{}, settings: map[string]string{}}
}

// AddReport stores r with the next ID and a Created time one minute after
// the previous report's, so "newest first" is deterministic.
func (s *Store) AddReport(_ context.Context, r *app.Report) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.FailAdd != nil {
		return s.FailAdd
	}
	for _, e := range s.reports {
		if r.Hash != "" && e.Hash == r.Hash {
			e.Text = ""
			return &app.DuplicateError{Existing: e}
		}
	}
	s.next++
	r.ID = s.next
	r.Created = time.Date(2025, 11, 20, 9, 30, 0, 0, time.UTC).Add(time.Duration(r.ID) * time.Minute)
	r.Updated = r.Created
	s.reports[r.ID] = *r
	return nil
}

// Put stores r as it is, ID included, bypassing the duplicate check: for
// tests that need a library in a given state.
func (s *Store) Put(r app.Report) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reports[r.ID] = r
	if r.ID > s.next {
		s.next = r.ID
	}
}

// Report returns one report with its text.
func (s *Store) Report(_ context.Context, id int64) (app.Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.reports[id]
	if !ok {
		return app.Report{}, app.ErrNotFound
	}
	return r, nil
}

// Reports lists every report newest first, without text.
func (s *Store) Reports(context.Context) ([]app.Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.list(func(app.Report) bool { return true }), nil
}

// list returns matching reports newest first, without text. Call with mu held.
func (s *Store) list(keep func(app.Report) bool) []app.Report {
	out := []app.Report{}
	for _, r := range s.reports {
		if keep(r) {
			r.Text = ""
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID > out[j].ID })
	return out
}

// SearchReports finds reports containing every word of query (case-blind
// substring match: a stand-in for full-text search, not a model of it).
func (s *Store) SearchReports(_ context.Context, query string, limit int) ([]app.SearchHit, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	words := strings.Fields(strings.ToLower(query))
	rs := s.list(func(r app.Report) bool {
		hay := strings.ToLower(r.Title + " " + r.Outlet + " " + s.reports[r.ID].Text)
		for _, w := range words {
			if !strings.Contains(hay, w) {
				return false
			}
		}
		return true
	})
	var hits []app.SearchHit
	for i, r := range rs {
		if i == limit {
			break
		}
		hits = append(hits, app.SearchHit{Report: r, Rank: float64(i)})
	}
	return hits, nil
}

// RemoveReport deletes one report.
func (s *Store) RemoveReport(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.reports[id]; !ok {
		return app.ErrNotFound
	}
	delete(s.reports, id)
	return nil
}

// Setting reads a setting ("" when unset).
func (s *Store) Setting(_ context.Context, key string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.settings[key], nil
}

// SetSetting writes a setting.
func (s *Store) SetSetting(_ context.Context, key, value string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.settings[key] = value
	return nil
}

// Close does nothing.
func (s *Store) Close() error { return nil }

// Count is the number of reports stored.
func (s *Store) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.reports)
}

// All returns every stored report with its text, by ID.
func (s *Store) All() []app.Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]app.Report, 0, len(s.reports))
	for _, r := range s.reports {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
