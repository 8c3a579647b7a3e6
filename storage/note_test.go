package storage_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"parallax/app"
)

// annotated stores a comparison of two reports and returns it.
func annotated(t *testing.T, db app.Store) app.Comparison {
	t.Helper()
	ids := addReports(t, db, "one", "two")
	c := app.Comparison{Name: "ferry", Reports: ids, Summary: "Two reports; the toll differs."}
	if err := db.AddComparison(context.Background(), &c); err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNotesRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	c := annotated(t, db)
	got, err := db.Comparison(ctx, c.ID)
	if err != nil || got.Summary != c.Summary {
		t.Fatalf("summary read back %q, %v", got.Summary, err)
	}

	anchors := []app.Anchor{{Report: c.Reports[0], Print: "p1", Text: "The ferry sank, \"12\" dead.\nNew line"}}
	n := app.Note{Comparison: c.ID, Verdict: app.Disputed, Text: "Reuters says 12; <b>AP</b> says 15.", Anchors: anchors}
	if err := db.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || n.Created.IsZero() || n.Updated.IsZero() {
		t.Fatalf("SaveNote did not set ID and times: %+v", n)
	}
	// A verdict-only note has no text and an empty verdict reads as unreviewed.
	m := app.Note{Comparison: c.ID, Anchors: nil}
	if err := db.SaveNote(ctx, &m); err != nil {
		t.Fatal(err)
	}
	n.Text += " Checked with the coastguard."
	n.Verdict = app.NeedsChecking
	if err := db.SaveNote(ctx, &n); err != nil {
		t.Fatal(err)
	}
	notes, err := db.Notes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 2 || notes[0].ID != n.ID || notes[0].Text != n.Text || notes[0].Verdict != app.NeedsChecking ||
		!slices.Equal(notes[0].Anchors, anchors) || notes[1].Verdict != app.Unreviewed || notes[1].Anchors == nil {
		t.Fatalf("notes read back %+v", notes)
	}

	bad := app.Note{Comparison: c.ID, Verdict: "probably true"}
	if err := db.SaveNote(ctx, &bad); err == nil {
		t.Error("an unknown verdict was saved")
	}
	missing := app.Note{ID: 999, Comparison: c.ID}
	if err := db.SaveNote(ctx, &missing); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("saving note 999: %v, want ErrNotFound", err)
	}
	if err := db.RemoveNote(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveNote(ctx, m.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("removing a removed note: %v", err)
	}

	// Removing a report keeps the note (it becomes orphaned, not lost);
	// removing the comparison takes its notes with it.
	if err := db.RemoveReport(ctx, c.Reports[0]); err != nil {
		t.Fatal(err)
	}
	if notes, _ := db.Notes(ctx, c.ID); len(notes) != 1 {
		t.Fatalf("after removing the report: %d notes", len(notes))
	}
	if err := db.RemoveComparison(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if notes, _ := db.Notes(ctx, c.ID); len(notes) != 0 {
		t.Fatalf("after removing the comparison: %d notes", len(notes))
	}
}

func TestFixesInOrder(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	c := annotated(t, db)
	a := []app.Anchor{{Report: c.Reports[0], Print: "a", Text: "one"}}
	b := []app.Anchor{{Report: c.Reports[1], Print: "b", Text: "two"}}
	var ids []int64
	for _, op := range []app.FixOp{app.FixLink, app.FixSplit, app.FixLink} {
		f := app.Fix{Comparison: c.ID, Op: op, A: a, B: b}
		if err := db.AddFix(ctx, &f); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.ID)
	}
	if err := db.AddFix(ctx, &app.Fix{Comparison: c.ID, Op: "merge"}); err == nil {
		t.Error("an unknown fix was stored")
	}
	if err := db.RemoveFix(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	fixes, err := db.Fixes(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixes) != 2 || fixes[0].ID != ids[0] || fixes[1].ID != ids[2] || fixes[1].Op != app.FixLink ||
		!slices.Equal(fixes[0].A, a) || !slices.Equal(fixes[0].B, b) {
		t.Fatalf("fixes read back %+v", fixes)
	}
	if err := db.RemoveFix(ctx, ids[1]); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("removing a removed fix: %v", err)
	}
}

func TestUpdateReport(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	ids := addReports(t, db, "the ferry sank", "the boat sank")
	r, err := db.Report(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	r.Text, r.Title = "the ferry sank on Tuesday", "Ferry"
	if err := db.UpdateReport(ctx, &r); err != nil {
		t.Fatal(err)
	}
	got, err := db.Report(ctx, ids[0])
	if err != nil || got.Text != r.Text || got.Title != "Ferry" || got.Hash == "" || got.Hash != r.Hash {
		t.Fatalf("read back %+v, %v", got, err)
	}
	hits, err := db.SearchReports(ctx, "tuesday", 5)
	if err != nil || len(hits) != 1 || hits[0].Report.ID != ids[0] {
		t.Errorf("search after update: %+v, %v", hits, err)
	}
	// The other report's text is refused, and nothing changes.
	r.Text = "the boat sank"
	var dup *app.DuplicateError
	if err := db.UpdateReport(ctx, &r); !errors.As(err, &dup) || dup.Existing.ID != ids[1] {
		t.Fatalf("duplicate update: %v", err)
	}
	if got, _ := db.Report(ctx, ids[0]); got.Text != "the ferry sank on Tuesday" {
		t.Errorf("a refused update changed the text to %q", got.Text)
	}
	r.ID = 999
	r.Text = "new"
	if err := db.UpdateReport(ctx, &r); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("update of report 999: %v", err)
	}
}
