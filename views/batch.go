package views

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"parallax/app"
	"parallax/app/ingest"
	"parallax/app/workspace"
)

// batchMode says how an import shows itself.
type batchMode int

const (
	// asked is an import the editor asked for (a drop, Open files…): more
	// than one file gets a progress dialog with Cancel that turns into the
	// result list; one file is reported in the status bar unless it fails.
	asked batchMode = iota
	// startup is the files named on the command line: progress in the
	// status bar, a comparison of them opened, and the result list only
	// when one of them failed (the editor came to compare, not to read an
	// import log).
	startup
)

// outcome is one file's result in a batch, as the result list shows it:
// the stored report without its text or cues, so a batch of thousands of
// files holds only what its rows say.
type outcome struct {
	// path is the file (or address) imported.
	path      string
	report    app.Report
	duplicate bool
	err       error
	// recognising is set while the file is read again with OCR.
	recognising bool
}

func newOutcome(res workspace.Imported) *outcome {
	return &outcome{path: res.Path, report: slim(res.Report), duplicate: res.Duplicate, err: res.Err}
}

// slim is r without what a list does not show (its text and cues).
func slim(r app.Report) app.Report {
	r.Text, r.Cues = "", nil
	return r
}

// notReached is a file a cancel stopped before it was read.
func (o *outcome) notReached() bool { return o.err != nil && errors.Is(o.err, context.Canceled) }

// scanned is a PDF refused for having no text layer, which OCR can read.
func (o *outcome) scanned() bool { return errors.Is(o.err, ingest.ErrNoTextLayer) }

// batch is one import of files and folders: the worker hands each outcome
// over as it is stored, the UI goroutine shows them as rows.
type batch struct {
	m    *Main
	mode batchMode
	// bases are folders rows name their files from: a file under one is
	// named by its path from it (story/sub/a.html), as the editor sees the
	// folder tree dropped or picked.
	bases  []string
	ctx    context.Context
	cancel context.CancelFunc

	// Handed over from the worker under mu; queued is set while a flush
	// is waiting to run, so a fast batch costs one UI call per screenful
	// of outcomes rather than one per file.
	mu          sync.Mutex
	pending     []*outcome
	done, total int
	queued      bool

	// UI goroutine only.
	rows       []*outcome
	skipped    int // files a cancel stopped before reading
	shownDone  int
	shownTotal int
	finished   bool
	view       *resultList
	// viewed is when the dialog was last brought up to date.
	viewed time.Time
}

// viewEvery is how often a running batch's dialog is brought up to date:
// often enough to look live, seldom enough that a fast batch spends its
// time importing rather than laying out rows.
const viewEvery = 100 * time.Millisecond

// importSources imports files and folders (recursively) in the background,
// one batch at a time, then reloads the library selecting the last report
// the batch brought. Rows name files from the folders among the sources,
// or from base when it is not empty (the folder "Open files…" listed).
func (m *Main) importSources(sources []string, mode batchMode, base string) {
	if len(sources) == 0 {
		return
	}
	b := &batch{m: m, mode: mode}
	if base != "" {
		b.bases = []string{base}
	}
	for _, s := range sources {
		if isDir(s) {
			b.bases = append(b.bases, filepath.Dir(s))
		}
	}
	b.ctx, b.cancel = context.WithCancel(m.ctx)
	m.spawn(func() {
		defer b.cancel()
		m.importMu.Lock()
		defer m.importMu.Unlock()
		select {
		case <-m.ready:
		case <-b.ctx.Done():
			return
		}
		do(func() { m.status.busy("Importing…") })
		// The outcomes Import returns are dropped at once: the rows keep
		// what they show.
		_ = m.ws.Import(b.ctx, sources, workspace.ImportOptions{}, b.each)
		do(b.finish)
	})
}

// each runs on the worker for every outcome, as soon as it is final.
func (b *batch) each(done, total int, res workspace.Imported) {
	o := newOutcome(res)
	b.mu.Lock()
	b.pending = append(b.pending, o)
	b.done, b.total = done, total
	first := !b.queued
	b.queued = true
	b.mu.Unlock()
	if first {
		do(b.flush)
	}
}

// flush moves the outcomes handed over into the rows and shows progress.
func (b *batch) flush() {
	b.mu.Lock()
	pending, done, total := b.pending, b.done, b.total
	b.pending, b.queued = nil, false
	b.mu.Unlock()
	for _, o := range pending {
		if o.notReached() {
			b.skipped++
			continue
		}
		b.rows = append(b.rows, o)
	}
	if b.finished || len(pending) == 0 {
		return
	}
	b.shownDone, b.shownTotal = done, total
	b.m.status.step(fmt.Sprintf("Importing %s…", countFiles(total)), done, total)
	if b.view == nil && b.mode == asked && total > 1 {
		b.view = newResultList(b)
		b.view.show()
	}
	if b.view != nil && time.Since(b.viewed) >= viewEvery {
		b.view.update()
		b.viewed = time.Now()
	}
}

// stop is the Cancel button: the file being read is finished, no other is
// started, and what was stored stays.
func (b *batch) stop() {
	b.cancel()
	if b.view != nil {
		b.view.cancelling()
	}
}

// finish shows the end of the batch: a summary in the status bar, the
// library reloaded on the last report the batch brought, and the result
// list when there is something to read in it.
func (b *batch) finish() {
	b.flush()
	b.finished = true
	// Failures first: they are what the editor must act on.
	slices.SortStableFunc(b.rows, func(x, y *outcome) int { return rank(x) - rank(y) })
	b.m.status.done(b.summary())

	var added, found int64
	for _, o := range b.rows {
		switch {
		case o.err != nil:
		case o.duplicate:
			found = o.report.ID
		default:
			added = o.report.ID
		}
	}
	if added == 0 {
		added = found
	}
	b.m.reload(added)

	failed := b.count().refused > 0
	switch {
	case b.view != nil:
		b.view.update()
	case b.mode == asked && (len(b.rows) > 1 || failed), b.mode == startup && failed:
		b.view = newResultList(b)
		b.view.show()
	}
	if b.mode == startup {
		b.m.compareImported(b.reportIDs())
	}
}

// counts are a batch's outcomes by kind.
type counts struct{ added, duplicates, refused, skipped int }

func (b *batch) count() counts {
	c := counts{skipped: b.skipped}
	for _, o := range b.rows {
		switch {
		case o.err != nil:
			c.refused++
		case o.duplicate:
			c.duplicates++
		default:
			c.added++
		}
	}
	return c
}

// summary says what the batch did in one line: a sentence for one file,
// counts for several.
func (b *batch) summary() string {
	if len(b.rows) == 1 && b.skipped == 0 {
		return summariseOne(b.rows[0])
	}
	return b.count().String()
}

// String is "12 added, 3 already in the library, 2 refused".
func (c counts) String() string {
	parts := []string{fmt.Sprintf("%d added", c.added)}
	if c.duplicates > 0 {
		parts = append(parts, fmt.Sprintf("%d already in the library", c.duplicates))
	}
	if c.refused > 0 {
		parts = append(parts, fmt.Sprintf("%d refused", c.refused))
	}
	s := strings.Join(parts, ", ")
	if c.skipped > 0 {
		s += fmt.Sprintf("; cancelled before %s", countFiles(c.skipped))
	}
	return s + "."
}

// summariseOne says what became of one file.
func summariseOne(o *outcome) string {
	switch {
	case o.err != nil:
		return "Not added: " + o.err.Error()
	case o.duplicate:
		return fmt.Sprintf("%s is already in the library as “%s”.", filepath.Base(o.path), workspace.Title(o.report))
	}
	return fmt.Sprintf("Added “%s”.", workspace.Title(o.report))
}

// rank orders the rows: refused, added, already there.
func rank(o *outcome) int {
	switch {
	case o.err != nil:
		return 0
	case o.duplicate:
		return 2
	}
	return 1
}

// reportIDs are the distinct reports the batch added or found, in order.
func (b *batch) reportIDs() []int64 {
	var ids []int64
	for _, o := range b.rows {
		if o.err == nil && !slices.Contains(ids, o.report.ID) {
			ids = append(ids, o.report.ID)
		}
	}
	return ids
}

// name is how a row names its file: its path under the folder the editor
// gave (story/sub/a.html), or its base name.
func (b *batch) name(path string) string {
	for _, base := range b.bases {
		if rel, err := filepath.Rel(base, path); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.Base(path)
}

// compareImported opens a comparison of reports ids when there are 2 to
// 12 of them, and says what to do with more.
func (m *Main) compareImported(ids []int64) {
	switch {
	case len(ids) < app.MinReports:
		return
	case len(ids) > app.MaxReports:
		m.status.set(fmt.Sprintf("%d reports imported; a comparison holds at most %d. Tick the ones to compare and press Compare.", len(ids), app.MaxReports))
		return
	}
	m.newComparison(ids)
}

// countFiles says "1 file" or "3 files".
func countFiles(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

// isDir reports whether path is a folder.
func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
