package workspace

import (
	"parallax/app"
	"parallax/app/worddiff"
)

// moveCues carries a transcript's cues from its old text to its new one
// (the editor corrected a word, a file was re-imported as text) so every
// claim keeps the time and speaker of the words it is made of: each cue's
// offset is mapped through a word diff of the two texts
// (worddiff.MapOffsets). A cue whose words all went starts at the next
// word that stayed; cues that land on the same word keep only the last
// (CueAt would choose it anyway); the first cue keeps covering the start
// of the text when it did. Nil cues stay nil.
func moveCues(old, text string, cues []app.Cue) []app.Cue {
	if len(cues) == 0 {
		return nil
	}
	offs := make([]int, len(cues))
	for i, c := range cues {
		offs[i] = c.Offset
	}
	moved := worddiff.MapOffsets(old, text, offs)
	out := make([]app.Cue, 0, len(cues))
	for i, c := range cues {
		c.Offset = moved[i]
		if i == 0 && cues[0].Offset == 0 {
			c.Offset = 0
		}
		if c.Offset >= len(text) {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Offset >= c.Offset {
			out = out[:n-1]
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
