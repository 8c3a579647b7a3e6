package workspace_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/app"
	"parallax/app/annotate"
	"parallax/app/apptest"
	"parallax/app/export"
	"parallax/app/workspace"
)

// annotatedSamples saves a comparison of the built-in samples and returns
// the workspace, the comparison and its reports.
func annotatedSamples(t *testing.T) (*workspace.Workspace, *apptest.Store, app.Comparison, []app.Report) {
	t.Helper()
	ctx := context.Background()
	st := apptest.NewStore()
	ws := workspace.New(st)
	if _, err := ws.EnsureSamples(ctx); err != nil {
		t.Fatal(err)
	}
	all, err := ws.Reports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range all {
		ids = append(ids, r.ID)
	}
	c, err := ws.NewComparison(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	c, reports, err := ws.OpenComparison(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	return ws, st, c, reports
}

// open aligns c and places its notes, as the window and export do.
func open(t *testing.T, ws *workspace.Workspace, c app.Comparison) *annotate.Annotated {
	t.Helper()
	ctx := context.Background()
	c, reports, err := ws.OpenComparison(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ws.Align(ctx, c, reports, nil)
	if err != nil {
		t.Fatal(err)
	}
	notes, err := ws.Notes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	a.SetNotes(notes)
	return a
}

// rowOf returns the row of the claim containing words.
func rowOf(t *testing.T, a *annotate.Annotated, words string) int {
	t.Helper()
	for i := range a.C.Rows {
		r := &a.C.Rows[i]
		if r.Link {
			continue
		}
		for _, ref := range r.Claims {
			if strings.Contains(a.C.Docs[ref.Doc].ClaimText(ref.Claim), words) {
				return i
			}
		}
	}
	t.Fatalf("no row holds %q", words)
	return -1
}

// TestNotesThroughTheLibrary saves a verdict and a note, changes the
// strictness and the base, re-imports a longer version of a report, and
// finds the note on its claims each time; a manual fix is re-applied and
// undone; the export holds the note.
func TestNotesThroughTheLibrary(t *testing.T) {
	ctx := context.Background()
	ws, _, c, reports := annotatedSamples(t)
	a := open(t, ws, c)
	toll := rowOf(t, a, "Twelve people were killed")
	n := app.Note{Comparison: c.ID, Verdict: app.Disputed, Text: "Meridian says 12, the Ledger 15.",
		Anchors: a.Anchors(a.C.Rows[toll].Claims)}
	if err := ws.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	bad := app.Note{Comparison: c.ID, Verdict: "true"}
	if err := ws.SaveNote(ctx, &bad); err == nil || !strings.Contains(err.Error(), "not a verdict") {
		t.Errorf("an unknown verdict: %v", err)
	}
	c.Summary = "The toll is disputed."
	if err := ws.SaveComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}

	check := func(what string) *annotate.Annotated {
		t.Helper()
		a := open(t, ws, c)
		row := rowOf(t, a, "Twelve people were killed")
		if a.Verdict(row) != app.Disputed || a.Notes[a.Note(row)].Text != n.Text {
			t.Errorf("%s: the toll row's verdict is %s", what, a.Verdict(row))
		}
		return a
	}
	check("reopened")
	c.Strictness = 0.2
	if err := ws.SaveComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("stricter")
	c.Strictness, c.Base = -0.15, reports[2].ID
	if err := ws.SaveComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}
	check("looser, other base")

	// Re-import the Meridian Wire with an update line on top.
	path := filepath.Join(t.TempDir(), "meridian-updated.txt")
	if err := os.WriteFile(path, []byte("UPDATED with new figures.\n\n"+reports[0].Text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Reimport(ctx, reports[0].ID, path); err != nil {
		t.Fatal(err)
	}
	if r, _ := ws.Report(ctx, reports[0].ID); !strings.HasPrefix(r.Text, "UPDATED") || r.Title != reports[0].Title {
		t.Errorf("re-imported report: title %q, text %.30q", r.Title, r.Text)
	}
	c.Strictness, c.Base = 0, reports[0].ID
	if err := ws.SaveComparison(ctx, &c); err != nil {
		t.Fatal(err)
	}
	a = check("re-imported")

	// Link the Ledger's "Sixty-one were rescued." with the Wire's claim.
	rescued := a.C.Rows[rowOf(t, a, "Sixty-one were rescued")].Claims
	onBoard := a.C.Rows[rowOf(t, a, "61 had been rescued")].Claims
	f := app.Fix{Comparison: c.ID, Op: app.FixLink, A: a.Anchors(onBoard), B: a.Anchors(rescued)}
	if err := ws.AddFix(ctx, &f); err != nil {
		t.Fatal(err)
	}
	a = check("fixed")
	if r := rowOf(t, a, "Sixty-one were rescued"); r != rowOf(t, a, "61 had been rescued") || !a.Manual[r] {
		t.Error("the link was not applied")
	}

	var b bytes.Buffer
	if _, err := ws.Export(ctx, c.ID, "json", []app.Verdict{app.Disputed}, export.Options{}, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Meridian says 12") || !strings.Contains(b.String(), c.Summary) || !json.Valid(b.Bytes()) {
		t.Errorf("the export lacks the note or the summary: %.300s", b.String())
	}
	if _, err := ws.Export(ctx, c.ID, "docx", nil, export.Options{}, &b); err == nil || !strings.Contains(err.Error(), "unknown format") {
		t.Errorf("export as docx: %v", err)
	}

	if err := ws.UndoFix(ctx, f.ID); err != nil {
		t.Fatal(err)
	}
	if err := ws.UndoFix(ctx, f.ID); err == nil {
		t.Error("a fix was undone twice")
	}
	a = check("undone")
	if rowOf(t, a, "Sixty-one were rescued") == rowOf(t, a, "61 had been rescued") {
		t.Error("the undone link still applies")
	}
}

// TestEditText corrects a word of a noted claim in the window's editor:
// the note finds the corrected claim; empty text is refused.
func TestEditText(t *testing.T) {
	ctx := context.Background()
	ws, _, c, reports := annotatedSamples(t)
	a := open(t, ws, c)
	toll := rowOf(t, a, "Twelve people were killed")
	n := app.Note{Comparison: c.ID, Verdict: app.NeedsChecking, Text: "check", Anchors: a.Anchors(a.C.Rows[toll].Claims)}
	if err := ws.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(reports[0].Text, "Twelve people were killed", "Twelve people were confirmed killed", 1)
	r, err := ws.EditText(ctx, reports[0].ID, edited+"\r\n")
	if err != nil || r.Text != edited+"\n" && r.Text != edited || r.Title != reports[0].Title || r.FileName != reports[0].FileName {
		t.Fatalf("EditText: %v; title %q file %q", err, r.Title, r.FileName)
	}
	a = open(t, ws, c)
	if row := rowOf(t, a, "Twelve people were confirmed killed"); a.Verdict(row) != app.NeedsChecking {
		t.Errorf("the note did not follow the edited claim: rows %v", a.RowNotes)
	}
	if _, err := ws.EditText(ctx, reports[0].ID, "  \n"); err == nil {
		t.Error("empty text was saved")
	}
}

func TestParseVerdicts(t *testing.T) {
	got, err := workspace.ParseVerdicts("disputed, Needs-Checking,single_source")
	if err != nil || len(got) != 3 || got[1] != app.NeedsChecking || got[2] != app.SingleSource {
		t.Errorf("ParseVerdicts: %v, %v", got, err)
	}
	for _, bad := range []string{"", ",", "maybe"} {
		if _, err := workspace.ParseVerdicts(bad); err == nil {
			t.Errorf("ParseVerdicts(%q) accepted", bad)
		}
	}
}
