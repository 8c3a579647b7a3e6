package app

import "time"

// Verdict is the editor's judgement of a row. The names are shown to the
// editor, stored in the library, written in every export and accepted by
// `parallax export --only`.
type Verdict string

// The verdicts of DESIGN.md's vocabulary. A row nobody has judged is
// Unreviewed; the empty Verdict reads as Unreviewed too.
const (
	Unreviewed    Verdict = "unreviewed"
	Corroborated  Verdict = "corroborated"
	Disputed      Verdict = "disputed"
	SingleSource  Verdict = "single source"
	NeedsChecking Verdict = "needs checking"
)

// Verdicts lists every verdict in the order a menu offers them.
var Verdicts = []Verdict{Unreviewed, Corroborated, Disputed, SingleSource, NeedsChecking}

// Valid reports whether v is one of Verdicts (or empty, for Unreviewed).
func (v Verdict) Valid() bool {
	if v == "" {
		return true
	}
	for _, w := range Verdicts {
		if v == w {
			return true
		}
	}
	return false
}

// Or returns v, or Unreviewed when v is empty.
func (v Verdict) Or() Verdict {
	if v == "" {
		return Unreviewed
	}
	return v
}

// Anchor ties a note or a fix to one claim by what the claim says rather
// than by where it sits: rows are rebuilt on every alignment (a strictness
// or base change, a report re-imported or edited), so indexes do not last,
// but a claim's words mostly do.
type Anchor struct {
	// Report is the ID of the claim's report.
	Report int64 `json:"report"`
	// Print is the claim's fingerprint: a hash of its folded words, blind
	// to case, accents, quotes and spacing (annotate.Print).
	Print string `json:"print"`
	// Text is the claim's text when anchored, kept so that a claim whose
	// words were edited can still be found by resemblance, and so that an
	// orphaned note can show what it was about.
	Text string `json:"text"`
	// Nth tells claims of one report with the same fingerprint apart (a
	// headline repeated as the lead): 0 for the first.
	Nth int `json:"nth,omitempty"`
}

// Note is the editor's verdict and free text on one row of a comparison,
// anchored to the row's claims.
type Note struct {
	ID         int64
	Comparison int64
	Verdict    Verdict
	Text       string
	// Anchors are the claims of the row the note was written on.
	Anchors []Anchor
	Created time.Time
	Updated time.Time
}

// FixOp is the kind of a manual alignment fix.
type FixOp string

// Manual fixes. Linking two claims the aligner missed and merging two rows
// are both FixLink (the rows holding A and B become one row); unlinking a
// wrong match and splitting a row are both FixSplit (the claims B leave the
// row holding A for a row of their own).
const (
	FixLink  FixOp = "link"
	FixSplit FixOp = "split"
)

// Fix is one manual correction of a comparison's rows, stored and
// re-applied, in order, after every alignment.
type Fix struct {
	ID         int64
	Comparison int64
	Op         FixOp
	A, B       []Anchor
	Created    time.Time
}
