package lexicon

import (
	"strings"

	"parallax/app/lexicon/internal/wntable"
)

// maxCands bounds a word's candidate lemmas. Morphy yields at most the word,
// a few exception bases and one form per detachment rule for each part of
// speech; real words stay under ten, and any beyond the bound are dropped.
const maxCands = 16

// maxWordLen bounds the words the detachment rules are tried on, so the
// candidate forms are built in a stack buffer. WordNet's longest single
// words are well under it; longer tokens are looked up as they are.
const maxWordLen = 64

// Word is a word analysed against WordNet: the lemmas it may be a form of,
// each with a part of speech. Lookup makes one; keep it per token to relate
// many pairs without repeating the morphology.
type Word struct {
	text string
	h    uint64 // hash of text, the key of the relation memo
	n    uint8
	c    [maxCands]cand
}

// cand is one candidate lemma: a word index of the table, its part of
// speech, and how morphy reached it (which Lemma uses to choose).
type cand struct {
	word uint32
	pos  uint8
	kind uint8
}

// How a candidate was found.
const (
	identity      = iota // the word itself is a lemma of that part of speech
	fromException        // an exception list gives it as the word's base
	detached             // a detachment rule produced it
)

// rule is one of morphy's detachment rules: replace suffix with ending.
type rule struct{ suffix, ending string }

// rules are WordNet morphy's detachment rules per part of speech
// (morph.c, and morphy(7WN)); adverbs have none.
var rules = [wntable.NumPOS][]rule{
	wntable.Noun: {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	wntable.Verb: {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	wntable.Adj:  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// analyse fills w with word's candidate lemmas, following WordNet's morphy
// for each part of speech in turn: if the word is in that part of speech's
// exception list, its bases (and the word itself, if a lemma) are the
// answer; otherwise the word itself if a lemma, plus every form one
// detachment rule gives that is a lemma of that part of speech. As in
// morph.c, rules are not applied to words of two letters or fewer, nor is
// "-s" stripped from nouns in "-ss" ("glass"). It does not allocate.
func (l *lexicon) analyse(word string, w *Word) {
	w.text, w.n, w.h = word, 0, hashWord(word)
	t := l.t
	id, known := l.index.lookup(word)
	var buf [maxWordLen]byte
	for p := range wntable.NumPOS {
		if known {
			excs := t.Exceptions[t.ExcStart[id]:t.ExcStart[id+1]]
			found := false
			for _, e := range excs {
				if pos, base := wntable.UnpackException(e); pos == p {
					w.add(base, p, fromException)
					found = true
				}
			}
			if t.SenseCount[4*int(id)+p] > 0 {
				w.add(id, p, identity)
			}
			if found {
				continue
			}
		}
		if len(word) <= 2 || len(word) > maxWordLen || (p == wntable.Noun && strings.HasSuffix(word, "ss")) {
			continue
		}
		for _, r := range rules[p] {
			if !strings.HasSuffix(word, r.suffix) {
				continue
			}
			n := copy(buf[:], word[:len(word)-len(r.suffix)])
			n += copy(buf[n:], r.ending)
			if base, ok := l.index.lookupBytes(buf[:n]); ok && t.SenseCount[4*int(base)+p] > 0 {
				w.add(base, p, detached)
			}
		}
	}
}

// add appends a candidate unless it is already there or w is full.
func (w *Word) add(word uint32, pos int, kind uint8) {
	for i := range int(w.n) {
		if w.c[i].word == word && int(w.c[i].pos) == pos {
			return
		}
	}
	if int(w.n) < maxCands {
		w.c[w.n] = cand{word: word, pos: uint8(pos), kind: kind}
		w.n++
	}
}
