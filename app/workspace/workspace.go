// Package workspace holds the use cases that the window and the command line
// share: importing reports, listing, searching, showing and removing them.
// Keeping them here, over the app.Store interface, means both front ends
// behave the same and the rules (duplicates, first-run samples) are tested
// once, without a GUI or a database.
//
// Long operations report progress through plain callbacks, never GUI types.
package workspace

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"parallax/app"
	"parallax/app/ingest"
)

// Workspace runs use cases against one library.
type Workspace struct {
	store app.Store
}

// New returns a workspace over store.
func New(store app.Store) *Workspace { return &Workspace{store: store} }

// Imported is the outcome of importing one file or paste.
type Imported struct {
	// Path is the file imported, empty for a paste.
	Path string
	// Report is the stored report; for a duplicate, the one already stored.
	Report app.Report
	// Duplicate is true when the text was already in the library and
	// nothing new was stored.
	Duplicate bool
	// Err is a failure in words for the editor (the file's name first).
	Err error
}

// Progress is told how many of total items are done; it may be nil.
type Progress func(done, total int)

// ImportFiles reads and stores each file in turn. One bad file does not stop
// the others: each outcome is returned in order. meta applies to every file
// (its empty fields are filled from each file's text).
func (w *Workspace) ImportFiles(ctx context.Context, paths []string, meta ingest.Meta, progress Progress) []Imported {
	out := make([]Imported, 0, len(paths))
	for i, p := range paths {
		if err := ctx.Err(); err != nil {
			out = append(out, Imported{Path: p, Err: fmt.Errorf("%s: %w", filepath.Base(p), err)})
			continue
		}
		doc, err := ingest.ReadFile(p, meta)
		if err != nil {
			out = append(out, Imported{Path: p, Err: fmt.Errorf("%s: %w", filepath.Base(p), err)})
		} else {
			res := w.store1(ctx, doc.Report)
			res.Path = p
			if res.Err != nil {
				res.Err = fmt.Errorf("%s: %w", filepath.Base(p), res.Err)
			}
			out = append(out, res)
		}
		if progress != nil {
			progress(i+1, len(paths))
		}
	}
	return out
}

// ImportText stores pasted text as a report.
func (w *Workspace) ImportText(ctx context.Context, text string, meta ingest.Meta) Imported {
	doc, err := ingest.Read("", []byte(text), meta)
	if err != nil {
		return Imported{Err: err}
	}
	return w.store1(ctx, doc.Report)
}

// store1 adds r, turning a duplicate into an outcome rather than a failure.
func (w *Workspace) store1(ctx context.Context, r app.Report) Imported {
	err := w.store.AddReport(ctx, &r)
	var dup *app.DuplicateError
	switch {
	case errors.As(err, &dup):
		return Imported{Report: dup.Existing, Duplicate: true}
	case err != nil:
		return Imported{Err: err}
	}
	return Imported{Report: r}
}

// Reports lists the library, newest first, without texts.
func (w *Workspace) Reports(ctx context.Context) ([]app.Report, error) {
	return w.store.Reports(ctx)
}

// Report returns one report with its text.
func (w *Workspace) Report(ctx context.Context, id int64) (app.Report, error) {
	r, err := w.store.Report(ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		return r, fmt.Errorf("no report with ID %d in the library", id)
	}
	return r, err
}

// Search finds reports by their words; an empty query finds nothing.
func (w *Workspace) Search(ctx context.Context, query string, limit int) ([]app.SearchHit, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	return w.store.SearchReports(ctx, query, limit)
}

// Remove deletes one report.
func (w *Workspace) Remove(ctx context.Context, id int64) error {
	err := w.store.RemoveReport(ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		return fmt.Errorf("no report with ID %d in the library", id)
	}
	return err
}
