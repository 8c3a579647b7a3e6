package ingest

// Reading order for PDF text. A PDF places glyphs at positions; it says
// nothing of lines, columns or paragraphs, and its drawing order is
// whatever the producing program chose. This file rebuilds what a reader
// sees, in the spirit of pdfminer's layout analysis and Poppler's
// TextOutputDev, in five steps:
//
//  1. Glyphs become fragments: runs of glyphs on one baseline with no gap
//     wider than a space or two, in drawing order (which keeps right-to-left
//     scripts in their logical order).
//  2. Running heads and feet are dropped: fragments among the top and
//     bottom lines of a page whose text, digits aside, comes back on many
//     pages (page numbers, a journal's name, the title on every page).
//  3. Columns are found per page: a vertical band of white space, in the
//     middle part of the text, that the column-width fragments do not
//     cross and that has text on both sides. Fragments that cross it
//     (a title over both columns, a wide figure caption) cut the page into
//     bands; each band is read left column first, then right, recursively
//     for three or more columns.
//  4. Within a column piece, fragments on one baseline become a line, and
//     lines become paragraphs: a paragraph ends at a wider line gap than
//     the document's usual one, a change of type size, a first-line
//     indent, or a short line ending a sentence.
//  5. Lines of a paragraph are joined with a space (none between CJK
//     characters), a word hyphenated at a line end is joined (a real
//     compound keeps its hyphen: see dehyphenate), and ligatures and
//     presentation forms are unfolded (see unfold).

import (
	"bytes"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// glyph is one character (or, from pdftotext, one word) placed on a page.
// Coordinates are in points with y growing downwards from the page's top,
// once a page is upright (see upright); readers deliver page space, y up.
type glyph struct {
	text           string
	x0, y0, x1, y1 float64
	size           float64 // font size in points
	angle          float64 // baseline angle, radians counter-clockwise
	// generated marks a space the reader inferred from a gap.
	generated bool
	// word marks a whole word (pdftotext): a space always follows it.
	word bool
}

// pdfPage is one page as a reader delivers it.
type pdfPage struct {
	width, height float64
	glyphs        []glyph
	images        int  // image objects: images and no glyphs is a scan
	broken        bool // the reader failed on this page
}

// pdfDoc is a whole document as a reader delivers it.
type pdfDoc struct {
	pages  []pdfPage
	info   map[string]string // the document information dictionary
	reader string            // readerPDFium, readerPdftotext, ...
}

// fragment is a run of glyphs on one baseline with no wide gap: a word,
// part of a line, or a whole line of one column.
type fragment struct {
	x0, y0, x1, y1 float64
	size           float64 // the largest font size in the fragment
	text           string
	rtl            bool // written right to left (Arabic, Hebrew)
	chars          int  // letters and digits, for weighing
}

func (f *fragment) height() float64 { return f.y1 - f.y0 }
func (f *fragment) midY() float64   { return (f.y0 + f.y1) / 2 }

// pageLayout is a page's fragments, upright, with the page's box.
type pageLayout struct {
	frags  []*fragment
	top    float64 // the page box, in the upright frame
	bottom float64
	left   float64
	right  float64
}

// line is fragments of one column on one baseline, in reading order.
type line struct {
	x0, y0, x1, y1 float64
	size           float64
	text           string
}

// region is a piece of one column between two cuts, its lines top down.
type region struct {
	lines       []line
	left, right float64 // the column's edges
}

// Thresholds of the layout, in units of the font size (em).
const (
	// spaceGap is the gap between glyphs read as a space when the PDF has
	// no space glyph: word spaces are a quarter em or more, kerning and
	// letter spacing less than a tenth (Poppler uses a tenth too).
	spaceGap = 0.1
	// fragmentGap is the widest gap inside a fragment: wider gaps are
	// tab stops, table cells or a column gutter.
	fragmentGap = 1.0
	// lineGapFactor: a baseline distance this much above the usual one
	// starts a paragraph.
	lineGapFactor = 1.4
	// indentMin and indentMax bound a first-line indent.
	indentMin = 0.8
	indentMax = 4
)

// layoutDoc turns a document's pages into report text: paragraphs in
// reading order separated by blank lines.
func layoutDoc(doc pdfDoc) string {
	pages := make([]pageLayout, len(doc.pages))
	for i, p := range doc.pages {
		pages[i] = fragments(p)
	}
	dropRunning(pages)
	var blocks []region
	for _, p := range pages {
		blocks = append(blocks, readingOrder(p)...)
	}
	return paragraphs(blocks)
}

// upright returns the page's glyphs turned so that the text runs left
// to right, in a frame with y downwards, and the page box in that frame.
//
// Which way the text runs is read from the glyphs themselves: the
// direction from each glyph to the next, when they are neighbours, votes
// (right-to-left letters abstain, since they run backwards by nature).
// The readers' own angle is no guide to that (PDFium gives 180° for
// upright text drawn through a mirrored matrix), but glyphs whose angle
// differs from the page's usual one (a rotated margin note, the vertical
// identifier of a preprint) belong to no line and are dropped.
func upright(p pdfPage) ([]glyph, [4]float64) {
	var angles [4]int
	for _, g := range p.glyphs {
		angles[quadrant(g.angle)]++
	}
	usual := 0
	for i := range angles {
		if angles[i] > angles[usual] {
			usual = i
		}
	}
	kept := make([]glyph, 0, len(p.glyphs))
	for _, g := range p.glyphs {
		if quadrant(g.angle) == usual && math.Abs(angleOff(g.angle)) <= 0.1 {
			kept = append(kept, g)
		}
	}
	var votes [4]int
	var prev *glyph
	for i := range kept {
		g := &kept[i]
		if strings.TrimSpace(g.text) == "" || isRTL(g.text) {
			prev = nil
			continue
		}
		if prev != nil {
			dx := (g.x0 + g.x1 - prev.x0 - prev.x1) / 2
			dy := (g.y0 + g.y1 - prev.y0 - prev.y1) / 2
			if d := math.Hypot(dx, dy); d > 0 && d < 3*math.Max(g.size, prev.size) {
				votes[quadrant(math.Atan2(dy, dx))]++
			}
		}
		prev = g
	}
	q := 0
	for i := range votes {
		if votes[i] > votes[q] {
			q = i
		}
	}
	turn := func(x, y float64) (float64, float64) {
		switch q {
		case 1: // text runs upwards
			x, y = y, -x
		case 2:
			x, y = -x, -y
		case 3: // text runs downwards
			x, y = -y, x
		}
		return x, -y // y downwards
	}
	box := func(x0, y0, x1, y1 float64) (float64, float64, float64, float64) {
		ax, ay := turn(x0, y0)
		bx, by := turn(x1, y1)
		return math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by)
	}
	for i := range kept {
		g := &kept[i]
		g.x0, g.y0, g.x1, g.y1 = box(g.x0, g.y0, g.x1, g.y1)
	}
	var pb [4]float64
	pb[0], pb[1], pb[2], pb[3] = box(0, 0, p.width, p.height)
	return kept, pb
}

// quadrant is the nearest multiple of 90° of angle, 0 to 3.
func quadrant(a float64) int {
	q := int(math.Round(a/(math.Pi/2))) % 4
	if q < 0 {
		q += 4
	}
	return q
}

// angleOff is how far angle is from its quadrant, in radians.
func angleOff(a float64) float64 {
	return a - math.Round(a/(math.Pi/2))*(math.Pi/2)
}

// fragments groups a page's glyphs into fragments, in drawing order.
func fragments(p pdfPage) pageLayout {
	gs, pb := upright(p)
	pl := pageLayout{left: pb[0], top: pb[1], right: pb[2], bottom: pb[3]}
	var (
		cur     *fragment
		sb      strings.Builder
		last    glyph // the last non-space glyph of cur
		pending bool  // a space glyph since last
	)
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimSpace(sb.String())
			if cur.text != "" {
				pl.frags = append(pl.frags, cur)
			}
		}
		cur, pending = nil, false
		sb.Reset()
	}
	for _, g := range gs {
		if strings.TrimSpace(g.text) == "" {
			pending = true
			continue
		}
		size := g.size
		if size <= 0 {
			size = g.y1 - g.y0
		}
		if size <= 0 {
			size = 10
		}
		g.size = size
		rtl := isRTL(g.text)
		if cur != nil {
			if gap, ok := follows(cur, last, g, rtl); ok {
				if pending || last.word || gap > spaceGap*math.Max(size, last.size) {
					sb.WriteByte(' ')
				}
				sb.WriteString(g.text)
				last, pending = g, false
				cur.x0, cur.x1 = math.Min(cur.x0, g.x0), math.Max(cur.x1, g.x1)
				cur.y0, cur.y1 = math.Min(cur.y0, g.y0), math.Max(cur.y1, g.y1)
				cur.size = math.Max(cur.size, size)
				cur.chars += letters(g.text)
				if rtl {
					cur.rtl = true
				}
				continue
			}
			flush()
		}
		cur = &fragment{x0: g.x0, y0: g.y0, x1: g.x1, y1: g.y1, size: size, rtl: rtl, chars: letters(g.text)}
		sb.WriteString(g.text)
		last, pending = g, false
	}
	flush()
	return pl
}

// follows reports whether glyph g continues fragment f, whose last glyph
// is last, and the gap between them in ems: g must share the baseline and
// come next in the writing direction, at most fragmentGap away.
func follows(f *fragment, last, g glyph, rtl bool) (float64, bool) {
	h := math.Min(last.y1-last.y0, g.y1-g.y0)
	overlap := math.Min(last.y1, g.y1) - math.Max(last.y0, g.y0)
	if h <= 0 || overlap < 0.5*h {
		return 0, false
	}
	em := math.Max(last.size, g.size)
	gap := (g.x0 - last.x1) / em
	if rtl || (f.rtl && !isLTR(g.text)) {
		if back := (last.x0 - g.x1) / em; back > -1 && back <= fragmentGap {
			return back, true
		}
	}
	// A glyph standing for several characters (a ligature) gives each the
	// glyph's box, so the next one may start a glyph's width back.
	return gap, gap > -1 && gap <= fragmentGap
}

// isRTL reports whether s starts with a right-to-left letter.
func isRTL(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana)
}

// isLTR reports whether s starts with a letter of a left-to-right script.
func isLTR(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) && !isRTL(s)
}

// letters counts the letters and digits of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// Running heads and feet.

const (
	// runningLines is how many lines at the top and at the bottom of a
	// page may be a running head or foot.
	runningLines = 3
	// runningShare is the share of pages a head must come back on: a
	// little under half, for books whose left and right pages differ.
	runningShare = 0.4
)

// digitsRE finds numbers, which differ from page to page in a running
// head ("Page 3 of 12").
var digitsRE = regexp.MustCompile(`\d+`)

// romanRE is a page number in roman numerals alone.
var romanRE = regexp.MustCompile(`(?i)^[ivxlc]+$`)

// runningKey is the text of a candidate running head with its numbers
// masked, so that "Page 3" and "Page 4" are the same head.
func runningKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	if romanRE.MatchString(s) {
		return "#"
	}
	return digitsRE.ReplaceAllString(s, "#")
}

// dropRunning removes running heads and feet from the pages: fragments
// among a page's top or bottom runningLines lines whose masked text is
// found in the same place on at least runningShare of the pages (and two).
// A bare page number is dropped wherever it repeats.
func dropRunning(pages []pageLayout) {
	type cand struct {
		page int
		f    *fragment
		key  string
	}
	var cands []cand
	count := map[string]map[int]bool{}
	text := 0
	for i := range pages {
		p := &pages[i]
		if len(p.frags) == 0 {
			continue
		}
		text++
		rows := physicalLines(p.frags)
		n := len(rows)
		for j, row := range rows {
			var zone string
			switch {
			case j < runningLines && j < n-1:
				zone = "top:"
			case j >= n-runningLines && j > 0:
				zone = "bottom:"
			default:
				continue
			}
			// The whole line and each of its fragments are candidates:
			// "Journal of Ferries 12" and a bare "12" beside it.
			var parts []string
			for _, f := range row {
				parts = append(parts, f.text)
			}
			whole := zone + runningKey(strings.Join(parts, " "))
			for _, f := range row {
				for _, k := range []string{whole, zone + runningKey(f.text)} {
					cands = append(cands, cand{i, f, k})
					if count[k] == nil {
						count[k] = map[int]bool{}
					}
					count[k][i] = true
				}
			}
		}
	}
	if text < 2 {
		return
	}
	need := max(2, int(math.Ceil(runningShare*float64(text))))
	drop := map[*fragment]bool{}
	for _, c := range cands {
		n := len(count[c.key])
		bare := strings.HasSuffix(c.key, ":#") || strings.HasSuffix(c.key, ":- # -") || strings.HasSuffix(c.key, ":page #")
		if n >= need || (bare && n >= 2) {
			drop[c.f] = true
		}
	}
	for i := range pages {
		p := &pages[i]
		kept := p.frags[:0]
		for _, f := range p.frags {
			if !drop[f] {
				kept = append(kept, f)
			}
		}
		p.frags = kept
	}
}

// physicalLines groups fragments into rows across the whole page width,
// top to bottom, each row left to right.
func physicalLines(frags []*fragment) [][]*fragment {
	sorted := append([]*fragment(nil), frags...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].midY() < sorted[j].midY() })
	var rows [][]*fragment
	for _, f := range sorted {
		if n := len(rows); n > 0 {
			r := rows[n-1][0]
			if math.Abs(f.midY()-r.midY()) < 0.5*math.Min(f.height(), r.height()) {
				rows[n-1] = append(rows[n-1], f)
				continue
			}
		}
		rows = append(rows, []*fragment{f})
	}
	for _, r := range rows {
		sort.SliceStable(r, func(i, j int) bool { return r[i].x0 < r[j].x0 })
	}
	return rows
}

// Columns.

const (
	// maxColumnDepth bounds the recursion: three or four columns at most.
	maxColumnDepth = 3
	// wideShare: a fragment wider than this share of its region spans
	// columns and is left out when looking for a gutter.
	wideShare = 0.6
)

// readingOrder cuts a page into column pieces in reading order.
func readingOrder(p pageLayout) []region {
	var out []region
	for _, part := range columns(p.frags, 0) {
		if b := makeBlock(part); len(b.lines) > 0 {
			out = append(out, b)
		}
	}
	return out
}

// columns orders frags as column pieces: when a gutter splits them, the
// fragments crossing it cut the region into bands, and each band is read
// left side, then right side, each side ordered the same way.
func columns(frags []*fragment, depth int) [][]*fragment {
	if depth >= maxColumnDepth || len(frags) < 4 {
		return [][]*fragment{frags}
	}
	at, ok := gutter(frags)
	if !ok {
		return [][]*fragment{frags}
	}
	var left, right, span []*fragment
	for _, f := range frags {
		switch {
		case f.x1 <= at:
			left = append(left, f)
		case f.x0 >= at:
			right = append(right, f)
		default:
			span = append(span, f)
		}
	}
	// A fragment on the row of a spanning one spans with it: the names of
	// an author block, a running head's page number.
	for _, side := range []*[]*fragment{&left, &right} {
		kept := (*side)[:0]
		for _, f := range *side {
			if onRowOf(f, span) {
				span = append(span, f)
			} else {
				kept = append(kept, f)
			}
		}
		*side = kept
	}
	sort.SliceStable(span, func(i, j int) bool { return span[i].y0 < span[j].y0 })
	var out [][]*fragment
	// Bands: between consecutive spanning fragments, the column
	// fragments that lie above the next spanning one.
	bandTop := math.Inf(-1)
	emit := func(bandBottom float64) {
		var l, r []*fragment
		for _, f := range left {
			if f.midY() >= bandTop && f.midY() < bandBottom {
				l = append(l, f)
			}
		}
		for _, f := range right {
			if f.midY() >= bandTop && f.midY() < bandBottom {
				r = append(r, f)
			}
		}
		if len(l) > 0 {
			out = append(out, columns(l, depth+1)...)
		}
		if len(r) > 0 {
			out = append(out, columns(r, depth+1)...)
		}
	}
	for i := 0; i < len(span); {
		emit(span[i].midY())
		j := i + 1
		for j < len(span) && !between(left, right, span[j-1], span[j]) {
			j++
		}
		out = append(out, span[i:j])
		bandTop = span[j-1].midY()
		i = j
	}
	emit(math.Inf(1))
	return out
}

// onRowOf reports whether f shares a row with one of frags.
func onRowOf(f *fragment, frags []*fragment) bool {
	for _, s := range frags {
		if math.Abs(f.midY()-s.midY()) < 0.5*math.Min(f.height(), s.height()) {
			return true
		}
	}
	return false
}

// between reports whether any column fragment lies vertically between the
// spanning fragments a and b, which are otherwise read as one piece.
func between(left, right []*fragment, a, b *fragment) bool {
	for _, side := range [][]*fragment{left, right} {
		for _, f := range side {
			if f.midY() >= a.midY() && f.midY() < b.midY() {
				return true
			}
		}
	}
	return false
}

// gutter finds the x of a column gutter in frags: the middle of the
// widest vertical band of white space, in the middle half of the region
// and at least an em wide, that column-width fragments do not cross (a
// few may: a name in an author block, a centred heading; they then cut
// the page into bands), with column text on both sides (see columnSides).
func gutter(frags []*fragment) (float64, bool) {
	minX, maxX := math.Inf(1), math.Inf(-1)
	var sizes []float64
	for _, f := range frags {
		minX, maxX = math.Min(minX, f.x0), math.Max(maxX, f.x1)
		sizes = append(sizes, f.size)
	}
	width := maxX - minX
	if width <= 0 {
		return 0, false
	}
	em := median(sizes)
	// How many narrow fragments cross each x, on a half-point grid.
	const step = 0.5
	n := int(width/step) + 2
	if n > 1<<16 {
		return 0, false // a page miles wide: no columns
	}
	cover := make([]int, n)
	var narrow []*fragment
	for _, f := range frags {
		if f.x1-f.x0 > wideShare*width {
			continue
		}
		narrow = append(narrow, f)
		a, b := int((f.x0-minX)/step), int((f.x1-minX)/step)
		for k := max(a, 0); k <= b && k < n; k++ {
			cover[k]++
		}
	}
	if len(narrow) < 4 {
		return 0, false
	}
	allowed := len(narrow) / 10
	best, bestW := 0.0, 0.0
	lo, hi := int(0.25*width/step), int(0.75*width/step)
	for k := lo; k <= hi; {
		if cover[k] > allowed {
			k++
			continue
		}
		// Extend the run both ways, beyond the middle half too.
		a, b := k, k
		for a > 0 && cover[a-1] <= allowed {
			a--
		}
		for b < n-1 && cover[b+1] <= allowed {
			b++
		}
		k = b + 1
		w := float64(b-a+1) * step
		if w < em || w <= bestW {
			continue
		}
		at := minX + float64(a+b+1)*step/2
		if columnSides(narrow, at) {
			best, bestW = at, w
		}
	}
	return best, bestW > 0
}

// columnSides reports whether the fragments on each side of x look like
// columns of text: two fragments or more each, each side at least a fifth
// of the letters, and the side's typical fragment at least half as wide as
// the side (prose lines fill their column; table cells do not).
func columnSides(frags []*fragment, x float64) bool {
	var l, r []*fragment
	var lc, rc int
	for _, f := range frags {
		switch {
		case f.x1 <= x:
			l = append(l, f)
			lc += f.chars
		case f.x0 >= x:
			r = append(r, f)
			rc += f.chars
		}
	}
	if len(l) < 2 || len(r) < 2 || lc*4 < rc || rc*4 < lc {
		return false
	}
	return filled(l) && filled(r)
}

// filled reports whether the median fragment of a side spans at least half
// the side's width.
func filled(side []*fragment) bool {
	minX, maxX := math.Inf(1), math.Inf(-1)
	var ws []float64
	for _, f := range side {
		minX, maxX = math.Min(minX, f.x0), math.Max(maxX, f.x1)
		ws = append(ws, f.x1-f.x0)
	}
	return median(ws) >= 0.5*(maxX-minX)
}

// median of xs (0 for none); xs is reordered.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// makeBlock builds the lines of one column piece: fragments on one
// baseline, left to right (right to left for a line of RTL script), top
// down.
func makeBlock(frags []*fragment) region {
	b := region{left: math.Inf(1), right: math.Inf(-1)}
	for _, row := range physicalLines(frags) {
		rtl := 0
		for _, f := range row {
			if f.rtl {
				rtl += f.chars
			} else {
				rtl -= f.chars
			}
		}
		if rtl > 0 {
			sort.SliceStable(row, func(i, j int) bool { return row[i].x1 > row[j].x1 })
		}
		l := line{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
		var parts []string
		for _, f := range row {
			l.x0, l.x1 = math.Min(l.x0, f.x0), math.Max(l.x1, f.x1)
			l.y0, l.y1 = math.Min(l.y0, f.y0), math.Max(l.y1, f.y1)
			l.size = math.Max(l.size, f.size)
			parts = append(parts, f.text)
		}
		l.text = strings.Join(parts, " ")
		b.left, b.right = math.Min(b.left, l.x0), math.Max(b.right, l.x1)
		b.lines = append(b.lines, l)
	}
	return b
}

// flushLeft reports whether most of a block's lines (three or more)
// start at its left edge, as set text does and centred text does not.
func (b region) flushLeft() bool {
	if len(b.lines) < 3 {
		return false
	}
	n := 0
	for _, l := range b.lines {
		if l.x0-b.left < 0.3*l.size {
			n++
		}
	}
	return n*10 >= len(b.lines)*6
}

// Paragraphs.

// paragraphs joins the blocks' lines into paragraphs separated by blank
// lines. A paragraph may run on from one column or page into the next.
func paragraphs(blocks []region) string {
	spacing := usualSpacing(blocks)
	var (
		out  strings.Builder
		para []string
		prev *line
		pb   *region
	)
	lexicon := newHyphenLexicon(blocks)
	flush := func() {
		if len(para) > 0 {
			if out.Len() > 0 {
				out.WriteString("\n\n")
			}
			out.WriteString(joinLines(para, lexicon))
		}
		para = para[:0]
	}
	for bi := range blocks {
		b := &blocks[bi]
		for li := range b.lines {
			l := &b.lines[li]
			if prev != nil {
				var brk bool
				if li == 0 {
					brk = !runsOn(*prev, *pb, *l)
				} else {
					brk = paraBreak(*prev, *l, *b, spacing)
				}
				if brk {
					flush()
				}
			}
			para = append(para, l.text)
			prev, pb = l, b
		}
	}
	flush()
	return out.String()
}

// usualSpacing is the typical distance between the baselines of
// consecutive lines, per em, over the whole document (1.2 when unknown).
func usualSpacing(blocks []region) float64 {
	var ds []float64
	for _, b := range blocks {
		for i := 1; i < len(b.lines); i++ {
			p, l := b.lines[i-1], b.lines[i]
			if math.Abs(p.size-l.size) > 0.1*p.size || p.size <= 0 {
				continue
			}
			if d := (l.y1 - p.y1) / p.size; d > 0.5 && d < 3 {
				ds = append(ds, d)
			}
		}
	}
	if len(ds) < 3 {
		return 1.2
	}
	// The lower quartile: paragraph gaps are the long tail.
	sort.Float64s(ds)
	return ds[len(ds)/4]
}

// closesParagraph reports whether s ends a sentence or a heading's colon.
func closesParagraph(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]*†‡0123456789 ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?:。！？", r)
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// short reports whether l stops well before its column's right edge.
func short(l line, b region) bool {
	w := b.right - b.left
	return w > 0 && l.x1 < b.right-math.Max(0.2*w, 2*l.size)
}

// paraBreak reports whether a paragraph ends between lines prev and l of
// one block.
func paraBreak(prev, l line, b region, spacing float64) bool {
	em := math.Max(prev.size, l.size)
	if em <= 0 {
		return false
	}
	if math.Abs(prev.size-l.size) > 0.15*em {
		return true // a heading, or a caption in smaller type
	}
	if (l.y1-prev.y1)/em > lineGapFactor*spacing {
		return true
	}
	if in := (l.x0 - b.left) / em; in > indentMin && in < indentMax && prev.x0-b.left < 0.3*em &&
		(l.x1 > b.right-em || b.flushLeft()) {
		return true // a first-line indent (a centred line is not one)
	}
	if short(prev, b) && (closesParagraph(prev.text) || !startsLower(l.text)) {
		return true
	}
	return false
}

// runsOn reports whether the paragraph ending a block with line prev goes
// on in the next block's first line l (a column or page break in the
// middle of a sentence).
func runsOn(prev line, pb region, l line) bool {
	if startsLower(l.text) {
		return true
	}
	return !closesParagraph(prev.text) && !short(prev, pb) && math.Abs(prev.size-l.size) <= 0.15*math.Max(prev.size, l.size)
}

// joinLines joins a paragraph's lines into one line of text.
func joinLines(lines []string, lex *hyphenLexicon) string {
	var buf []byte
	for i, s := range lines {
		s = unfold(s)
		if i > 0 {
			sp := bytes.LastIndexByte(buf, ' ')
			if keep, ok := lex.dehyphenate(string(buf[sp+1:]), s); ok {
				_, n := utf8.DecodeLastRune(buf)
				buf = buf[:len(buf)-n]
				if keep {
					buf = append(buf, '-')
				}
				buf = append(buf, s...)
				continue
			}
			last, _ := utf8.DecodeLastRune(buf)
			first, _ := utf8.DecodeRuneInString(s)
			if !(isCJK(last) && isCJK(first)) {
				buf = append(buf, ' ')
			}
		}
		buf = append(buf, s...)
	}
	// Soft hyphens left inside lines are invisible break points.
	return strings.Join(strings.Fields(strings.ReplaceAll(string(buf), "\u00ad", "")), " ")
}

// isCJK reports whether r is written without spaces between words
// (Han, kana, Hangul syllables are spaced, but their punctuation is not).
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// unfold undoes typesetting in s: ligatures (ﬁ, ﬂ, ﬀ), Arabic and Hebrew
// presentation forms, CJK compatibility and vertical forms, half-width
// katakana and full-width Latin letters and digits become the characters
// they stand for (NFKC, applied to those blocks only: NFKC elsewhere would
// turn ² into 2 and ½ into 1⁄2, changing what the document says), and
// typographic spaces become plain ones.
func unfold(s string) string {
	need := false
	for _, r := range s {
		if foldable(r) || unicode.IsSpace(r) && r != ' ' {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var sb strings.Builder
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			sb.WriteByte(' ')
		case foldable(r):
			n := utf8.EncodeRune(buf[:], r)
			sb.Write(norm.NFKC.Bytes(buf[:n]))
		default:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// foldable reports whether r is a presentation form that NFKC unfolds to
// what it stands for.
func foldable(r rune) bool {
	switch {
	case r >= 0xFB00 && r <= 0xFDFF: // ligatures, Hebrew and Arabic forms A
	case r >= 0xFE10 && r <= 0xFE1F: // vertical forms
	case r >= 0xFE30 && r <= 0xFE6F: // CJK compatibility and small forms
	case r >= 0xFE70 && r <= 0xFEFE: // Arabic forms B
	case r >= 0xFF10 && r <= 0xFF19, r >= 0xFF21 && r <= 0xFF3A, r >= 0xFF41 && r <= 0xFF5A: // full-width Latin
	case r >= 0xFF61 && r <= 0xFFDC: // half-width katakana and Hangul
	default:
		return false
	}
	return true
}
