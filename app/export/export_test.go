package export_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

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

var writers = map[string]func(*bytes.Buffer, *compare.Comparison) error{
	"json": func(b *bytes.Buffer, c *compare.Comparison) error { return export.JSON(b, c) },
	"md":   func(b *bytes.Buffer, c *compare.Comparison) error { return export.Markdown(b, c) },
	"csv":  func(b *bytes.Buffer, c *compare.Comparison) error { return export.CSV(b, c) },
	"html": func(b *bytes.Buffer, c *compare.Comparison) error { return export.HTML(b, c) },
}

func TestGolden(t *testing.T) {
	c := samples(t)
	for ext, write := range writers {
		t.Run(ext, func(t *testing.T) {
			var b bytes.Buffer
			if err := write(&b, c); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "samples."+ext)
			if *update {
				if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the output; run go test ./app/export -update and review the diff", path)
			}
		})
	}
}

// TestJSONContract checks the fields and offsets scripts outside the
// project rely on: every claim's start/end are a span of the file's bytes
// holding the claim's text, and every claim is in exactly one "same" row.
func TestJSONContract(t *testing.T) {
	c := samples(t)
	var b bytes.Buffer
	if err := export.JSON(&b, c); err != nil {
		t.Fatal(err)
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
	}
	if err := json.Unmarshal(b.Bytes(), &out); err != nil {
		t.Fatal(err)
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
		if doc.Title == "" || doc.Path != files[d].File {
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

// hostile is report text that would break a naive writer.
const hostile = "Police said <script>alert(\"x\")</script> 12 people, \"at least\" </td></tr> died, at Kivangu's port.\n" +
	"Second line, with a comma & an ampersand."

func TestHostileText(t *testing.T) {
	reports := []app.Report{
		{Title: "One <b>", FileName: "a.txt", Text: hostile + "\n\nThe ferry sank on Tuesday.\n"},
		{Title: "Two </td>", FileName: "b.txt", Text: strings.Replace(hostile, "12", "15", 1) + "\n\nThe ferry sank on Tuesday.\n"},
	}
	c, err := compare.Texts(context.Background(), reports, compare.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var claims []string
	for _, d := range c.Docs {
		for i := range d.Claims {
			if t := d.ClaimText(i); strings.ContainsAny(t, "<,\"") {
				claims = append(claims, t)
			}
		}
	}
	if len(claims) == 0 {
		t.Fatal("no claim holds the hostile characters")
	}

	var h bytes.Buffer
	if err := export.HTML(&h, c); err != nil {
		t.Fatal(err)
	}
	page := h.String()
	for _, bad := range []string{"<script", "</td></tr> died", "One <b>", "Two </td>", "src=", "href=", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;") || strings.Count(page, "<td") != strings.Count(page, "</td>") {
		t.Error("HTML does not show the escaped text or its cells are unbalanced")
	}

	var cb bytes.Buffer
	if err := export.CSV(&cb, c); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&cb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cells := map[string]bool{}
	for _, rec := range recs {
		if len(rec) != len(c.Docs)+3 {
			t.Errorf("CSV record of %d fields", len(rec))
		}
		for _, f := range rec {
			cells[f] = true
		}
	}
	var jb bytes.Buffer
	if err := export.JSON(&jb, c); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Documents []struct{ Claims []struct{ Text string } }
	}
	if err := json.Unmarshal(jb.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for _, d := range out.Documents {
		for _, cl := range d.Claims {
			texts[cl.Text] = true
		}
	}
	for _, cl := range claims {
		if !cells[cl] {
			t.Errorf("CSV lost %q", cl)
		}
		if !texts[cl] {
			t.Errorf("JSON lost %q", cl)
		}
	}

	var mb bytes.Buffer
	if err := export.Markdown(&mb, c); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ReplaceAll(mb.String(), `\<`, ""), "<") {
		t.Error("Markdown passes raw HTML through")
	}
}
