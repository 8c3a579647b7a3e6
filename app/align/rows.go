package align

import (
	"cmp"
	"math"
	"slices"
	"sort"

	"parallax/app/parallel"
)

// Ref names one claim of a comparison: its report's index and the claim's
// index within that report.
type Ref struct {
	Doc, Claim int
}

// Row is a set of claims from different reports that state the same thing
// (Level LevelSame; a single claim when no other report states it), or a
// link between two claims of different main rows (Link set): overlapping
// claims (LevelRelated), or the same claim kept out of one row because a
// row holds one claim per report (LevelSame; a report that says it twice,
// as a headline and a lead).
type Row struct {
	// Claims are ordered by report; a row holds at most one claim per report.
	Claims []Ref
	Level  Level
	// Link marks a two-claim link; the other rows are the main rows, which
	// hold every claim exactly once.
	Link bool
	// Score is the mean graded score over the row's claim pairs (1 for a
	// claim alone).
	Score float64
}

// Options tune Rows.
type Options struct {
	// Base is the report whose order the rows follow.
	Base int
	// Strictness moves both row thresholds: positive asks for stronger
	// evidence (fewer, surer rows), negative for weaker; 0 is the tuned
	// default. About ±0.2 spans the useful range.
	Strictness float64
}

// policy holds the row-building parameters, tuned on the ECB+ train topics
// (see eval_test.go); the claim-pair models themselves are not touched.
type policy struct {
	// TopK partners per claim are kept by the candidate index, plus
	// TopKPerDoc per other report of the comparison, MaxCandidates in all;
	// MaxShare is the share of claims above which a term is not indexed.
	// MaxCandidates keeps the pairs scored linear in the claims however
	// many reports are compared (50 reports would give each claim 310
	// candidates); at 250 it binds from 40 reports on, above the largest
	// ECB+ topic (39), so it changes nothing the figures were tuned on.
	TopK, TopKPerDoc, MaxCandidates int
	MaxShare                        float64
	// NameWeight weighs shared names and numbers in report affinity;
	// GroupAt and StoryAt are the average-link thresholds of report and of
	// story affinity (events.go); reports up to MinReports form one group
	// whatever their affinity.
	NameWeight, GroupAt, StoryAt float64
	MinReports                   int
	// Two claims of one group are the same claim when Score +
	// AffWeight·affinity reaches SameAt, and related when Score +
	// RelAffWeight·affinity reaches RelatedAt.
	AffWeight, SameAt, RelAffWeight, RelatedAt float64
	// Affinity lifts a pair to the same claim only when the pair is
	// already close, its Score reaching LiftFloor; affinity counts at most
	// AffCap, and less between reports of more than LiftClaims claims (see
	// lifts). Without them two long reports that share many sentences
	// (affinity above 1) make every candidate pair, however weak, the same
	// claim. (A floor on the related lift lost any-overlap F1 on the ECB+
	// train topics at every value tried, 0.05 to 0.2.)
	LiftFloor, AffCap, LiftClaims float64
	// MaxSameLinks and MaxRelatedLinks bound the same links and the
	// related links of each claim to the claims of each other report: the
	// strongest are kept (boundLinks). Today the candidate index (TopK +
	// TopKPerDoc partners per claim, 18 for two reports) binds related
	// links first; the bound keeps the promise whatever the index does.
	MaxSameLinks, MaxRelatedLinks int
	// MaxClaimLinks bounds all the links of a claim together, whatever
	// reports they lead to: the per-report bounds grow with the number of
	// reports, this one keeps a comparison's links linear in its claims
	// (50 reports retelling one story had about 130 links per claim, 120 MB
	// of JSON, without it). 200 is the smallest value tried that leaves the
	// ECB+ any-overlap figure unchanged (score.py ecb: 0.723; 160 gives
	// 0.722, 96 gives 0.716): ECB+ topics of up to 39 short reports give a
	// claim up to 305 related links, and those links are what any-overlap
	// counts.
	MaxClaimLinks int
	// Related links need their reports to share at least MinShared same
	// pairs: a weak link is believable between reports that corroborate
	// each other elsewhere, and noise between reports that share a topic
	// and little else (the seed reports, years apart). Among more than
	// MinReports reports, grouping by story is that evidence already
	// (claims of different groups are never linked), and the rule is not
	// applied: on the ECB+ topics it cost any-overlap recall for nothing.
	MinShared int
	// ... unless their affinity reaches SharedOrAff.
	SharedOrAff float64
	// Two rows merge on a same pair only when the mean evidence over all
	// their cross pairs (Score lifted as for SameAt) reaches MergeAt; else
	// the pair stays a same link. Single link alone chains: a claim that
	// shares names with one member of a quote's row joined the quote. (On
	// the ECB+ train topics, asking as much of every member's mean rather
	// than of the rows' mean lost 2 points of same-claim F1.)
	MergeAt float64
	// GroupedRelFloor is the Score a related link inside a story group
	// needs on its own when the MinShared rule is not applied: of five ECB+
	// reports of one story, "Another day in Hollywood; another star in
	// rehab." was linked to seven claims at scores of 0.04 to 0.23, lifted
	// by affinity alone. At 0.1 it cost 0.002 of any-overlap F1 on the ECB+
	// train topics and 0.001 on dev.
	GroupedRelFloor float64
}

var defaultPolicy = policy{
	TopK: 12, TopKPerDoc: 6, MaxCandidates: 250, MaxShare: 0.2,
	NameWeight: 0.5, GroupAt: 0.36, StoryAt: 0.12, MinReports: 3,
	AffWeight: 0.5, SameAt: 0.64, RelAffWeight: 1, RelatedAt: 0.3,
	LiftFloor: 0.3, AffCap: 0.7, LiftClaims: 60, MaxSameLinks: 5, MaxRelatedLinks: 24, MaxClaimLinks: 200,
	MinShared: 2, SharedOrAff: 0.38, MergeAt: 0.45,
	GroupedRelFloor: 0.1,
}

// group returns each report's group (events.go), aff being the reports'
// affinity.
func (pol policy) group(docs [][]*Prepared, aff [][]float64) []int {
	return groupBy([]linkage{{aff, pol.GroupAt}, {storyAffinity(docs, pol.NameWeight), pol.StoryAt}}, pol.MinReports)
}

// lift is the evidence that a pair scoring s are the same claim (weight
// AffWeight) or related (weight RelAffWeight) when their reports' lift
// affinity (lifts) is aff: s plus weight·aff, and no lift at all below
// floor. Report affinity is evidence about the reports as wholes; it may
// tip a close pair over the line, but a pair whose own words share little
// stays what its words say, however alike its reports.
func lift(s, aff, weight, floor float64) float64 {
	if s < floor {
		return s
	}
	return s + weight*aff
}

// lifts returns, for each pair of reports, the affinity that lifts their
// claim pairs: aff capped at AffCap, times LiftClaims over the geometric
// mean of the two reports' claim counts when that mean is larger. Two
// reports of a dozen claims with a high affinity tell one story, so each
// of their claim pairs is likely about it; two reports of a thousand
// claims can share every story of a week's news and still have a high
// affinity, which then says nothing about a given pair. ECB+ reports have
// a median of 11 claims and at most 89.
func (pol policy) lifts(docs [][]*Prepared, aff [][]float64) [][]float64 {
	out := make([][]float64, len(aff))
	for i := range aff {
		out[i] = make([]float64, len(aff))
		for j := range aff {
			n := math.Sqrt(float64(len(docs[i])) * float64(len(docs[j])))
			out[i][j] = min(aff[i][j], pol.AffCap) * min(1, pol.LiftClaims/max(n, 1))
		}
	}
	return out
}

// Rows aligns the claims of several reports. docs[i][j] is claim j of
// report i, prepared with one IDF fitted over all the reports. Every claim
// appears in exactly one main row (a same row, or a row of its own); further
// two-claim rows link claims of different main rows, as "related" or, when
// the one-claim-per-report rule kept a same pair apart, as "same".
//
// Three steps. Candidates: an inverted index over informative terms
// (candidates.go) picks the pairs worth scoring, so the cost grows about
// linearly with the number of claims. Events: reports are grouped by
// whole-report evidence (events.go), and claims of reports in different
// groups are never linked. Rows: within a group, the evidence that two
// claims are the same is their graded Score plus a share of their reports'
// affinity. Measured on the ECB+ train topics, this decides "same claim" far
// better than either number alone (pairwise F1 0.69 against 0.64 for Score
// and 0.49 for the MSRP-trained Paraphrase, whose idea of a paraphrase is
// MSRP's: a sentence with an extra clause still counts; TestECBPairwise): a loosely worded claim is
// believable when the reports as wholes tell one story. Affinity only lifts
// a pair that is close on its own words (Score at least LiftFloor), counts
// at most AffCap, and less between long reports (lifts), so it never makes
// a weak pair the same claim. Same pairs are
// taken strongest first and their rows merged when the merge keeps one
// claim per report and the two rows' claims are, on average, the same
// claim (MergeAt) (single link under a one-per-report constraint, the
// usual shape of multiple-sequence alignment by progressive merging). Rows
// then follow the base report's order, each other row placed after the row
// of the claim that precedes it in its own report; links come last, at
// most MaxSameLinks same and MaxRelatedLinks related ones per claim and
// other report, and MaxClaimLinks per claim in all (boundLinks).
//
// Rows is deterministic: the same input gives the same rows.
func Rows(docs [][]*Prepared, opt Options) []Row {
	return rowsWith(docs, opt, defaultPolicy)
}

func rowsWith(docs [][]*Prepared, opt Options, pol policy) []Row {
	index := map[Ref]int{}
	var refs []Ref
	var claims []*Prepared
	for d := range docs {
		for c := range docs[d] {
			index[Ref{d, c}] = len(refs)
			refs = append(refs, Ref{d, c})
			claims = append(claims, docs[d][c])
		}
	}
	aff := reportAffinity(docs, pol.NameWeight)
	group := pol.group(docs, aff)
	lifted := pol.lifts(docs, aff)

	var same, related []edge
	k := min(pol.TopK+pol.TopKPerDoc*(len(docs)-1), pol.MaxCandidates)
	var cands []candidate
	all := candidates(claims, refs, k, pol.MaxShare)
	for _, c := range all {
		if group[refs[c.a].Doc] == group[refs[c.b].Doc] {
			cands = append(cands, c)
		}
	}
	scores := make([]float64, len(cands))
	parallel.For(len(cands), func(i int) { scores[i] = Score(claims[cands[i].a], claims[cands[i].b]) })
	for i, c := range cands {
		a, b, s := refs[c.a], refs[c.b], scores[i]
		ab := lifted[a.Doc][b.Doc]
		e := edge{a, b, s, lift(s, ab, pol.AffWeight, pol.LiftFloor)}
		switch {
		case e.e >= pol.SameAt+opt.Strictness:
			same = append(same, e)
		case lift(s, ab, pol.RelAffWeight, 0) >= pol.RelatedAt+opt.Strictness:
			related = append(related, e)
		}
	}
	slices.SortStableFunc(same, func(x, y edge) int { return cmp.Compare(y.e, x.e) })
	shared := map[[2]int]int{}
	for _, e := range same {
		shared[[2]int{e.a.Doc, e.b.Doc}]++
	}
	kept := related[:0]
	grouped := len(docs) > pol.MinReports
	for _, e := range related {
		if (grouped && e.score >= pol.GroupedRelFloor) || shared[[2]int{e.a.Doc, e.b.Doc}] >= pol.MinShared || aff[e.a.Doc][e.b.Doc] >= pol.SharedOrAff {
			kept = append(kept, e)
		}
	}
	related = kept

	// Union-find over claims, each root holding its members.
	parent := make([]int, len(refs))
	members := make([][]int, len(refs))
	for i := range parent {
		parent[i] = i
		members[i] = []int{i}
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	var blocked []edge
	for _, e := range same {
		ra, rb := find(index[e.a]), find(index[e.b])
		if ra == rb {
			continue
		}
		if sharesDoc(refs, members[ra], members[rb]) ||
			meanEvidence(claims, refs, members[ra], members[rb], lifted, pol) < pol.MergeAt+opt.Strictness {
			// Same claim, but a row holds one claim per report, or the
			// rows as wholes are not the same claim: keep the pair as a
			// link rather than lose it.
			blocked = append(blocked, e)
			continue
		}
		parent[rb] = ra
		members[ra] = append(members[ra], members[rb]...)
		members[rb] = nil
	}

	var rows []Row
	for i := range refs {
		if find(i) != i {
			continue
		}
		row := Row{Level: LevelSame, Score: 1}
		for _, m := range members[i] {
			row.Claims = append(row.Claims, refs[m])
		}
		sort.Slice(row.Claims, func(x, y int) bool { return row.Claims[x].Doc < row.Claims[y].Doc })
		if len(row.Claims) > 1 {
			row.Score = meanScore(docs, row.Claims)
		}
		rows = append(rows, row)
	}
	rows = order(rows, opt.Base)
	var links []link
	for _, e := range blocked {
		links = append(links, link{e, LevelSame})
	}
	for _, e := range related {
		if find(index[e.a]) != find(index[e.b]) {
			links = append(links, link{e, LevelRelated})
		}
	}
	links = boundLinks(links, pol.MaxSameLinks, pol.MaxRelatedLinks, pol.MaxClaimLinks)
	slices.SortStableFunc(links, func(x, y link) int {
		if c := compareRefs(x.a, y.a); c != 0 {
			return c
		}
		return compareRefs(x.b, y.b)
	})
	for _, l := range links {
		rows = append(rows, Row{Claims: []Ref{l.a, l.b}, Level: l.level, Link: true, Score: l.score})
	}
	return rows
}

// link is a pair of claims of different main rows, same or related.
type link struct {
	edge
	level Level
}

// boundLinks keeps, for every claim, at most maxSame same links and
// maxRelated related links to each other report, and maxClaim links in
// all: links are taken strongest first (same links before related ones,
// same links by their evidence, related ones by their score) while both
// their claims have room. Two long reports of one story have a candidate link for
// nearly every claim pair that shares a few words; an editor reads the few
// best a claim has, and a comparison's size and the flags computed on its
// links then grow with its claims, not with its candidate pairs.
func boundLinks(links []link, maxSame, maxRelated, maxClaim int) []link {
	strength := func(l link) float64 {
		if l.level == LevelSame {
			return l.e
		}
		return l.score
	}
	slices.SortStableFunc(links, func(x, y link) int {
		if c := cmp.Compare(y.level, x.level); c != 0 {
			return c
		}
		return cmp.Compare(strength(y), strength(x))
	})
	type slot struct {
		ref   Ref
		other int // the linked claim's report
		level Level
	}
	used := map[slot]int{}
	all := map[Ref]int{}
	kept := links[:0]
	for _, l := range links {
		a, b := slot{l.a, l.b.Doc, l.level}, slot{l.b, l.a.Doc, l.level}
		max := maxRelated
		if l.level == LevelSame {
			max = maxSame
		}
		if used[a] < max && used[b] < max && all[l.a] < maxClaim && all[l.b] < maxClaim {
			used[a]++
			used[b]++
			all[l.a]++
			all[l.b]++
			kept = append(kept, l)
		}
	}
	return kept
}

// compareRefs orders claims by report, then by position.
func compareRefs(a, b Ref) int {
	if c := cmp.Compare(a.Doc, b.Doc); c != 0 {
		return c
	}
	return cmp.Compare(a.Claim, b.Claim)
}

// edge is a scored candidate pair: its Score and the evidence e that the
// two claims are the same (Score plus a share of report affinity).
type edge struct {
	a, b     Ref
	score, e float64
}

// sharesDoc reports whether two groups of claims hold claims of one report.
func sharesDoc(refs []Ref, a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if refs[x].Doc == refs[y].Doc {
				return true
			}
		}
	}
	return false
}

// meanEvidence is the mean same-claim evidence (lift of Score, as Rows
// decides a same pair) over the cross pairs of two rows' members.
func meanEvidence(claims []*Prepared, refs []Ref, a, b []int, lifted [][]float64, pol policy) float64 {
	if len(a) == 1 && len(b) == 1 {
		return math.Inf(1) // the pair itself was judged the same claim
	}
	sum := 0.0
	for _, x := range a {
		for _, y := range b {
			s := Score(claims[x], claims[y])
			sum += lift(s, lifted[refs[x].Doc][refs[y].Doc], pol.AffWeight, pol.LiftFloor)
		}
	}
	return sum / float64(len(a)*len(b))
}

// meanScore is the mean graded score over the pairs of a row.
func meanScore(docs [][]*Prepared, claims []Ref) float64 {
	sum, n := 0.0, 0
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			sum += Score(docs[claims[i].Doc][claims[i].Claim], docs[claims[j].Doc][claims[j].Claim])
			n++
		}
	}
	return sum / float64(n)
}

// order sorts rows by the base report's claim order. A row without a base
// claim goes right after the row holding the nearest earlier claim of its
// first report, so each report still reads in its own order; ties keep
// report then claim order.
func order(rows []Row, base int) []Row {
	rowOf := map[Ref]int{}
	for i, r := range rows {
		for _, c := range r.Claims {
			rowOf[c] = i
		}
	}
	type key struct {
		anchor     int // base claim index the row hangs from (-1 before the first)
		depth      int // 0 for a base row, else 1
		doc, claim int
	}
	keys := make([]key, len(rows))
	// anchor[i] is memoised (unknown: -2; a row being resolved reads as
	// -1, which also ends a cycle), so a long run of rows without a base
	// claim is walked once, not once per row.
	anchor := make([]int, len(rows))
	for i := range anchor {
		anchor[i] = -2
	}
	var anchorOf func(i int) int
	anchorOf = func(i int) int {
		if anchor[i] != -2 {
			return anchor[i]
		}
		anchor[i] = -1
		for _, c := range rows[i].Claims {
			if c.Doc == base {
				anchor[i] = c.Claim
				return c.Claim
			}
		}
		first := rows[i].Claims[0]
		for p := first.Claim - 1; p >= 0; p-- {
			if j, ok := rowOf[Ref{first.Doc, p}]; ok && j != i {
				anchor[i] = anchorOf(j)
				break
			}
		}
		return anchor[i]
	}
	for i, r := range rows {
		k := key{anchor: anchorOf(i), depth: 1, doc: r.Claims[0].Doc, claim: r.Claims[0].Claim}
		for _, c := range r.Claims {
			if c.Doc == base {
				k.depth = 0
			}
		}
		keys[i] = k
	}
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := keys[idx[x]], keys[idx[y]]
		if a.anchor != b.anchor {
			return a.anchor < b.anchor
		}
		if a.depth != b.depth {
			return a.depth < b.depth
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		return a.claim < b.claim
	})
	out := make([]Row, len(rows))
	for i, j := range idx {
		out[i] = rows[j]
	}
	return out
}
