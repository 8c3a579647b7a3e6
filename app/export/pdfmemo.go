package export

import (
	"fmt"
	"strings"

	"parallax/app"
	"parallax/app/compare"
)

// The PDF memo's colours and type.
var (
	ink      = rgb{0x1d, 0x1d, 0x1f}
	grey     = rgb{0x5a, 0x5a, 0x66}
	rule     = rgb{0xc8, 0xc8, 0xd0}
	refBlue  = rgb{0x6b, 0x7f, 0xd7} // the reference claim's edge, as in the HTML page
	flagRed  = rgb{0xc6, 0x28, 0x28} // the window's flag colour
	verdicts = map[app.Verdict]rgb{
		app.Unreviewed:    {0x44, 0x44, 0x44},
		app.Corroborated:  {0x1e, 0x6b, 0x32},
		app.Disputed:      {0xa1, 0x1d, 0x1d},
		app.SingleSource:  {0x4b, 0x3a, 0x9a},
		app.NeedsChecking: {0x7a, 0x53, 0x00},
	}

	sTitle = style{face: bold, size: 18, color: ink}
	sH2    = style{face: bold, size: 13, color: ink}
	sH3    = style{face: bold, size: 10.5, color: ink}
	sBody  = style{face: regular, size: 10, color: ink}
	sSmall = style{face: regular, size: 8.5, color: grey}
	sLabel = style{face: bold, size: 8.5, color: grey}
	sFlag  = style{face: regular, size: 9, color: ink}
	sNote  = style{face: italic, size: 9.5, color: ink}
)

// indent is how far a row's claims, flags and notes sit right of its
// heading.
const indent = 4

// pdfMemo lays a memo out on pages.
type pdfMemo struct {
	*flow
	m *Memo
	// stamp says when and by whom the memo was exported (exported).
	stamp string
	// pending are heading lines waiting to be placed with the block that
	// follows them, so a heading never ends a page.
	pending []line
}

// layoutPDF lays m out on pages of p, in the Markdown memo's order, and
// adds each page's running header and page number.
func layoutPDF(m *Memo, opt Options, p paper, measure measureFunc) [][]op {
	w := &pdfMemo{flow: newFlow(p, measure), m: m, stamp: exported(opt)}
	w.header()
	o := m.outline()
	if len(o.Shared) > 0 || m.Only == nil {
		w.section("Shared claims")
	}
	for k, r := range o.Shared {
		w.row(k+1, r)
	}
	if len(o.Shared) == 0 && m.Only == nil {
		w.block(w.wrap(w.left(), span{"No claim is stated by two or more reports.", sBody}))
	}
	if len(o.Links) > 0 {
		w.section("Links between rows")
		w.block(w.wrap(w.left(), span{"Related claims, and the same claim stated twice by one report.", sSmall}))
	}
	for k, r := range o.Links {
		w.row(len(o.Shared)+k+1, r)
	}
	if o.Weak > 0 {
		w.space(2)
		w.block(w.wrap(w.left(), span{leftOut(o.Weak), sSmall}))
	}
	w.single(o.Single)
	w.orphans(o.Orphans)
	w.pageFurniture()
	return w.pages
}

// block places lines, and any pending heading, together when they fit on
// one page.
func (w *pdfMemo) block(lines ...[]line) {
	all := w.pending
	w.pending = nil
	for _, l := range lines {
		all = append(all, l...)
	}
	w.add(true, all...)
}

// section starts a section of the memo with its heading.
func (w *pdfMemo) section(title string) {
	w.space(6)
	w.pending = append(w.pending, w.wrap(w.left(), span{title, sH2})...)
	w.pending = append(w.pending, gap(1.5)...)
}

// gap is an empty line of height h.
func gap(h float64) []line { return []line{{h: h}} }

// header writes the memo's title, when and by whom it was exported, the
// reports, the counts, the selection, the summary and the legends of the
// highlights and of the match words.
func (w *pdfMemo) header() {
	c := w.m.C
	w.add(false, w.wrap(w.left(), span{w.m.title(), sTitle})...)
	if w.stamp != "" {
		w.space(1)
		w.add(false, w.wrap(w.left(), span{w.stamp + ".", sBody})...)
	}
	w.space(3)
	for d := range c.Docs {
		lines := w.wrap(w.left(), span{fmt.Sprintf("%d. %s", d+1, title(c, d)), style{face: bold, size: 10, color: ink}})
		var meta []string
		if by := byline(c, d); by != "" {
			meta = append(meta, by)
		}
		if d == c.Base {
			meta = append(meta, "base report")
		}
		for _, s := range []string{strings.Join(meta, " — "), oneLine(c.Docs[d].Report.URL), c.Docs[d].Path} {
			if s != "" {
				lines = append(lines, w.wrap(w.left()+indent, span{s, sSmall})...)
			}
		}
		w.add(true, append(lines, gap(1.5)...)...)
	}
	w.space(1.5)
	w.add(false, w.wrap(w.left(), span{counts(c) + ".", sSmall})...)
	if s := w.m.selection(); s != "" {
		w.add(false, w.wrap(w.left(), span{"Rows written here: " + s + ".", style{face: italic, size: 9.5, color: ink}})...)
	}
	if strings.TrimSpace(w.m.Summary) != "" {
		w.section("Summary")
		w.block(w.editorText(w.left(), nil, w.m.Summary, sBody))
	}
	w.space(4)
	mark := func(text string, k compare.Kind) span {
		return span{text, style{face: regular, size: 8.5, color: ink, mark: k}}
	}
	w.add(false, w.wrap(w.left(),
		span{"Differences are marked against each row's reference claim (the base report's where it has one): ", sSmall},
		mark("added", compare.Added), span{" ", sSmall}, mark("missing", compare.Missing), span{" ", sSmall},
		mark("was", compare.Was), mark("changed", compare.Changed),
		span{"; in a claim that rewords it, the words they ", sSmall}, mark("share", compare.Shared))...)
	w.space(1.5)
	w.add(false, w.wrap(w.left(), span{strengthLegend(), sSmall})...)
}

// editorText lays out text the editor wrote (a note, the summary) from x,
// keeping its line breaks, with lead (a verdict) before its first line.
func (w *pdfMemo) editorText(x float64, lead []span, text string, st style) []line {
	var out []line
	for k, l := range strings.Split(strings.TrimSpace(text), "\n") {
		spans := []span{{oneLine(l), st}}
		if k == 0 {
			spans = append(lead, spans...)
		}
		if ls := w.wrap(x, spans...); len(ls) > 0 {
			out = append(out, ls...)
		} else {
			out = append(out, gap(lineHeight(st.size)/2)...)
		}
	}
	return out
}

// notes lays out a row's notes: each lead (the verdict) in its colour,
// then the note.
func (w *pdfMemo) notes(x float64, notes []app.Note) []line {
	var out []line
	for _, n := range noteLines(notes) {
		lead := []span{{n.Lead, style{face: bold, size: 9.5, color: verdicts[n.Verdict]}}}
		if strings.TrimSpace(n.Text) != "" {
			lead = append(lead, span{" ", sNote})
		}
		out = append(out, gap(1)...)
		out = append(out, w.editorText(x, lead, n.Text, sNote)...)
	}
	return out
}

// runs turns a claim's marked runs into spans of st.
func runs(rs []Run, st style) []span {
	out := make([]span, len(rs))
	for k, r := range rs {
		s := st
		s.mark = r.Kind
		out[k] = span{r.Text, s}
	}
	return out
}

// cueRuns is a claim's text as spans of body text, after its time and
// speaker in small grey type when it is a transcript's.
func cueRuns(cue string, rs []Run) []span {
	out := runs(rs, sBody)
	if cue == "" {
		return out
	}
	return append([]span{{cue + " ", sSmall}}, out...)
}

// bar draws the reference claim's edge at x beside lines.
func bar(lines []line, x float64) []line {
	for k := range lines {
		lines[k].ops = append(lines[k].ops, op{kind: opFill, x: x, y: 0, w: 0.8, h: lines[k].h, color: refBlue})
	}
	return lines
}

// row lays out a shared or linked row numbered n, kept on one page.
func (w *pdfMemo) row(n int, r row) {
	c := w.m.C
	x := w.left() + indent
	head := sH3
	if w.m.C.Rows[r.I].Strength() == compare.StrengthWeak {
		// A weak match must not look as sure as the same claim.
		head = style{face: italic, size: sH3.size, color: grey}
	}
	lines := append(w.wrap(w.left(), span{w.m.heading(n, r), head}), gap(1)...)
	for _, cl := range r.Claims {
		head := []span{{label(c, cl.Doc), sLabel}}
		if cl.Ref {
			head = append(head, span{" (reference)", sSmall})
		}
		claim := append(w.wrap(x, head...), w.wrap(x, cueRuns(cl.Cue, cl.Runs)...)...)
		if cl.Ref {
			claim = bar(claim, w.left()+1.5)
		}
		lines = append(lines, claim...)
		lines = append(lines, gap(1.2)...)
	}
	for _, f := range r.Flags {
		lines = append(lines, w.bullet(x, sFlag, span{f.Kind, style{face: bold, size: 9, color: flagRed}},
			span{" (" + f.Against + "): " + f.Detail, sFlag})...)
	}
	lines = append(lines, w.notes(x, r.Notes)...)
	w.space(4)
	w.block(lines)
}

// single lays out, report by report, what only one report states.
func (w *pdfMemo) single(groups [][]row) {
	c := w.m.C
	opened := false
	for d, rows := range groups {
		if len(rows) == 0 && w.m.Only != nil {
			continue
		}
		if !opened {
			w.section("Single-source claims")
			opened = true
		}
		w.space(3)
		w.pending = append(w.pending, w.wrap(w.left(), span{"Only in " + label(c, d), sH3})...)
		w.pending = append(w.pending, gap(1)...)
		if len(rows) == 0 {
			w.block(w.wrap(w.left(), span{"Nothing that no other report states.", sBody}))
		}
		for _, r := range rows {
			spans := cueRuns(r.Claims[0].Cue, r.Claims[0].Runs)
			if r.Manual {
				spans = append(spans, span{" (manual)", sSmall})
			}
			w.block(w.bullet(w.left()+1, sBody, spans...), w.notes(w.left()+indent, r.Notes), gap(1.2))
		}
	}
}

// orphans lays out the notes whose claims are in no row any more.
func (w *pdfMemo) orphans(orphans []orphan) {
	if len(orphans) == 0 {
		return
	}
	w.section("Orphaned notes")
	w.block(w.wrap(w.left(), span{"These notes were written on claims that are in no row any more " +
		"(a report was removed or its words changed); they are kept here so that nothing is lost.", sSmall}))
	for k, on := range orphans {
		lines := w.wrap(w.left(), span{fmt.Sprintf("Orphaned note %d", k+1), sH3})
		lines = append(lines, w.notes(w.left()+indent, []app.Note{on.Note})...)
		for _, q := range on.About {
			lines = append(lines, gap(1)...)
			lines = append(lines, w.wrap(w.left()+indent, span{q.Label, sLabel})...)
			lines = append(lines, w.wrap(w.left()+indent, span{q.Text, style{face: regular, size: 9.5, color: grey}})...)
		}
		w.space(4)
		w.block(lines)
	}
}

// pageFurniture adds each page's running header (the memo's title) and
// footer ("Page 3 of 9").
func (w *pdfMemo) pageFurniture() {
	p := w.paper
	title := w.fit(w.m.title(), sSmall, w.width())
	for i := range w.pages {
		num := fmt.Sprintf("Page %d of %d", i+1, len(w.pages))
		w.pages[i] = append(w.pages[i],
			op{kind: opText, x: p.left, y: 12, face: sSmall.face, size: sSmall.size, color: sSmall.color, text: title},
			op{kind: opLine, x: p.left, y: 14.5, w: w.width(), size: 0.2, color: rule},
			op{kind: opText, x: p.left + (w.width()-w.measure(sSmall.face, sSmall.size, num))/2, y: p.h - 10,
				face: sSmall.face, size: sSmall.size, color: sSmall.color, text: num})
	}
}
