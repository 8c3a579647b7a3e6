// Command wngen converts the WordNet 3.0 database files into Parallax's
// compact lexicon table, so the application never parses WordNet at start-up
// and never needs it installed:
//
//	go run ./app/lexicon/internal/wngen -in /usr/share/wordnet -out assets/wordnet.bin.gz
//
// It reads index.{noun,verb,adj,adv} (lemmas and their senses in frequency
// order), data.* (hypernym, derivation and pertainym pointers), the *.exc
// morphological exception lists and cntlist.rev (SemCor sense counts), as
// described in wndb(5WN). The output is deterministic: running it twice on
// the same files with the same Go release gives identical bytes, so the
// committed table can be checked against a fresh run.
//
// Multiword lemmas ("prime_minister") are kept: they are two fifths of the
// words but add only about 0.5 MB to the table (0.85 MB without) and let a
// scorer look up a joined bigram. Adjective markers such as "(p)" are
// dropped and every word is lower-cased, as in index.*.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"parallax/app/lexicon/internal/wntable"
)

func main() {
	in := flag.String("in", "/usr/share/wordnet", "directory holding the WordNet 3.0 database files")
	out := flag.String("out", "assets/wordnet.bin.gz", "table to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "wngen:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	t, err := Build(in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := wntable.Encode(&buf, t); err != nil {
		return err
	}
	// Write beside the target and rename, so an interrupted run never leaves
	// a truncated table to be committed.
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	fmt.Printf("wngen: %s: %d words, %d synsets, %d bytes\n", out, t.NumWords(), len(t.HypStart)-1, buf.Len())
	return nil
}

// posFiles are WordNet's file suffixes in wntable's part-of-speech order.
var posFiles = [wntable.NumPOS]string{"noun", "verb", "adj", "adv"}

// synsetKey names a synset the way WordNet does: part of speech and byte
// offset in its data file.
type synsetKey struct {
	pos int
	off uint32
}

// synset is one parsed line of a data file.
type synset struct {
	words []string // cleaned lemmas, in the synset's word order
	hyper []synsetKey
	links []link // lexical derivation and pertainym pointers
}

// link is a lexical pointer from word src of its synset to word dst of target.
type link struct {
	src, dst int
	target   synsetKey
}

// Build reads the WordNet files in dir and returns the table wngen writes.
func Build(dir string) (*wntable.Table, error) {
	// Lemmas and senses per part of speech, from index.*.
	senses := map[string]*[wntable.NumPOS][]synsetKey{}
	for p, f := range posFiles {
		err := eachLine(filepath.Join(dir, "index."+f), func(fields []string) error {
			if len(fields) < 6 {
				return errors.New("short index line")
			}
			lemma := fields[0]
			n, err := strconv.Atoi(fields[2])
			if err != nil || n < 1 || n > 255 || len(fields) < 4+n {
				return fmt.Errorf("bad synset count in %q", strings.Join(fields, " "))
			}
			e := senses[lemma]
			if e == nil {
				e = new([wntable.NumPOS][]synsetKey)
				senses[lemma] = e
			}
			for _, o := range fields[len(fields)-n:] {
				off, err := strconv.ParseUint(o, 10, 32)
				if err != nil {
					return fmt.Errorf("bad offset %q", o)
				}
				e[p] = append(e[p], synsetKey{p, uint32(off)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if len(senses) == 0 {
		return nil, fmt.Errorf("%s: no WordNet index files", dir)
	}

	// Synsets, from data.*.
	synsets := map[synsetKey]*synset{}
	for p, f := range posFiles {
		err := eachLine(filepath.Join(dir, "data."+f), func(fields []string) error {
			key, s, err := parseSynset(p, fields)
			if err != nil {
				return err
			}
			synsets[key] = s
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	keys := make([]synsetKey, 0, len(synsets))
	for k := range synsets {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b synsetKey) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return int(a.off) - int(b.off)
	})
	ids := make(map[synsetKey]uint32, len(keys))
	t := &wntable.Table{}
	for i, k := range keys {
		ids[k] = uint32(i)
		t.Synsets[k.pos]++
	}

	// Exception lists: inflected form -> bases that are lemmas of that POS.
	type exc struct {
		pos  int
		base string
	}
	excs := map[string][]exc{}
	for p, f := range posFiles {
		err := eachLine(filepath.Join(dir, f+".exc"), func(fields []string) error {
			if len(fields) < 2 {
				return errors.New("short exception line")
			}
			for _, b := range fields[1:] {
				if e := senses[b]; e != nil && len(e[p]) > 0 {
					excs[fields[0]] = append(excs[fields[0]], exc{p, b})
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}

	// The word list: every lemma and every useful exception form.
	wordSet := map[string]bool{}
	for w := range senses {
		wordSet[w] = true
	}
	for w := range excs {
		wordSet[w] = true
	}
	words := make([]string, 0, len(wordSet))
	for w := range wordSet {
		words = append(words, w)
	}
	slices.Sort(words)
	index := make(map[string]uint32, len(words))
	var blob strings.Builder
	t.WordStart = append(t.WordStart, 0)
	for i, w := range words {
		index[w] = uint32(i)
		blob.WriteString(w)
		blob.WriteByte('\n')
		t.WordStart = append(t.WordStart, uint32(blob.Len()))
	}
	t.Words = blob.String()

	// Derivation and pertainym links between words, made symmetric.
	derived := map[uint32]map[uint32]bool{}
	addLink := func(a, b string) {
		ia, oka := index[a]
		ib, okb := index[b]
		if !oka || !okb || ia == ib {
			return
		}
		for _, pr := range [2][2]uint32{{ia, ib}, {ib, ia}} {
			if derived[pr[0]] == nil {
				derived[pr[0]] = map[uint32]bool{}
			}
			derived[pr[0]][pr[1]] = true
		}
	}
	for _, k := range keys {
		s := synsets[k]
		for _, l := range s.links {
			ts := synsets[l.target]
			if ts == nil || l.src > len(s.words) || l.dst > len(ts.words) {
				return nil, fmt.Errorf("synset %d/%08d: pointer to missing word", k.pos, k.off)
			}
			addLink(s.words[l.src-1], ts.words[l.dst-1])
		}
	}

	// SemCor frequencies.
	freq := map[string]uint64{}
	err := eachLine(filepath.Join(dir, "cntlist.rev"), func(fields []string) error {
		if len(fields) != 3 {
			return errors.New("cntlist.rev line is not key, sense, count")
		}
		lemma, _, ok := strings.Cut(fields[0], "%")
		n, err := strconv.ParseUint(fields[2], 10, 32)
		if !ok || err != nil {
			return fmt.Errorf("bad cntlist.rev line %q", strings.Join(fields, " "))
		}
		freq[lemma] += n
		return nil
	})
	if err != nil {
		return nil, err
	}

	// Per-word rows.
	t.SenseStart = append(t.SenseStart, 0)
	t.DerivStart = append(t.DerivStart, 0)
	t.ExcStart = append(t.ExcStart, 0)
	for _, w := range words {
		var cnt [wntable.NumPOS]uint8
		if e := senses[w]; e != nil {
			for p, ks := range e {
				cnt[p] = uint8(len(ks)) // at most 255: checked when read
				for _, k := range ks {
					id, ok := ids[k]
					if !ok {
						return nil, fmt.Errorf("%q: sense %d/%08d not in data.%s", w, k.pos, k.off, posFiles[k.pos])
					}
					t.Senses = append(t.Senses, id)
				}
			}
		}
		t.SenseCount = append(t.SenseCount, cnt[:]...)
		t.SenseStart = append(t.SenseStart, uint32(len(t.Senses)))
		f := freq[w]
		t.Freq = append(t.Freq, uint32(min(f, 1<<32-1)))
		ds := make([]uint32, 0, len(derived[index[w]]))
		for d := range derived[index[w]] {
			ds = append(ds, d)
		}
		slices.Sort(ds)
		t.Derived = append(t.Derived, ds...)
		t.DerivStart = append(t.DerivStart, uint32(len(t.Derived)))
		for _, e := range excs[w] {
			t.Exceptions = append(t.Exceptions, wntable.PackException(e.pos, index[e.base]))
		}
		t.ExcStart = append(t.ExcStart, uint32(len(t.Exceptions)))
	}

	// Hypernyms per synset.
	t.HypStart = append(t.HypStart, 0)
	for _, k := range keys {
		seen := map[uint32]bool{}
		for _, h := range synsets[k].hyper {
			id, ok := ids[h]
			if !ok {
				return nil, fmt.Errorf("synset %d/%08d: hypernym %08d missing", k.pos, k.off, h.off)
			}
			if !seen[id] {
				seen[id] = true
				t.Hypernyms = append(t.Hypernyms, id)
			}
		}
		t.HypStart = append(t.HypStart, uint32(len(t.Hypernyms)))
	}
	return t, nil
}

// parseSynset reads one data-file line (wndb(5WN)): offset, lex file, type,
// hex word count, word/lex_id pairs, pointer count, pointers of four fields
// (symbol, offset, pos, hex source/target), and for verbs frames and the gloss,
// which are ignored.
func parseSynset(p int, f []string) (synsetKey, *synset, error) {
	bad := func(what string) (synsetKey, *synset, error) {
		return synsetKey{}, nil, fmt.Errorf("bad %s in synset line %.60q", what, strings.Join(f, " "))
	}
	if len(f) < 4 {
		return bad("length")
	}
	off, err := strconv.ParseUint(f[0], 10, 32)
	if err != nil {
		return bad("offset")
	}
	nw, err := strconv.ParseUint(f[3], 16, 8)
	if err != nil || len(f) < 5+2*int(nw) {
		return bad("word count")
	}
	s := &synset{}
	for i := range int(nw) {
		s.words = append(s.words, cleanWord(f[4+2*i]))
	}
	i := 4 + 2*int(nw)
	np, err := strconv.Atoi(f[i])
	if err != nil || len(f) < i+1+4*np {
		return bad("pointer count")
	}
	for j := range np {
		ptr := f[i+1+4*j : i+5+4*j]
		tpos := strings.IndexByte("nvasr", ptr[2][0])
		toff, err := strconv.ParseUint(ptr[1], 10, 32)
		st, err2 := strconv.ParseUint(ptr[3], 16, 16)
		if tpos < 0 || len(ptr[2]) != 1 || err != nil || err2 != nil {
			return bad("pointer")
		}
		if tpos >= 3 { // "s" (satellite) is an adjective, "r" an adverb
			tpos--
		}
		target := synsetKey{tpos, uint32(toff)}
		switch ptr[0] {
		case "@", "@i":
			s.hyper = append(s.hyper, target)
		case "+", `\`:
			if src, dst := int(st>>8), int(st&0xff); src > 0 && dst > 0 {
				s.links = append(s.links, link{src, dst, target})
			}
		}
	}
	return synsetKey{p, uint32(off)}, s, nil
}

// cleanWord turns a data-file word into its index form: lower case, without
// an adjective position marker such as "(a)", "(p)" or "(ip)".
func cleanWord(w string) string {
	if i := strings.IndexByte(w, '('); i > 0 && strings.HasSuffix(w, ")") {
		w = w[:i]
	}
	return strings.ToLower(w)
}

// eachLine calls fn with the fields of each line of a WordNet file, skipping
// the licence header (lines that begin with a space).
func eachLine(path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		if err := fn(strings.Fields(line)); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
