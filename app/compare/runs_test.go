package compare

import (
	"strings"
	"testing"
)

// TestRuns pins the marking the window and every export share, and that a
// run of the claim's own words says where it lies in the claim.
func TestRuns(t *testing.T) {
	for _, tc := range []struct{ ref, text, want string }{
		{"the ferry sank", "the ferry sank", "the ferry sank"},
		{"the ferry sank on Tuesday", "the ferry capsized on Tuesday", "the ferry [-sank-]{+capsized+} on Tuesday"},
		{"the big ferry sank", "the ferry sank", "the [-big-] ferry sank"},
		{"the ferry sank today", "the ferry sank", "the ferry sank [-today-]"},
		{"today the ferry sank", "the ferry sank", "[-today-] the ferry sank"},
		{"the ferry sank", "the old ferry sank.", "the {+old+} ferry sank."},
		// A paraphrase, not an edit: the diff would paint nearly every
		// word, so the words it shares with the reference are marked
		// instead (by stem: "recovered" and "recover"), stop words and
		// the rest left plain.
		{"Divers recovered three more bodies from the lake on Saturday.",
			"On Saturday the navy said it would recover the three bodies it found near the harbour wall.",
			"On <Saturday> the navy said it would <recover> the <three bodies> it found near the harbour wall."},
		// Mostly changed words, but the shared ones in order: still an edit.
		{"Police said the ferry was overloaded.",
			"Police said on Sunday evening that the ferry had been badly overloaded.",
			"Police said {+on Sunday evening that+} the ferry [-was-]{+had been badly+} overloaded."},
	} {
		var b, own strings.Builder
		for _, r := range Runs(tc.ref, tc.text) {
			if r.At >= 0 {
				own.WriteString(r.Text)
			}
			if r.At >= 0 && (r.At+len(r.Text) > len(tc.text) || tc.text[r.At:r.At+len(r.Text)] != r.Text) {
				t.Errorf("Runs(%q, %q): run %q says it is at %d", tc.ref, tc.text, r.Text, r.At)
			}
			switch r.Kind {
			case Same:
				b.WriteString(r.Text)
			case Missing, Was:
				b.WriteString("[-" + r.Text + "-]")
			case Shared:
				b.WriteString("<" + r.Text + ">")
			default:
				b.WriteString("{+" + r.Text + "+}")
			}
		}
		if own.String() != tc.text {
			t.Errorf("Runs(%q, %q): the claim's own runs read %q", tc.ref, tc.text, own.String())
		}
		if b.String() != tc.want {
			t.Errorf("Runs(%q, %q) = %q, want %q", tc.ref, tc.text, b.String(), tc.want)
		}
	}
}
