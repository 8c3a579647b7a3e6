package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"parallax/app/compare"
	"parallax/app/sheet"
)

// TestHighlightMarkup pins what the highlight widget draws for each kind of
// run: plain words, words only this report has, changed words after the
// reference's struck-through ones, a missing word, and a flagged number
// with its badge; and that a narrow cell wraps at word boundaries. The
// markup golden files under testdata/highlight show every text object and
// rectangle with its position and colour.
func TestHighlightMarkup(t *testing.T) {
	test.NewTempApp(t)
	runs := []sheet.Run{
		{Run: compare.Run{Text: "The ferry ", Kind: compare.Same}},
		{Run: compare.Run{Text: "sank", Kind: compare.Was, At: -1}},
		{Run: compare.Run{Text: "capsized", Kind: compare.Changed}},
		{Run: compare.Run{Text: " with ", Kind: compare.Same}},
		{Run: compare.Run{Text: "15", Kind: compare.Changed}, Flag: 1},
		{Run: compare.Run{Text: " dead ", Kind: compare.Same}},
		{Run: compare.Run{Text: "on board", Kind: compare.Added}},
		{Run: compare.Run{Text: " ", Kind: compare.Same, At: -1}},
		{Run: compare.Run{Text: "Tuesday", Kind: compare.Missing, At: -1}},
		{Run: compare.Run{Text: ".", Kind: compare.Same}},
	}
	for _, tc := range []struct {
		name  string
		width float32
	}{{"wide", 600}, {"narrow", 150}} {
		t.Run(tc.name, func(t *testing.T) {
			m := newMeasurer(theme.TextSize())
			h := newHighlight(m)
			ps := m.pieces(runs)
			h.set(ps, nil, nil)
			w := test.NewWindow(h)
			defer w.Close()
			w.SetPadded(false)
			w.Resize(fyne.NewSize(tc.width, m.height(ps, tc.width)))
			test.AssertRendersToMarkup(t, "highlight/"+tc.name+".xml", w.Canvas())
		})
	}
}

// TestHighlightCue pins how a transcript's claim is drawn: its time and
// speaker first, in the placeholder colour, then the claim's words.
func TestHighlightCue(t *testing.T) {
	test.NewTempApp(t)
	m := newMeasurer(theme.TextSize())
	ps := append(m.cuePieces("00:12:04", "Anna Smith"), m.pieces([]sheet.Run{
		{Run: compare.Run{Text: "The tide was ", Kind: compare.Same}},
		{Run: compare.Run{Text: "lower", Kind: compare.Changed}},
		{Run: compare.Run{Text: " than forecast.", Kind: compare.Same}},
	})...)
	if ps[0].text != "[00:12:04]" || ps[2].text != "Smith:" || ps[0].kind != cueKind {
		t.Fatalf("cue pieces %+v", ps[:3])
	}
	if len(m.cuePieces("", "Anna")) != 0 {
		t.Error("a claim without a time has cue pieces")
	}
	h := newHighlight(m)
	h.set(ps, nil, nil)
	w := test.NewWindow(h)
	defer w.Close()
	w.SetPadded(false)
	w.Resize(fyne.NewSize(600, m.height(ps, 600)))
	test.AssertRendersToMarkup(t, "highlight/cue.xml", w.Canvas())
}

// TestWrap checks the arithmetic the row heights rest on.
func TestWrap(t *testing.T) {
	ps := func(ws ...float32) []piece {
		out := make([]piece, len(ws))
		for i, w := range ws {
			out[i] = piece{w: w, space: 5}
		}
		out[len(out)-1].space = 0
		return out
	}
	for _, tc := range []struct {
		name  string
		ps    []piece
		width float32
		want  []int
	}{
		{"fits", ps(10, 10, 10), 100, []int{0}},
		{"breaks", ps(40, 40, 40), 90, []int{0, 2}},
		{"word wider than the cell", ps(10, 200, 10), 50, []int{0, 1, 2}},
		{"glued pieces stay together", []piece{{w: 30, space: 5}, {w: 30}, {w: 10, space: 0}}, 60, []int{0, 1}},
		{"empty", nil, 100, nil},
	} {
		got := wrap(tc.ps, tc.width)
		if len(got) != len(tc.want) {
			t.Errorf("%s: lines start at %v, want %v", tc.name, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s: lines start at %v, want %v", tc.name, got, tc.want)
			}
		}
	}
}
