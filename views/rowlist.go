package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// rowList is the grid's list of rows: a widget.List that also answers
// Enter, which unfolds a folded run of single-source rows (or folds the
// run of the selected row again), as Enter opens a fold in a diff tool.
type rowList struct {
	widget.List
	// onEnter acts on Enter and reports whether it did something.
	onEnter func() bool
}

func newRowList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject), onEnter func() bool) *rowList {
	l := &rowList{List: widget.List{Length: length, CreateItem: create, UpdateItem: update}, onEnter: onEnter}
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey takes Enter; the list moves its focus on the other keys.
func (l *rowList) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && l.onEnter != nil && l.onEnter() {
		return
	}
	l.List.TypedKey(k)
}
