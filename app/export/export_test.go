package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/app/apptest"
	"parallax/app/compare"
	"parallax/app/export"
	"parallax/assets"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// samples compares the built-in samples read from files, with paths reduced
// to base names so that golden files do not depend on the temp directory.
func samples(t *testing.T) *compare.Comparison {
	t.Helper()
	c, err := compare.Files(context.Background(), apptest.SampleFiles(t), compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range c.Docs {
		c.Docs[i].Path = filepath.Base(c.Docs[i].Path)
	}
	return c
}

// rowWhere returns the index of the first row of c that ok accepts.
func rowWhere(t *testing.T, c *compare.Comparison, ok func(r *compare.Row) bool) int {
	t.Helper()
	for i := range c.Rows {
		if ok(&c.Rows[i]) {
			return i
		}
	}
	t.Fatal("no row as the test needs in the samples")
	return -1
}

// flagged accepts a shared row with a flag of kind k.
func flagged(k app.FlagKind) func(r *compare.Row) bool {
	return func(r *compare.Row) bool {
		for _, f := range r.Flags {
			if f.Kind == k && r.Shared() {
				return true
			}
		}
		return false
	}
}

// stamp is when the test's notes were written.
var stamp = time.Date(2025, 3, 16, 9, 30, 0, 0, time.UTC)

// annotated is the samples with an editor's work on them, placed by hand:
// a summary, a disputed row, a row with two notes marked manual, a
// verdict without text, a noted single-source claim and an orphaned note
// whose claims are in one report still compared and one removed.
func annotated(t *testing.T) *export.Memo {
	c := samples(t)
	for d := range c.Docs {
		c.Docs[d].Report.ID = int64(d + 1)
		c.Docs[d].Report.URL = "https://example.org/report-" + string(rune('a'+d))
	}
	m := &export.Memo{C: c, Name: "MV Lulinda: how many died?", Date: stamp,
		Summary: "Death toll differs: 12 (wire), 15 (Ledger, a day later), \"at least a dozen\" (radio).\n\n" +
			"Captain's name: Mwansa or Mwanza — check with police.",
		Notes: make([][]app.Note, len(c.Rows)), Manual: make([]bool, len(c.Rows))}
	note := func(i int, v app.Verdict, text string) app.Note {
		n := app.Note{Verdict: v, Text: text, Updated: stamp}
		for _, ref := range c.Rows[i].Claims {
			n.Anchors = append(n.Anchors, app.Anchor{Report: int64(ref.Doc + 1), Print: "print", Text: c.Docs[ref.Doc].ClaimText(ref.Claim)})
		}
		return n
	}
	number := rowWhere(t, c, flagged(app.FlagNumber))
	m.Notes[number] = []app.Note{note(number, app.Disputed,
		"The wire says 12, the Ledger 15 a day later;\nthe radio's \"at least a dozen\" fits both.\n- Ask the police for the list.")}
	name := rowWhere(t, c, func(r *compare.Row) bool {
		return flagged(app.FlagName)(r) && strings.Contains(r.Flags[0].Detail, "Mwansa")
	})
	m.Notes[name] = []app.Note{note(name, app.NeedsChecking, "Mwansa or Mwanza? Ask the desk in Kivangu."),
		note(name, app.Corroborated, "Police confirm the captain survived.")}
	m.Manual[name] = true
	hedge := rowWhere(t, c, flagged(app.FlagHedge))
	m.Notes[hedge] = []app.Note{note(hedge, app.Corroborated, "")}
	single := rowWhere(t, c, func(r *compare.Row) bool {
		return len(r.Claims) == 1 && strings.Contains(c.Docs[r.Claims[0].Doc].ClaimText(r.Claims[0].Claim), "inspection")
	})
	m.Notes[single] = []app.Note{note(single, app.SingleSource, "Only the Ledger has the inspection records; ask to see them.")}
	m.Orphans = []app.Note{{Verdict: app.Disputed, Text: "The operator's statement was cut from the wire copy.", Updated: stamp,
		Anchors: []app.Anchor{
			{Report: 1, Print: "gone", Text: "The operator, Tamsara Lake Transport, said it had suspended all sailings."},
			{Report: 9, Print: "removed", Text: "A claim of a report no longer compared."},
		}}}
	return m
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output; run go test ./app/export -update and review the diff", path)
	}
}

// exportedAt is when the test's memos are exported: a fixed time, so the
// goldens never depend on the clock.
var exportedAt = time.Date(2025, 3, 17, 14, 5, 0, 0, time.UTC)

// TestGolden writes the samples as `parallax compare` does (samples.*) and
// with an editor's work on them, exported by a named editor at a given
// time (memo.*), in every format. A PDF's golden is its layout as text
// (LayoutPDF): its bytes are compressed.
func TestGolden(t *testing.T) {
	memos := map[string]*export.Memo{"samples": {C: samples(t)}, "memo": annotated(t)}
	opts := map[string]export.Options{"memo": {Editor: "Anna Berg", Exported: exportedAt}}
	for name, m := range memos {
		opt := opts[name]
		for _, format := range export.Formats {
			t.Run(name+"."+format, func(t *testing.T) {
				if format == "pdf" {
					text, _, err := export.LayoutPDF(m, opt)
					if err != nil {
						t.Fatal(err)
					}
					golden(t, name+".pdf.txt", []byte(text))
					return
				}
				var b bytes.Buffer
				if err := export.Write(&b, format, m, opt); err != nil {
					t.Fatal(err)
				}
				golden(t, name+"."+format, b.Bytes())
			})
		}
	}
}

// TestJSONContract checks the fields and offsets scripts outside the
// project rely on: every claim's start/end are a span of the file's bytes
// holding the claim's text, and every claim is in exactly one "same" row.
func TestJSONContract(t *testing.T) {
	c := samples(t)
	var b bytes.Buffer
	if err := export.Write(&b, "json", &export.Memo{C: c}, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte(`{"documents":`)) {
		t.Errorf("JSON starts %.20q, not with the documents", b.Bytes())
	}
	var out struct {
		Documents []struct {
			Title, Path string
			Claims      []struct {
				Start, End int
				Text       string
			}
		}
		Rows []struct {
			Claims []struct{ Doc, Claim int }
			Level  string
			Link   bool
			Score  float64
			Flags  []struct{ Kind, Detail string }
		}
		Schema int
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Schema != export.JSONSchema || len(out.Rows) != len(c.Rows) {
		t.Errorf("schema %d, %d rows of %d", out.Schema, len(out.Rows), len(c.Rows))
	}
	files := assets.Samples()
	inRow := map[[2]int]int{}
	for _, r := range out.Rows {
		if r.Level != "same" && r.Level != "related" || r.Score < 0 || r.Score > 1 || r.Flags == nil {
			t.Errorf("row %+v", r)
		}
		for _, ref := range r.Claims {
			if !r.Link {
				inRow[[2]int{ref.Doc, ref.Claim}]++
			}
		}
	}
	for d, doc := range out.Documents {
		if doc.Path != files[d].File {
			t.Errorf("doc %d: title %q path %q", d, doc.Title, doc.Path)
		}
		for i, cl := range doc.Claims {
			if got := string(files[d].Text[cl.Start:cl.End]); got != cl.Text {
				t.Errorf("doc %d claim %d: bytes %q, text %q", d, i, got, cl.Text)
			}
			if inRow[[2]int{d, i}] != 1 {
				t.Errorf("doc %d claim %d in %d main rows", d, i, inRow[[2]int{d, i}])
			}
		}
	}
	for _, key := range []string{`"documents"`, `"title"`, `"path"`, `"claims"`, `"start"`, `"end"`, `"text"`,
		`"rows"`, `"doc"`, `"claim"`, `"level"`, `"score"`, `"flags"`, `"kind"`, `"detail"`} {
		if !bytes.Contains(b.Bytes(), []byte(key)) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// jsonNote is a note as the JSON export holds it.
type jsonNote struct {
	Verdict app.Verdict
	Text    string
	Anchors []app.Anchor
	Updated time.Time
}

// same reports whether the JSON holds note n as it is.
func (j jsonNote) same(n app.Note) bool {
	if j.Verdict != n.Verdict.Or() || j.Text != n.Text || !j.Updated.Equal(n.Updated) || len(j.Anchors) != len(n.Anchors) {
		return false
	}
	for k := range j.Anchors {
		if j.Anchors[k] != n.Anchors[k] {
			return false
		}
	}
	return true
}

// TestJSONRoundTrip reads every note, verdict, manual mark, the summary and
// the orphans back out of the JSON export.
func TestJSONRoundTrip(t *testing.T) {
	m := annotated(t)
	var b bytes.Buffer
	if err := export.JSON(&b, m, export.Options{}); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Schema              int
		Name, Summary, Date string
		Documents           []struct {
			ID                             int64
			Outlet, Author, Published, URL string
		}
		Rows []struct {
			Status, Verdict string
			Notes           []jsonNote
			Manual          bool
		}
		Orphans []jsonNote
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.Schema != 1 || out.Name != m.Name || out.Summary != m.Summary || out.Date != "2025-03-16T09:30:00Z" {
		t.Errorf("schema %d, name %q, summary %q, date %q", out.Schema, out.Name, out.Summary, out.Date)
	}
	for d, doc := range out.Documents {
		if r := m.C.Docs[d].Report; doc.ID != r.ID || doc.URL != r.URL {
			t.Errorf("document %d: id %d url %q", d, doc.ID, doc.URL)
		}
	}
	if len(out.Rows) != len(m.C.Rows) {
		t.Fatalf("%d rows, want %d", len(out.Rows), len(m.C.Rows))
	}
	noted := 0
	for i, r := range out.Rows {
		if r.Verdict != string(m.Verdict(i)) || r.Manual != m.Manual[i] || r.Status != m.C.Status(i).String() {
			t.Errorf("row %d: verdict %q manual %v status %q", i, r.Verdict, r.Manual, r.Status)
		}
		if len(r.Notes) != len(m.Notes[i]) {
			t.Errorf("row %d: %d notes, want %d", i, len(r.Notes), len(m.Notes[i]))
			continue
		}
		for k, n := range r.Notes {
			if !n.same(m.Notes[i][k]) {
				t.Errorf("row %d note %d: %+v, want %+v", i, k, n, m.Notes[i][k])
			}
			noted++
		}
	}
	if noted != 5 {
		t.Errorf("%d notes read back, want 5", noted)
	}
	if len(out.Orphans) != len(m.Orphans) || !out.Orphans[0].same(m.Orphans[0]) {
		t.Errorf("orphans %+v, want %+v", out.Orphans, m.Orphans)
	}
}

// TestOnly writes a selection: only the rows Only keeps, no links, and the
// selection said in the header.
func TestOnly(t *testing.T) {
	m := annotated(t)
	m.Only = func(i int) bool { return m.Verdict(i) == app.Disputed }
	m.Selection = "disputed rows"
	kept := rowWhere(t, m.C, flagged(app.FlagNumber))
	ref := m.C.Rows[kept].Claims[0]
	keptText := m.C.Docs[ref.Doc].ClaimText(ref.Claim)
	main := 0
	for _, r := range m.C.Rows {
		if !r.Link {
			main++
		}
	}
	out := map[string]string{}
	for _, format := range export.Formats {
		var b bytes.Buffer
		if err := export.Write(&b, format, m, export.Options{}); err != nil {
			t.Fatal(err)
		}
		out[format] = b.String()
	}
	sel := "disputed rows (1 of " + strconv.Itoa(main) + " rows)"
	for _, format := range []string{"md", "html"} {
		if !strings.Contains(out[format], sel) {
			t.Errorf("%s does not say the selection %q", format, sel)
		}
	}
	if strings.Contains(out["md"], "Links between rows") || strings.Contains(out["md"], "Single-source") ||
		strings.Count(out["md"], "\n### ") != 2 { // the row and the orphaned note
		t.Errorf("Markdown writes more than the selection:\n%s", out["md"])
	}
	if n := strings.Count(out["html"], "<tr class="); n != 1 {
		t.Errorf("HTML has %d rows, want 1", n)
	}
	recs, err := csv.NewReader(strings.NewReader(out["csv"])).ReadAll()
	if err != nil || len(recs) != 3 || recs[1][0] != keptText { // header, the row, the orphan
		t.Errorf("CSV: %v, %d records", err, len(recs))
	}
	var js struct {
		Rows      []struct{ Verdict string }
		Selection string
	}
	if err := json.Unmarshal([]byte(out["json"]), &js); err != nil || len(js.Rows) != 1 ||
		js.Rows[0].Verdict != "disputed" || js.Selection != "disputed rows" {
		t.Errorf("JSON: %v, %+v", err, js)
	}
	text, _, err := export.LayoutPDF(m, export.Options{})
	if err != nil || !strings.Contains(text, sel) {
		t.Errorf("PDF layout: %v, selection said: %v", err, strings.Contains(text, sel))
	}
}
