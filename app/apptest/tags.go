package apptest

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"parallax/app"
)

// TagReports adds and removes tags as app.Store says, case-blind, keeping
// the first spelling of each tag.
func (s *Store) TagReports(_ context.Context, ids []int64, add, remove []string) error {
	clean := func(names []string) ([]string, error) {
		var out []string
		for _, n := range names {
			t, err := app.CheckTag(n)
			if err != nil {
				return nil, err
			}
			out = append(out, s.spelling(t))
		}
		return out, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	add, err := clean(add)
	if err != nil {
		return err
	}
	if remove, err = clean(remove); err != nil {
		return err
	}
	for _, id := range ids {
		if _, ok := s.reports[id]; !ok {
			return &app.NoReportError{ID: id}
		}
	}
	for _, id := range ids {
		r := s.reports[id]
		tags := slices.Clone(r.Tags)
		for _, t := range add {
			if !slices.ContainsFunc(tags, func(x string) bool { return strings.EqualFold(x, t) }) {
				tags = append(tags, t)
			}
		}
		tags = slices.DeleteFunc(tags, func(x string) bool {
			return slices.ContainsFunc(remove, func(t string) bool { return strings.EqualFold(x, t) })
		})
		sortTags(tags)
		if len(tags) == 0 {
			tags = nil
		}
		r.Tags = tags
		s.reports[id] = r
	}
	return nil
}

// spelling is the first spelling of tag t in the store, or t. Call with
// mu held.
func (s *Store) spelling(t string) string {
	for _, r := range s.reports {
		for _, x := range r.Tags {
			if strings.EqualFold(x, t) {
				return x
			}
		}
	}
	return t
}

// sortTags sorts tags as the store lists them: case-blind.
func sortTags(tags []string) {
	slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
}

// Tags counts the reports of every tag, by name.
func (s *Store) Tags(context.Context) ([]app.TagCount, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, r := range s.reports {
		for _, t := range r.Tags {
			n[t]++
		}
	}
	var names []string
	for t := range n {
		names = append(names, t)
	}
	sortTags(names)
	out := make([]app.TagCount, len(names))
	for i, t := range names {
		out[i] = app.TagCount{Name: t, Reports: n[t]}
	}
	return out, nil
}

// RenameTag renames or merges a tag as app.Store says.
func (s *Store) RenameTag(ctx context.Context, from, to string) error {
	from, err := app.CheckTag(from)
	if err != nil {
		return err
	}
	if to, err = app.CheckTag(to); err != nil {
		return err
	}
	s.mu.Lock()
	var ids []int64
	for id, r := range s.reports {
		if slices.ContainsFunc(r.Tags, func(x string) bool { return strings.EqualFold(x, from) }) {
			ids = append(ids, id)
		}
	}
	s.mu.Unlock()
	if len(ids) == 0 {
		return fmt.Errorf("tag %q: %w", from, app.ErrNotFound)
	}
	if err := s.TagReports(ctx, ids, nil, []string{from}); err != nil {
		return err
	}
	return s.TagReports(ctx, ids, []string{to}, nil)
}
