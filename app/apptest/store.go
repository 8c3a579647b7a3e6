// Package apptest provides an in-memory app.Store for tests of the packages
// that use the library (workspace, views) without SQLite. It keeps enough of
// the contract — IDs, duplicate hashes, newest first, word search, settings,
// ErrNotFound — that a test passing here means the same code works over the
// real store, whose own tests pin the contract down.
package apptest

import (
	"context"
	"fmt"
	"maps"
	"slices"
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
	comps    map[int64]app.Comparison
	nextComp int64
	notes    []app.Note
	fixes    []app.Fix
	// nextID numbers notes and fixes.
	nextID int64
	// tick orders comparisons' Updated times: each write is a minute later.
	tick int64
	// FailAdd, when set, is returned by every AddReport, to test how callers
	// cope with a library that cannot be written.
	FailAdd error
}

var _ app.Store = (*Store)(nil)

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{reports: map[int64]app.Report{}, settings: map[string]string{}, comps: map[int64]app.Comparison{}}
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
			r.Text, r.Cues = "", nil
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
	// As in SQLite: the report leaves every comparison, and an unset base.
	for cid, c := range s.comps {
		c.Reports = slices.DeleteFunc(slices.Clone(c.Reports), func(r int64) bool { return r == id })
		c.Hidden = slices.DeleteFunc(slices.Clone(c.Hidden), func(r int64) bool { return r == id })
		if c.Base == id {
			c.Base = 0
		}
		s.comps[cid] = c
	}
	return nil
}

// AddComparison stores c with the next ID; every report must exist.
func (s *Store) AddComparison(_ context.Context, c *app.Comparison) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.checkReports(c); err != nil {
		return err
	}
	s.nextComp++
	c.ID = s.nextComp
	c.Created = s.now()
	c.Updated = c.Created
	s.comps[c.ID] = clone(*c)
	return nil
}

// checkReports returns ErrNotFound when c names a missing report. Call with
// mu held.
func (s *Store) checkReports(c *app.Comparison) error {
	for _, id := range c.Reports {
		if _, ok := s.reports[id]; !ok {
			return app.ErrNotFound
		}
	}
	return nil
}

// Comparison returns one comparison.
func (s *Store) Comparison(_ context.Context, id int64) (app.Comparison, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.comps[id]
	if !ok {
		return c, app.ErrNotFound
	}
	return clone(c), nil
}

// Comparisons lists comparisons, most recently updated first.
func (s *Store) Comparisons(context.Context) ([]app.Comparison, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []app.Comparison
	for _, c := range s.comps {
		out = append(out, clone(c))
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Updated.Equal(out[j].Updated) {
			return out[i].Updated.After(out[j].Updated)
		}
		return out[i].ID > out[j].ID
	})
	return out, nil
}

// UpdateComparison saves c.
func (s *Store) UpdateComparison(_ context.Context, c *app.Comparison) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.comps[c.ID]
	if !ok {
		return app.ErrNotFound
	}
	if err := s.checkReports(c); err != nil {
		return err
	}
	c.Created = old.Created
	c.Updated = s.now()
	s.comps[c.ID] = clone(*c)
	return nil
}

// RemoveComparison deletes one comparison.
func (s *Store) RemoveComparison(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.comps[id]; !ok {
		return app.ErrNotFound
	}
	delete(s.comps, id)
	s.notes = slices.DeleteFunc(s.notes, func(n app.Note) bool { return n.Comparison == id })
	s.fixes = slices.DeleteFunc(s.fixes, func(f app.Fix) bool { return f.Comparison == id })
	return nil
}

// UpdateReport rewrites a report keeping its ID.
func (s *Store) UpdateReport(_ context.Context, r *app.Report) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	old, ok := s.reports[r.ID]
	if !ok {
		return app.ErrNotFound
	}
	for _, e := range s.reports {
		if e.ID != r.ID && r.Hash != "" && e.Hash == r.Hash {
			e.Text = ""
			return &app.DuplicateError{Existing: e}
		}
	}
	r.Created = old.Created
	r.Updated = s.now()
	r.Tags = old.Tags // tags are the editor's, not the text's
	s.reports[r.ID] = *r
	return nil
}

// Notes lists a comparison's notes, oldest first.
func (s *Store) Notes(_ context.Context, comparison int64) ([]app.Note, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []app.Note
	for _, n := range s.notes {
		if n.Comparison == comparison {
			n.Anchors = slices.Clone(n.Anchors)
			out = append(out, n)
		}
	}
	return out, nil
}

// SaveNote inserts or rewrites a note.
func (s *Store) SaveNote(_ context.Context, n *app.Note) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !n.Verdict.Valid() {
		return fmt.Errorf("unknown verdict %q", n.Verdict)
	}
	n.Verdict = n.Verdict.Or()
	n.Updated = s.now()
	saved := *n
	saved.Anchors = slices.Clone(n.Anchors)
	if n.ID == 0 {
		s.nextID++
		n.ID, n.Created = s.nextID, n.Updated
		saved.ID, saved.Created = n.ID, n.Created
		s.notes = append(s.notes, saved)
		return nil
	}
	for i := range s.notes {
		if s.notes[i].ID == n.ID {
			saved.Created = s.notes[i].Created
			s.notes[i] = saved
			return nil
		}
	}
	return app.ErrNotFound
}

// RemoveNote deletes one note.
func (s *Store) RemoveNote(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return removeID(&s.notes, id, func(n app.Note) int64 { return n.ID })
}

// Fixes lists a comparison's fixes in the order they were made.
func (s *Store) Fixes(_ context.Context, comparison int64) ([]app.Fix, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []app.Fix
	for _, f := range s.fixes {
		if f.Comparison == comparison {
			out = append(out, f)
		}
	}
	return out, nil
}

// AddFix stores a fix after the others.
func (s *Store) AddFix(_ context.Context, f *app.Fix) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	f.ID, f.Created = s.nextID, s.now()
	s.fixes = append(s.fixes, *f)
	return nil
}

// RemoveFix deletes one fix.
func (s *Store) RemoveFix(_ context.Context, id int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return removeID(&s.fixes, id, func(f app.Fix) int64 { return f.ID })
}

// removeID deletes the item of *items whose ID is id, or returns
// ErrNotFound as the SQLite store does.
func removeID[T any](items *[]T, id int64, idOf func(T) int64) error {
	n := len(*items)
	*items = slices.DeleteFunc(*items, func(x T) bool { return idOf(x) == id })
	if len(*items) == n {
		return app.ErrNotFound
	}
	return nil
}

// now is the next comparison write time. Call with mu held.
func (s *Store) now() time.Time {
	s.tick++
	return time.Date(2025, 11, 21, 9, 30, 0, 0, time.UTC).Add(time.Duration(s.tick) * time.Minute)
}

// clone copies c's slices, so callers never share the store's.
func clone(c app.Comparison) app.Comparison {
	c.Reports = slices.Clone(c.Reports)
	c.Hidden = slices.Clone(c.Hidden)
	c.Widths = maps.Clone(c.Widths)
	c.Unfolded = slices.Clone(c.Unfolded)
	return c
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
