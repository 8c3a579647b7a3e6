package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/app"
	"parallax/app/compare"
)

// rowInfo is the details of the selected row beside the notes: its status,
// its flags in words, and the claims of other rows linked to it, each a
// button that goes there. It reads the sheet from the view and moves the
// grid through jumpTo.
type rowInfo struct {
	v      *comparisonView
	jumpTo func(ri int)

	box    *fyne.Container
	scroll *container.Scroll
	// links is how many of the shown row's links are listed: linkPage at
	// first, a page more each time the editor asks for more.
	links int
}

// linkPage is how many links the details list at a time: a claim may keep
// up to 200 links (align's MaxClaimLinks), and the panel beside the notes
// reads a screenful, the strongest first; "Show more" lists the next page.
const linkPage = 8

func newRowInfo(v *comparisonView, jumpTo func(ri int)) *rowInfo {
	return &rowInfo{v: v, jumpTo: jumpTo}
}

// build makes the panel.
func (r *rowInfo) build() fyne.CanvasObject {
	r.box = container.NewVBox()
	r.scroll = container.NewVScroll(container.NewPadded(r.box))
	return r.scroll
}

// show fills the panel for sheet row ri (-1: none selected), from the top
// and with the first page of its links.
func (r *rowInfo) show(ri int) {
	r.links = linkPage
	r.fill(ri)
	r.scroll.ScrollToTop()
}

// fill lays out the panel for sheet row ri, listing r.links of its links.
func (r *rowInfo) fill(ri int) {
	s := r.v.s
	r.box.Objects = nil
	add := func(o fyne.CanvasObject) { r.box.Objects = append(r.box.Objects, o) }
	if s == nil || ri < 0 {
		hint := widget.NewLabel("Select a row to see its flags and the claims related to it. Alt+Down goes to the next difference, Alt+Shift+Down to the next flagged row; Help > Keyboard shortcuts lists them all.")
		hint.Wrapping = fyne.TextWrapWord
		add(hint)
		r.box.Refresh()
		return
	}
	row := &s.Rows[ri]
	crow := &s.C.Rows[row.Index]
	head := widget.NewLabel(strings.Join(nonEmpty(fmt.Sprintf("Row %d", ri+1), row.Status.String(), row.Strength.String(),
		fmt.Sprintf("stated by %d of %d reports", row.Reports, len(s.C.Docs))), " · "))
	head.TextStyle.Bold = true
	head.Wrapping = fyne.TextWrapWord // the panel is narrow beside the notes
	add(head)
	if row.Strength == compare.StrengthWeak {
		weak := caption("A weak match: these claims share little beyond some words. Check that they state the same thing before relying on the row.")
		weak.Wrapping = fyne.TextWrapWord
		add(weak)
	}
	tip := r.flagTip(ri)
	for i := range crow.Flags {
		l := widget.NewLabel(tip(i + 1))
		l.Wrapping = fyne.TextWrapWord
		add(container.NewBorder(nil, nil, flagBadge(i+1), nil, l))
	}
	if len(crow.Flags) == 0 && row.Reports > 1 {
		add(caption("No flags: the reports state this claim without a number, name, date, negation, attribution or hedge that differs."))
	}
	links := s.Links(ri)
	if len(links) > 0 {
		add(caption(fmt.Sprintf("Related claims in other rows (%d):", len(links))))
		for i, l := range links {
			if i == r.links {
				more := widget.NewButton(fmt.Sprintf("Show %d more (%d not listed)", min(linkPage, len(links)-i), len(links)-i), func() {
					r.links += linkPage
					r.fill(ri)
				})
				more.Importance = widget.LowImportance
				add(more)
				break
			}
			// A short button and a truncated label: the panel is narrow
			// beside the notes, and a long line must not widen it.
			b := widget.NewButton(fmt.Sprintf("Row %d", l.Row+1), func() { r.jumpTo(l.Row) })
			b.Importance = widget.LowImportance
			text := widget.NewLabel(fmt.Sprintf("%s · %s", compare.StrengthOf(l.Level, l.Score), r.v.grid.rowSnippet(l.Row)))
			text.Truncation = fyne.TextTruncateEllipsis
			add(container.NewBorder(nil, nil, b, nil, text))
		}
	}
	r.box.Refresh()
}

// flagTip explains row ri's flags for the hover tip and the details.
func (r *rowInfo) flagTip(ri int) func(int) string {
	s := r.v.s
	return func(n int) string {
		row := &s.C.Rows[s.Rows[ri].Index]
		if n < 1 || n > len(row.Flags) {
			return ""
		}
		f := &row.Flags[n-1]
		return fmt.Sprintf("%d. %s: %s (%s)", n, flagKindName(f.Kind), f.Detail,
			row.Who(f, func(d int) string { return s.C.Docs[d].Label() }))
	}
}

// flagKindName is a flag kind in the editor's words.
func flagKindName(k app.FlagKind) string {
	switch k {
	case app.FlagNumber:
		return "Number"
	case app.FlagName:
		return "Name or spelling"
	case app.FlagDate:
		return "Date"
	case app.FlagNegation:
		return "Negation"
	case app.FlagAttribution:
		return "Attribution"
	case app.FlagHedge:
		return "Hedge"
	}
	return string(k)
}

// flagBadge is a flag's number as the cells draw it.
func flagBadge(n int) fyne.CanvasObject {
	bg := canvas.NewRectangle(themeColor(colorFlag))
	bg.CornerRadius = 4
	t := canvas.NewText(fmt.Sprint(n), themeColor(theme.ColorNameBackground))
	t.TextStyle.Bold = true
	t.Alignment = fyne.TextAlignCenter
	bg.SetMinSize(fyne.NewSize(20, 18))
	return container.NewCenter(container.NewStack(bg, t))
}
