package export

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"parallax/app"
	"parallax/app/compare"
)

// CSV writes m as a spreadsheet (RFC 4180, through encoding/csv): a header
// naming each report, then one line per row with each report's claim text
// in its column (empty where the report does not state it; a transcript's
// claim after its time and speaker, "[00:12:04] Anna: ..."), the row's
// status, flags ("kind: detail", separated by "; "), verdict, notes,
// manual mark, how strong the match is in words ("same claim", "weak
// match", "only Meridian Wire": match) and its score, empty for a claim
// alone, whose 1 would read as a sure match; then one line per orphaned note, with the
// claims it was about in their reports' columns. Claim and note text is
// written as is, line breaks included, since CSV quoting keeps it intact,
// except that a cell a spreadsheet would take for a formula is made inert
// (spreadsheetSafe) unless opt.RawCSV. opt.BOM starts the file with a UTF-8
// byte order mark.
func CSV(w io.Writer, m *Memo, opt Options) error {
	c := m.C
	if opt.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	line := func(claims []string, cells ...string) {
		rec := append(claims, cells...)
		if !opt.RawCSV {
			for i, cell := range rec {
				rec[i] = spreadsheetSafe(cell)
			}
		}
		cw.Write(rec)
	}
	head := make([]string, len(c.Docs))
	for d := range c.Docs {
		head[d] = label(c, d)
	}
	line(head, "status", "flags", "verdict", "note", "manual", "match", "match score")
	for i := range c.Rows {
		if !m.keep(i) {
			continue
		}
		r := &c.Rows[i]
		claims := make([]string, len(c.Docs))
		for _, ref := range r.Claims {
			d := &c.Docs[ref.Doc]
			claims[ref.Doc] = withCue(cueLabel(d, ref.Claim), d.ClaimText(ref.Claim))
		}
		fl := make([]string, len(r.Flags))
		for k := range r.Flags {
			f := &r.Flags[k]
			fl[k] = string(f.Kind) + ": " + f.Detail + " (" + r.Who(f, func(d int) string { return label(c, d) }) + ")"
		}
		manual := ""
		if m.manual(i) {
			manual = "manual"
		}
		score := ""
		if r.Strength() != compare.StrengthAlone {
			score = strconv.FormatFloat(r.Score, 'f', 2, 64)
		}
		line(claims, c.Status(i).String(), strings.Join(fl, "; "), string(m.Verdict(i)), csvNotes(m.notes(i)...),
			manual, match(c, r), score)
	}
	for _, on := range m.orphans() {
		claims := make([]string, len(c.Docs))
		for _, a := range on.Note.Anchors {
			if d := m.docOf(a.Report); d >= 0 {
				claims[d] = a.Text
			}
		}
		line(claims, "orphaned note", "", string(on.Note.Verdict.Or()), csvNotes(on.Note), "", "", "")
	}
	cw.Flush()
	return cw.Error()
}

// lineEnds turns CR LF and lone CR line ends into LF: encoding/csv reads a
// CR LF inside a field as LF, so only LF survives a round trip.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// csvNotes is the note cell: the row's own note's text as written (its
// verdict has a column of its own, line ends made LF), then any further
// note with its lead, a blank line between them.
func csvNotes(notes ...app.Note) string {
	var parts []string
	for _, n := range noteLines(notes) {
		if n.Own {
			parts = append(parts, n.Text)
		} else {
			parts = append(parts, n.Lead+" "+n.Text)
		}
	}
	return lineEnds.Replace(strings.Join(parts, "\n\n"))
}

// spreadsheetSafe is cell as a spreadsheet shows it without running it: a
// cell that begins with "=", "+", "-", "@", a tab, a carriage return or a
// line feed (which a CR becomes in our cells) gets a leading "'", as
// OWASP's guide to CSV injection recommends, because Excel, LibreOffice
// and Google Sheets evaluate such a cell as a formula (`=HYPERLINK(...)`
// leaks data, `=cmd|' /C calc'!A0` runs a program). The quote shows in the
// cell, but the text after it is the report's own. Other cells are
// returned unchanged; quoting commas, quotes and line breaks is
// encoding/csv's part.
func spreadsheetSafe(cell string) string {
	if cell != "" && strings.IndexByte("=+-@\t\r\n", cell[0]) >= 0 {
		return "'" + cell
	}
	return cell
}
