package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app/lexicon/internal/wntable"
	"parallax/assets"
)

const wordnetDir = "/usr/share/wordnet"

// TestCommittedTable regenerates the table from the installed WordNet and
// compares it byte for byte with assets/wordnet.bin.gz: the committed table
// is up to date and the generator deterministic. It runs the command itself
// (go run, so without the race detector, which slows the build of ~150k map
// entries thirtyfold) and needs Debian's wordnet-base; it skips without it.
func TestCommittedTable(t *testing.T) {
	if _, err := os.Stat(wordnetDir + "/index.noun"); err != nil {
		t.Skipf("WordNet not installed at %s (apt-get install wordnet-base)", wordnetDir)
	}
	if testing.Short() {
		t.Skip("regenerating the table takes a few seconds")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to run the generator")
	}
	out := filepath.Join(t.TempDir(), "wordnet.bin.gz")
	cmd := exec.Command(gobin, "run", ".", "-in", wordnetDir, "-out", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("wngen: %v\n%s", err, msg)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, assets.WordNet) {
		t.Errorf("assets/wordnet.bin.gz (%d bytes) differs from a fresh run (%d bytes): regenerate it with\n"+
			"\tgo run ./app/lexicon/internal/wngen -in %s -out assets/wordnet.bin.gz", len(assets.WordNet), len(got), wordnetDir)
	}
}

// TestBuildSmall runs Build on a miniature WordNet, so the parsing and the
// links it draws are checked without the real database, race detector on.
func TestBuildSmall(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "  1 licence header line\n" +
			"attack n 1 1 + 1 1 00000100  \n" +
			"attacker n 1 1 @ 1 0 00000200  \n" +
			"person n 1 1 ~ 1 0 00000300  \n",
		"index.verb": "attack v 1 1 + 1 1 00000100  \n",
		"index.adj":  "",
		"index.adv":  "",
		"data.noun": "  1 licence header line\n" +
			"00000100 04 n 01 attack 0 001 + 00000100 v 0101 | an attempt  \n" +
			"00000200 18 n 01 Attacker 0 002 @ 00000300 n 0000 + 00000100 v 0101 | someone who attacks  \n" +
			"00000300 03 n 01 person 0 000 | a human  \n",
		"data.verb":   "00000100 33 v 01 attack 0 000 01 + 01 00 | take the initiative  \n",
		"data.adj":    "",
		"data.adv":    "",
		"noun.exc":    "attackers attacker\npeople person\n",
		"verb.exc":    "attacked attack nosuchword\n",
		"adj.exc":     "",
		"adv.exc":     "",
		"cntlist.rev": "attack%2:33:00:: 1 5\nattack%1:04:00:: 1 2\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tb, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for i := range tb.NumWords() {
		words = append(words, tb.Word(i))
	}
	if want := "attack attacked attacker attackers people person"; strings.Join(words, " ") != want {
		t.Fatalf("words %q, want %q", words, want)
	}
	// attack: noun synset 0, verb synset 3 (after three nouns); SemCor 5+2.
	if got := tb.Senses[tb.SenseStart[0]:tb.SenseStart[1]]; len(got) != 2 || got[0] != 0 || got[1] != 3 || tb.Freq[0] != 7 {
		t.Errorf("attack senses %v freq %d", got, tb.Freq[0])
	}
	// attacker <-> attack, both directions, from the "+" pointer.
	if got := tb.Derived[tb.DerivStart[0]:tb.DerivStart[1]]; len(got) != 1 || got[0] != 2 {
		t.Errorf("attack derived %v, want [2]", got)
	}
	// attacked -> attack as a verb; "nosuchword" is dropped.
	if got := tb.Exceptions[tb.ExcStart[1]:tb.ExcStart[2]]; len(got) != 1 || got[0] != wntable.PackException(wntable.Verb, 0) {
		t.Errorf("attacked exceptions %v", got)
	}
	// attacker's synset (1) is under person's (2).
	if got := tb.Hypernyms[tb.HypStart[1]:tb.HypStart[2]]; len(got) != 1 || got[0] != 2 {
		t.Errorf("hypernyms of attacker %v", got)
	}
	var buf bytes.Buffer
	if err := wntable.Encode(&buf, tb); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(t.TempDir()); err == nil {
		t.Error("Build of an empty directory succeeded")
	}
}

func TestCleanWord(t *testing.T) {
	for in, want := range map[string]string{
		"Canis_familiaris": "canis_familiaris", "galore(ip)": "galore", "elect(p)": "elect",
		"able": "able", "(a)": "(a)",
	} {
		if got := cleanWord(in); got != want {
			t.Errorf("cleanWord(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSynset(t *testing.T) {
	line := "02084071 05 n 03 dog 0 domestic_dog 0 Canis_familiaris 0 003 @ 02083346 n 0000 @i 01317541 n 0000 + 01234567 v 0102"
	key, s, err := parseSynset(0, strings.Fields(line))
	if err != nil {
		t.Fatal(err)
	}
	if key != (synsetKey{0, 2084071}) || len(s.words) != 3 || s.words[2] != "canis_familiaris" {
		t.Errorf("key %v words %q", key, s.words)
	}
	if len(s.hyper) != 2 || s.hyper[1] != (synsetKey{0, 1317541}) {
		t.Errorf("hypernyms %v", s.hyper)
	}
	if len(s.links) != 1 || s.links[0] != (link{1, 2, synsetKey{1, 1234567}}) {
		t.Errorf("links %v", s.links)
	}
	if _, _, err := parseSynset(0, strings.Fields("02084071 05 n 03 dog 0")); err == nil {
		t.Error("short line accepted")
	}
}
