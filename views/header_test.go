package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// TestNameMetaLayout: the details follow the name while there is room,
// and are hidden, not drawn over the next column, when the name takes it.
func TestNameMetaLayout(t *testing.T) {
	name := widget.NewLabel("Meridian Wire")
	meta := widget.NewLabel("23 claims")
	meta.Truncation = fyne.TextTruncateEllipsis
	objs := []fyne.CanvasObject{name, meta}
	var l nameMetaLayout
	nameW := name.MinSize().Width
	l.Layout(objs, fyne.NewSize(nameW+200, 30))
	if !meta.Visible() || meta.Position().X < nameW-4 || meta.Size().Width < 150 {
		t.Fatalf("wide column: details shown %v at x %v, %v wide", meta.Visible(), meta.Position().X, meta.Size().Width)
	}
	l.Layout(objs, fyne.NewSize(nameW+minMeta/2, 30))
	if meta.Visible() {
		t.Fatalf("column %v wide for a name of %v: details shown in %v px", nameW+minMeta/2, nameW, meta.Size().Width)
	}
	l.Layout(objs, fyne.NewSize(nameW+200, 30))
	if !meta.Visible() {
		t.Fatal("details stay hidden once the column is wide again")
	}
}
