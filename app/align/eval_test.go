package align

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"parallax/app/segment"

	"parallax/app/apptest"
)

// The quality harness: ECB+ topics and the seed reports scored the way
// ../shared/tools/score.py scores `parallax compare`, without the command.
// It is skipped unless PARALLAX_EVAL=1:
//
//	PARALLAX_EVAL=1 go test -run 'TestECBEval|TestSeedsEval' -v ./app/align

const sharedDir = "../../../shared"

func evalEnabled(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv("PARALLAX_EVAL") == "" {
		t.Skip("set PARALLAX_EVAL=1 to run the quality harness")
	}
}

type ecbTopic struct {
	Topic     any    `json:"topic"`
	Split     string `json:"split"`
	Documents []struct {
		ID        string   `json:"id"`
		Story     string   `json:"story"`
		Sentences []string `json:"sentences"`
		Annotated []int    `json:"annotated"`
	} `json:"documents"`
	Pairs []struct {
		A     [2]int `json:"a"`
		B     [2]int `json:"b"`
		Label string `json:"label"`
	} `json:"pairs"`
}

// prepareTexts segments texts and prepares their claims with one IDF, as a
// comparison does. It returns the claims' byte spans and the prepared docs.
func prepareTexts(texts []string) ([][]segment.Claim, [][]*Prepared) {
	spans := make([][]segment.Claim, len(texts))
	var all []string
	for i, t := range texts {
		spans[i] = segment.Segment(t)
		for _, c := range spans[i] {
			all = append(all, t[c.Start:c.End])
		}
	}
	idf := FitIDF(all)
	docs := make([][]*Prepared, len(texts))
	for i, t := range texts {
		for _, c := range spans[i] {
			docs[i] = append(docs[i], Prepare(t[c.Start:c.End], idf))
		}
	}
	return spans, docs
}

type prf struct{ tp, fp, fn int }

func (s prf) p() float64 { return iratio(s.tp, s.tp+s.fp) }
func (s prf) r() float64 { return iratio(s.tp, s.tp+s.fn) }
func (s prf) f() float64 {
	p, r := s.p(), s.r()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func iratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type ecbCase struct {
	t     ecbTopic
	spans [][]segment.Claim
	sent  [][][2]int
	docs  [][]*Prepared
}

var (
	ecbOnce  sync.Once
	ecbCases []*ecbCase
)

func loadECB(t *testing.T) []*ecbCase {
	ecbOnce.Do(func() {
		files, _ := filepath.Glob(filepath.Join(sharedDir, "data/ecbplus/*.json"))
		sort.Strings(files)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			c := &ecbCase{}
			if err := json.Unmarshal(b, &c.t); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			var texts []string
			for _, d := range c.t.Documents {
				text, sp := apptest.ECBText(d.Sentences)
				texts = append(texts, text)
				c.sent = append(c.sent, sp)
			}
			c.spans, c.docs = prepareTexts(texts)
			ecbCases = append(ecbCases, c)
		}
	})
	if len(ecbCases) == 0 {
		t.Skip("no ECB+ data")
	}
	return ecbCases
}

func overlap(a, b [2]int) int { return max(0, min(a[1], b[1])-max(a[0], b[0])) }

// scoreECB scores rows of one topic: any-overlap and same-claim counts.
func (c *ecbCase) score(rows []Row) (anyS, same prf) {
	sentsOf := func(r Ref) []int {
		cs := [2]int{c.spans[r.Doc][r.Claim].Start, c.spans[r.Doc][r.Claim].End}
		var out []int
		for k, s := range c.sent[r.Doc] {
			if 2*overlap(cs, s) >= s[1]-s[0] {
				out = append(out, k)
			}
		}
		return out
	}
	type sp struct{ d, s int }
	type pair struct{ a, b sp }
	predAny, predSame := map[pair]bool{}, map[pair]bool{}
	for _, r := range rows {
		for i := range r.Claims {
			for j := i + 1; j < len(r.Claims); j++ {
				a, b := r.Claims[i], r.Claims[j]
				if a.Doc == b.Doc {
					continue
				}
				if b.Doc < a.Doc {
					a, b = b, a
				}
				for _, sa := range sentsOf(a) {
					for _, sb := range sentsOf(b) {
						p := pair{sp{a.Doc, sa}, sp{b.Doc, sb}}
						predAny[p] = true
						if r.Level == LevelSame {
							predSame[p] = true
						}
					}
				}
			}
		}
	}
	gold := map[pair]string{}
	for _, p := range c.t.Pairs {
		gold[pair{sp{p.A[0], p.A[1]}, sp{p.B[0], p.B[1]}}] = p.Label
	}
	n := len(c.t.Documents)
	for i := range n {
		for j := i + 1; j < n; j++ {
			for _, sa := range c.t.Documents[i].Annotated {
				for _, sb := range c.t.Documents[j].Annotated {
					p := pair{sp{i, sa}, sp{j, sb}}
					g, ok := gold[p]
					switch {
					case predAny[p] && ok:
						anyS.tp++
					case predAny[p]:
						anyS.fp++
					case ok:
						anyS.fn++
					}
					if g == "partial" {
						continue
					}
					switch {
					case predSame[p] && g == "aligned":
						same.tp++
					case predSame[p]:
						same.fp++
					case g == "aligned":
						same.fn++
					}
				}
			}
		}
	}
	return
}

func add(a, b prf) prf { return prf{a.tp + b.tp, a.fp + b.fp, a.fn + b.fn} }

// evalECB runs rows over every topic and returns the totals per split.
func evalECB(t *testing.T, rows func([][]*Prepared) []Row) map[string][2]prf {
	cases := loadECB(t)
	out := map[string][2]prf{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for _, c := range cases {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			a, s := c.score(rows(c.docs))
			mu.Lock()
			o := out[c.t.Split]
			out[c.t.Split] = [2]prf{add(o[0], a), add(o[1], s)}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

func logECB(t *testing.T, name string, res map[string][2]prf) {
	for _, split := range []string{"train", "dev"} {
		r := res[split]
		t.Logf("%s %-5s any P=%.3f R=%.3f F1=%.3f | aligned P=%.3f R=%.3f F1=%.3f",
			name, split, r[0].p(), r[0].r(), r[0].f(), r[1].p(), r[1].r(), r[1].f())
	}
}

func TestECBEval(t *testing.T) {
	evalEnabled(t)
	res := evalECB(t, func(d [][]*Prepared) []Row { return Rows(d, Options{}) })
	logECB(t, "Rows", res)
}

func TestECBSweep(t *testing.T) {
	evalEnabled(t)
	if os.Getenv("PARALLAX_SWEEP") == "" {
		t.Skip("set PARALLAX_SWEEP=1")
	}
	for _, p := range sweepPolicies() {
		res := evalECB(t, func(d [][]*Prepared) []Row { return rowsWith(d, Options{}, p) })
		n, sp, sr := seedsScore(t, p, false)
		for _, split := range []string{"train", "dev"} {
			r := res[split]
			t.Logf("%s group %.2f/%.2f aff %.2f/%.2f same %.2f rel %.2f lift cap %.2f claims %.0f floor %.2f max %d/%d shared %d/%.2f k %d/%d: any %.3f (P %.3f R %.3f) aligned %.3f (P %.3f R %.3f) | seeds %d pairs P %.2f R %.2f",
				split, p.GroupAt, p.StoryAt, p.AffWeight, p.RelAffWeight, p.SameAt, p.RelatedAt, p.AffCap, p.LiftClaims, p.LiftFloor, p.MaxSameLinks, p.MaxRelatedLinks, p.MinShared, p.SharedOrAff, p.TopK, p.TopKPerDoc, r[0].f(), r[0].p(), r[0].r(), r[1].f(), r[1].p(), r[1].r(), n, sp, sr)
		}
	}
}

func TestECBGrouping(t *testing.T) {
	evalEnabled(t)
	cases := loadECB(t)
	for _, nw := range []float64{0.32, 0.36, 1e9} {
		for _, th := range []float64{0.11, 0.12, 0.13, 1e9} {
			for _, split := range []string{"train", "dev"} {
				var s prf
				for _, c := range cases {
					if c.t.Split != split {
						continue
					}
					q := defaultPolicy
					q.GroupAt, q.StoryAt = nw, th
					g := q.group(c.docs, reportAffinity(c.docs, q.NameWeight))
					for i := range g {
						for j := i + 1; j < len(g); j++ {
							gold := c.t.Documents[i].Story == c.t.Documents[j].Story
							switch {
							case g[i] == g[j] && gold:
								s.tp++
							case g[i] == g[j]:
								s.fp++
							case gold:
								s.fn++
							}
						}
					}
				}
				t.Logf("%s report affinity %.2f story affinity %.2f: pairwise P=%.3f R=%.3f F1=%.3f", split, nw, th, s.p(), s.r(), s.f())
			}
		}
	}
}

func TestSeedsEval(t *testing.T) {
	evalEnabled(t)
	pol := defaultPolicy
	if v := os.Getenv("PARALLAX_POLICY"); v != "" {
		fmt.Sscan(v, &pol.AffWeight, &pol.SameAt, &pol.RelatedAt)
	}
	n, p, r := seedsScore(t, pol, os.Getenv("PARALLAX_SEEDS_DIAG") != "")
	t.Logf("seeds: %d cross-report pairs, precision %.2f, recall of 'same' %.2f", n, p, r)
}

// seedsScore scores rows on the seed reports as score.py does: cross-report
// pairs, their precision against gold.json, and the recall of its same pairs.
func seedsScore(t *testing.T, pol policy, diag bool) (pairs int, precision, recall float64) {
	dir := filepath.Join(sharedDir, "seeds")
	b, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		t.Skip(err)
	}
	var gold struct {
		Documents []struct{ File string } `json:"documents"`
	}
	var raw struct {
		Pairs []map[string]json.RawMessage `json:"pairs"`
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(b, &raw)
	var texts []string
	names := map[string]int{}
	for i, d := range gold.Documents {
		x, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(x))
		names[d.File] = i
	}
	type gp struct {
		da, db int
		sa, sb [2]int
		label  string
	}
	var gps []gp
	for _, p := range raw.Pairs {
		var a, bb struct{ Doc, Quote string }
		var label string
		json.Unmarshal(p["a"], &a)
		json.Unmarshal(p["b"], &bb)
		json.Unmarshal(p["label"], &label)
		da, db := names[a.Doc], names[bb.Doc]
		ia, ib := strings.Index(texts[da], a.Quote), strings.Index(texts[db], bb.Quote)
		if ia < 0 || ib < 0 {
			t.Fatalf("quote not found")
		}
		gps = append(gps, gp{da, db, [2]int{ia, ia + len(a.Quote)}, [2]int{ib, ib + len(bb.Quote)}, label})
	}
	spans, docs := prepareTexts(texts)
	sp := func(r Ref) [2]int { return [2]int{spans[r.Doc][r.Claim].Start, spans[r.Doc][r.Claim].End} }
	hits := func(x, y Ref, g gp) bool {
		for _, o := range [][2]Ref{{x, y}, {y, x}} {
			if o[0].Doc == g.da && o[1].Doc == g.db &&
				10*overlap(sp(o[0]), g.sa) >= 3*(g.sa[1]-g.sa[0]) && 10*overlap(sp(o[1]), g.sb) >= 3*(g.sb[1]-g.sb[0]) {
				return true
			}
		}
		return false
	}
	if diag {
		aff := reportAffinity(docs, pol.NameWeight)
		type cand struct {
			a, b Ref
			r    Result
			hit  string
		}
		var cs []cand
		for da := range docs {
			for db := da + 1; db < len(docs); db++ {
				for i := range docs[da] {
					for j := range docs[db] {
						x, y := Ref{da, i}, Ref{db, j}
						c := cand{x, y, Compare(docs[da][i], docs[db][j]), ""}
						for _, g := range gps {
							if hits(x, y, g) {
								c.hit = g.label
								if g.label == "same" {
									break
								}
							}
						}
						cs = append(cs, c)
					}
				}
			}
		}
		sort.Slice(cs, func(i, j int) bool { return cs[i].r.Score > cs[j].r.Score })
		for k, c := range cs[:60] {
			t.Logf("%2d %v-%v score %.3f para %.3f aff %.2f %-7s | %.60q | %.60q", k, c.a, c.b, c.r.Score, c.r.Paraphrase,
				aff[c.a.Doc][c.b.Doc], c.hit, texts[c.a.Doc][spans[c.a.Doc][c.a.Claim].Start:spans[c.a.Doc][c.a.Claim].End],
				texts[c.b.Doc][spans[c.b.Doc][c.b.Claim].Start:spans[c.b.Doc][c.b.Claim].End])
		}
	}
	rows := rowsWith(docs, Options{}, pol)
	type pr struct{ a, b Ref }
	all, same := map[pr]bool{}, map[pr]bool{}
	for _, r := range rows {
		for i := range r.Claims {
			for j := i + 1; j < len(r.Claims); j++ {
				if r.Claims[i].Doc != r.Claims[j].Doc {
					all[pr{r.Claims[i], r.Claims[j]}] = true
					if r.Level == LevelSame {
						same[pr{r.Claims[i], r.Claims[j]}] = true
					}
				}
			}
		}
	}
	good := 0
	for p := range all {
		for _, g := range gps {
			if hits(p.a, p.b, g) {
				good++
				break
			}
		}
	}
	nsame, found := 0, 0
	for _, g := range gps {
		if g.label != "same" {
			continue
		}
		nsame++
		for p := range same {
			if hits(p.a, p.b, g) {
				found++
				break
			}
		}
	}
	return len(all), iratio(good, len(all)), iratio(found, nsame)
}
