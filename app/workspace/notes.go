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

// SaveNote stores the editor's verdict and note on a row (n.ID 0 adds it).
// The window calls it as the editor types, so it does one short
// transaction and nothing else.
func (w *Workspace) SaveNote(ctx context.Context, n *app.Note) error {
	if !n.Verdict.Valid() {
		return fmt.Errorf("%q is not a verdict (use %s)", n.Verdict, strings.Join(VerdictNames(), ", "))
	}
	if err := w.store.SaveNote(ctx, n); err != nil {
		return fmt.Errorf("could not save the note: %w", err)
	}
	return nil
}

// RemoveNote deletes a note the editor chose to delete (an orphaned one, or
// one merged into another).
func (w *Workspace) RemoveNote(ctx context.Context, id int64) error {
	if err := w.store.RemoveNote(ctx, id); err != nil && !errors.Is(err, app.ErrNotFound) {
		return fmt.Errorf("could not delete the note: %w", err)
	}
	return nil
}

// AddFix stores a manual fix; it applies from the next alignment on.
func (w *Workspace) AddFix(ctx context.Context, f *app.Fix) error {
	if len(f.A) == 0 || len(f.B) == 0 {
		return errors.New("a fix needs claims on both sides")
	}
	if err := w.store.AddFix(ctx, f); err != nil {
		return fmt.Errorf("could not save the fix: %w", err)
	}
	return nil
}

// UndoFix removes a manual fix; the rows are the aligner's again from the
// next alignment on.
func (w *Workspace) UndoFix(ctx context.Context, id int64) error {
	if err := w.store.RemoveFix(ctx, id); err != nil {
		if errors.Is(err, app.ErrNotFound) {
			return errors.New("that fix was already undone")
		}
		return fmt.Errorf("could not undo the fix: %w", err)
	}
	return nil
}

// Reimport replaces report id's text with the file at path (a newer
// version of the story, a corrected transcript) keeping its ID, so it stays
// in its comparisons and their notes find their claims again. The metadata
// the editor gave it is kept; what the file states fills only what is
// empty. A transcript's cues come from the new file when it has its own,
// else they move with the words of the old text (moveCues).
func (w *Workspace) Reimport(ctx context.Context, id int64, path string) (app.Report, error) {
	old, err := w.Report(ctx, id)
	if err != nil {
		return old, err
	}
	doc, err := ingest.ReadFile(path, ingest.Meta{Title: old.Title, Outlet: old.Outlet, Author: old.Author,
		Published: old.Published, URL: old.URL})
	if err != nil {
		return old, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	r := doc.Report
	r.ID = id
	if r.Cues == nil {
		// A transcript re-imported as text (corrected in a word
		// processor): its words keep their times.
		r.Cues = moveCues(old.Text, r.Text, old.Cues)
	}
	if err := w.store.UpdateReport(ctx, &r); err != nil {
		return old, fmt.Errorf("could not re-import %s: %w", old.FileName, err)
	}
	return r, nil
}

// EditText replaces report id's text with text as the editor corrected it
// in the window (a transcription error, a missing paragraph), keeping its
// ID, metadata, file name and format. The text is cleaned as an import
// would clean it; empty text is refused and nothing changes. A transcript's
// cues move with its words, so its claims keep their times (moveCues).
func (w *Workspace) EditText(ctx context.Context, id int64, text string) (app.Report, error) {
	old, err := w.Report(ctx, id)
	if err != nil {
		return old, err
	}
	doc, err := ingest.Read("", []byte(text), ingest.Meta{})
	if err != nil {
		return old, err
	}
	r := old
	r.Text, r.Words = doc.Report.Text, doc.Report.Words
	r.Cues = moveCues(old.Text, r.Text, old.Cues)
	if err := w.store.UpdateReport(ctx, &r); err != nil {
		return old, fmt.Errorf("could not save the text: %w", err)
	}
	return r, nil
}

// ParseVerdicts reads a list of verdicts as typed on the command line
// ("disputed,needs-checking"): separated by commas, hyphens or underscores
// for spaces, any case.
func ParseVerdicts(s string) ([]app.Verdict, error) {
	var out []app.Verdict
	for _, part := range strings.Split(s, ",") {
		part = strings.ToLower(strings.TrimSpace(strings.NewReplacer("-", " ", "_", " ").Replace(part)))
		if part == "" {
			continue
		}
		v := app.Verdict(part)
		if !v.Valid() {
			return nil, fmt.Errorf("%q is not a verdict (use %s)", part, strings.Join(VerdictNames(), ", "))
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no verdict given (use %s)", strings.Join(VerdictNames(), ", "))
	}
	return out, nil
}

// VerdictNames names the verdicts as ParseVerdicts reads them and a command
// line takes them ("single-source"), for messages and help.
func VerdictNames() []string {
	names := make([]string, len(app.Verdicts))
	for i, v := range app.Verdicts {
		names[i] = strings.ReplaceAll(string(v), " ", "-")
	}
	return names
}
