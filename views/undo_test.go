package views

import (
	"fmt"
	"slices"
	"testing"
)

// TestUndoStack runs steps that edit a list of strings: undo and redo walk
// the history both ways, a new step forgets what was undone, and the stack
// keeps at most undoLimit steps.
func TestUndoStack(t *testing.T) {
	var state []string
	var u undoStack
	do := func(s string) {
		state = append(state, s)
		u.push(undoStep{what: s,
			undo: func() { state = state[:len(state)-1] },
			redo: func() { state = append(state, s) }})
	}
	do("a")
	do("b")
	do("c")
	for _, tc := range []struct {
		op   string
		what string
		ok   bool
		want []string
	}{
		{"undo", "c", true, []string{"a", "b"}},
		{"undo", "b", true, []string{"a"}},
		{"redo", "b", true, []string{"a", "b"}},
		{"undo", "b", true, []string{"a"}},
		{"undo", "a", true, nil},
		{"undo", "", false, nil},
		{"redo", "a", true, []string{"a"}},
		{"redo", "b", true, []string{"a", "b"}},
		{"redo", "c", true, []string{"a", "b", "c"}},
		{"redo", "", false, []string{"a", "b", "c"}},
	} {
		var what string
		var ok bool
		if tc.op == "undo" {
			what, ok = u.undo()
		} else {
			what, ok = u.redo()
		}
		if what != tc.what || ok != tc.ok || !slices.Equal(state, tc.want) {
			t.Fatalf("%s: %q %v, state %q; want %q %v, %q", tc.op, what, ok, state, tc.what, tc.ok, tc.want)
		}
	}

	// A new step after an undo forgets the step undone.
	u.undo()
	do("d")
	if _, ok := u.redo(); ok || !slices.Equal(state, []string{"a", "b", "d"}) {
		t.Errorf("redo after a new step: ok %v, state %q", ok, state)
	}

	u.clear()
	state = nil
	for i := range undoLimit + 10 {
		do(fmt.Sprint(i))
	}
	n := 0
	for {
		if _, ok := u.undo(); !ok {
			break
		}
		n++
	}
	if n != undoLimit || len(state) != 10 {
		t.Errorf("undid %d steps of %d, %d left; want %d undone", n, undoLimit+10, len(state), undoLimit)
	}
}
