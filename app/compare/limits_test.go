package compare_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/compare"
)

// A comparison beyond MaxReports reports or MaxWords words is refused at
// once with a *compare.TooLarge naming the limit, whether the reports come
// from memory (the window) or from files (the command line), and a
// comparison at the limits is not refused.
func TestLimits(t *testing.T) {
	ferry := "Twelve people died when the ferry capsized on Friday, police said."
	reports := func(n, words int) []app.Report {
		out := make([]app.Report, n)
		for i := range out {
			out[i] = app.Report{Title: "r", Text: ferry, Words: words}
		}
		return out
	}
	long := strings.Repeat("the ferry capsized near the harbour ", compare.MaxWords/6+1) // counted: no Words
	cases := []struct {
		name    string
		reports []app.Report
		want    string // "" when the comparison runs
	}{
		{"at the report limit", reports(compare.MaxReports, 0), ""},
		{"one report too many", reports(compare.MaxReports+1, 0), "at most 64 reports; 65 given"},
		{"at the word limit", reports(2, compare.MaxWords/2), ""},
		{"one word too many", reports(2, compare.MaxWords/2+1), "they hold 500,002 words or more, and a comparison takes at most 500,000"},
		{"words counted when unset", []app.Report{{Title: "a", Text: long}, {Title: "b", Text: ferry}}, "words or more, and a comparison takes at most 500,000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			c, err := compare.Texts(context.Background(), tc.reports, compare.Options{}, nil)
			if tc.want == "" {
				if err != nil || len(c.Docs) != len(tc.reports) {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var tl *compare.TooLarge
			if !errors.As(err, &tl) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want a TooLarge saying %q", err, tc.want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("refused after %v: the limit must be checked before the work", d)
			}
		})
	}

	// Files: the same limits, counted from the files read.
	dir := t.TempDir()
	var paths []string
	for i, text := range []string{long, ferry} {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	var tl *compare.TooLarge
	if _, err := compare.Files(context.Background(), paths, compare.Options{}, nil); !errors.As(err, &tl) {
		t.Errorf("Files of %d words: %v, want a TooLarge", compare.MaxWords/6*6, err)
	}
	many := make([]string, compare.MaxReports+1)
	for i := range many {
		many[i] = filepath.Join(dir, "missing.txt") // refused before any is read
	}
	if _, err := compare.Files(context.Background(), many, compare.Options{}, nil); !errors.As(err, &tl) || tl.Reports != compare.MaxReports+1 {
		t.Errorf("Files of %d paths: %v, want a TooLarge", len(many), err)
	}
}
