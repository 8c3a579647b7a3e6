package workspace

import (
	"context"

	"parallax/app"
)

// TagReports adds and removes tags on reports (app.Store.TagReports).
func (w *Workspace) TagReports(ctx context.Context, ids []int64, add, remove []string) error {
	return w.store.TagReports(ctx, ids, add, remove)
}

// Tags lists the library's tags with their counts (app.Store.Tags).
func (w *Workspace) Tags(ctx context.Context) ([]app.TagCount, error) {
	return w.store.Tags(ctx)
}

// RenameTag renames or merges a tag (app.Store.RenameTag).
func (w *Workspace) RenameTag(ctx context.Context, from, to string) error {
	return w.store.RenameTag(ctx, from, to)
}

// FindReports lists the reports q selects, in its order
// (app.Store.FindReports).
func (w *Workspace) FindReports(ctx context.Context, q app.ReportQuery) ([]app.Report, error) {
	return w.store.FindReports(ctx, q)
}
