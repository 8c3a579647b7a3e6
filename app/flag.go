package app

// FlagKind names a typed discrepancy inside a row. The names are part of the
// command-line contract (`"flags":[{"kind":"number",...}]`) and of exports.
type FlagKind string

// The kinds of discrepancy Parallax flags, from DESIGN.md's vocabulary.
const (
	FlagNumber      FlagKind = "number"      // 12 dead vs 15 dead; "hundreds" vs "tens of thousands"
	FlagName        FlagKind = "name"        // a spelling variant (Deraa/Daraa) or a different name
	FlagDate        FlagKind = "date"        // Tuesday vs Wednesday; 10 August vs 11 August
	FlagNegation    FlagKind = "negation"    // one claim negates what the other asserts
	FlagAttribution FlagKind = "attribution" // said vs according to vs claimed; who says it
	FlagHedge       FlagKind = "hedge"       // may, could, reportedly vs a plain assertion
)

// Span is a byte range [Start, End) of one report's text.
type Span struct {
	Start, End int
}

// Flag is one typed discrepancy between two claims of a row, as the flag
// rules find it (flags.Between): what it is, a sentence for the editor, and
// where it sits in each claim, so the window can mark both places and an
// export can quote them. A row compares every pair of its claims and merges
// the pairs' flags into its own (compare.Flag).
type Flag struct {
	Kind FlagKind
	// Detail explains the discrepancy in words, quoting both sides
	// ("12 dead vs 15 dead").
	Detail string
	// A and B are the spans in the first and in the second claim's report
	// (Between's a and b); an empty span means the side has no words for it
	// (a claim stated as fact against one attributed).
	A, B Span
}
