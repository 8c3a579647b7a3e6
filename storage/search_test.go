package storage_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parallax/app"
	"parallax/storage"
)

// searchReports is the library every search test runs on.
var searchReports = []app.Report{
	{Title: "Clashes in Déraa leave 12 dead", Outlet: "Wire One", Author: "A. Writer",
		Text: "Security forces opened fire in Déraa on Friday, killing 12 protesters, activists said. " +
			"The government said armed gangs were to blame."},
	{Title: "Syria protests spread", Outlet: "Daily Two", Author: "B. Reporter",
		Text: "Protests spread from Deraa to other towns. In Deraa, crowds chanted for freedom; " +
			"officials could not be reached for comment on Friday."},
	{Title: "Markets rally", Outlet: "Finance Three", Author: "C. Analyst",
		Text: "Stocks rose 3% as investors cheered the central bank's decision. The FTSE_100 index gained."},
}

// searchCases run unchanged on both paths: the paths must agree on them.
// want lists indexes into searchReports, in rank order.
var searchCases = []struct {
	name, query string
	want        []int
}{
	{"plain", "deraa", []int{0, 1}},                   // title hit ranks first
	{"diacritics in query", "Déraa", []int{0, 1}},     // Déraa and Deraa alike
	{"upper case", "DÉRAA", []int{0, 1}},              // case folded beyond ASCII
	{"two words", "Déraa protesters", []int{0}},       // every word must appear
	{"words in any order", "spread syria", []int{1}},  // title and text together
	{"prefix of last word", "protest", []int{1, 0}},   // protests in a title, protesters
	{"case", "MARKETS", []int{2}},                     //
	{"number", "12 dead", []int{0}},                   //
	{"outlet", "wire", []int{0}},                      //
	{"apostrophe", "bank's", []int{2}},                // bank + s*
	{"underscore", "FTSE_100", []int{2}},              // _ separates words
	{"percent", "3%", []int{2}},                       // % is no wildcard
	{"no match", "zebra", nil},                        //
	{"lone quote", `"`, nil},                          // FTS5 syntax is text
	{"open group", `AND (`, nil},                      //
	{"near", `NEAR(deraa syria, 2)`, nil},             // syria and deraa: no report has "near"
	{"column filter", `title:markets`, nil},           // "title" is not in report 2's words
	{"star and caret", `^ * - +`, nil},                //
	{"punctuation only", `!!! --- ... ;;`, nil},       //
	{"empty", ``, nil},                                //
	{"spaces", "   \t\n", nil},                        //
	{"combining mark alone", "\u0301", nil},           //
	{"invalid utf-8", "\xff\xfe", nil},                //
	{"decomposed accent", "De\u0301raa", []int{0, 1}}, //
	{"stray quote inside", `dera"a`, nil},             // two words: dera (no such word), a*
	{"inside a word", "eraa", nil},                    // words match whole or by prefix
	{"prefix not last", "protest syria", nil},         //
	{"quote around", `"deraa"`, []int{0, 1}},          //
	{"many words", strings.Repeat("deraa ", 100), []int{0, 1}},
}

// searchLibraries opens one library per search path with the same reports.
// The FTS path is skipped when the driver lacks FTS5.
func searchLibraries(t testing.TB, dir string) map[string]*storage.DB {
	t.Helper()
	libs := map[string]*storage.DB{}
	for _, mode := range []string{"fts", "like"} {
		db, err := storage.OpenWith(filepath.Join(dir, mode+".db"), storage.Options{NoFTS: mode == "like"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if mode == "fts" && !db.FullText() {
			continue
		}
		for _, r := range searchReports {
			if err := db.AddReport(context.Background(), &r); err != nil {
				t.Fatal(err)
			}
		}
		libs[mode] = db
	}
	return libs
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	libs := searchLibraries(t, t.TempDir())
	if _, ok := libs["fts"]; !ok {
		t.Log("driver without FTS5 (build tag sqlite_fts5): testing the LIKE path only")
	}
	for mode, db := range libs {
		t.Run(mode, func(t *testing.T) {
			if db.FullText() != (mode == "fts") {
				t.Fatalf("FullText() = %v", db.FullText())
			}
			for _, tc := range searchCases {
				t.Run(tc.name, func(t *testing.T) {
					hits, err := db.SearchReports(ctx, tc.query, 10)
					if err != nil {
						t.Fatalf("SearchReports(%q): %v", tc.query, err)
					}
					var got []int
					for _, h := range hits {
						got = append(got, int(h.Report.ID-1))
					}
					if !slices.Equal(got, tc.want) {
						t.Fatalf("SearchReports(%q) = %v, want %v", tc.query, got, tc.want)
					}
					for i, h := range hits {
						if h.Report.Text != "" {
							t.Errorf("hit %d carries text", i)
						}
						if i > 0 && h.Rank < hits[i-1].Rank {
							t.Errorf("hits not best first: rank %v after %v", h.Rank, hits[i-1].Rank)
						}
						checkSnippet(t, h.Snippet)
					}
				})
			}
			hits, err := db.SearchReports(ctx, "deraa", 1)
			if err != nil || len(hits) != 1 || hits[0].Report.ID != 1 {
				t.Errorf("limit 1: %v, %v", hits, err)
			}
		})
	}
}

// checkSnippet wants at least one marked word, markers paired, and no
// longer than about a dozen words.
func checkSnippet(t *testing.T, s string) {
	t.Helper()
	opens, closes := strings.Count(s, app.SnippetOpen), strings.Count(s, app.SnippetClose)
	if opens == 0 || opens != closes {
		t.Errorf("snippet %q: %d opening and %d closing markers", s, opens, closes)
	}
	if n := len(strings.Fields(s)); n > 16 {
		t.Errorf("snippet %q has %d words", s, n)
	}
}

// TestSearchSnippetMarksMatch looks at one snippet closely on each path.
func TestSearchSnippetMarksMatch(t *testing.T) {
	for mode, db := range searchLibraries(t, t.TempDir()) {
		hits, err := db.SearchReports(context.Background(), "freedom", 0)
		if err != nil || len(hits) != 1 {
			t.Fatalf("%s: %v, %v", mode, hits, err)
		}
		mark := app.SnippetOpen + "freedom" + app.SnippetClose
		if !strings.Contains(hits[0].Snippet, mark) {
			t.Errorf("%s: snippet %q lacks %q", mode, hits[0].Snippet, mark)
		}
		if !strings.HasPrefix(hits[0].Snippet, "…") || !strings.HasSuffix(hits[0].Snippet, "…") {
			t.Errorf("%s: snippet %q not cut with …", mode, hits[0].Snippet)
		}
	}
}

// FuzzSearch checks that no query makes a search fail, on either path.
func FuzzSearch(f *testing.F) {
	for _, tc := range searchCases {
		f.Add(tc.query)
	}
	for _, q := range []string{`""`, `"*`, `*"`, `a OR`, `NOT`, `{a b}:c`, `a:`, `\`, "\x00", "a\x00b",
		`'`, `''`, `%`, `_`, `\%`, "ǅ", "ﬁ", "İstanbul", "\U0001F600", "x\u200by"} {
		f.Add(q)
	}
	libs := searchLibraries(f, f.TempDir())
	f.Fuzz(func(t *testing.T, q string) {
		for mode, db := range libs {
			if _, err := db.SearchReports(context.Background(), q, 5); err != nil {
				t.Errorf("%s: SearchReports(%q): %v", mode, q, err)
			}
		}
	})
}
