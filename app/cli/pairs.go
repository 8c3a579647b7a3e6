package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"parallax/app/align"
	"parallax/app/parallel"
)

var pairsCmd = command{
	name:    "pairs",
	args:    "< PAIRS.tsv",
	summary: "claim-pair scores: the aligner's score and decision for pairs of sentences",
	about: "Reads TSV on standard input, a header naming the columns label, id1, id2, text1 and " +
		"text2 (in any order; label is ignored), then a pair per line, and writes TSV id1, id2, " +
		"score, same: the graded claim-pair score in [0,1] the aligner uses and its 0/1 " +
		"\"same claim\" decision at default strictness. It is how the claim engine is measured.",
	examples: []string{"parallax pairs < msrp-train.tsv > scores.tsv"},
	define:   func(*flag.FlagSet) runner { return runPairs },
}

// runPairs is `parallax pairs`: it reads pair TSV on stdin (header label,
// id1, id2, text1, text2; the label is ignored) and writes TSV id1, id2,
// score, same: the aligner's graded claim-pair score in [0,1] and its 0/1
// "same claim" decision at default strictness (DESIGN.md, Command line).
//
// The IDF is fitted on all texts of the input, as a comparison fits it on
// its reports, so the whole input is read before the first pair is scored;
// lines are then scored in parallel and written in input order.
func runPairs(c *call, rest []string) error {
	if len(rest) > 0 {
		return c.usage("pairs reads TSV on standard input and takes no arguments")
	}
	pairs, err := readPairs(c.env.Stdin)
	if err != nil {
		return err
	}
	texts := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		texts = append(texts, p.text1, p.text2)
	}
	// Prepare each distinct text once, with an IDF fitted on them, then
	// score, both in parallel.
	index := make(map[string]int, len(texts))
	var uniq []string
	for _, t := range texts {
		if _, ok := index[t]; !ok {
			index[t] = len(uniq)
			uniq = append(uniq, t)
		}
	}
	prep := align.PrepareAll(uniq)
	res := make([]align.Result, len(pairs))
	parallel.For(len(pairs), func(i int) {
		res[i] = align.Compare(prep[index[pairs[i].text1]], prep[index[pairs[i].text2]])
	})

	w := bufio.NewWriter(c.env.Stdout)
	w.WriteString("id1\tid2\tscore\tsame\n")
	for i, p := range pairs {
		same := 0
		if res[i].Level() == align.LevelSame {
			same = 1
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d\n", p.id1, p.id2, strconv.FormatFloat(res[i].Score, 'f', 4, 64), same)
	}
	return w.Flush()
}

type textPair struct{ id1, id2, text1, text2 string }

// readPairs reads the pair TSV: a header naming at least the columns id1,
// id2, text1 and text2 (in any order, label ignored), then one pair per line.
func readPairs(r io.Reader) ([]textPair, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("pairs: cannot read the input: %w", err)
		}
		return nil, fmt.Errorf("pairs: empty input; expected a TSV header: label, id1, id2, text1, text2")
	}
	col := map[string]int{}
	for i, h := range strings.Split(strings.TrimSuffix(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r"), "\t") {
		col[strings.TrimSpace(h)] = i
	}
	need := []string{"id1", "id2", "text1", "text2"}
	idx := make([]int, len(need))
	width := 0
	for k, n := range need {
		i, ok := col[n]
		if !ok {
			return nil, fmt.Errorf("pairs: the first line must be a TSV header with columns label, id1, id2, text1, text2 (no %q column)", n)
		}
		idx[k] = i
		width = max(width, i+1)
	}
	var out []textPair
	line := 1
	for sc.Scan() {
		line++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < width {
			return nil, fmt.Errorf("pairs: line %d has %d columns, the header %d", line, len(f), len(col))
		}
		out = append(out, textPair{f[idx[0]], f[idx[1]], f[idx[2]], f[idx[3]]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("pairs: cannot read line %d: %w", line+1, err)
	}
	return out, nil
}
