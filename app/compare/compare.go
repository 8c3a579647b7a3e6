// Package compare is the comparison use case: several reports in, rows of
// aligned claims with their flags out. It chains the claim engine's stages
// (ingest, segment, one IDF over all claims, align.Prepare, align.Rows,
// flags) in one place, so that `parallax compare`, the exports and the window
// all compare reports the same way and get the same rows.
//
// It holds no GUI type and no database: progress goes to a plain callback,
// cancellation comes through a context checked between stages, and the
// result is a plain value the export writers and the views read.
package compare

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/flags"
	"parallax/app/ingest"
	"parallax/app/lexicon"
	"parallax/app/nouns"
	"parallax/app/parallel"
	"parallax/app/segment"
)

// Options tune a comparison.
type Options struct {
	// Base is the index of the base report: rows follow its order and its
	// claim is a row's reference when the row has one. Out of range means 0.
	Base int
	// Strictness moves the aligner's thresholds (align.Options): 0 is the
	// tuned default, positive asks for surer rows.
	Strictness float64
}

// Doc is one report of a comparison.
type Doc struct {
	// Path is the file the report was read from (empty for a report given
	// in memory).
	Path   string
	Report app.Report
	// Source maps byte offsets in Report.Text back to the file's bytes; the
	// zero value (identity) for reports given in memory.
	Source ingest.Offsets
	// Claims are byte spans of Report.Text, in order.
	Claims []segment.Claim
}

// ClaimText returns the text of claim i.
func (d *Doc) ClaimText(i int) string {
	c := d.Claims[i]
	return d.Report.Text[c.Start:c.End]
}

// Label names the report in a column header, a menu, a flag or a message:
// its outlet, else its title (Title), else "Untitled report"; never a
// sentence of its body, which would not tell reports of one story apart.
func (d *Doc) Label() string {
	if d.Report.Outlet != "" {
		return d.Report.Outlet
	}
	if t := d.Title(); t != "" {
		return t
	}
	return "Untitled report"
}

// Title is the report's title as an editor sees it (ingest.DisplayTitle):
// a real title, else its file name made readable, never its first
// sentence; "" when it has none.
func (d *Doc) Title() string {
	r := d.Report
	if r.FileName == "" && d.Path != "" {
		r.FileName = filepath.Base(d.Path)
	}
	return ingest.DisplayTitle(r)
}

// ClaimCue returns the cue claim i begins in (app.Report.CueAt of its
// start): for a transcript, when the claim was said and by whom. ok is
// false for a report without cues.
func (d *Doc) ClaimCue(i int) (cue app.Cue, ok bool) {
	return d.Report.CueAt(d.Claims[i].Start)
}

// FileSpan returns claim i as a byte span of the file as read (what
// `parallax compare --format json` prints as start and end).
func (d *Doc) FileSpan(i int) (start, end int) {
	c := d.Claims[i]
	return d.Source.Span(c.Start, c.End)
}

// Row is one row of a comparison: the claims that state the same thing (or
// a claim no other report states), or a link between two claims of
// different main rows (see align.Row).
type Row struct {
	// Claims are ordered by report, at most one per report.
	Claims []align.Ref
	Level  align.Level
	// Link marks a two-claim link rather than a main row.
	Link bool
	// Score is the mean graded score over the row's claim pairs (1 for a
	// claim alone).
	Score float64
	// Ref is the index in Claims of the reference claim, the one every
	// other claim is diffed against: the base report's claim when the row
	// has one, else the first.
	Ref int
	// Flags are the discrepancies between any two of the row's claims (see
	// Flag), numbered 1, 2, ... in this order wherever they are shown. Only
	// rows of the same claim stated twice or more have flags.
	Flags []Flag
}

// Shared reports whether the row is a "same" row stating something two or
// more reports say.
func (r *Row) Shared() bool { return r.Level == align.LevelSame && !r.Link && len(r.Claims) > 1 }

// Comparison is the result of comparing reports.
type Comparison struct {
	Docs []Doc
	Rows []Row
	// Base is the base report's index (Options.Base, clamped).
	Base int
	// prep and analysed are each claim's aligner and flag preprocessing
	// (by doc, then claim), kept so that a row the editor reshapes by hand
	// is scored and flagged like the aligner's own (NewRow); analysed holds
	// the claims of same rows only, nil elsewhere (analysedClaim).
	prep     [][]*align.Prepared
	analysed [][]*flags.Claim
}

// ErrTooFew is returned when fewer than two reports are given: there is
// nothing to compare one report with.
var ErrTooFew = errors.New("a comparison needs at least two reports")

// The size limits of one comparison, checked before any claim is cut so
// that a comparison too large is refused at once, with the limit named
// (TooLarge), rather than running for minutes and gigabytes; the window
// and `parallax compare` both come here, so they refuse alike.
//
// MaxWords bounds the work and the memory, which grow with the words
// compared: two reports of 250,000 words each take about 0.6 GB, fifty
// of 10,000 words 1.6 GB (each claim is scored against up to 250
// candidates among many reports, against 22 between two). It is about 3 MB
// of English text, five novels, or 500 news reports of 1,000 words.
//
// MaxReports bounds the reports: the window shows at most app.MaxReports
// side by side, but the command line writes rows, not columns, and the
// ECB+ evaluation compares topics of up to 39 reports at once.
const (
	MaxWords   = 500_000
	MaxReports = 64
)

// TooLarge is the error of a comparison beyond MaxReports or MaxWords. Its
// message says which limit and what was given.
type TooLarge struct {
	// Reports is the number of reports given (when over MaxReports), else
	// 0; Words the words counted when counting stopped at the limit.
	Reports, Words int
}

func (e *TooLarge) Error() string {
	if e.Reports > 0 {
		return fmt.Sprintf("a comparison takes at most %d reports; %d given", MaxReports, e.Reports)
	}
	return fmt.Sprintf("the reports are too long to compare: they hold %s words or more, and a comparison takes at most %s (about 3 MB of text); compare shorter extracts of them",
		nouns.Thousands(e.Words), nouns.Thousands(MaxWords))
}

// checkReports refuses more than MaxReports reports.
func checkReports(n int) error {
	if n > MaxReports {
		return &TooLarge{Reports: n}
	}
	return nil
}

// wordCount adds the words of r (app.Report.Words, counted when unset) to
// *sum, and refuses the comparison once the sum passes MaxWords.
func wordCount(r *app.Report, sum *int) error {
	w := r.Words
	if w == 0 {
		w = ingest.CountWords(r.Text)
	}
	if *sum += w; *sum > MaxWords {
		return &TooLarge{Words: *sum}
	}
	return nil
}

// Files reads the files at paths with ingest.ReadFile and compares them.
// A file that cannot be read stops the comparison with an error naming it;
// more than MaxReports files, or more than MaxWords words in the files
// read so far, stop it with a *TooLarge.
// progress, when not nil, is called with the number of steps done out of
// total (one per file read, one per report prepared, one for the alignment
// and one for the flags), from the calling goroutine.
func Files(ctx context.Context, paths []string, opt Options, progress func(done, total int)) (*Comparison, error) {
	if len(paths) < 2 {
		return nil, ErrTooFew
	}
	if err := checkReports(len(paths)); err != nil {
		return nil, err
	}
	warmLexicon()
	p := newProgress(progress, 2*len(paths)+2)
	docs := make([]Doc, len(paths))
	words := 0
	for i, path := range paths {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := ingest.ReadFile(path, ingest.Meta{})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if err := wordCount(&d.Report, &words); err != nil {
			return nil, err
		}
		docs[i] = Doc{Path: path, Report: d.Report, Source: d.Source}
		p.step()
	}
	return run(ctx, docs, opt, p)
}

// Texts compares reports held in memory (a paste, reports from the library)
// exactly as Files compares files, within the same limits; claim offsets map to the texts
// themselves. The report count in progress's total counts no reading step.
func Texts(ctx context.Context, reports []app.Report, opt Options, progress func(done, total int)) (*Comparison, error) {
	if len(reports) < 2 {
		return nil, ErrTooFew
	}
	if err := checkReports(len(reports)); err != nil {
		return nil, err
	}
	warmLexicon()
	docs := make([]Doc, len(reports))
	words := 0
	for i, r := range reports {
		if err := wordCount(&r, &words); err != nil {
			return nil, err
		}
		docs[i] = Doc{Path: r.FileName, Report: r}
	}
	return run(ctx, docs, opt, newProgress(progress, len(reports)+2))
}

// warmLexicon starts decoding the WordNet table (lexicon.Load, some 40 ms
// on the first comparison of a process) on another goroutine, so that it
// is ready, or nearly, when preparing the claims first asks for it, rather
// than holding up every worker that asks while the reports are read and
// segmented. A broken table is no error here: queries treat it as an
// empty WordNet, as they would without this call.
func warmLexicon() { go lexicon.Load() }

// progress counts steps for a callback that may be nil.
type progress struct {
	fn          func(done, total int)
	done, total int
}

func newProgress(fn func(done, total int), total int) *progress {
	p := &progress{fn: fn, total: total}
	if fn != nil {
		fn(0, total)
	}
	return p
}

func (p *progress) step() {
	p.done++
	if p.fn != nil {
		p.fn(p.done, p.total)
	}
}

// run segments, aligns and flags docs.
func run(ctx context.Context, docs []Doc, opt Options, p *progress) (*Comparison, error) {
	if opt.Base < 0 || opt.Base >= len(docs) {
		opt.Base = 0
	}
	// Segment, then fit one IDF over every claim of every report: a word all
	// reports repeat weighs less than a detail two of them share (align.IDF).
	parallel.For(len(docs), func(i int) { docs[i].Claims = segment.Segment(docs[i].Report.Text) })
	var texts []string
	for i := range docs {
		for j := range docs[i].Claims {
			texts = append(texts, docs[i].ClaimText(j))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	all := align.PrepareAll(texts)
	prep := make([][]*align.Prepared, len(docs))
	for i := range docs {
		prep[i], all = all[:len(docs[i].Claims):len(docs[i].Claims)], all[len(docs[i].Claims):]
		p.step()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	aligned := align.Rows(prep, align.Options{Base: opt.Base, Strictness: opt.Strictness})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.step()

	// Each claim a same row holds (the only rows with flags) is analysed
	// for flags once, however many rows hold it; then rows are flagged
	// independently, both stages on all cores. A claim in no same row is
	// analysed only if a row made by hand asks for it (analysedClaim).
	analysed := make([][]*flags.Claim, len(docs))
	for i := range docs {
		analysed[i] = make([]*flags.Claim, len(docs[i].Claims))
	}
	var refs []align.Ref
	seen := make(map[align.Ref]bool)
	for _, ar := range aligned {
		if !flagged(ar.Level, len(ar.Claims)) {
			continue
		}
		for _, r := range ar.Claims {
			if !seen[r] {
				seen[r] = true
				refs = append(refs, r)
			}
		}
	}
	parallel.For(len(refs), func(k int) {
		r := refs[k]
		analysed[r.Doc][r.Claim] = analyseClaim(&docs[r.Doc], r.Claim)
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	c := &Comparison{Docs: docs, Rows: make([]Row, len(aligned)), Base: opt.Base, prep: prep, analysed: analysed}
	parallel.For(len(aligned), func(i int) {
		ar := aligned[i]
		c.Rows[i] = Row{Claims: ar.Claims, Level: ar.Level, Link: ar.Link, Score: ar.Score}
		if ctx.Err() == nil {
			c.flag(&c.Rows[i])
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.step()
	return c, nil
}

// flag sets row's reference claim (the base report's, else the first) and
// its flags, every pair of its claims compared (flagRow). A row holds at
// most one claim per report, so a row of N reports costs N(N-1)/2 pairs of
// analysed claims: 66 for twelve reports, each a comparison of two token
// lists already read.
func (c *Comparison) flag(row *Row) {
	row.Ref, row.Flags = 0, nil
	for k, ref := range row.Claims {
		if ref.Doc == c.Base {
			row.Ref = k
		}
	}
	// Between merely related claims flags would only list what the two do
	// not share.
	if !flagged(row.Level, len(row.Claims)) || c.analysed == nil {
		return
	}
	claims := make([]*flags.Claim, len(row.Claims))
	for k, cl := range row.Claims {
		claims[k] = c.analysedClaim(cl)
	}
	row.Flags = flagRow(claims, row.Ref, func(k int) string { return c.Docs[row.Claims[k].Doc].Report.Text })
}

// flagged reports whether a row of n claims at level has flags: flags type
// what differs in a claim stated twice, so only same rows have them.
func flagged(level align.Level, n int) bool { return n >= 2 && level == align.LevelSame }

// analyseClaim reads claim j of d for flags.
func analyseClaim(d *Doc, j int) *flags.Claim {
	c := d.Claims[j]
	return flags.Analyze(d.Report.Text, app.Span{Start: c.Start, End: c.End})
}

// analysedClaim is claim r analysed for flags: as run analysed it when a
// same row holds it, else analysed now and not kept, so that rows made by
// hand on several goroutines never write to the comparison.
func (c *Comparison) analysedClaim(r align.Ref) *flags.Claim {
	if a := c.analysed[r.Doc][r.Claim]; a != nil {
		return a
	}
	return analyseClaim(&c.Docs[r.Doc], r.Claim)
}

// NewRow makes a main row of claims (at most one per report) as the
// aligner would have: ordered by report, scored by the mean claim-pair score
// (align.Score), with its reference claim and flags. Manual fixes build
// their rows with it, so a row the editor made reads like any other.
func (c *Comparison) NewRow(claims []align.Ref) Row {
	row := Row{Claims: slices.Clone(claims), Level: align.LevelSame, Score: 1}
	slices.SortFunc(row.Claims, func(a, b align.Ref) int { return cmp.Compare(a.Doc, b.Doc) })
	if n := len(row.Claims); n > 1 && c.prep != nil {
		sum := 0.0
		for i := range n {
			for j := i + 1; j < n; j++ {
				a, b := row.Claims[i], row.Claims[j]
				sum += align.Score(c.prep[a.Doc][a.Claim], c.prep[b.Doc][b.Claim])
			}
		}
		row.Score = sum / float64(n*(n-1)/2)
	}
	c.flag(&row)
	return row
}
