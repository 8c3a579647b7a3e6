package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/app/compare"
)

// monoFlow is a flow on A4 whose font gives every character 2 mm, so that
// a test can count where lines break: the column is 174 mm, 87 characters.
func monoFlow() *flow {
	return newFlow(papers["a4"], func(_ face, _ float64, s string) float64 { return 2 * float64(utf8.RuneCountInString(s)) })
}

// texts returns each line's text: its text ops joined, with a space where
// one op starts right of where the one before ended (monoFlow's widths).
func texts(lines []line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		end := -1.0
		for _, o := range l.ops {
			if o.kind == opText {
				if end >= 0 && o.x > end+1e-9 {
					b.WriteString(" ")
				}
				b.WriteString(o.text)
				end = o.x + 2*float64(utf8.RuneCountInString(o.text))
			}
		}
		out = append(out, b.String())
	}
	return out
}

func TestWrap(t *testing.T) {
	body := style{size: 10}
	added := style{size: 10, mark: compare.Added}
	long := strings.Repeat("x", 200)
	cases := []struct {
		name  string
		spans []span
		want  []string
	}{
		{"empty", nil, nil},
		{"white space only", []span{{" \n\t ", body}}, nil},
		{"one line, spaces folded", []span{{"  a  b\n c ", body}}, []string{"a b c"}},
		{"break at a space", []span{{strings.Repeat("abcd ", 20), body}}, []string{
			strings.TrimSpace(strings.Repeat("abcd ", 17)), strings.TrimSpace(strings.Repeat("abcd ", 3))}},
		{"a word wider than the column", []span{{"a " + long, body}}, []string{"a", long[:87], long[87:174], long[174:]}},
		{"a word of two styles stays whole", []span{{"15", added}, {", police", body}}, []string{"15, police"}},
		{"was and changed stand apart", []span{{"12", style{size: 10, mark: compare.Was}}, {"15", style{size: 10, mark: compare.Changed}}},
			[]string{"12 15"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := monoFlow()
			lines := f.wrap(f.left(), tc.spans...)
			got := texts(lines)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("lines %q, want %q", got, tc.want)
			}
			for _, l := range lines {
				for _, o := range l.ops {
					if o.kind == opText && o.x+2*float64(utf8.RuneCountInString(o.text)) > f.left()+f.width()+1e-9 {
						t.Errorf("%q ends past the margin", o.text)
					}
				}
			}
		})
	}
}

// TestWrapHighlight checks that a highlight covers its words and the space
// between them, and not the space before or after.
func TestWrapHighlight(t *testing.T) {
	f := monoFlow()
	body := style{size: 10}
	added := style{size: 10, mark: compare.Added}
	lines := f.wrap(f.left(), span{"was ", body}, span{"not at all", added}, span{" there", body})
	var fills []op
	for _, o := range lines[0].ops {
		if o.kind == opFill {
			fills = append(fills, o)
		}
	}
	// "was " is 8 mm; "not at all" 20 mm; the fill reaches 0.3 mm past each end.
	if len(fills) != 1 || fills[0].x != f.left()+8-0.3 || fills[0].w != 20+0.6 || fills[0].color != markFill[compare.Added] {
		t.Errorf("fills %+v", fills)
	}
	if got := texts(lines); len(got) != 1 || got[0] != "was not at all there" {
		t.Errorf("text %q", got)
	}
}

// TestFlowKeep checks that a block that fits on a page is not split, and
// one that does not fit on any page is.
func TestFlowKeep(t *testing.T) {
	f := monoFlow()
	body := f.paper.h - f.paper.top - f.paper.bottom
	f.add(false, line{h: body - 10})
	f.add(true, line{h: 6}, line{h: 6})
	if len(f.pages) != 2 || f.y != f.paper.top+12 {
		t.Errorf("kept block: %d pages, y %.1f", len(f.pages), f.y)
	}
	var tall []line
	for range 100 {
		tall = append(tall, line{h: 6})
	}
	f.add(true, tall...)
	if len(f.pages) != 4 {
		t.Errorf("a block taller than a page: %d pages, want it flowed over 4", len(f.pages))
	}
}

func TestPaperOf(t *testing.T) {
	for in, want := range map[string]string{"": "A4", "A4": "A4", "a4": "A4", " letter ": "Letter", "LETTER": "Letter", "A5": "", "legal": ""} {
		p, err := paperOf(in)
		if p.name != want || (err != nil) != (want == "") {
			t.Errorf("paperOf(%q) = %q, %v", in, p.name, err)
		}
	}
}

func TestMDText(t *testing.T) {
	for in, want := range map[string]string{
		"":                       "",
		"  plain  words ":        "plain words",
		"one\ntwo":               "one\\\n>two",
		"para\n\n \nnext":        "para\n\n>next",
		"- dash\n+ plus\n= eq":   "\\- dash\\\n>\\+ plus\\\n>\\= eq",
		"1. one\n22) two":        "1\\. one\\\n>22\\) two",
		"<b>*x*</b> #tag [link]": "\\<b\\>\\*x\\*\\</b\\> \\#tag \\[link\\]",
		"~~~ fence":              "\\~~~ fence",
	} {
		if got := mdText(in, ">"); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}
