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
	"parallax/app/fetch"
	"parallax/app/files"
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

// ImportOptions apply to every item of an import.
type ImportOptions struct {
	// Meta is what the editor said about the reports; its empty fields are
	// filled from each file.
	Meta ingest.Meta
	// Read changes how files are read (OCR of scanned PDFs).
	Read ingest.Options
}

// Import reads and stores each source in turn: a file path, a folder
// (each file in it and its sub-folders that Parallax can read, see
// Expand), or a web address (http:// or https://), whose page is fetched
// and read like a saved page (see readAddress). One bad source does not
// stop the others. each, when not nil, is called with every outcome as
// soon as it is final, with the count done so far and the total, so that
// a caller can show it at once (a command line that is killed has then
// reported everything it stored). Cancelling ctx stops before the next
// source (and stops a fetch under way); what was stored stays stored, and
// the sources not reached are reported as cancelled. The outcomes are also
// returned, in order, without the reports' texts and cues, so a batch of
// thousands of files holds one text at a time.
func (w *Workspace) Import(ctx context.Context, sources []string, opt ImportOptions, each func(done, total int, res Imported)) []Imported {
	items := Expand(sources)
	out := make([]Imported, 0, len(items))
	for i, it := range items {
		res := it
		if res.Err == nil {
			res = w.import1(ctx, it.Path, opt)
		}
		res.Report.Text, res.Report.Cues = "", nil
		out = append(out, res)
		if each != nil {
			each(i+1, len(items), res)
		}
	}
	return out
}

// import1 reads and stores one file or address. Errors name the file (its
// base name, control characters escaped) or the address.
func (w *Workspace) import1(ctx context.Context, path string, opt ImportOptions) Imported {
	name := files.Printable(filepath.Base(path))
	read := func() (ingest.Document, error) { return opt.Read.ReadFile(path, opt.Meta) }
	if fetch.IsAddress(path) {
		addr := strings.TrimSpace(path)
		name = files.Printable(addr)
		read = func() (ingest.Document, error) { return readAddress(ctx, addr, opt) }
	}
	if err := ctx.Err(); err != nil {
		return Imported{Path: path, Err: fmt.Errorf("%s: not imported: %w", name, err)}
	}
	doc, err := read()
	if err != nil {
		return Imported{Path: path, Err: fmt.Errorf("%s: %w", name, err)}
	}
	res := w.store1(ctx, doc.Report)
	res.Path = path
	if res.Err != nil {
		res.Err = fmt.Errorf("%s: %w", name, res.Err)
	}
	return res
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
		return r, &app.NoReportError{ID: id}
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
		return &app.NoReportError{ID: id}
	}
	return err
}

// Fields says which of a report's details an edit sets.
type Fields uint8

// The details EditMeta can set.
const (
	FieldTitle Fields = 1 << iota
	FieldOutlet
	FieldAuthor
	FieldPublished
	FieldURL
)

// EditMeta sets the details of report id that set names to m's values
// (cleaned as an import cleans them; an empty value clears the detail),
// keeping its text and everything else, and returns the report as stored.
// Editors fix what a file did not say or said wrong: a plain text file's
// title is its first sentence, a web page may name no author.
func (w *Workspace) EditMeta(ctx context.Context, id int64, m ingest.Meta, set Fields) (app.Report, error) {
	old, err := w.Report(ctx, id)
	if err != nil {
		return old, err
	}
	m = m.Clean()
	r := old
	for _, f := range []struct {
		bit  Fields
		dst  *string
		from string
	}{
		{FieldTitle, &r.Title, m.Title}, {FieldOutlet, &r.Outlet, m.Outlet}, {FieldAuthor, &r.Author, m.Author},
		{FieldPublished, &r.Published, m.Published}, {FieldURL, &r.URL, m.URL},
	} {
		if set&f.bit != 0 {
			*f.dst = f.from
		}
	}
	if err := w.store.UpdateReport(ctx, &r); err != nil {
		return old, fmt.Errorf("could not save the report's details: %w", err)
	}
	return r, nil
}
