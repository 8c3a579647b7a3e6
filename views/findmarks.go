package views

import (
	"strings"

	"parallax/app/compare"
	"parallax/app/textnorm"
)

// findMarks marks the pieces of a cell that the find query q (sheet.FindQuery)
// covers: every occurrence, a phrase across words, a part of a word (the
// whole word is boxed). Only the claim's own words are searched, as the
// sheet's find does: not the base's struck-through words, the flag
// numbers or a transcript's time. Returns nil when nothing matches.
func findMarks(ps []piece, q string) []bool {
	if q == "" || len(ps) == 0 {
		return nil
	}
	var b strings.Builder
	starts, ends := make([]int, len(ps)), make([]int, len(ps))
	gap := false
	for i, pc := range ps {
		starts[i], ends[i] = -1, -1
		if pc.kind == badgeKind || pc.kind == cueKind || pc.kind == compare.Missing || pc.kind == compare.Was {
			gap = gap || pc.space > 0 || pc.kind != badgeKind
			continue
		}
		if gap && b.Len() > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(textnorm.Fold(pc.text))
		ends[i] = b.Len()
		gap = pc.space > 0
	}
	text := b.String()
	var marks []bool
	for at := 0; at <= len(text); {
		k := strings.Index(text[at:], q)
		if k < 0 {
			break
		}
		from, to := at+k, at+k+len(q)
		for i, s := range starts {
			if s >= 0 && s < to && ends[i] > from {
				if marks == nil {
					marks = make([]bool, len(ps))
				}
				marks[i] = true
			}
		}
		at = from + 1
	}
	return marks
}
