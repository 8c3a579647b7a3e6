package compare

import (
	"fmt"
	"slices"
	"strings"

	"parallax/app"
	"parallax/app/flags"
)

// Flag is one discrepancy of a row: a number, a name, a date, a negation,
// an attribution or a hedge on which the row's claims cannot all be right.
//
// Every pair of the row's claims is compared (flags.Between), not only each
// claim against the reference: "in December" in two reports and "in
// September" in a third is a discrepancy whichever report is the base.
// Found in several pairs (A–B and B–C above), it is still one discrepancy,
// so it is one Flag whose Sides group the claims that agree: "December" (A,
// C) vs "September" (B). An editor reads it once, under one number, and
// every claim it concerns carries that number.
type Flag struct {
	Kind app.FlagKind
	// Detail quotes the sides in the order of Sides: "12 dead vs 15
	// dead", `hedged: "may have sunk" vs "sank"`, or for three sides or
	// more each side's words, `"December" vs "September" vs "October"`.
	Detail string
	// Sides are two or more groups of the row's claims: the claims of a
	// side state the thing alike, those of different sides cannot both be
	// right. The side of the reference claim comes first when the
	// reference takes part; a claim of the row that does not state the
	// thing at all is on no side.
	Sides []FlagSide
}

// FlagSide is the claims of a row that take one side of a Flag.
type FlagSide struct {
	// Claims are indices in Row.Claims, ascending.
	Claims []int
	// Spans[i] is where claim Claims[i] states its side, a span of its
	// report's text; an empty span when the side is the absence of words
	// (a claim stated as fact against one attributed).
	Spans []app.Span
}

// In returns the span of claim k of the row (an index in Row.Claims) that
// f marks, and whether claim k takes part in f at all.
func (f *Flag) In(k int) (app.Span, bool) {
	for _, s := range f.Sides {
		if i := slices.Index(s.Claims, k); i >= 0 {
			return s.Spans[i], true
		}
	}
	return app.Span{}, false
}

// Who names the reports on each side of flag f of row r, in the order
// Detail quotes them: "AP, Reuters vs BBC". name names report d (the
// window and the exports each name reports their own way).
func (r *Row) Who(f *Flag, name func(d int) string) string {
	sides := make([]string, len(f.Sides))
	for i, s := range f.Sides {
		names := make([]string, len(s.Claims))
		for j, k := range s.Claims {
			names[j] = name(r.Claims[k].Doc)
		}
		sides[i] = strings.Join(names, ", ")
	}
	return strings.Join(sides, " vs ")
}

// pairFlag is a discrepancy flags.Between found between claims a and b of
// a row (indices in Row.Claims): Flag.A lies in a's report, Flag.B in b's.
type pairFlag struct {
	app.Flag
	a, b int
}

// flagRow returns the flags of a row of claims (analysed for flags, in the
// row's order) whose reference claim is ref: every pair compared, the
// reference's pairs first, and the same discrepancy found in several pairs
// merged into one Flag (mergeFlags). text(k) is claim k's report text.
func flagRow(claims []*flags.Claim, ref int, text func(k int) string) []Flag {
	var found []pairFlag
	pair := func(a, b int) {
		for _, f := range flags.Between(claims[a], claims[b]) {
			found = append(found, pairFlag{f, a, b})
		}
	}
	for k := range claims {
		if k != ref {
			pair(ref, k)
		}
	}
	for a := range claims {
		for b := a + 1; b < len(claims); b++ {
			if a != ref && b != ref {
				pair(a, b)
			}
		}
	}
	return mergeFlags(found, text)
}

// mergeFlags groups pair flags into row flags. Two pair flags state the
// same discrepancy when they are of one kind and mark overlapping words of
// one claim (or both mark no words of it): B's "September" against A's
// "December" and C's "December" against B's "September". Each group
// becomes a Flag numbered by where its first pair flag was found, so the
// reference's discrepancies come first and a row's flags keep their
// numbers however its claims are drawn.
//
// The claims of a group are then put on sides: in the order of the group's
// first pair (its first claim, then its second, then the rest by row
// order), a claim joins the first side none of whose claims it was flagged
// against, else opens a side. A group of two sides keeps its first pair's
// Detail, which quotes them in that order; one of three or more (December
// vs September vs October) quotes each side's words. text(k) is claim k's
// report text, for those quotes.
func mergeFlags(found []pairFlag, text func(k int) string) []Flag {
	// Union-find over pair flags.
	parent := make([]int, len(found))
	for i := range parent {
		parent[i] = i
	}
	var root func(int) int
	root = func(i int) int {
		if parent[i] != i {
			parent[i] = root(parent[i])
		}
		return parent[i]
	}
	for i := range found {
		for j := range i {
			if found[i].Kind == found[j].Kind && touch(&found[i], &found[j]) {
				// The earliest flag stays the root: it numbers the group.
				a, b := root(i), root(j)
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	var out []Flag
	for i := range found {
		if root(i) != i {
			continue
		}
		var group []*pairFlag
		for j := range found {
			if root(j) == i {
				group = append(group, &found[j])
			}
		}
		out = append(out, sideFlag(group, text))
	}
	return out
}

// touch reports whether pair flags x and y mark the same words of a claim
// they share.
func touch(x, y *pairFlag) bool {
	for _, sx := range x.marks() {
		for _, sy := range y.marks() {
			if sx.k == sy.k && overlaps(sx.span, sy.span) {
				return true
			}
		}
	}
	return false
}

// mark is where a pair flag lies in one claim.
type mark struct {
	k    int
	span app.Span
}

func (f *pairFlag) marks() [2]mark { return [2]mark{{f.a, f.A}, {f.b, f.B}} }

// overlaps reports whether two spans share a byte, or are both empty at
// one place (the absence of words in one claim).
func overlaps(a, b app.Span) bool {
	if a.Start == a.End || b.Start == b.End {
		return a == b
	}
	return a.Start < b.End && b.Start < a.End
}

// sideFlag makes one Flag of a group of pair flags that state one
// discrepancy (see mergeFlags); group[0] is the first found.
func sideFlag(group []*pairFlag, text func(k int) string) Flag {
	first := group[0]
	against := map[[2]int]bool{}
	spans := map[int]app.Span{}
	var order []int
	add := func(k int, sp app.Span) {
		old, ok := spans[k]
		switch {
		case !ok:
			order = append(order, k)
			spans[k] = sp
		case old.Start == old.End:
			spans[k] = sp
		case sp.Start < sp.End:
			spans[k] = app.Span{Start: min(old.Start, sp.Start), End: max(old.End, sp.End)}
		}
	}
	add(first.a, first.A)
	add(first.b, first.B)
	for _, f := range group {
		against[[2]int{f.a, f.b}], against[[2]int{f.b, f.a}] = true, true
		add(f.a, f.A)
		add(f.b, f.B)
	}
	slices.Sort(order[2:])

	var sides []FlagSide
	for _, k := range order {
		joined := false
		for s := range sides {
			if !slices.ContainsFunc(sides[s].Claims, func(o int) bool { return against[[2]int{k, o}] }) {
				sides[s].Claims = append(sides[s].Claims, k)
				joined = true
				break
			}
		}
		if !joined {
			sides = append(sides, FlagSide{Claims: []int{k}})
		}
	}
	for s := range sides {
		slices.Sort(sides[s].Claims)
		for _, k := range sides[s].Claims {
			sides[s].Spans = append(sides[s].Spans, spans[k])
		}
	}
	f := Flag{Kind: first.Kind, Detail: first.Detail, Sides: sides}
	if len(sides) > 2 {
		quotes := make([]string, len(sides))
		for s, side := range sides {
			sp := side.Spans[0]
			quotes[s] = "stated as fact"
			if sp.Start < sp.End {
				quotes[s] = fmt.Sprintf("%q", oneLine(text(side.Claims[0])[sp.Start:sp.End]))
			}
		}
		f.Detail = strings.Join(quotes, " vs ")
	}
	return f
}

// oneLine folds the line breaks and runs of spaces of a quote.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
