package storage_test

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"parallax/app"
)

// TestTags: tags are added and removed on several reports at once, case-
// blind and kept as first written, listed with counts, shown on reports
// (in lists, one report and search hits), renamed and merged, refused when
// not valid, and gone when no report carries them; a report's tags
// survive a re-import and go with the report.
func TestTags(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	a := add(t, db, "a", "The ferry sank near Kivangu on Tuesday.")
	b := add(t, db, "b", "Twelve people died when the ferry capsized.")
	c := add(t, db, "c", "The council met on Friday.")
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	tagsOf := func(id int64) []string {
		t.Helper()
		r, err := db.Report(ctx, id)
		must(err)
		return r.Tags
	}
	must(db.TagReports(ctx, []int64{a.ID, b.ID}, []string{"Ferry", " needs  check "}, nil))
	must(db.TagReports(ctx, []int64{b.ID}, []string{"ferry", "DRC"}, nil))
	if got := tagsOf(b.ID); !reflect.DeepEqual(got, []string{"DRC", "Ferry", "needs check"}) {
		t.Errorf("b's tags %q", got)
	}
	tags, err := db.Tags(ctx)
	must(err)
	want := []app.TagCount{{Name: "DRC", Reports: 1}, {Name: "Ferry", Reports: 2}, {Name: "needs check", Reports: 2}}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("Tags = %v, want %v", tags, want)
	}
	list, err := db.Reports(ctx)
	must(err)
	for _, r := range list {
		if r.ID == c.ID && r.Tags != nil || r.ID == a.ID && !reflect.DeepEqual(r.Tags, []string{"Ferry", "needs check"}) {
			t.Errorf("listed report %d has tags %q", r.ID, r.Tags)
		}
	}
	hits, err := db.SearchReports(ctx, "capsized", 5)
	must(err)
	if len(hits) != 1 || len(hits[0].Report.Tags) != 3 {
		t.Errorf("search hit tags: %+v", hits)
	}

	// Remove; an unknown report changes nothing.
	must(db.TagReports(ctx, []int64{a.ID, b.ID}, nil, []string{"NEEDS CHECK"}))
	if err := db.TagReports(ctx, []int64{a.ID, 999}, []string{"x"}, nil); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("tagging an unknown report: %v", err)
	}
	if got := tagsOf(a.ID); !reflect.DeepEqual(got, []string{"Ferry"}) {
		t.Errorf("after removal a's tags %q", got)
	}
	for _, bad := range []string{"", "  ", "+x", "-x", "a\x1fb", string(make([]byte, 65))} {
		if err := db.TagReports(ctx, []int64{a.ID}, []string{bad}, nil); !errors.Is(err, app.ErrBadTag) {
			t.Errorf("tag %q: %v, want ErrBadTag", bad, err)
		}
	}

	// Rename, then merge into an existing tag.
	must(db.RenameTag(ctx, "ferry", "Ferry sinking"))
	must(db.RenameTag(ctx, "DRC", "ferry SINKING"))
	tags, err = db.Tags(ctx)
	must(err)
	if !reflect.DeepEqual(tags, []app.TagCount{{Name: "Ferry sinking", Reports: 2}}) {
		t.Errorf("after rename and merge: %v", tags)
	}
	if err := db.RenameTag(ctx, "nothing", "x"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("renaming an unknown tag: %v", err)
	}

	// A re-import keeps the tags; removing the report drops them.
	b.Text = "Twelve people died when the ferry capsized on Tuesday."
	must(db.UpdateReport(ctx, &b))
	if got := tagsOf(b.ID); !reflect.DeepEqual(got, []string{"Ferry sinking"}) {
		t.Errorf("after re-import b's tags %q", got)
	}
	must(db.RemoveReport(ctx, a.ID))
	must(db.RemoveReport(ctx, b.ID))
	if tags, _ := db.Tags(ctx); len(tags) != 0 {
		t.Errorf("tags of removed reports remain: %v", tags)
	}
}
