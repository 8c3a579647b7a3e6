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
	} {
		var b strings.Builder
		for _, r := range Runs(tc.ref, tc.text) {
			if r.At >= 0 && (r.At+len(r.Text) > len(tc.text) || tc.text[r.At:r.At+len(r.Text)] != r.Text) {
				t.Errorf("Runs(%q, %q): run %q says it is at %d", tc.ref, tc.text, r.Text, r.At)
			}
			switch r.Kind {
			case Same:
				b.WriteString(r.Text)
			case Missing, Was:
				b.WriteString("[-" + r.Text + "-]")
			default:
				b.WriteString("{+" + r.Text + "+}")
			}
		}
		if b.String() != tc.want {
			t.Errorf("Runs(%q, %q) = %q, want %q", tc.ref, tc.text, b.String(), tc.want)
		}
	}
}
