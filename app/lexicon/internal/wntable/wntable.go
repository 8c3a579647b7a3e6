// Package wntable is the on-disk format of Parallax's compact WordNet table:
// the one place that knows how the bytes in assets/wordnet.bin.gz are laid
// out, shared by the generator that writes them (internal/wngen) and the
// lexicon that reads them, so the two cannot drift apart.
//
// The table is flat on purpose. Every per-word and per-synset list is stored
// once, concatenated, with a start array beside it (compressed sparse rows),
// so decoding allocates a dozen slices instead of a few hundred thousand and
// lookups index plain arrays.
//
// # Encoding
//
// The payload is gzip (no name, no time stamp, best compression, so the same
// input and Go release give the same bytes) over a stream of sections:
//
//	magic "parallax-wordnet\x00" and version byte
//	uvarint word count, uvarint blob length, blob (words sorted, each ended by '\n')
//	4 × uvarint synset count per part of speech (noun, verb, adjective, adverb)
//	4 bytes per word: its sense count per part of speech
//	per sense: uvarint synset ID minus the first ID of its part of speech
//	per word: uvarint SemCor frequency
//	per word: uvarint derivation count; then per word its sorted derived word
//	  indices, the first as a zigzag delta from the word's own index, the rest
//	  as deltas from the previous one (related words sort near each other)
//	per word: uvarint exception count; then per exception uvarint POS<<30|base
//	per synset: uvarint hypernym count; then per hypernym a zigzag delta from
//	  the synset's own ID
//	magic again, so a truncated or misaligned table is caught.
//
// Varint columns (rather than one record per word) let gzip see long runs of
// similar numbers; the whole of WordNet 3.0 comes to 1.4 MB
// (3.8 MB decompressed).
package wntable

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Parts of speech, in WordNet's order. Adjective satellites ("s") are
// adjectives: they live in data.adj and share its synset ID range.
const (
	Noun = iota
	Verb
	Adj
	Adv
	NumPOS
)

const (
	magic   = "parallax-wordnet\x00"
	version = 1
	// posShift packs an exception's part of speech above its base word index.
	posShift = 30
	// MaxWords bounds the word count so an exception fits in 30 bits.
	MaxWords = 1 << posShift
)

// Table is the decoded WordNet table. Words are identified by their index in
// the sorted word list, synsets by a dense ID: nouns first, then verbs,
// adjectives and adverbs, each in WordNet file-offset order.
type Table struct {
	// Words holds every word, each followed by '\n', in byte order: the
	// lemmas of index.* and the inflected forms of the *.exc lists.
	Words string
	// WordStart[i] is the byte offset of word i in Words; it has one more
	// entry than there are words, so word i is Words[WordStart[i]:WordStart[i+1]-1].
	WordStart []uint32
	// Synsets is the number of synsets per part of speech.
	Synsets [NumPOS]uint32

	// SenseCount[4*i+p] is how many senses word i has as part of speech p;
	// they are Senses[SenseStart[i]:SenseStart[i+1]], grouped by part of
	// speech in the order above, each group in WordNet sense order (most
	// frequent first).
	SenseCount []uint8
	SenseStart []uint32
	Senses     []uint32

	// Freq[i] is the SemCor tag count of word i over all its senses
	// (cntlist.rev), a cheap frequency used to pick one lemma.
	Freq []uint32

	// Derived[DerivStart[i]:DerivStart[i+1]] are the sorted indices of words
	// linked to word i by a derivation ("+") or pertainym ("\") pointer, in
	// either direction.
	DerivStart []uint32
	Derived    []uint32

	// Exceptions[ExcStart[i]:ExcStart[i+1]] are word i's base forms from the
	// exception lists, each POS<<30 | base word index, in list order.
	ExcStart   []uint32
	Exceptions []uint32

	// Hypernyms[HypStart[s]:HypStart[s+1]] are the synsets one "@" or "@i"
	// step above synset s.
	HypStart  []uint32
	Hypernyms []uint32
}

// NumWords is the number of words in the table.
func (t *Table) NumWords() int { return len(t.WordStart) - 1 }

// Word returns word i without copying.
func (t *Table) Word(i int) string { return t.Words[t.WordStart[i] : t.WordStart[i+1]-1] }

// FirstSynset returns the first synset ID of part of speech p.
func (t *Table) FirstSynset(p int) uint32 {
	var base uint32
	for q := 0; q < p; q++ {
		base += t.Synsets[q]
	}
	return base
}

// PackException packs an exception's part of speech and base word index.
func PackException(pos int, base uint32) uint32 { return uint32(pos)<<posShift | base }

// UnpackException is the inverse of PackException.
func UnpackException(e uint32) (pos int, base uint32) {
	return int(e >> posShift), e & (1<<posShift - 1)
}

// Encode writes t gzip-compressed to w. The output depends only on t and the
// Go release's compress/flate, so regenerating from the same WordNet gives
// identical bytes.
func Encode(w io.Writer, t *Table) error {
	if err := t.check(); err != nil {
		return err
	}
	var raw bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { raw.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	zz := func(v int64) { raw.Write(tmp[:binary.PutVarint(tmp[:], v)]) }

	raw.WriteString(magic)
	raw.WriteByte(version)
	n := t.NumWords()
	uv(uint64(n))
	uv(uint64(len(t.Words)))
	raw.WriteString(t.Words)
	for _, c := range t.Synsets {
		uv(uint64(c))
	}
	raw.Write(t.SenseCount)
	for i := range n {
		k := t.SenseStart[i]
		for p := range NumPOS {
			base := t.FirstSynset(p)
			for range t.SenseCount[4*i+p] {
				uv(uint64(t.Senses[k] - base))
				k++
			}
		}
	}
	for _, f := range t.Freq {
		uv(uint64(f))
	}
	for i := range n {
		uv(uint64(t.DerivStart[i+1] - t.DerivStart[i]))
	}
	for i := range n {
		ds := t.Derived[t.DerivStart[i]:t.DerivStart[i+1]]
		for j, d := range ds {
			if j == 0 {
				zz(int64(d) - int64(i))
			} else {
				uv(uint64(d - ds[j-1]))
			}
		}
	}
	for i := range n {
		uv(uint64(t.ExcStart[i+1] - t.ExcStart[i]))
	}
	for _, e := range t.Exceptions {
		uv(uint64(e))
	}
	ns := len(t.HypStart) - 1
	for s := range ns {
		uv(uint64(t.HypStart[s+1] - t.HypStart[s]))
	}
	for s := range ns {
		for _, h := range t.Hypernyms[t.HypStart[s]:t.HypStart[s+1]] {
			zz(int64(h) - int64(s))
		}
	}
	raw.WriteString(magic)

	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return fmt.Errorf("wntable: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("wntable: compress: %w", err)
	}
	return nil
}

// check reports a table whose arrays disagree, so Encode never writes a
// table Decode would reject.
func (t *Table) check() error {
	n := t.NumWords()
	ns := len(t.HypStart) - 1
	var total uint32
	for _, c := range t.Synsets {
		total += c
	}
	switch {
	case n < 0 || n >= MaxWords:
		return fmt.Errorf("wntable: %d words", n)
	case len(t.SenseCount) != 4*n || len(t.SenseStart) != n+1 || len(t.Freq) != n ||
		len(t.DerivStart) != n+1 || len(t.ExcStart) != n+1:
		return errors.New("wntable: per-word arrays differ in length")
	case ns < 0 || uint32(ns) != total:
		return fmt.Errorf("wntable: %d hypernym rows for %d synsets", ns, total)
	case int(t.SenseStart[n]) != len(t.Senses) || int(t.DerivStart[n]) != len(t.Derived) ||
		int(t.ExcStart[n]) != len(t.Exceptions) || int(t.HypStart[ns]) != len(t.Hypernyms):
		return errors.New("wntable: start arrays do not end at their lists' lengths")
	}
	for i := range n {
		w := t.Word(i)
		if w == "" || strings.ContainsRune(w, '\n') || (i > 0 && t.Word(i-1) >= w) {
			return fmt.Errorf("wntable: word %d (%q) empty or out of order", i, w)
		}
		sum := uint32(0)
		for p := range NumPOS {
			sum += uint32(t.SenseCount[4*i+p])
		}
		if t.SenseStart[i+1]-t.SenseStart[i] != sum {
			return fmt.Errorf("wntable: word %q: sense counts do not match its senses", w)
		}
		ds := t.Derived[t.DerivStart[i]:t.DerivStart[i+1]]
		for j := range ds {
			if ds[j] >= uint32(n) || (j > 0 && ds[j] <= ds[j-1]) {
				return fmt.Errorf("wntable: word %q: derived words out of range or order", w)
			}
		}
	}
	return nil
}

// DecodeBytes decodes a table held in memory, such as the embedded asset.
// It sizes the output buffer from the gzip trailer, so the decompressed
// stream is read into one allocation instead of a doubling series.
func DecodeBytes(b []byte) (*Table, error) {
	var sizeHint int
	if len(b) >= 4 {
		// ISIZE: the uncompressed length modulo 2^32 (RFC 1952), a hint only.
		sizeHint = int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	}
	return decode(bytes.NewReader(b), min(sizeHint, 64<<20))
}

// Decode reads a table written by Encode. It checks every index it reads
// against the table's bounds, so a corrupt table is an error, never a panic
// in a later lookup.
func Decode(r io.Reader) (*Table, error) { return decode(r, 0) }

func decode(r io.Reader, sizeHint int) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("wntable: %w", err)
	}
	zr.Multistream(false)
	var buf bytes.Buffer
	buf.Grow(sizeHint + bytes.MinRead)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("wntable: decompress: %w", err)
	}
	raw := buf.Bytes()
	d := decoder{b: raw}
	t, err := d.table()
	if err != nil {
		return nil, fmt.Errorf("wntable: %w", err)
	}
	return t, nil
}

var errCorrupt = errors.New("corrupt table")

// decoder reads the section stream; the first error sticks and later reads
// return zeros, so table() checks once per section.
type decoder struct {
	b   []byte
	off int
	err error
}

func (d *decoder) uv() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) zz() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return v
}

// bounded reads a uvarint and fails unless it is below limit.
func (d *decoder) bounded(limit uint64) uint32 {
	v := d.uv()
	if v >= limit {
		d.fail()
		return 0
	}
	return uint32(v)
}

func (d *decoder) bytes(n uint64) []byte {
	if d.err != nil || n > uint64(len(d.b)-d.off) {
		d.fail()
		return nil
	}
	b := d.b[d.off : d.off+int(n)]
	d.off += int(n)
	return b
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
}

func (d *decoder) table() (*Table, error) {
	if string(d.bytes(uint64(len(magic)))) != magic || string(d.bytes(1)) != string(rune(version)) {
		return nil, errors.New("not a Parallax WordNet table of version 1")
	}
	n := uint64(d.bounded(MaxWords))
	blob := d.bytes(d.uv())
	if d.err != nil {
		return nil, d.err
	}
	t := &Table{Words: string(blob), WordStart: make([]uint32, 0, n+1)}
	t.WordStart = append(t.WordStart, 0)
	for i, c := range blob {
		if c == '\n' {
			t.WordStart = append(t.WordStart, uint32(i+1))
		}
	}
	if uint64(len(t.WordStart)) != n+1 || (len(blob) > 0 && blob[len(blob)-1] != '\n') {
		return nil, errCorrupt
	}
	var total uint64
	for p := range NumPOS {
		t.Synsets[p] = d.bounded(MaxWords)
		total += uint64(t.Synsets[p])
	}
	// Copied, so the decompressed stream can be freed once decoded.
	t.SenseCount = bytes.Clone(d.bytes(4 * n))
	if d.err != nil {
		return nil, d.err
	}
	t.SenseStart = make([]uint32, n+1)
	var senses uint32
	for i := range n {
		t.SenseStart[i] = senses
		for p := range NumPOS {
			senses += uint32(t.SenseCount[4*i+uint64(p)])
		}
	}
	t.SenseStart[n] = senses
	t.Senses = make([]uint32, 0, senses)
	for i := range n {
		for p := range NumPOS {
			base, limit := t.FirstSynset(p), uint64(t.Synsets[p])
			for range t.SenseCount[4*i+uint64(p)] {
				t.Senses = append(t.Senses, base+d.bounded(limit))
			}
		}
	}
	t.Freq = make([]uint32, n)
	for i := range t.Freq {
		t.Freq[i] = d.bounded(1 << 32)
	}
	t.DerivStart = d.starts(int(n), n)
	if d.err != nil {
		return nil, d.err
	}
	t.Derived = make([]uint32, t.DerivStart[n])
	k := 0
	for i := range n {
		prev := int64(i)
		for j := t.DerivStart[i]; j < t.DerivStart[i+1]; j++ {
			var v int64
			if j == t.DerivStart[i] {
				v = prev + d.zz()
			} else {
				v = prev + int64(d.uv())
			}
			if v < 0 || uint64(v) >= n || (j > t.DerivStart[i] && v <= prev) {
				d.fail()
			}
			t.Derived[k] = uint32(v)
			k++
			prev = v
		}
	}
	t.ExcStart = d.starts(int(n), n)
	if d.err != nil {
		return nil, d.err
	}
	t.Exceptions = make([]uint32, t.ExcStart[n])
	for i := range t.Exceptions {
		e := d.bounded(uint64(NumPOS) << posShift)
		if _, base := UnpackException(e); uint64(base) >= n {
			d.fail()
		}
		t.Exceptions[i] = e
	}
	t.HypStart = d.starts(int(total), total)
	if d.err != nil {
		return nil, d.err
	}
	t.Hypernyms = make([]uint32, t.HypStart[total])
	k = 0
	for s := range total {
		for range t.HypStart[s+1] - t.HypStart[s] {
			v := int64(s) + d.zz()
			if v < 0 || uint64(v) >= total {
				d.fail()
			}
			t.Hypernyms[k] = uint32(v)
			k++
		}
	}
	if string(d.bytes(uint64(len(magic)))) != magic || d.off != len(d.b) {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return t, nil
}

// starts reads rows count lengths and returns their running sums; each
// length is bounded by limit so a corrupt table cannot ask for gigabytes.
func (d *decoder) starts(rows int, limit uint64) []uint32 {
	s := make([]uint32, rows+1)
	var sum uint64
	for i := range rows {
		s[i] = uint32(sum)
		sum += uint64(d.bounded(limit + 1))
		if sum >= 1<<32 {
			d.fail()
			return s
		}
	}
	s[rows] = uint32(sum)
	return s
}
