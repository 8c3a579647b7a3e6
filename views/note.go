package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// note is small secondary text (an outlet and date under a title, a count
// above a list). A Label of LowImportance would be drawn in the theme's
// disabled colour, which is nearly invisible on the dark theme; the
// placeholder colour reads as secondary and stays legible on both.
type note struct {
	*widget.RichText
	seg *widget.TextSegment
}

func newNote(text string) *note {
	seg := &widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  theme.SizeNameCaptionText,
		Inline:    true,
	}}
	return &note{RichText: widget.NewRichText(seg), seg: seg}
}

// SetText replaces the text and redraws.
func (n *note) SetText(s string) {
	if n.seg.Text == s {
		return
	}
	n.seg.Text = s
	n.Refresh()
}

// Text is the text on show.
func (n *note) Text() string { return n.seg.Text }

// truncate cuts the note to one line with an ellipsis.
func (n *note) truncate() *note {
	n.Truncation = fyne.TextTruncateEllipsis
	return n
}

// wrap wraps the note at word boundaries.
func (n *note) wrap() *note {
	n.Wrapping = fyne.TextWrapWord
	return n
}
