package apptest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"parallax/app"
)

// ECBTopics reads the ECB+ topics under shared (the ../shared folder, as
// seen from the test's package) as report texts: each document's first
// sentence as a headline, the rest as one paragraph. It skips the test or
// benchmark when the data is absent.
func ECBTopics(tb testing.TB, shared string) [][]string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(shared, "data", "ecbplus", "*.json"))
	if len(files) == 0 {
		tb.Skip("no ECB+ data in " + filepath.Join(shared, "data", "ecbplus"))
	}
	sort.Strings(files)
	var topics [][]string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		var t struct {
			Documents []struct{ Sentences []string }
		}
		if err := json.Unmarshal(raw, &t); err != nil {
			tb.Fatal(err)
		}
		var texts []string
		for _, d := range t.Documents {
			if len(d.Sentences) > 0 {
				texts = append(texts, d.Sentences[0]+"\n\n"+strings.Join(d.Sentences[1:], " ")+"\n")
			}
		}
		topics = append(topics, texts)
	}
	return topics
}

// ECBText lays out an ECB+ document's sentences as a report the way the
// evaluations read it: the first sentence as a headline, the rest as one
// paragraph. spans are each sentence's byte range in text, for scoring the
// claims against the annotation.
func ECBText(sentences []string) (text string, spans [][2]int) {
	var sb strings.Builder
	for k, s := range sentences {
		switch k {
		case 0:
		case 1:
			sb.WriteString("\n\n")
		default:
			sb.WriteString(" ")
		}
		b0 := sb.Len()
		sb.WriteString(s)
		spans = append(spans, [2]int{b0, sb.Len()})
	}
	sb.WriteString("\n")
	return sb.String(), spans
}

// Reports wraps texts as in-memory reports titled "report 1", "report 2"…
func Reports(texts []string) []app.Report {
	out := make([]app.Report, len(texts))
	for i, t := range texts {
		out[i] = app.Report{ID: int64(i + 1), Title: fmt.Sprintf("report %d", i+1), Text: t}
	}
	return out
}

// LongReports builds n reports of at least words words each from the
// documents of every topic, each report taking them in its own rotation:
// the reports share most of their sentences in different orders, as
// rewrites of the same wire copy do, which is the aligner's hardest case.
func LongReports(topics [][]string, n, words int) []string {
	var docs []string
	for _, t := range topics {
		docs = append(docs, t...)
	}
	out := make([]string, n)
	for r := range out {
		var sb strings.Builder
		count := 0
		for i := 0; count < words; i++ {
			d := docs[(r*37+i*(r+1))%len(docs)]
			sb.WriteString(d)
			sb.WriteString("\n")
			count += len(strings.Fields(d))
		}
		out[r] = sb.String()
	}
	return out
}
