package storage_test

import (
	"context"
	"strings"
	"testing"

	"parallax/app"
	"parallax/storage"
)

func triggers(t *testing.T, path string) int {
	t.Helper()
	var n int
	err := raw(t, path).QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'reports_fts_%'`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestFullTextLeavesAndReturns opens one library with FTS, then as a build
// without FTS5 would (NoFTS), changes it there, and opens it with FTS again:
// the triggers must go and come back, and the index must catch up with the
// changes made while they were gone.
func TestFullTextLeavesAndReturns(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)

	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	fts := db.FullText()
	old := add(t, db, "Old", "Removed while the index was away, about Deraa.")
	db.Close()
	if fts && triggers(t, path) != 3 {
		t.Fatalf("FTS open left %d triggers", triggers(t, path))
	}

	db, err = storage.OpenWith(path, storage.Options{NoFTS: true})
	if err != nil {
		t.Fatal(err)
	}
	if db.FullText() {
		t.Error("NoFTS open uses FTS")
	}
	if n := triggers(t, path); n != 0 {
		t.Errorf("NoFTS open left %d triggers", n)
	}
	added := add(t, db, "New", "Added while the index was away, about Deraa.")
	if err := db.RemoveReport(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = openAt(t, path, storage.Options{})
	if fts && triggers(t, path) != 3 {
		t.Errorf("FTS reopen left %d triggers", triggers(t, path))
	}
	hits, err := db.SearchReports(ctx, "deraa", 0)
	if err != nil || len(hits) != 1 || hits[0].Report.ID != added.ID {
		t.Errorf("search after return = %+v, %v", hits, err)
	}
}

// TestFTSTableWithoutFTS5 builds, by writing the schema directly, a library
// as a build with FTS5 leaves it, and opens it with a driver without FTS5:
// adding and removing reports must still work. Only meaningful (and only
// run) when the driver lacks FTS5.
func TestFTSTableWithoutFTS5(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	if db.FullText() {
		t.Skip("driver has FTS5; TestFullTextLeavesAndReturns covers this with NoFTS")
	}
	kept := add(t, db, "Kept", "Stored before the FTS table appeared.")
	db.Close()

	r := raw(t, path)
	for _, q := range []string{
		`PRAGMA writable_schema = ON`,
		`INSERT INTO sqlite_master (type, name, tbl_name, rootpage, sql) VALUES
			('table', 'reports_fts', 'reports_fts', 0,
			 'CREATE VIRTUAL TABLE reports_fts USING fts5(title, outlet, author, text, content=''reports'', content_rowid=''id'')'),
			('trigger', 'reports_fts_ai', 'reports', 0,
			 'CREATE TRIGGER reports_fts_ai AFTER INSERT ON reports BEGIN INSERT INTO reports_fts(rowid, title, outlet, author, text) VALUES (new.id, new.title, new.outlet, new.author, new.text); END'),
			('trigger', 'reports_fts_ad', 'reports', 0,
			 'CREATE TRIGGER reports_fts_ad AFTER DELETE ON reports BEGIN INSERT INTO reports_fts(reports_fts, rowid, title, outlet, author, text) VALUES (''delete'', old.id, old.title, old.outlet, old.author, old.text); END')`,
		`PRAGMA writable_schema = OFF`,
	} {
		if _, err := r.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	r.Close()
	// The simulation holds: a plain insert now fails as it would in the field.
	_, err := raw(t, path).Exec(`INSERT INTO reports (text, hash, created, updated) VALUES ('x', 'x', '', '')`)
	if err == nil || !strings.Contains(err.Error(), "fts5") {
		t.Fatalf("insert through the simulated trigger: %v, want no such module: fts5", err)
	}

	db = openAt(t, path, storage.Options{})
	added := add(t, db, "Added", "Stored after, about Deraa.")
	if err := db.RemoveReport(ctx, kept.ID); err != nil {
		t.Errorf("remove: %v", err)
	}
	hits, err := db.SearchReports(ctx, "deraa", 0)
	if err != nil || len(hits) != 1 || hits[0].Report.ID != added.ID {
		t.Errorf("search = %+v, %v", hits, err)
	}
	dup := app.Report{Text: added.Text}
	if err := db.AddReport(ctx, &dup); err == nil {
		t.Error("duplicate accepted")
	}
}
