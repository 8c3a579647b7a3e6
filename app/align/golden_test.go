package align

import (
	"flag"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"parallax/app/apptest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestScoresGolden pins the pair scores and features of every cross-report
// claim pair of the seed reports and six reports of the first ECB+ topic
// (cut into sentences here, so the golden
// does not move with the segmenter): a change meant to make scoring faster
// must leave them exactly as they were. The golden holds indices, scores
// and a checksum of all feature vectors, never the reports' text.
// go test ./app/align -run ScoresGolden -update rewrites it; a change that
// moves it is a change of quality and is measured as one.
func TestScoresGolden(t *testing.T) {
	docs := goldenDocs(t)
	var all []string
	for _, d := range docs {
		all = append(all, d...)
	}
	idf := FitIDF(all)
	prep := make([][]*Prepared, len(docs))
	for d, ss := range docs {
		for _, s := range ss {
			prep[d] = append(prep[d], Prepare(s, idf))
		}
	}
	var sb strings.Builder
	sum := fnv.New64a()
	pairs := 0
	for d := range prep {
		for e := d + 1; e < len(prep); e++ {
			for i, a := range prep[d] {
				for j, b := range prep[e] {
					pairs++
					for _, f := range Features(a, b) {
						fmt.Fprintf(sum, "%.9g,", f)
					}
					if s := Score(a, b); s >= 0.2 {
						fmt.Fprintf(&sb, "%d:%d %d:%d %.6f\n", d, i, e, j, s)
					}
				}
			}
		}
	}
	got := fmt.Sprintf("pairs %d features %016x\n", pairs, sum.Sum64()) + sb.String()
	path := filepath.Join("testdata", "pair_scores.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./app/align -run ScoresGolden -update to create it)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("scores moved; first difference at line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("scores moved: %d lines, want %d", len(gl), len(wl))
	}
}

// TestPrepareAll checks that preparing all claims at once, tokenising each
// once, gives exactly what FitIDF and Prepare give, repeated claims too.
func TestPrepareAll(t *testing.T) {
	var texts []string
	for _, d := range goldenDocs(t) {
		texts = append(texts, d...)
	}
	texts = append(texts, texts[:5]...)
	idf := FitIDF(texts)
	got := PrepareAll(texts)
	for i, text := range texts {
		if want := Prepare(text, idf); !reflect.DeepEqual(got[i], want) {
			t.Fatalf("claim %d: PrepareAll differs from Prepare with FitIDF", i)
		}
	}
}

// goldenDocs returns the reports of TestScoresGolden, each cut into
// sentences.
func goldenDocs(t *testing.T) [][]string {
	paths, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(paths) < 2 {
		t.Skip("no seed reports in ../shared/seeds")
	}
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	ecb := apptest.ECBTopics(t, "../../../shared")[0]
	texts = append(texts, ecb[:min(len(ecb), 6)]...)
	cut := regexp.MustCompile(`[.!?]["”]?\s+`)
	var docs [][]string
	for _, text := range texts {
		var sents []string
		for _, s := range cut.Split(text, -1) {
			if s = strings.TrimSpace(s); s != "" {
				sents = append(sents, s)
			}
		}
		docs = append(docs, sents)
	}
	return docs
}
