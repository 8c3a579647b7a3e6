package ingest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sharedPages is the folder of saved pages with their expected article
// text, beside the project (absent on machines without it).
const sharedPages = "../../../shared/data/html"

// TestHTMLSharedFloor reads every fourth page of ../shared/data/html, when
// present, and checks the article body F1 (ScrapingHub's metric, as
// htmlscore.py computes it) and the share of right titles, authors and
// dates stay above floors a little under today's figures, so a regression
// is noticed by CI without running the whole measurement.
func TestHTMLSharedFloor(t *testing.T) {
	pages, _ := filepath.Glob(filepath.Join(sharedPages, "*.html"))
	if len(pages) == 0 {
		t.Skip("no shared pages")
	}
	if testing.Short() {
		t.Skip("short")
	}
	var rows [][3]float64
	var meta [3][2]int // title, author, date: right, counted
	for i, p := range pages {
		if i%4 != 0 {
			continue
		}
		base := strings.TrimSuffix(p, ".html")
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		wantText, err := os.ReadFile(base + ".expected.txt")
		if err != nil {
			t.Fatal(err)
		}
		var gold struct{ Title, Byline, Date *string }
		if b, err := os.ReadFile(base + ".meta.json"); err == nil {
			json.Unmarshal(b, &gold)
		}
		d, err := Read(filepath.Base(p), src, Meta{})
		if err != nil {
			t.Errorf("%s refused: %v", filepath.Base(p), err)
			continue
		}
		r := d.Report
		rows = append(rows, shingleScore(string(wantText), r.Text))
		if !strings.HasPrefix(filepath.Base(p), "wcxb") {
			continue
		}
		count := func(k int, ok bool) {
			meta[k][1]++
			if ok {
				meta[k][0]++
			}
		}
		if gold.Title != nil && *gold.Title != "" {
			count(0, scoreNorm(r.Title) == scoreNorm(*gold.Title))
		}
		g := ""
		if gold.Byline != nil {
			g = *gold.Byline
		}
		count(1, scoreNorm(r.Author) == scoreNorm(g))
		if gold.Date != nil && len(*gold.Date) >= 10 {
			count(2, strings.HasPrefix(r.Published, (*gold.Date)[:10]))
		}
	}
	p, rc, f1 := meanPRF(rows)
	t.Logf("%d pages: body F1 %.3f (P %.3f R %.3f); title %d/%d author %d/%d date %d/%d",
		len(rows), f1, p, rc, meta[0][0], meta[0][1], meta[1][0], meta[1][1], meta[2][0], meta[2][1])
	if f1 < 0.94 {
		t.Errorf("body F1 %.3f under the floor 0.94", f1)
	}
	var right, all int
	for _, m := range meta {
		right += m[0]
		all += m[1]
	}
	if all > 0 && float64(right)/float64(all) < 0.72 {
		t.Errorf("metadata right on %d of %d, under the floor 72%%", right, all)
	}
}

// scoreWordRE is htmlscore.py's token: a run of word characters.
var scoreWordRE = regexp.MustCompile(`\w+`)

// shingleScore is one page's true positive, false positive and false
// negative shares of 4-word shingles (as multisets), as in ScrapingHub's
// article-extraction-benchmark.
func shingleScore(want, got string) [3]float64 {
	sh := func(s string) map[string]int {
		w := scoreWordRE.FindAllString(s, -1)
		m := map[string]int{}
		if len(w) > 0 && len(w) < 4 {
			m[strings.Join(w, " ")]++
		}
		for i := 0; i+4 <= len(w); i++ {
			m[strings.Join(w[i:i+4], " ")]++
		}
		return m
	}
	a, b := sh(want), sh(got)
	var tp, fp, fn int
	for k, n := range a {
		tp += min(n, b[k])
		fn += max(0, n-b[k])
	}
	for k, n := range b {
		fp += max(0, n-a[k])
	}
	s := float64(tp + fp + fn)
	if s == 0 {
		return [3]float64{}
	}
	return [3]float64{float64(tp) / s, float64(fp) / s, float64(fn) / s}
}

// meanPRF averages precision and recall over pages and returns their F1,
// as the benchmark does.
func meanPRF(rows [][3]float64) (p, r, f1 float64) {
	var np, nr int
	for _, x := range rows {
		tp, fp, fn := x[0], x[1], x[2]
		if tp+fp > 0 {
			p += tp / (tp + fp)
			np++
		} else if fp == 0 && fn == 0 {
			p, np = p+1, np+1
		}
		if tp+fn > 0 {
			r += tp / (tp + fn)
			nr++
		} else if fp == 0 && fn == 0 {
			r, nr = r+1, nr+1
		}
	}
	if np > 0 {
		p /= float64(np)
	}
	if nr > 0 {
		r /= float64(nr)
	}
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

// scoreNorm is htmlscore.py's normalisation of a title or an author: lower
// case, single spaces, no leading "by", no surrounding " .,|-".
func scoreNorm(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	for _, by := range []string{"by ", "par ", "von "} {
		s = strings.TrimPrefix(s, by)
	}
	return strings.Trim(s, " .,|-")
}
