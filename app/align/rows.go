package align

import (
	"sort"
)

// Ref names one claim of a comparison: its report's index and the claim's
// index within that report.
type Ref struct {
	Doc, Claim int
}

// Row is a set of claims from different reports that state the same thing
// (Level LevelSame; a single claim when no other report states it), or a
// weaker link between two overlapping claims (LevelRelated).
type Row struct {
	// Claims are ordered by report; a row holds at most one claim per report.
	Claims []Ref
	Level  Level
	// Score is the mean graded score over the row's claim pairs (1 for a
	// claim alone).
	Score float64
}

// Options tune Rows.
type Options struct {
	// Base is the report whose order the rows follow.
	Base int
	// Same and Related are the thresholds on Result.Paraphrase and
	// Result.Score; zero means the trained defaults (the package constants
	// Same and Related).
	Same, Related float64
}

// policy holds the row-building thresholds Rows uses beyond Options: how
// candidates are generated and how report evidence moves the claim
// thresholds. Tuned on the ECB+ train topics and the seed reports (see
// eval_test.go); the claim-pair model itself is not touched.
type policy struct {
	// TopK partners per claim are kept by the candidate index, plus
	// TopKPerDoc per report of the comparison; MaxShare is the share of
	// claims above which a term is not indexed.
	TopK, TopKPerDoc int
	MaxShare         float64
	// NameWeight weighs shared names and numbers in report affinity;
	// GroupAt is the average-link threshold; reports up to MinReports form
	// one group whatever their affinity.
	NameWeight, GroupAt float64
	MinReports          int
	// SameShift is added to the Same threshold for two reports whose
	// affinity reaches RelaxAt (RelatedShift likewise to Related);
	// CrossSame is the Paraphrase a same row needs across groups (above 1:
	// never).
	SameShift, CrossSame, RelatedShift float64
	// RelaxAt is the report affinity from which the shifts apply;
	// BaseRelatedShift moves Related for the other pairs of a group.
	RelaxAt, BaseRelatedShift float64
}

var defaultPolicy = policy{
	TopK: 16, TopKPerDoc: 2, MaxShare: 0.2,
	NameWeight: 0.5, GroupAt: 0.25, MinReports: 3,
	SameShift: -0.2, CrossSame: 2, RelatedShift: -0.3,
	RelaxAt: 0.25, BaseRelatedShift: 0,
}

// Rows aligns the claims of several reports. docs[i][j] is claim j of
// report i, prepared with one IDF fitted over all the reports. Every claim
// appears in exactly one LevelSame row; LevelRelated rows add two-claim links
// between claims of different rows.
//
// Three steps. Candidates: an inverted index over informative terms
// (candidates.go) picks the pairs worth scoring, so the cost grows about
// linearly with the number of claims. Events: reports are grouped by
// whole-report evidence (events.go), and claims of reports in different
// groups are not linked unless their paraphrase probability is
// overwhelming. Rows: candidate pairs deciding "same" are taken strongest
// first and their rows merged when the merge keeps one claim per report
// (single link under a one-per-report constraint, the usual shape of
// multiple-sequence alignment by progressive merging). Rows then follow the
// base report's order, each other row placed after the row of the claim
// that precedes it in its own report; related links come last.
//
// Rows is deterministic: the same input gives the same rows.
func Rows(docs [][]*Prepared, opt Options) []Row {
	return rowsWith(docs, opt, defaultPolicy)
}

func rowsWith(docs [][]*Prepared, opt Options, pol policy) []Row {
	if opt.Same == 0 {
		opt.Same = Same
	}
	if opt.Related == 0 {
		opt.Related = Related
	}
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
	group := groupReports(aff, pol.GroupAt, pol.MinReports)

	type edge struct {
		a, b Ref
		r    Result
	}
	var same, related []edge
	k := pol.TopK + pol.TopKPerDoc*len(docs)
	for _, c := range candidates(claims, refs, k, pol.MaxShare) {
		a, b := refs[c.a], refs[c.b]
		sameT, relT := opt.Same, opt.Related+pol.BaseRelatedShift
		if aff[a.Doc][b.Doc] >= pol.RelaxAt {
			// The reports themselves say one event: weaker claim
			// evidence suffices.
			sameT, relT = opt.Same+pol.SameShift, opt.Related+pol.RelatedShift
		}
		if group[a.Doc] != group[b.Doc] {
			sameT, relT = max(pol.CrossSame, opt.Same), 2
		}
		r := Compare(claims[c.a], claims[c.b])
		switch r.LevelAt(sameT, relT) {
		case LevelSame:
			same = append(same, edge{a, b, r})
		case LevelRelated:
			related = append(related, edge{a, b, r})
		}
	}
	sort.SliceStable(same, func(x, y int) bool { return same[x].r.Paraphrase > same[y].r.Paraphrase })

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
	for _, e := range same {
		ra, rb := find(index[e.a]), find(index[e.b])
		if ra == rb {
			continue
		}
		if sharesDoc(refs, members[ra], members[rb]) {
			// Same claim, but a row holds one claim per report: keep the
			// pair as a link rather than lose it.
			related = append(related, e)
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
	sort.SliceStable(related, func(x, y int) bool {
		a, b := related[x], related[y]
		if a.a != b.a {
			return a.a.Doc < b.a.Doc || a.a.Doc == b.a.Doc && a.a.Claim < b.a.Claim
		}
		return a.b.Doc < b.b.Doc || a.b.Doc == b.b.Doc && a.b.Claim < b.b.Claim
	})
	for _, e := range related {
		if find(index[e.a]) != find(index[e.b]) {
			rows = append(rows, Row{Claims: []Ref{e.a, e.b}, Level: LevelRelated, Score: e.r.Score})
		}
	}
	return rows
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
	var anchorOf func(i int, seen map[int]bool) int
	anchorOf = func(i int, seen map[int]bool) int {
		for _, c := range rows[i].Claims {
			if c.Doc == base {
				return c.Claim
			}
		}
		if seen[i] {
			return -1
		}
		seen[i] = true
		first := rows[i].Claims[0]
		for p := first.Claim - 1; p >= 0; p-- {
			if j, ok := rowOf[Ref{first.Doc, p}]; ok && j != i {
				return anchorOf(j, seen)
			}
		}
		return -1
	}
	for i, r := range rows {
		k := key{anchor: anchorOf(i, map[int]bool{}), depth: 1, doc: r.Claims[0].Doc, claim: r.Claims[0].Claim}
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
