package app

import (
	"fmt"
	"sort"
	"time"
)

// Cue is one timed stretch of a transcript: from byte Offset of the
// report's text on, the words were spoken from Start, by Speaker when the
// subtitles name one ("MAN:", <v Anna>).
type Cue struct {
	Offset  int
	Start   time.Duration
	Speaker string
}

// CueAt returns the cue that text byte offset lies in: the last cue
// starting at or before it. ok is false for a report without cues, or an
// offset before the first cue.
func (r *Report) CueAt(offset int) (c Cue, ok bool) {
	i := sort.Search(len(r.Cues), func(i int) bool { return r.Cues[i].Offset > offset })
	if i == 0 {
		return Cue{}, false
	}
	return r.Cues[i-1], true
}

// Timestamp writes d as a transcript time, hours always shown ("00:12:04"),
// whole seconds: the form editors quote and players seek to.
func Timestamp(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	return fmt.Sprintf("%02d:%02d:%02d", s/3600, s/60%60, s%60)
}
