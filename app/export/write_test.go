package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"parallax/app/export"
)

func TestWriteFormats(t *testing.T) {
	m := annotated(t)
	for _, f := range export.Formats {
		if n := export.FormatName(f); n == "" || n == f && f != "json" {
			t.Errorf("format %s is named %q", f, n)
		}
	}
	var b bytes.Buffer
	if err := export.Write(&b, "docx", m, export.Options{}); err == nil || !strings.Contains(err.Error(), "md, html, csv, json, pdf") {
		t.Errorf("unknown format: %v", err)
	}
}

func TestCSVBOM(t *testing.T) {
	m := annotated(t)
	var plain, bom bytes.Buffer
	if err := export.Write(&plain, "csv", m, export.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := export.Write(&bom, "csv", m, export.Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(plain.Bytes(), []byte("\ufeff")) || !bytes.Equal(bom.Bytes(), append([]byte("\ufeff"), plain.Bytes()...)) {
		t.Error("BOM: want it first with the option, and only then")
	}
	recs, err := csv.NewReader(bytes.NewReader(plain.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := strings.Join(recs[0][len(m.C.Docs):], ",")
	if head != "status,flags,verdict,note,manual,match,match score" {
		t.Errorf("header %s", head)
	}
	last := recs[len(recs)-1]
	if last[len(m.C.Docs)] != "orphaned note" || last[len(m.C.Docs)+3] != m.Orphans[0].Text || last[0] != m.Orphans[0].Anchors[0].Text {
		t.Errorf("orphan line %q", last)
	}
}

// TestMatchWordsEverywhere checks that every format says how strong each
// match is in an editor's words and none shows a bare score or the
// engine's internals ("same, score 0.39", "238 links between rows").
func TestMatchWordsEverywhere(t *testing.T) {
	m := annotated(t)
	for _, format := range export.Formats {
		var text string
		if format == "pdf" {
			out, _, err := export.LayoutPDF(m, export.Options{})
			if err != nil {
				t.Fatal(err)
			}
			text = out
		} else {
			var b bytes.Buffer
			if err := export.Write(&b, format, m, export.Options{}); err != nil {
				t.Fatal(err)
			}
			text = b.String()
		}
		// The memos explain the words once in their header, then use them.
		rows := 1
		if format == "md" || format == "html" || format == "pdf" {
			rows = 2
		}
		for _, want := range []string{"same claim", "weak match"} {
			if strings.Count(text, want) < rows {
				t.Errorf("%s does not say %q of a row", format, want)
			}
		}
		for _, bad := range []string{"score 0.", "links between rows.", "1. single", "single 1.00"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s says %q", format, bad)
			}
		}
	}
}

// TestExportedHeader checks the memo formats' header line: when and by
// whom the memo was exported, taken from the options and never from the
// clock, so without them the bytes do not change from run to run.
func TestExportedHeader(t *testing.T) {
	at := time.Date(2025, 3, 17, 14, 5, 0, 0, time.FixedZone("CET", 3600))
	for _, tc := range []struct {
		opt  export.Options
		want string
	}{
		{export.Options{Editor: "Anna Berg", Exported: at}, "Exported on 17 March 2025 at 14:05 by Anna Berg."},
		{export.Options{Exported: at}, "Exported on 17 March 2025 at 14:05."},
		{export.Options{Editor: " Anna\nBerg "}, "Exported by Anna Berg."},
		{export.Options{}, ""},
	} {
		for _, format := range []string{"md", "html", "pdf"} {
			var text string
			if format == "pdf" {
				out, _, err := export.LayoutPDF(annotated(t), tc.opt)
				if err != nil {
					t.Fatal(err)
				}
				text = out
			} else {
				var b bytes.Buffer
				if err := export.Write(&b, format, annotated(t), tc.opt); err != nil {
					t.Fatal(err)
				}
				text = b.String()
			}
			if tc.want == "" && strings.Contains(text, "Exported") || tc.want != "" && !strings.Contains(text, tc.want) {
				t.Errorf("%s with %+v: want %q in the header", format, tc.opt, tc.want)
			}
		}
	}
	var b bytes.Buffer
	if err := export.Write(&b, "json", annotated(t), export.Options{Editor: "Anna Berg", Exported: at}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"editor":"Anna Berg"`) || strings.Contains(b.String(), "2025-03-17") {
		t.Errorf("JSON: want the editor and no export date")
	}
}
