package compare

import "parallax/app/align"

// Strength is how far an editor can trust a row's match, in the words the
// window, the details and every export use ("same claim", "related",
// "weak match") instead of a score: a score of 0.37 means nothing to a
// reader, and a weak match must not look like a fact.
type Strength uint8

// Strengths, from a claim alone to the surest match.
const (
	// StrengthAlone: one claim, no other report states it.
	StrengthAlone Strength = iota
	// StrengthWeak: linked as the same claim, but on thin evidence.
	StrengthWeak
	// StrengthRelated: the claims overlap (share details) without being the same.
	StrengthRelated
	// StrengthSame: the reports state the same claim, reworded or not.
	StrengthSame
)

// WeakBelow is the row score under which a "same" row is only a weak match.
const WeakBelow = 0.45

// Strength grades the row.
func (r *Row) Strength() Strength {
	if len(r.Claims) < 2 {
		return StrengthAlone
	}
	return StrengthOf(r.Level, r.Score)
}

// StrengthOf grades a match of two or more claims at level with score:
// a row's, or a link between rows, so the details name a link as the
// exports name the row it would make.
func StrengthOf(level align.Level, score float64) Strength {
	switch {
	case level == align.LevelRelated:
		return StrengthRelated
	case score < WeakBelow:
		return StrengthWeak
	}
	return StrengthSame
}

// String is the strength in an editor's words; empty for a claim alone.
func (s Strength) String() string {
	switch s {
	case StrengthSame:
		return "same claim"
	case StrengthRelated:
		return "related"
	case StrengthWeak:
		return "weak match"
	}
	return ""
}
