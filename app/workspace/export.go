package workspace

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"parallax/app"
	"parallax/app/annotate"
	"parallax/app/export"
)

// Memo gathers what an export of saved comparison c writes: its aligned
// rows, its summary and every note, orphans included.
func Memo(c app.Comparison, a *annotate.Annotated) export.Memo {
	m := export.Memo{C: a.C, Name: c.Name, Summary: c.Summary, Manual: a.Manual, Date: c.Updated,
		Notes: make([][]app.Note, len(a.RowNotes))}
	for i, on := range a.RowNotes {
		for _, n := range on {
			m.Notes[i] = append(m.Notes[i], *a.Notes[n])
		}
	}
	for _, n := range a.Orphans {
		m.Orphans = append(m.Orphans, *a.Notes[n])
	}
	return m
}

// KeepVerdicts makes m write only the rows judged one of verdicts, by
// m's own copy of the notes: the window goes on editing its notes while an
// export runs in the background.
func KeepVerdicts(m *export.Memo, verdicts []app.Verdict) {
	m.Only = func(i int) bool { return slices.Contains(verdicts, m.Verdict(i)) }
	names := make([]string, len(verdicts))
	for i, v := range verdicts {
		names[i] = string(v)
	}
	m.Selection = "rows judged " + strings.Join(names, " or ")
}

// Export writes saved comparison id in format (one of export.Formats) to
// out, aligned as the editor left it; only, when not empty, keeps the rows
// judged one of those verdicts. It returns the memo it wrote, so that the
// caller can say what it wrote. It aligns, so it is slow: call it off the
// UI goroutine.
func (w *Workspace) Export(ctx context.Context, id int64, format string, only []app.Verdict, opt export.Options, out io.Writer) (export.Memo, error) {
	if !slices.Contains(export.Formats, format) {
		return export.Memo{}, fmt.Errorf("unknown format %q (use %s)", format, strings.Join(export.Formats, ", "))
	}
	c, reports, err := w.OpenComparison(ctx, id)
	if err != nil {
		return export.Memo{}, err
	}
	a, err := w.Align(ctx, c, reports, nil)
	if err != nil {
		return export.Memo{}, err
	}
	notes, err := w.Notes(ctx, id)
	if err != nil {
		return export.Memo{}, err
	}
	a.SetNotes(notes)
	m := Memo(c, a)
	if len(only) > 0 {
		KeepVerdicts(&m, only)
	}
	return m, export.Write(out, format, &m, opt)
}
