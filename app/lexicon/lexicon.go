// Package lexicon answers the word-level questions of the claim-pair scorer
// from WordNet 3.0: what is this word's lemma, and are these two words the
// same lemma, synonyms, derivationally related or one a hypernym of the
// other? Those are the alignment signals of Sultan, Bethard and Sumner (2014),
// "Back to Basics for Monolingual Alignment" (TACL 2), after exact and stem
// matches: two reports rarely reword a claim with words WordNet has never
// heard of.
//
// The data is a compact table embedded in the binary (assets.WordNet, about
// 1.4 MB), generated offline from the WordNet database files by
// internal/wngen, so nothing is parsed and nothing needs to be installed at
// run time. It is decoded once, on first use, in well under a tenth of a
// second; after that every query is read-only and safe from any goroutine,
// and the hot path (Lookup, Related, Word.Related) allocates nothing.
//
// Input is expected in lower case, as textnorm folds it; WordNet's own
// entries are lower case. Multiword entries are spelled with "_"
// ("prime_minister").
//
// # Licence
//
// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
// It is used under Princeton's WordNet 3.0 licence, which permits use,
// copying, modification and distribution for any purpose without fee provided
// the copyright notice, the disclaimer and the statements in it appear on all
// copies. The full text is assets/wordnet.LICENSE, also embedded as
// assets.WordNetLicense so it travels with every binary.
package lexicon

import (
	"fmt"
	"sync"
	"sync/atomic"

	"parallax/app/lexicon/internal/wntable"
	"parallax/assets"
)

// SenseCut is how many of a word's senses, per part of speech and in
// WordNet's frequency order, Synonyms and Hypernym consider. WordNet splits
// senses finely ("kill" has 15 as a verb, "set" 45): with every sense, almost
// any two common words share a synset somewhere ("dog" and "frank" do).
// Three keeps the dominant readings a news report means (car/automobile,
// buy/purchase, dog→canine is dog's first sense under canine's second) while
// cutting the long tail of rare senses that turns noise into matches.
const SenseCut = 3

// Relation is how two words are related in WordNet, ordered from weakest to
// strongest so a scorer can compare with >= and weight by level.
type Relation uint8

// The relations Related reports, weakest first.
const (
	// RelNone: no relation WordNet knows of (or a word WordNet lacks).
	RelNone Relation = iota
	// RelHypernym: one word's sense is one "is a" step above the other's
	// ("dog" → "canine", "slay" → "kill"), among the first SenseCut senses.
	// Weaker than synonymy: a report that says "the animal" for "the dog"
	// says less, not the same.
	RelHypernym
	// RelDerived: a derivation or pertainym link between lemmas, such as
	// "decide"/"decision", "attack"/"attacker", "rapid"/"rapidly", so a
	// nominalised rewording still aligns.
	RelDerived
	// RelSynonym: the words share a synset among their first SenseCut senses
	// ("car"/"automobile", "buy"/"purchase").
	RelSynonym
	// RelSame: identical words or a shared lemma ("went"/"goes",
	// "children"/"child").
	RelSame
)

// String names the relation for logs, tests and debugging output.
func (r Relation) String() string {
	switch r {
	case RelNone:
		return "none"
	case RelHypernym:
		return "hypernym"
	case RelDerived:
		return "derived"
	case RelSynonym:
		return "synonym"
	case RelSame:
		return "same"
	}
	return fmt.Sprintf("Relation(%d)", uint8(r))
}

// lexicon is the decoded table plus the word index built from it.
type lexicon struct {
	t     *wntable.Table
	index wordIndex
	err   error
}

var (
	loadOnce sync.Once
	lex      *lexicon
)

// get returns the lexicon, decoding the embedded table on first use.
func get() *lexicon {
	loadOnce.Do(func() { lex = load(assets.WordNet) })
	return lex
}

// load decodes a table. On failure it returns an empty lexicon carrying the
// error, so queries degrade to "unknown word" instead of panicking and Load
// can report what went wrong.
func load(b []byte) *lexicon {
	t, err := wntable.DecodeBytes(b)
	if err != nil {
		return &lexicon{t: &wntable.Table{WordStart: []uint32{0}}, err: fmt.Errorf("lexicon: load WordNet: %w", err)}
	}
	return &lexicon{t: t, index: newWordIndex(t)}
}

// Load decodes the embedded WordNet table now rather than on first use and
// reports whether it is usable. Calling it is optional: a caller that wants
// the cost (about 50 ms) paid at start-up, off the UI goroutine, or wants to
// tell the user that WordNet matching is off, calls it; every other function
// loads lazily and treats a broken table as an empty WordNet.
func Load() error { return get().err }

// Known reports whether word is a WordNet lemma or an inflected form of one
// (so "mice" and "attacks" are known, "daraa" and "2024" are not).
// A scorer can use it to tell dictionary words from names and numbers.
func Known(word string) bool {
	var w Word
	get().analyse(word, &w)
	return w.n > 0
}

// Lemma returns word's WordNet base form: "went" → "go", "children" →
// "child", "running" → "run", "better" → "good", "attacks" → "attack". It is
// WordNet's morphy over every part of speech (exception lists, then the
// detachment rules), reduced to one answer without a part-of-speech tagger:
// an exception-list base wins (irregular forms are what the lists are for),
// otherwise the candidate (the word itself or a detached form) with the
// highest SemCor frequency, ties going to the detached form. A word WordNet
// does not know is returned unchanged. The result is a substring of the
// table or word itself: no allocation.
func Lemma(word string) string {
	var w Word
	get().analyse(word, &w)
	return w.Lemma()
}

// Lemmas returns every WordNet lemma word may be a form of, over all parts
// of speech and without duplicates, Lemma's choice first ("saw" → "see",
// "saw"; "leaves" → "leaf", "leave"). It is nil for a word WordNet does not
// know. Unlike the other functions it allocates the returned slice.
func Lemmas(word string) []string {
	var w Word
	l := get()
	l.analyse(word, &w)
	if w.n == 0 {
		return nil
	}
	first := w.Lemma()
	out := []string{first}
	for i := range int(w.n) {
		s := l.t.Word(int(w.c[i].word))
		if s != first && !contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// Synonyms reports whether a and b (any inflected forms) share a WordNet
// synset among the first SenseCut senses of each. A shared lemma counts too:
// a word is its own synonym.
func Synonyms(a, b string) bool { return Related(a, b) >= RelSynonym }

// Derived reports whether a derivation or pertainym link joins a lemma of a
// to a lemma of b ("decided"/"decision", "attack"/"attackers"). It looks at
// the links alone: "attack"/"attack" is not derived, it is the same word.
func Derived(a, b string) bool {
	var wa, wb Word
	l := get()
	l.analyse(a, &wa)
	l.analyse(b, &wb)
	return l.derived(&wa, &wb)
}

// Hypernym reports whether a sense of one word is a one-step hypernym
// ("@" or instance "@i") of a sense of the other, in either direction, among
// the first SenseCut senses of each ("dog"/"canine", "slay"/"kill").
func Hypernym(a, b string) bool {
	var wa, wb Word
	l := get()
	l.analyse(a, &wa)
	l.analyse(b, &wb)
	return l.hypernym(&wa, &wb)
}

// Related returns the strongest relation between a and b, so the scorer
// makes one call per word pair. For many pairs over the same tokens, Lookup
// each token once and use Word.Related: the morphology is then done once per
// token instead of once per pair.
func Related(a, b string) Relation {
	var wa, wb Word
	l := get()
	l.analyse(a, &wa)
	l.analyse(b, &wb)
	return l.related(&wa, &wb)
}

// Lookup analyses word once: its candidate lemmas with their parts of
// speech. The result is a plain value (about 150 bytes, no pointers into the
// heap but the word itself), meant to be kept per token while a claim pair
// or a whole comparison is scored.
func Lookup(word string) Word {
	var w Word
	get().analyse(word, &w)
	return w
}

// Related returns the strongest relation between two looked-up words; it is
// Related(a, b) without the morphology.
func (a *Word) Related(b *Word) Relation { return get().related(a, b) }

// Lemma returns the looked-up word's base form, as the function Lemma does.
func (a *Word) Lemma() string {
	best := -1
	t := get().t
	for i := range int(a.n) {
		c := a.c[i]
		if c.kind == fromException {
			return t.Word(int(c.word))
		}
		if best < 0 {
			best = i
			continue
		}
		b := a.c[best]
		fc, fb := t.Freq[c.word], t.Freq[b.word]
		if fc > fb || (fc == fb && c.kind == detached && b.kind == identity) {
			best = i
		}
	}
	if best < 0 {
		return a.text
	}
	return t.Word(int(a.c[best].word))
}

// Known reports whether WordNet has a lemma for the looked-up word.
func (a *Word) Known() bool { return a.n > 0 }

func (l *lexicon) related(a, b *Word) Relation {
	if a.text == b.text {
		return RelSame
	}
	if a.n == 0 || b.n == 0 {
		return RelNone
	}
	key := a.h*0x9e3779b97f4a7c15 ^ b.h
	slot := &memo[key>>(64-memoBits)]
	if e := slot.Load(); e&^7 == key&^7 && e&7 != 0 {
		return Relation(e&7 - 1)
	}
	r := l.relateWords(a, b)
	slot.Store(key&^7 | uint64(r+1))
	return r
}

// The relation memo. Scoring a comparison relates the same word pairs over
// and over (two long reports of one story share their vocabulary), and each
// relation walks candidate lemmas, senses and hypernyms. A direct-mapped
// table of 2^18 atomic words (2 MB) caches the answers: each entry holds the pair's
// 64-bit key with its low three bits replaced by the relation plus one, so a
// lookup is one atomic load and a comparison. Two pairs whose keys differ
// only in those bits would share an entry; with 61 bits of key that does not
// happen in practice, and it would cost one wrong word relation, not a crash.
const memoBits = 18

var memo [1 << memoBits]atomic.Uint64

// hashWord is FNV-1a over the word's bytes.
func hashWord(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// relateWords is related without the memo.
func (l *lexicon) relateWords(a, b *Word) Relation {
	for i := range int(a.n) {
		for j := range int(b.n) {
			if a.c[i].word == b.c[j].word {
				return RelSame
			}
		}
	}
	if l.synonym(a, b) {
		return RelSynonym
	}
	if l.derived(a, b) {
		return RelDerived
	}
	if l.hypernym(a, b) {
		return RelHypernym
	}
	return RelNone
}

// synonym reports a synset shared by the first SenseCut senses of a
// candidate of a and a candidate of b of the same part of speech.
func (l *lexicon) synonym(a, b *Word) bool {
	for i := range int(a.n) {
		ca := a.c[i]
		sa := l.firstSenses(ca)
		for j := range int(b.n) {
			cb := b.c[j]
			if ca.pos != cb.pos {
				continue
			}
			for _, s := range l.firstSenses(cb) {
				if containsID(sa, s) {
					return true
				}
			}
		}
	}
	return false
}

func (l *lexicon) derived(a, b *Word) bool {
	t := l.t
	for i := range int(a.n) {
		w := a.c[i].word
		ds := t.Derived[t.DerivStart[w]:t.DerivStart[w+1]]
		for j := range int(b.n) {
			if containsID(ds, b.c[j].word) {
				return true
			}
		}
	}
	return false
}

func (l *lexicon) hypernym(a, b *Word) bool {
	for i := range int(a.n) {
		ca := a.c[i]
		for j := range int(b.n) {
			cb := b.c[j]
			if ca.pos != cb.pos || (ca.pos != wntable.Noun && ca.pos != wntable.Verb) {
				continue
			}
			sa, sb := l.firstSenses(ca), l.firstSenses(cb)
			if l.oneAbove(sa, sb) || l.oneAbove(sb, sa) {
				return true
			}
		}
	}
	return false
}

// oneAbove reports whether a hypernym of a synset in lower is in upper.
func (l *lexicon) oneAbove(lower, upper []uint32) bool {
	t := l.t
	for _, s := range lower {
		for _, h := range t.Hypernyms[t.HypStart[s]:t.HypStart[s+1]] {
			if containsID(upper, h) {
				return true
			}
		}
	}
	return false
}

// firstSenses returns at most SenseCut synsets of a candidate, most frequent
// first.
func (l *lexicon) firstSenses(c cand) []uint32 {
	s := l.senses(c.word, int(c.pos))
	if len(s) > SenseCut {
		s = s[:SenseCut]
	}
	return s
}

// senses returns all synsets of word w as part of speech p, in sense order.
func (l *lexicon) senses(w uint32, p int) []uint32 {
	t := l.t
	start := t.SenseStart[w]
	for q := range p {
		start += uint32(t.SenseCount[4*int(w)+q])
	}
	return t.Senses[start : start+uint32(t.SenseCount[4*int(w)+p])]
}

func containsID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
