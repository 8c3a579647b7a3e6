package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
)

// comparisonsPane lists the saved comparisons above the reports in the
// sidebar; choosing one opens it as it was left.
type comparisonsPane struct {
	m       *Main
	list    *widget.List
	heading *note
	empty   *fyne.Container
	all     []app.Comparison
	// selected is the open comparison's ID, 0 for none.
	selected int64
}

func newComparisonsPane(m *Main) *comparisonsPane { return &comparisonsPane{m: m} }

func (p *comparisonsPane) build() fyne.CanvasObject {
	p.heading = newNote("Comparisons")
	p.list = widget.NewList(func() int { return len(p.all) }, p.createItem, p.updateItem)
	p.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(p.all) && p.all[id].ID != p.selected {
			p.selected = p.all[id].ID
			p.m.openComparison(p.all[id])
		}
	}
	// Short unwrapped lines: a wrapping label in a narrow sidebar asks for
	// a tall window.
	p.empty = container.NewVBox(newNote("None yet. Tick 2 to 12 reports").truncate().RichText,
		newNote("below and press Compare, or").truncate().RichText,
		newNote("open several files at once.").truncate().RichText)
	return container.NewBorder(container.NewPadded(p.heading.RichText), nil, nil, nil, container.NewStack(p.list, p.empty))
}

func (p *comparisonsPane) createItem() fyne.CanvasObject {
	title := widget.NewLabel("Name")
	title.TextStyle.Bold = true
	title.Truncation = fyne.TextTruncateEllipsis
	meta := newNote("3 reports").truncate()
	return container.New(&rowLayout{}, title, meta.RichText)
}

func (p *comparisonsPane) updateItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id < 0 || id >= len(p.all) {
		return
	}
	c := p.all[id]
	box := o.(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(c.Name)
	meta := box.Objects[1].(*widget.RichText)
	meta.Segments[0].(*widget.TextSegment).Text = fmt.Sprintf("%s · %s", countReports(len(c.Reports)), c.Updated.Local().Format("2 Jan 2006 15:04"))
	meta.Refresh()
}

// set shows the comparisons and selects the one with ID id (0: none).
func (p *comparisonsPane) set(all []app.Comparison, id int64) {
	p.all = all
	p.selected = id
	p.list.UnselectAll()
	p.list.Refresh()
	if len(all) == 0 {
		p.list.Hide()
		p.empty.Show()
		p.heading.SetText("Comparisons")
	} else {
		p.empty.Hide()
		p.list.Show()
		p.heading.SetText(fmt.Sprintf("Comparisons (%d)", len(all)))
	}
	for i, c := range all {
		if c.ID == id {
			p.list.Select(i)
			p.list.ScrollTo(i)
		}
	}
}

// unselect clears the selection when a report is shown instead.
func (p *comparisonsPane) unselect() {
	p.selected = 0
	p.list.UnselectAll()
}
