package ingest

import (
	"fmt"
	"strings"
	"unicode"
)

// The word processor readers (docx.go, odt.go) walk a document's XML and
// collect its text here, as paragraphs in reading order. What they share:
//
//   - A paragraph (a Word w:p, an ODF text:p or text:h) is one block of the
//     report text, blocks separated by a blank line; a line break inside a
//     paragraph stays a single line end. Empty paragraphs are dropped.
//   - A text box or frame anchored in a paragraph is read once, its
//     paragraphs following the paragraph they are anchored in (a floating
//     box has no place inside a sentence).
//   - A table is read row by row. A row whose cells each hold at most one
//     short paragraph (at most shortCell words, not ending a sentence) is a
//     record, such as "Ferry | Departed | 07:15", and becomes one paragraph
//     with its non-empty cells joined by " | ", so it reads as one claim. Any
//     other row (cells of prose, several paragraphs, a nested table: a table
//     used for layout) gives each cell's paragraphs in turn, so sentences are
//     never glued across cells.
//   - Notes follow the body, each of their paragraphs a block; the marks
//     that point to them are left out of the body's sentences.

// shortCell is the most words a table cell may hold to be joined with its
// row's other cells.
const shortCell = 12

// block is one paragraph of a document's text.
type block struct {
	text    string
	heading bool
}

// blockList is a flow of paragraphs: a document's body, a table cell, a
// note, a text box.
type blockList struct {
	list []block
	// carry is a paragraph that runs on into the next one (its mark
	// deleted as a tracked change, a drop cap), and carryBoxes the text
	// boxes anchored in it, which follow the joined paragraph.
	carry      *block
	carryBoxes []block
}

// add appends a paragraph and the text boxes anchored in it; runOn joins
// it to the next paragraph added.
func (l *blockList) add(b block, runOn bool, boxes []block) {
	if l.carry != nil {
		b.text = l.carry.text + b.text
		boxes = append(l.carryBoxes, boxes...)
		l.carry, l.carryBoxes = nil, nil
	}
	if runOn {
		l.carry, l.carryBoxes = &b, boxes
		return
	}
	if strings.TrimSpace(b.text) != "" {
		l.list = append(l.list, b)
	}
	for _, bx := range boxes {
		l.add(bx, false, nil)
	}
}

// addAll appends the finished paragraphs of another flow.
func (l *blockList) addAll(o *blockList) {
	for _, b := range o.done() {
		l.add(b, false, nil)
	}
}

// done returns the flow's paragraphs, a run-on paragraph at its end
// included.
func (l *blockList) done() []block {
	if l.carry != nil {
		b := *l.carry
		l.carry = nil
		l.add(b, false, l.carryBoxes)
	}
	return l.list
}

// paraBuf collects the text of the paragraph being read.
type paraBuf struct {
	b       strings.Builder
	heading bool
	runOn   bool
	// boxes holds the paragraphs of text boxes anchored in this one.
	boxes blockList
	// space is true after collapsible white space (ODF collapses runs of
	// spaces in its XML to one).
	space bool
}

// tableBuf collects a table's cells row by row.
type tableBuf struct {
	rows [][]*blockList
	// stray holds paragraphs found in the table but outside any cell
	// (malformed files), given after the table.
	stray blockList
}

// row starts a table row.
func (t *tableBuf) row() { t.rows = append(t.rows, nil) }

// cell starts a cell in the current row and returns its flow.
func (t *tableBuf) cell() *blockList {
	if len(t.rows) == 0 {
		t.row()
	}
	c := &blockList{}
	t.rows[len(t.rows)-1] = append(t.rows[len(t.rows)-1], c)
	return c
}

// flatten turns the table into paragraphs, as the package comment says.
func (t *tableBuf) flatten(into *blockList) {
	for _, cells := range t.rows {
		record := true
		var texts []string
		for _, c := range cells {
			ps := c.done()
			switch {
			case len(ps) > 1:
				record = false
			case len(ps) == 1:
				s := strings.TrimSpace(ps[0].text)
				if len(strings.Fields(s)) > shortCell || strings.ContainsRune(s, '\n') || endsSentence(s) {
					record = false
				}
				texts = append(texts, s)
			}
		}
		if record {
			into.add(block{text: strings.Join(texts, " | ")}, false, nil)
			continue
		}
		for _, c := range cells {
			into.addAll(c)
		}
	}
	into.addAll(&t.stray)
}

// endsSentence reports whether s ends like a sentence (a full stop, a
// question or exclamation mark, perhaps before a closing quote or bracket).
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’»)]")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "。") || strings.HasSuffix(s, "！") || strings.HasSuffix(s, "？")
}

// flowCtx is where a word processor walker is: the flow paragraphs go to,
// and the paragraph, table and run being read (nil outside one).
type flowCtx struct {
	blocks *blockList
	para   *paraBuf
	table  *tableBuf
	run    *runState
}

// runState is what a Word run's properties say about its text.
type runState struct{ hidden bool }

// walkFunc reads the children of the element just started, up to its end,
// in a context.
type walkFunc func(c flowCtx) error

// paragraph reads a paragraph element into p with walk and adds it, and
// the text boxes anchored in it, to the flow.
func (c flowCtx) paragraph(p *paraBuf, walk walkFunc) error {
	if err := walk(flowCtx{blocks: &p.boxes, para: p}); err != nil {
		return err
	}
	c.blocks.add(block{text: p.b.String(), heading: p.heading}, p.runOn, p.boxes.done())
	return nil
}

// structure is the part a container element plays in a document's
// flow; each reader maps its element names to these.
type structure int

const (
	tableElement structure = iota // a table: its cells' paragraphs flattened
	rowElement                    // a table row
	cellElement                   // a table cell: a flow of its own
	boxElement                    // a text box: its paragraphs follow its anchor
)

// read reads a container element of this structure with walk.
func (c flowCtx) read(s structure, walk walkFunc) error {
	switch s {
	case tableElement:
		tb := &tableBuf{}
		if err := walk(flowCtx{blocks: &tb.stray, table: tb}); err != nil {
			return err
		}
		tb.flatten(c.blocks)
		return nil
	case rowElement:
		if c.table != nil {
			c.table.row()
		}
	case cellElement:
		if c.table != nil {
			return walk(flowCtx{blocks: c.table.cell()})
		}
	case boxElement:
		// Inside a paragraph, c.blocks is that paragraph's boxes.
		return walk(flowCtx{blocks: c.blocks})
	}
	return walk(c)
}

// textBudget bounds the text a document may give (MaxSize), so a small
// file cannot expand into an unbounded report.
type textBudget struct{ used int }

// write appends s to p, dropping characters that must not reach a report:
// controls other than tab and line end (XML 1.0 allows C1 controls and
// DEL), byte order marks and noncharacters, and soft hyphens (U+00AD, as
// LibreOffice stores Word's w:softHyphen), which a reader sees only at a
// line's end and which would split the word for search and comparison.
func (tb *textBudget) write(p *paraBuf, s string) error {
	if tb.used += len(s); tb.used > MaxSize {
		return fmt.Errorf("%w: the document's text is over %d MB", ErrTooLarge, MaxSize>>20)
	}
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F) || r == 0xAD || r == 0xFEFF || r == 0xFFFE || r == 0xFFFF:
			continue
		}
		p.b.WriteRune(r)
	}
	p.space = false
	return nil
}

// render joins a document's flows (the body, then its notes) into the
// report text: each paragraph trimmed, its lines' trailing spaces removed
// and runs of blank lines inside it cut to one, paragraphs separated by a
// blank line. headingFirst is whether the first paragraph is a heading.
func render(flows ...*blockList) (text string, headingFirst bool) {
	var out strings.Builder
	first := true
	for _, f := range flows {
		for _, b := range f.done() {
			s := cleanParagraph(b.text)
			if s == "" {
				continue
			}
			if first {
				headingFirst = b.heading
				first = false
			} else {
				out.WriteString("\n\n")
			}
			out.WriteString(s)
		}
	}
	if out.Len() > 0 {
		out.WriteByte('\n')
	}
	return out.String(), headingFirst
}

// cleanParagraph trims a paragraph and its lines and keeps at most one
// blank line in a row inside it.
func cleanParagraph(s string) string {
	lines := strings.Split(strings.TrimFunc(s, unicode.IsSpace), "\n")
	out := lines[:0]
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" && len(out) > 0 && out[len(out)-1] == "" {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// recoverDamaged turns a panic while reading a document of this kind into
// ErrDamaged: no input may crash the program. Readers defer it with their
// named error result.
func recoverDamaged(err *error, kind string) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: the %s could not be read (%v)", ErrDamaged, kind, r)
	}
}
