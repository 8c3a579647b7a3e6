package workspace

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"parallax/app"
	"parallax/app/annotate"
	"parallax/app/compare"
	"parallax/app/ingest"
)

// NewComparison saves a comparison of the reports ids, in that column order,
// with the first as base. It refuses fewer than app.MinReports or more than
// app.MaxReports distinct reports, and reports that are not in the library,
// saying so in words.
func (w *Workspace) NewComparison(ctx context.Context, ids []int64) (app.Comparison, error) {
	var uniq []int64
	for _, id := range ids {
		if !slices.Contains(uniq, id) {
			uniq = append(uniq, id)
		}
	}
	switch {
	case len(uniq) < app.MinReports:
		return app.Comparison{}, fmt.Errorf("a comparison needs at least %d different reports; %d chosen", app.MinReports, len(uniq))
	case len(uniq) > app.MaxReports:
		return app.Comparison{}, fmt.Errorf("a comparison holds at most %d reports; %d chosen", app.MaxReports, len(uniq))
	}
	reports := make([]app.Report, len(uniq))
	for i, id := range uniq {
		r, err := w.Report(ctx, id)
		if err != nil {
			return app.Comparison{}, err
		}
		reports[i] = r
	}
	c := app.Comparison{Name: ComparisonName(reports), Reports: uniq, Base: uniq[0], Filter: "all"}
	if err := w.store.AddComparison(ctx, &c); err != nil {
		return app.Comparison{}, fmt.Errorf("could not save the comparison: %w", err)
	}
	return c, nil
}

// ComparisonName names a comparison after its reports' outlets (or titles):
// "Reuters · Al Jazeera · web article", with "+ 4 more" past three.
func ComparisonName(reports []app.Report) string {
	var parts []string
	for i, r := range reports {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("+ %d more", len(reports)-3))
			break
		}
		name := r.Outlet
		if name == "" {
			name = Shorten(Title(r), 28)
		}
		parts = append(parts, name)
	}
	return strings.Join(parts, " · ")
}

// Title is the title an editor sees for r (ingest.DisplayTitle): its real
// title, else its file name made readable, never a sentence of its body
// and never empty. The library list and the window's messages name
// reports by it.
func Title(r app.Report) string {
	if t := ingest.DisplayTitle(r); t != "" {
		return t
	}
	return "Untitled report"
}

// Shorten cuts s to at most n characters at a word, with an ellipsis.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)[:n]
	if i := strings.LastIndexByte(string(r), ' '); i > n/2 {
		return string(r)[:i] + "…"
	}
	return string(r) + "…"
}

// Comparisons lists the saved comparisons, most recently used first.
func (w *Workspace) Comparisons(ctx context.Context) ([]app.Comparison, error) {
	return w.store.Comparisons(ctx)
}

// OpenComparison reads a saved comparison and its reports with their texts,
// in column order. A comparison left with fewer than two reports (the
// others were removed from the library) cannot be opened, and says why.
func (w *Workspace) OpenComparison(ctx context.Context, id int64) (app.Comparison, []app.Report, error) {
	c, err := w.store.Comparison(ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		return c, nil, fmt.Errorf("no comparison with ID %d in the library", id)
	}
	if err != nil {
		return c, nil, err
	}
	if len(c.Reports) < app.MinReports {
		return c, nil, fmt.Errorf("“%s” has %d report left in the library; a comparison needs at least %d", c.Name, len(c.Reports), app.MinReports)
	}
	reports := make([]app.Report, len(c.Reports))
	for i, rid := range c.Reports {
		if reports[i], err = w.Report(ctx, rid); err != nil {
			return c, nil, err
		}
	}
	return c, reports, nil
}

// SaveComparison stores the comparison's settings as the editor left them.
func (w *Workspace) SaveComparison(ctx context.Context, c *app.Comparison) error {
	if err := w.store.UpdateComparison(ctx, c); err != nil {
		return fmt.Errorf("could not save the comparison: %w", err)
	}
	return nil
}

// RemoveComparison deletes a saved comparison; its reports stay.
func (w *Workspace) RemoveComparison(ctx context.Context, id int64) error {
	err := w.store.RemoveComparison(ctx, id)
	if errors.Is(err, app.ErrNotFound) {
		return fmt.Errorf("no comparison with ID %d in the library", id)
	}
	return err
}

// Align compares reports (as OpenComparison returned them) with c's base
// and strictness and re-applies c's manual fixes. It is the slow step: call
// it off the UI goroutine; ctx cancels it and progress (may be nil) counts
// its steps. The notes go on the rows with SetNotes (see Notes).
func (w *Workspace) Align(ctx context.Context, c app.Comparison, reports []app.Report, progress Progress) (*annotate.Annotated, error) {
	base := 0
	for i, r := range reports {
		if r.ID == c.Base {
			base = i
		}
	}
	cmp, err := compare.Texts(ctx, reports, compare.Options{Base: base, Strictness: c.Strictness}, progress)
	if err != nil {
		return nil, err
	}
	fixes, err := w.store.Fixes(ctx, c.ID)
	if err != nil {
		return nil, fmt.Errorf("could not read the comparison's fixes: %w", err)
	}
	return annotate.New(cmp, fixes), nil
}

// Notes reads a comparison's notes, oldest first.
func (w *Workspace) Notes(ctx context.Context, comparison int64) ([]*app.Note, error) {
	notes, err := w.store.Notes(ctx, comparison)
	if err != nil {
		return nil, fmt.Errorf("could not read the comparison's notes: %w", err)
	}
	out := make([]*app.Note, len(notes))
	for i := range notes {
		out[i] = &notes[i]
	}
	return out, nil
}
