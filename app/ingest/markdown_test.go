package ingest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestMarkdownGolden strips each testdata/markdown/*.md and compares the
// text with the .txt next to it (go test -run Golden -update rewrites them).
// It also checks that every rune of the output maps back to itself in the
// file, so the stripper's offsets are tested on every construct it handles.
func TestMarkdownGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatal("no golden inputs", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, d := readFixture(t, f)
			checkInvariants(t, src, d)
			checkRunes(t, src, d, true)
			checkGolden(t, strings.TrimSuffix(f, ".md")+".txt", d.Report.Text)
		})
	}
}

// readFixture reads the file at path and its Document.
func readFixture(t *testing.T, path string) ([]byte, Document) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(path, src, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	return src, d
}

// checkGolden compares got with the golden file at path, or rewrites the
// file with -update.
func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("differs from %s:\n got: %q\nwant: %q", path, got, want)
	}
}

func TestMarkdownArticleMeta(t *testing.T) {
	d, err := ReadFile(filepath.Join("testdata", "markdown", "article.md"), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	r := d.Report
	want := [...]string{"Jordan presses rebels over Nasib crossing", "Example Wire", "Suleiman Al-Khalidi", "2017-08-10", "https://example.com/jordan-nasib", "markdown"}
	got := [...]string{r.Title, r.Outlet, r.Author, r.Published, r.URL, r.Format}
	if got != want {
		t.Errorf("meta = %q\nwant   %q", got, want)
	}
	// A claim's span in the text maps to its span in the file.
	text := r.Text
	i := strings.Index(text, "resisting Jordanian")
	a, b := d.Source.Span(i, i+len("resisting Jordanian"))
	src, _ := os.ReadFile(filepath.Join("testdata", "markdown", "article.md"))
	if got := string(src[a:b]); got != "resisting** Jordanian" {
		t.Errorf("span in file = %q", got)
	}
}

func TestMarkdownCases(t *testing.T) {
	cases := map[string]string{
		"*a* **b** ***c*** _d_ __e__":      "a b c d e",
		"snake_case_name and 2 * 3":        "snake_case_name and 2 * 3",
		"**unclosed bold":                  "**unclosed bold",
		"[a *b*](u) [c][r] [d][] [e]":      "a b c d [e]",
		"![alt **x**](i.png)":              "alt x",
		"`*x*` ``a`b``":                    "*x* a`b",
		"\\*x\\* \\\\":                     "*x* \\",
		"a <b>c</b> <!-- x --> d":          "a c  d",
		"<https://x.y/z>":                  "https://x.y/z",
		"1 < 2 > 0":                        "1 < 2 > 0",
		"# Heading #":                      "Heading",
		"#hashtag":                         "#hashtag",
		"> > quoted":                       "quoted",
		"- [x] done":                       "- [x] done",
		"&amp;&lt;&#65;&#0;&#x85;":         "&<A\uFFFD…", // HTML maps C1 references to Windows-1252
		"5*6*7 and 2*x*":                   "5*6*7 and 2x",
		"\n\n\nfirst":                      "first",
		"```\n# not a heading\n```":        "# not a heading\n",
		"````\n```\nx\n````":               "```\nx\n",
		"a\n---\nb":                        "a\nb",
		"a\n\n---\n\nb":                    "a\n\n\nb",
		"---\nno: close":                   "no: close",
		"*a\nb*":                           "*a\nb*",
		"[link](http://x.y/a_(b))":         "link",
		"text[^1] here":                    "text here",
		"x\n\n[ref]: http://x.y\ny":        "x\n\ny",
		"<!--\nhidden\n-->\nshown":         "shown",
		"```go\nunclosed fence\n*keep*":    "unclosed fence\n*keep*",
		"> ```\n> code *x*\n> ```\n> done": "code *x*\ndone",
	}
	for in, want := range cases {
		d, err := Read("a.md", []byte(in), Meta{})
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if d.Report.Text != want {
			t.Errorf("%q\n got %q\nwant %q", in, d.Report.Text, want)
		}
		checkInvariants(t, []byte(in), d)
		checkRunes(t, []byte(in), d, true)
	}
}
