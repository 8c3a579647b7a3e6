package align

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// inventedPair builds two long reports of n invented news sentences each
// that share half their sentences, in different orders: report 0 says
// sentences 0..n-1, report 1 says n/2..n/2+n-1 shuffled. Every sentence
// names people, places and numbers, so the two reports as wholes have the
// high affinity of two long reports of one story, while two different
// sentences share little beyond a day of the week or "said". It returns
// the prepared reports and each claim's sentence number.
func inventedPair(n int, seed uint64) ([][]*Prepared, [][]int) {
	rng := rand.New(rand.NewPCG(seed, 13))
	pool := inventedSentences(rng, n+n/2)
	second := make([]int, n)
	for i := range second {
		second[i] = n/2 + i
	}
	rng.Shuffle(n, func(i, j int) { second[i], second[j] = second[j], second[i] })
	first := make([]int, n)
	for i := range first {
		first[i] = i
	}
	ids := [][]int{first, second}
	reports := make([][]string, 2)
	for d, order := range ids {
		for _, k := range order {
			reports[d] = append(reports[d], pool[k])
		}
	}
	return prepareReports(reports), ids
}

// inventedSentences makes n invented news sentences, each naming a person,
// a number, a place and a cause from small lists, so that two sentences
// share a word or two and little more.
func inventedSentences(rng *rand.Rand, n int) []string {
	pick := func(words string) string {
		w := strings.Fields(words)
		return w[rng.IntN(len(w))]
	}
	const (
		given = "Ilsa Odu Tavi Pell Wen Liu Dara Amos Ria Eno Juma Lena Kofi Mira Anton Sela Brun Ysolde Tomas Nadia"
		last  = "Varn Remel Orsk Amaro Sarka Bexa Minto Quill Tolm Vask Mwangi Broderick Otieno Halloran Kestrel Duvane Pirel Okafor Lindqvist Marsh"
		place = "Kivangu Selwyn Orrin Maltby Quessa Dunmore Talvik Sereth Amberly Coldwater Brightmoor Ostrava Helmsby Carrow Vintner Ashgrove Pellam Rookhaven Tamsin Yarrow"
		verb  = "ordered inspected delivered cancelled approved rejected funded repaired counted blocked auctioned rebuilt evacuated insured drained seized"
		thing = "ferries ballots bridges clinics convoys permits schools turbines wells tenders warehouses reservoirs pipelines orchards railcars quarries"
		why   = "storm flood strike audit fire drought outbreak blackout collapse shortage protest recall"
	)
	pool := make([]string, n)
	for i := range pool {
		pool[i] = fmt.Sprintf("%s %s %s %d %s near %s after the %s.",
			pick(given), pick(last), pick(verb), 2+rng.IntN(900), pick(thing), pick(place), pick(why))
	}
	return pool
}

// A weak pair is never made "same" by report affinity: in two long reports
// sharing half their sentences (affinity near its maximum), every same pair
// of the rows scores as a close pair on its own, and nearly all join a
// sentence with itself. (Before affinity was capped and floored, 7,772 same
// pairs here joined different sentences, scoring from 0.03.)
func TestAffinityLiftsOnlyClosePairs(t *testing.T) {
	docs, ids := inventedPair(300, 1)
	if aff := reportAffinity(docs, defaultPolicy.NameWeight); aff[0][1] < 0.9 {
		t.Fatalf("affinity %.2f: the reports should read as one story", aff[0][1])
	}
	rows := Rows(docs, Options{})
	checkInvariants(t, docs, rows)
	wrong, pairs := 0, 0
	for _, r := range rows {
		if r.Level != LevelSame || len(r.Claims) < 2 {
			continue
		}
		a, b := r.Claims[0], r.Claims[1]
		if s := Score(docs[a.Doc][a.Claim], docs[b.Doc][b.Claim]); s < 0.25 {
			t.Errorf("weak pair (score %.3f) made same: %v", s, r.Claims)
		}
		pairs++
		if ids[a.Doc][a.Claim] != ids[b.Doc][b.Claim] {
			wrong++
		}
	}
	if wrong > pairs/50 {
		t.Errorf("%d of %d same pairs join different sentences", wrong, pairs)
	}
}

// In two long reports sharing half their sentences, every shared sentence
// is a same row, and each claim carries at most MaxSameLinks same links and
// MaxRelatedLinks related links to the other report, however many
// candidates it had: also under the lift that flooded such reports with
// same links before (affinity uncapped, unfloored, undiluted), where most
// claims have more than MaxSameLinks candidates that pass.
func TestLongPairLinksBounded(t *testing.T) {
	const n = 300
	docs, ids := inventedPair(n, 2)
	flood := defaultPolicy
	flood.AffCap, flood.LiftFloor, flood.LiftClaims = 10, 0, 1e9
	for name, pol := range map[string]policy{"default": defaultPolicy, "flood": flood} {
		rows := rowsWith(docs, Options{}, pol)
		checkInvariants(t, docs, rows)
		found, full := 0, 0
		links := map[Ref][3]int{}
		for _, r := range rows {
			if r.Link {
				for _, c := range r.Claims {
					l := links[c]
					l[r.Level]++
					links[c] = l
				}
			}
			if r.Level == LevelSame && len(r.Claims) == 2 && ids[r.Claims[0].Doc][r.Claims[0].Claim] == ids[r.Claims[1].Doc][r.Claims[1].Claim] {
				found++
			}
		}
		if found < n/2 {
			t.Errorf("%s: %d of the %d shared sentences are same pairs", name, found, n/2)
		}
		for c, l := range links {
			if l[LevelSame] > pol.MaxSameLinks || l[LevelRelated] > pol.MaxRelatedLinks {
				t.Errorf("%s: claim %v has %d same and %d related links, want at most %d and %d", name, c, l[LevelSame], l[LevelRelated], pol.MaxSameLinks, pol.MaxRelatedLinks)
			}
			if l[LevelSame] == pol.MaxSameLinks {
				full++
			}
		}
		if name == "flood" && full < n/2 {
			t.Errorf("flood: only %d claims reach the bound; the test no longer exercises it", full)
		}
	}
}

// Many reports of one story, each retelling most of a shared pool of
// sentences in its own order: every claim has candidates in every other
// report, and under their high affinity nearly every candidate pair is
// "related". Its links stay bounded per claim overall (MaxClaimLinks), so
// the links of a comparison grow with its claims, not with its claims
// times its reports: 50 such reports of 30 claims had 240,335 links (320
// per claim) when the bound was per other report only.
func TestManyReportsLinksLinearInClaims(t *testing.T) {
	rng := rand.New(rand.NewPCG(50, 13))
	pool := inventedSentences(rng, 40)
	reports := make([][]string, 50)
	for d := range reports {
		for _, k := range rng.Perm(len(pool))[:30] {
			reports[d] = append(reports[d], pool[k])
		}
	}
	docs := prepareReports(reports)
	rows := Rows(docs, Options{})
	checkInvariants(t, docs, rows)
	claims, links := 0, 0
	per := map[Ref]int{}
	for _, r := range rows {
		if !r.Link {
			claims += len(r.Claims)
			continue
		}
		links++
		for _, c := range r.Claims {
			per[c]++
		}
	}
	full := 0
	for c, n := range per {
		if n > defaultPolicy.MaxClaimLinks {
			t.Errorf("claim %v has %d links, want at most %d", c, n, defaultPolicy.MaxClaimLinks)
		}
		if n == defaultPolicy.MaxClaimLinks {
			full++
		}
	}
	if links > claims*defaultPolicy.MaxClaimLinks/2 {
		t.Errorf("%d links for %d claims", links, claims)
	}
	if full < claims/2 {
		t.Errorf("only %d of %d claims reach the bound; the test no longer exercises it", full, claims)
	}
	t.Logf("%d claims, %d links, %d claims at the bound", claims, links, full)
}
