package export

import (
	"fmt"
	"strings"
)

// LayoutPDF lays m out as PDF writes it and returns the pages' drawing
// operations as text, one per line, for a golden file a reviewer can read:
// the PDF's own bytes hold compressed streams and a font subset.
func LayoutPDF(m *Memo, opt Options) (string, int, error) {
	p, err := paperOf(opt.Paper)
	if err != nil {
		return "", 0, err
	}
	pdf, err := newFpdf(p, m, opt)
	if err != nil {
		return "", 0, err
	}
	pages := layoutPDF(m, opt, p, measurer(pdf))
	var b strings.Builder
	for i, page := range pages {
		fmt.Fprintf(&b, "page %d (%s)\n", i+1, p.name)
		for _, o := range page {
			color := fmt.Sprintf("#%02x%02x%02x", o.color[0], o.color[1], o.color[2])
			switch o.kind {
			case opText:
				fmt.Fprintf(&b, "text %.2f %.2f %s%g %s %q\n", o.x, o.y, [...]string{"R", "B", "I"}[o.face], o.size, color, o.text)
			case opFill:
				fmt.Fprintf(&b, "fill %.2f %.2f %.2f %.2f %s\n", o.x, o.y, o.w, o.h, color)
			case opLine:
				fmt.Fprintf(&b, "line %.2f %.2f %.2f %.2f %.2f %s\n", o.x, o.y, o.w, o.h, o.size, color)
			}
		}
	}
	return b.String(), len(pages), nil
}
