package lexicon

import (
	"hash/maphash"
	"math/bits"

	"parallax/app/lexicon/internal/wntable"
)

// wordIndex maps a word to its index in the table. It is an open-addressing
// hash table of word indices over the table's own word blob, built instead
// of a map[string]uint32 because it is what start-up waits for: one
// []uint32 of a power-of-two size (1 MB for WordNet's ~150k words, against
// about 6 MB and twice the build time for a Go map), no key copies, and a
// lookup by []byte that never allocates.
type wordIndex struct {
	t     *wntable.Table
	seed  maphash.Seed
	slots []uint32 // word index + 1; 0 is an empty slot
	mask  uint64
}

func newWordIndex(t *wntable.Table) wordIndex {
	n := t.NumWords()
	// At most half full, so a probe sequence is short (about 1.5 slots).
	size := uint64(1) << bits.Len(uint(2*n))
	x := wordIndex{t: t, seed: maphash.MakeSeed(), slots: make([]uint32, size), mask: size - 1}
	for i := range n {
		h := maphash.String(x.seed, t.Word(i)) & x.mask
		for x.slots[h] != 0 {
			h = (h + 1) & x.mask
		}
		x.slots[h] = uint32(i) + 1
	}
	return x
}

// lookup returns the index of word, or false.
func (x *wordIndex) lookup(word string) (uint32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	for h := maphash.String(x.seed, word) & x.mask; ; h = (h + 1) & x.mask {
		s := x.slots[h]
		if s == 0 {
			return 0, false
		}
		if x.t.Word(int(s-1)) == word {
			return s - 1, true
		}
	}
}

// lookupBytes is lookup for a word being built in a buffer.
func (x *wordIndex) lookupBytes(word []byte) (uint32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	for h := maphash.Bytes(x.seed, word) & x.mask; ; h = (h + 1) & x.mask {
		s := x.slots[h]
		if s == 0 {
			return 0, false
		}
		if x.t.Word(int(s-1)) == string(word) {
			return s - 1, true
		}
	}
}
