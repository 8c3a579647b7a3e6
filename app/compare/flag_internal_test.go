package compare

import (
	"testing"

	"parallax/app"
)

// TestMergeFlags: pair flags that mark the same words of a claim are one
// flag, numbered where its first pair flag was found, even when the pair
// that joins two groups comes last.
func TestMergeFlags(t *testing.T) {
	sp := func(s int) app.Span { return app.Span{Start: s, End: s + 2} }
	num := func(a, b, sa, sb int) pairFlag {
		return pairFlag{app.Flag{Kind: app.FlagNumber, Detail: "x", A: sp(sa), B: sp(sb)}, a, b}
	}
	found := []pairFlag{
		num(0, 1, 10, 20), // claim 0 vs 1
		{app.Flag{Kind: app.FlagDate, Detail: "d", A: sp(40), B: sp(50)}, 0, 1},
		num(2, 3, 30, 60), // claims 2 vs 3: a group of its own so far
		num(1, 2, 20, 30), // joins both number groups through claims 1 and 2
		num(0, 3, 90, 95), // other words: another flag
	}
	got := mergeFlags(found, func(int) string { return "" })
	if len(got) != 3 || got[0].Kind != app.FlagNumber || got[1].Kind != app.FlagDate || got[2].Kind != app.FlagNumber {
		t.Fatalf("merged into %+v", got)
	}
	// 0 vs 1, 1 vs 2, 2 vs 3 flagged; 0 and 2 not, nor 1 and 3: two sides.
	if s := got[0].Sides; len(s) != 2 || len(s[0].Claims) != 2 || s[0].Claims[0] != 0 || s[0].Claims[1] != 2 ||
		len(s[1].Claims) != 2 || s[1].Claims[0] != 1 || s[1].Claims[1] != 3 {
		t.Errorf("sides %+v", s)
	}
	if sp, ok := got[0].In(3); !ok || sp != (app.Span{Start: 60, End: 62}) {
		t.Errorf("claim 3 marked at %v %v", sp, ok)
	}
}
