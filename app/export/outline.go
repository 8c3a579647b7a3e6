package export

import (
	"fmt"
	"strings"

	"parallax/app"
	"parallax/app/align"
	"parallax/app/compare"
	"parallax/app/nouns"
)

// row is one row of a comparison as an export writes it: its claims marked
// against the row's reference, its flags and the editor's notes. Every
// writer reads rows through Memo.row, so all formats agree on what a row
// says.
type row struct {
	I      int // index in C.Rows
	Claims []claim
	Flags  []flag
	Notes  []app.Note
	Manual bool
}

// claim is one claim of a row with its differences from the reference.
type claim struct {
	Doc  int
	Ref  bool // the row's reference claim, in a row of two or more
	Runs []Run
	// Cue is the claim's time and speaker in a transcript (cueLabel).
	Cue string
}

// cueLabel is what a memo writes before claim i of a transcript: the start
// time of the cue the claim begins in and its speaker when the subtitles
// name one, "[00:12:04]" or "[00:12:04] Anna Smith:", so the editor can
// find the moment in the broadcast. It is "" for reports without cues.
func cueLabel(d *compare.Doc, i int) string {
	cue, ok := d.ClaimCue(i)
	if !ok {
		return ""
	}
	s := "[" + app.Timestamp(cue.Start) + "]"
	if sp := oneLine(cue.Speaker); sp != "" {
		s += " " + sp + ":"
	}
	return s
}

// withCue is a claim's text after its cue label, when it has one.
func withCue(cue, text string) string {
	if cue == "" {
		return text
	}
	return cue + " " + text
}

// flag is one flag of a row; Against names the reports on each of its
// sides, in the order Detail quotes them ("[1] AP, [3] Reuters vs [2] BBC").
type flag struct{ Kind, Against, Detail string }

// row returns row i of m.
func (m *Memo) row(i int) row {
	c := m.C
	r := &c.Rows[i]
	out := row{I: i, Claims: make([]claim, len(r.Claims)), Notes: m.notes(i), Manual: m.manual(i)}
	for k, ref := range r.Claims {
		out.Claims[k] = claim{ref.Doc, len(r.Claims) > 1 && k == r.Ref, c.ClaimRuns(r, k),
			cueLabel(&c.Docs[ref.Doc], ref.Claim)}
	}
	for k := range r.Flags {
		f := &r.Flags[k]
		out.Flags = append(out.Flags, flag{string(f.Kind), r.Who(f, func(d int) string { return label(c, d) }), f.Detail})
	}
	return out
}

// outline is the order of a memo (Markdown, PDF): the claims two or more
// reports state, then the links between rows worth reading, then, report by
// report, what only one report states, and the orphaned notes last.
type outline struct {
	Shared, Links []row
	// Weak counts the links left out: claims of one story that merely
	// touch. The JSON lists them.
	Weak int
	// Single[d] are the rows of report d's single-source claims.
	Single  [][]row
	Orphans []orphan
}

// orphan is an orphaned note with the claims it was written on.
type orphan struct {
	Note app.Note
	// About are the anchored claims: Label names the report (or says it is
	// no longer compared), Text is the claim as it read when anchored.
	About []quote
}

// quote is a claim's text with the label of its report.
type quote struct{ Label, Text string }

// outline sorts m's written rows into a memo's sections.
func (m *Memo) outline() *outline {
	c := m.C
	o := &outline{Single: make([][]row, len(c.Docs))}
	for i := range c.Rows {
		r := &c.Rows[i]
		switch {
		case !m.keep(i):
		case r.Shared():
			o.Shared = append(o.Shared, m.row(i))
		case len(r.Claims) == 1:
			o.Single[r.Claims[0].Doc] = append(o.Single[r.Claims[0].Doc], m.row(i))
		// A memo lists the links worth reading: same-claim links and
		// related claims whose own score says they share details.
		case r.Level == align.LevelRelated && r.Score < align.Related:
			o.Weak++
		default:
			o.Links = append(o.Links, m.row(i))
		}
	}
	o.Orphans = m.orphans()
	return o
}

// orphans returns m's orphaned notes with the claims they were about.
func (m *Memo) orphans() []orphan {
	var out []orphan
	for _, n := range m.Orphans {
		on := orphan{Note: n}
		for _, a := range n.Anchors {
			l := "A report no longer compared"
			if d := m.docOf(a.Report); d >= 0 {
				l = label(m.C, d)
			}
			on.About = append(on.About, quote{l, a.Text})
		}
		out = append(out, on)
	}
	return out
}

// heading is a shared or linked row's heading in a memo, numbered n: "3.
// same claim — flagged: hedge — manual".
func (m *Memo) heading(n int, r row) string {
	h := fmt.Sprintf("%d. %s", n, match(m.C, &m.C.Rows[r.I]))
	var kinds []string
	seen := map[string]bool{}
	for _, f := range r.Flags {
		if !seen[f.Kind] {
			seen[f.Kind] = true
			kinds = append(kinds, f.Kind)
		}
	}
	if len(kinds) > 0 {
		h += " — flagged: " + strings.Join(kinds, ", ")
	}
	if r.Manual {
		h += " — manual"
	}
	return h
}

// match says how strong row r's match is in the words every export uses
// (compare.Row.Strength): "same claim", "related" or "weak match", "only
// Meridian Wire" for a claim no other report states, and ", linking two
// rows" after a link between rows. A reader is never shown a score.
func match(c *compare.Comparison, r *compare.Row) string {
	s := r.Strength().String()
	if s == "" {
		return "only " + name(c, r.Claims[0].Doc)
	}
	if r.Link {
		s += ", linking two rows"
	}
	return s
}

// matchClass names strength s for a style sheet: "same", "related",
// "weak" or "single".
func matchClass(s compare.Strength) string {
	switch s {
	case compare.StrengthSame:
		return "same"
	case compare.StrengthRelated:
		return "related"
	case compare.StrengthWeak:
		return "weak"
	}
	return "single"
}

// strengths are the match words with what each means, as a memo's header
// explains them once, strongest first.
var strengths = []struct {
	S       compare.Strength
	Meaning string
}{
	{compare.StrengthSame, "the reports say the same thing, reworded or not"},
	{compare.StrengthRelated, "the claims share details without being the same"},
	{compare.StrengthWeak, "matched on thin evidence: read both before relying on it"},
}

// strengthLegend is the header sentence that says what the match words
// mean: "How sure each match is: same claim (…), related (…) or weak match
// (…)."
func strengthLegend() string {
	parts := make([]string, len(strengths))
	for k, s := range strengths {
		parts[k] = s.S.String() + " (" + s.Meaning + ")"
	}
	last := len(parts) - 1
	return "How sure each match is: " + strings.Join(parts[:last], ", ") + " or " + parts[last] + "."
}

// counts says what the comparison holds in an editor's words: "32 rows: 13
// claims stated by two or more reports, 5 of them flagged for a
// difference; 19 stated by one report only".
func counts(c *compare.Comparison) string {
	n := c.Counts()
	s := fmt.Sprintf("%s: %s stated by two or more reports", nouns.Count(n.Rows, "row"), nouns.Count(n.Shared, "claim"))
	switch {
	case n.Flagged == 0:
	case n.Shared == 1:
		s += ", flagged for a difference"
	default:
		s += fmt.Sprintf(", %d of them flagged for a difference", n.Flagged)
	}
	return s + fmt.Sprintf("; %d stated by one report only", n.Single)
}

// leftOut says how many weak links between rows a memo leaves out.
func leftOut(weak int) string {
	if weak == 1 {
		return "1 weaker link between claims of the same story is left out here; the JSON export lists it."
	}
	return fmt.Sprintf("%d weaker links between claims of the same story are left out here; the JSON export lists them.", weak)
}

// exported is the header line that says when and by whom the memo was
// exported, "Exported on 16 March 2025 at 09:30 by Anna Berg", or "" when
// opt gives neither. The time is written in its own zone (the exporter's
// clock), as a colleague reads a date on a letter.
func exported(opt Options) string {
	var s string
	if !opt.Exported.IsZero() {
		s = "Exported on " + opt.Exported.Format("2 January 2006 at 15:04")
	}
	if ed := oneLine(opt.Editor); ed != "" {
		if s == "" {
			s = "Exported"
		}
		s += " by " + ed
	}
	return s
}

// noteLine is one note as a memo writes it; Own marks the row's own note,
// whose verdict is the row's.
type noteLine struct {
	Lead, Text string
	Own        bool
	Verdict    app.Verdict
}

// noteLines are a row's notes as a memo writes them, one entry per note:
// the lead ("Verdict: disputed." for the row's own note, "Further note,
// corroborated:" for others) and the note's text as written. A note that
// says nothing is left out (says).
func noteLines(notes []app.Note) []noteLine {
	var out []noteLine
	for k, n := range notes {
		if !says(n) {
			continue
		}
		lead := fmt.Sprintf("Verdict: %s.", n.Verdict.Or())
		if k > 0 {
			lead = fmt.Sprintf("Further note, %s:", n.Verdict.Or())
		}
		out = append(out, noteLine{lead, n.Text, k == 0, n.Verdict.Or()})
	}
	return out
}

// says reports whether a note says anything: a verdict or some text. A note
// that does not is left out of a memo, so a row nobody judged reads as if
// it had no note.
func says(n app.Note) bool {
	return n.Verdict.Or() != app.Unreviewed || strings.TrimSpace(n.Text) != ""
}
