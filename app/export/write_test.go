package export_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

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
	if head != "status,flags,verdict,note,manual,level,score" {
		t.Errorf("header %s", head)
	}
	last := recs[len(recs)-1]
	if last[len(m.C.Docs)] != "orphaned note" || last[len(m.C.Docs)+3] != m.Orphans[0].Text || last[0] != m.Orphans[0].Anchors[0].Text {
		t.Errorf("orphan line %q", last)
	}
}
