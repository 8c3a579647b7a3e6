package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// nameMetaLayout puts a column header's report name and its details
// (title, date, claims) on one line, the name first at its full width (cut
// only when the column is narrower), the details truncated in what is
// left: one line of header rather than two leaves the rows a line more.
// Details with less room than minMeta are hidden: a cut text still draws
// its ellipsis past its width, over the next column's header.
type nameMetaLayout struct{}

// minMeta is the least width the details are shown in.
const minMeta = 48

func (nameMetaLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+b.Width, max(a.Height, b.Height))
}

func (nameMetaLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	nameW := size.Width
	if l, ok := objs[0].(*widget.Label); ok {
		nameW = min(nameW, fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding()+2)
	}
	for i, o := range objs {
		h := o.MinSize().Height
		x, w := float32(0), nameW
		if i == 1 {
			x, w = nameW, max(size.Width-nameW, 0)
			if w < minMeta {
				o.Hide()
				continue
			}
			o.Show()
		}
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
	}
}
