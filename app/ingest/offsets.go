package ingest

import "sort"

// Offsets maps byte offsets in a report's text back to byte offsets in the
// source bytes as read, so that a claim found in the text can be reported
// as a span of the original file (parallax compare prints those spans).
//
// Decoding changes byte lengths (a UTF-16 code unit is 2 bytes, a
// Windows-1252 curly quote becomes 3 bytes of UTF-8, CRLF becomes LF) and
// the Markdown reader drops syntax, so the map is piecewise: a sorted list
// of runs, each a stretch of equal units where every unit of tw text bytes
// stands for sw source bytes. A plain ASCII stretch is one run (1→1), a
// UTF-16 stretch of ASCII letters another (1→2), and bytes dropped from the
// source are gaps between runs. Lookups are a binary search over the runs,
// and a text identical to its source stores no runs at all.
//
// The zero value is the identity map.
type Offsets struct {
	runs    []offRun // nil: identity over [0, textLen]
	textLen int
	srcLen  int
}

// offRun is one run of equal units starting at text offset t and source
// offset s; it lasts until the next run's t (or the end of the text).
type offRun struct {
	t, s   int32
	tw, sw int32
}

// identityOffsets is the map of a text that equals its n source bytes.
func identityOffsets(n int) Offsets { return Offsets{textLen: n, srcLen: n} }

// Source returns the source byte offset of text byte offset i. A text
// offset inside a multi-byte unit (the middle of a re-encoded rune) maps to
// the start of that unit's source bytes, and i == len(Text) maps to the end
// of the source, so Source is monotonic and a text span [a, b) maps to the
// source span [Source(a), Source(b)), which includes whatever was dropped
// between them (see Span for the tight form). Offsets outside the text are
// clamped.
func (o Offsets) Source(i int) int {
	if i <= 0 {
		if len(o.runs) > 0 {
			return int(o.runs[0].s)
		}
		return 0
	}
	if o.runs == nil {
		if o.textLen == 0 && o.srcLen == 0 { // zero value: unknown length
			return i
		}
		if i >= o.textLen {
			return o.srcLen
		}
		return i
	}
	if i >= o.textLen {
		return o.srcLen
	}
	r := o.runs[o.find(i)]
	return int(r.s) + (i-int(r.t))/int(r.tw)*int(r.sw)
}

// Span returns the tight source span of the text span [start, end): it
// starts where Source(start) does but ends right after the source bytes of
// the text's last unit, leaving out anything dropped after it (a closing
// "**", a control character, the "\r" of a trailing CRLF is kept since it is
// part of the line end). Use it to highlight a claim in the original file.
// An empty or inverted span maps to an empty span at Source(start).
func (o Offsets) Span(start, end int) (int, int) {
	a := o.Source(start)
	if end <= start {
		return a, a
	}
	if o.runs == nil {
		return a, o.Source(end)
	}
	if end > o.textLen {
		end = o.textLen
	}
	if end <= 0 || end <= start {
		return a, a
	}
	r := o.runs[o.find(end-1)]
	b := int(r.s) + ((end-1-int(r.t))/int(r.tw)+1)*int(r.sw)
	if b < a {
		b = a
	}
	return a, b
}

// TextLen is the length of the text the map was built for.
func (o Offsets) TextLen() int { return o.textLen }

// SourceLen is the length of the source bytes the map was built for.
func (o Offsets) SourceLen() int { return o.srcLen }

// Identity reports whether every text offset maps to itself, as for a
// UTF-8 plain text file with LF line ends and no control characters.
func (o Offsets) Identity() bool { return o.runs == nil && o.textLen == o.srcLen }

// find returns the index of the run holding text offset i (0 <= i < textLen).
func (o Offsets) find(i int) int {
	k := sort.Search(len(o.runs), func(k int) bool { return int(o.runs[k].t) > i })
	if k == 0 {
		return 0
	}
	return k - 1
}

// offsetsBuilder collects units in text order.
type offsetsBuilder struct {
	runs []offRun
	t    int // text bytes added so far
}

// add appends n units of tw text bytes, the first starting at source
// offset s, each standing for sw source bytes. Units are merged into the
// previous run when they continue it.
func (b *offsetsBuilder) add(s, tw, sw, n int) {
	if n <= 0 || tw <= 0 {
		return
	}
	if tw == sw && tw > 1 {
		// A rune copied as is (UTF-8 to UTF-8): byte for byte, so it can
		// join the surrounding 1→1 run and keep plain UTF-8 one run.
		n, tw, sw = n*tw, 1, 1
	}
	if k := len(b.runs); k > 0 {
		last := &b.runs[k-1]
		units := (b.t - int(last.t)) / int(last.tw)
		if int(last.tw) == tw && int(last.sw) == sw && int(last.s)+units*sw == s {
			b.t += n * tw
			return
		}
	}
	b.runs = append(b.runs, offRun{t: int32(b.t), s: int32(s), tw: int32(tw), sw: int32(sw)})
	b.t += n * tw
}

// finish returns the map for a source of srcLen bytes.
func (b *offsetsBuilder) finish(srcLen int) Offsets {
	if b.t == srcLen && (len(b.runs) == 0 ||
		(len(b.runs) == 1 && b.runs[0] == offRun{tw: 1, sw: 1})) {
		return identityOffsets(srcLen)
	}
	runs := b.runs
	if len(runs) == 0 {
		// An empty text: every offset (only 0) maps to the end of the
		// source, which is the only sensible place.
		runs = []offRun{{t: 0, s: int32(srcLen), tw: 1, sw: 0}}
	}
	return Offsets{runs: runs, textLen: b.t, srcLen: srcLen}
}

// piece is a stretch of a reader's output text taken from its input text
// (an intermediate, already decoded string): either copied byte for byte
// (copied is true, so tn == dn) or written in its place (an HTML entity
// replaced by the character it names).
type piece struct {
	t, d, tn, dn int
	copied       bool
}

// pieceText builds a reader's text (or a line of it) from pieces of its
// decoded input, for compose to map back to the file.
type pieceText struct {
	in     string
	out    []byte
	pieces []piece
}

// copy appends in[a:b] as it is, extending the last piece when it ends
// where this one starts.
func (b *pieceText) copy(a, e int) {
	if e <= a {
		return
	}
	if n := len(b.pieces); n > 0 {
		last := &b.pieces[n-1]
		if last.copied && last.d+last.dn == a {
			last.dn += e - a
			last.tn += e - a
			b.out = append(b.out, b.in[a:e]...)
			return
		}
	}
	b.pieces = append(b.pieces, piece{t: len(b.out), d: a, dn: e - a, tn: e - a, copied: true})
	b.out = append(b.out, b.in[a:e]...)
}

// subst appends s in place of in[a:e] (an entity, or a separator written
// where there was none, a < e or a == e).
func (b *pieceText) subst(s string, a, e int) {
	if s == "" {
		return
	}
	b.pieces = append(b.pieces, piece{t: len(b.out), d: a, dn: e - a, tn: len(s)})
	b.out = append(b.out, s...)
}

// compose returns the map from an output text built from pieces of an
// intermediate text to the source of that intermediate text, given inner,
// the intermediate text's own map. Readers that strip syntax (Markdown,
// later HTML) work on decoded text and so never see source bytes.
func compose(inner Offsets, pieces []piece, textLen int) Offsets {
	var b offsetsBuilder
	for _, p := range pieces {
		if !p.copied {
			a, e := inner.Span(p.d, p.d+p.dn)
			b.add(a, p.tn, e-a, 1)
			continue
		}
		composeCopy(&b, inner, p.d, p.d+p.dn)
	}
	if b.t != textLen {
		panic("ingest: compose: pieces do not cover the text")
	}
	return b.finish(inner.srcLen)
}

// composeCopy adds the units of inner text [d, e) to b.
func composeCopy(b *offsetsBuilder, inner Offsets, d, e int) {
	if inner.runs == nil {
		b.add(d, 1, 1, e-d)
		return
	}
	k := inner.find(d)
	for d < e {
		for k+1 < len(inner.runs) && int(inner.runs[k+1].t) <= d {
			k++
		}
		r := inner.runs[k]
		end := inner.textLen
		if k+1 < len(inner.runs) {
			end = int(inner.runs[k+1].t)
		}
		if end > e {
			end = e
		}
		tw, sw := int(r.tw), int(r.sw)
		off := d - int(r.t)
		if rem := off % tw; rem != 0 {
			// Starting inside a unit: the fragment maps to the unit's
			// start and owns no source bytes of its own.
			n := min(tw-rem, end-d)
			b.add(int(r.s)+off/tw*sw, n, 0, 1)
			d += n
			continue
		}
		whole := (end - d) / tw
		b.add(int(r.s)+off/tw*sw, tw, sw, whole)
		d += whole * tw
		if d < end {
			// Ending inside a unit.
			b.add(int(r.s)+(d-int(r.t))/tw*sw, end-d, sw, 1)
			d = end
		}
	}
}
