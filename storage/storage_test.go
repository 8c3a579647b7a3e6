package storage_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/app"
	"parallax/storage"
)

// libPath is a library file in a folder that does not exist yet, so every
// test also checks that Open creates it.
func libPath(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "config", "Parallax", "library.db")
}

func openAt(t *testing.T, path string, opts storage.Options) *storage.DB {
	t.Helper()
	db, err := storage.OpenWith(path, opts)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func open(t *testing.T) *storage.DB {
	t.Helper()
	return openAt(t, libPath(t), storage.Options{})
}

// raw opens the file without going through storage.Open.
func raw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open(storage.DriverName, storage.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func userVersion(t *testing.T, path string) int {
	t.Helper()
	db := raw(t, path)
	defer db.Close()
	var v int
	if err := db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func count(t *testing.T, db *storage.DB) int {
	t.Helper()
	rs, err := db.Reports(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(rs)
}

func add(t *testing.T, db *storage.DB, title, text string) app.Report {
	t.Helper()
	r := app.Report{Title: title, Outlet: "Outlet", Author: "Author", Published: "2017-08-10",
		URL: "https://example.org/" + title, FileName: title + ".txt", Format: "text",
		Text: text, Words: len(strings.Fields(text))}
	if err := db.AddReport(context.Background(), &r); err != nil {
		t.Fatalf("add %q: %v", title, err)
	}
	return r
}

func TestOpenEmptyFile(t *testing.T) {
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	if got, want := userVersion(t, path), storage.SchemaVersion(); got != want || want < 1 {
		t.Errorf("user_version = %d, want %d (>= 1)", got, want)
	}
	fi, err := os.Stat(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("library folder mode = %v, want 0700", perm)
	}
	if n := count(t, db); n != 0 {
		t.Errorf("new library holds %d reports", n)
	}
	t.Logf("full-text search: %v", db.FullText())
}

func TestOpenPathNeedingEscapes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd ?#% name", "lib?x#y%20.db")
	db := openAt(t, path, storage.Options{})
	add(t, db, "one", "text")
	if _, err := os.Stat(path); err != nil {
		t.Errorf("library not at the path given: %v", err)
	}
}

func TestReopenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)
	db, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	r := add(t, db, "Kept", "A report about Deraa that must survive reopening.")
	db.Close()
	for i := range 3 {
		db, err := storage.Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if v := userVersion(t, path); v != storage.SchemaVersion() {
			t.Errorf("reopen %d: user_version = %d", i, v)
		}
		got, err := db.Report(ctx, r.ID)
		if err != nil || got.Text != r.Text {
			t.Errorf("reopen %d: Report = %+v, %v", i, got, err)
		}
		hits, err := db.SearchReports(ctx, "deraa", 0)
		if err != nil || len(hits) != 1 {
			t.Errorf("reopen %d: search = %v, %v", i, hits, err)
		}
		db.Close()
	}
}

// TestMigrateFromEveryVersion leaves a library at each earlier schema
// version, as an older Parallax would, puts a report in it when the schema
// has reports, and checks that Open upgrades it without losing the report.
// It iterates over all versions, so a new migration is covered by adding it.
func TestMigrateFromEveryVersion(t *testing.T) {
	for from := 0; from < storage.SchemaVersion(); from++ {
		t.Run(fmt.Sprintf("from%d", from), func(t *testing.T) {
			ctx := context.Background()
			path := libPath(t)
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := storage.MigrateTo(path, from); err != nil {
				t.Fatalf("migrate to %d: %v", from, err)
			}
			if v := userVersion(t, path); v != from {
				t.Fatalf("user_version = %d, want %d", v, from)
			}
			var id int64
			if from >= 1 { // reports exists from migration 1 on
				res, err := raw(t, path).Exec(`INSERT INTO reports
					(title, outlet, author, published, url, file_name, format, text, hash, words, created, updated)
					VALUES ('Old', 'Wire', 'Ann', '2017-08-10', 'https://x', 'old.txt', 'text',
					        'Old text about Déraa.', 'h-old', 4,
					        '2020-01-02T03:04:05.000000000Z', '2020-01-02T03:04:05.000000000Z')`)
				if err != nil {
					t.Fatalf("insert at version %d: %v", from, err)
				}
				if id, err = res.LastInsertId(); err != nil {
					t.Fatal(err)
				}
			}
			db := openAt(t, path, storage.Options{})
			if v := userVersion(t, path); v != storage.SchemaVersion() {
				t.Errorf("after Open: user_version = %d, want %d", v, storage.SchemaVersion())
			}
			if from < 1 {
				return
			}
			got, err := db.Report(ctx, id)
			if err != nil {
				t.Fatalf("report after upgrade: %v", err)
			}
			want := time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)
			if got.Title != "Old" || got.Text != "Old text about Déraa." || got.Hash != "h-old" ||
				got.Words != 4 || !got.Created.Equal(want) {
				t.Errorf("report after upgrade = %+v", got)
			}
			// The full-text index, new over existing rows, must be rebuilt.
			hits, err := db.SearchReports(ctx, "deraa", 0)
			if err != nil || len(hits) != 1 || hits[0].Report.ID != id {
				t.Errorf("search after upgrade = %v, %v", hits, err)
			}
		})
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	path := libPath(t)
	openAt(t, path, storage.Options{}).Close()
	newer := storage.SchemaVersion() + 1
	if _, err := raw(t, path).Exec(fmt.Sprintf(`PRAGMA user_version = %d`, newer)); err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(path)
	if err == nil {
		db.Close()
		t.Fatal("Open of a newer library succeeded")
	}
	var se *storage.NewerSchemaError
	if !errors.As(err, &se) || se.Have != newer || se.Know != storage.SchemaVersion() {
		t.Errorf("err = %v, want *NewerSchemaError{%d, %d}", err, newer, storage.SchemaVersion())
	}
	want := fmt.Sprintf("library was written by a newer Parallax (schema %d, this one knows %d)", newer, storage.SchemaVersion())
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %q, want it to contain %q", err, want)
	}
	if v := userVersion(t, path); v != newer {
		t.Errorf("refused library was changed: user_version = %d", v)
	}
}

func TestAddAndRead(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	before := time.Now()
	a := add(t, db, "First", "The first report.")
	b := add(t, db, "Second", "The second report.")
	if a.ID == 0 || b.ID == 0 || a.ID == b.ID {
		t.Fatalf("IDs %d, %d", a.ID, b.ID)
	}
	if a.Created.Before(before.Add(-time.Second)) || !a.Created.Equal(a.Updated) || a.Created.Location() != time.UTC {
		t.Errorf("times: created %v updated %v", a.Created, a.Updated)
	}
	if len(a.Hash) != 64 {
		t.Errorf("hash not filled in: %q", a.Hash)
	}
	got, err := db.Report(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, a) {
		t.Errorf("Report = %+v\nwant     %+v", got, a)
	}
	list, err := db.Reports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != b.ID || list[1].ID != a.ID {
		t.Fatalf("Reports not newest first: %+v", list)
	}
	for _, r := range list {
		if r.Text != "" {
			t.Errorf("Reports carries text of %d", r.ID)
		}
	}
	wantA := a
	wantA.Text = ""
	if !reflect.DeepEqual(list[1], wantA) {
		t.Errorf("listed = %+v\nwant     %+v", list[1], wantA)
	}
}

func TestDuplicateStoresNothing(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	first := add(t, db, "Original", "Same words in both.")
	dup := app.Report{Title: "Copy", Text: "Same words in both."}
	err := db.AddReport(ctx, &dup)
	if !errors.Is(err, app.ErrDuplicate) {
		t.Fatalf("err = %v, want ErrDuplicate", err)
	}
	var de *app.DuplicateError
	if !errors.As(err, &de) || de.Existing.ID != first.ID || de.Existing.Title != "Original" || de.Existing.Text != "" {
		t.Errorf("DuplicateError = %+v", de)
	}
	if dup.ID != 0 {
		t.Errorf("duplicate was given ID %d", dup.ID)
	}
	if n := count(t, db); n != 1 {
		t.Errorf("library holds %d reports, want 1", n)
	}
	// A caller-given hash is what counts, not the text.
	other := app.Report{Title: "Other", Text: "different", Hash: first.Hash}
	if err := db.AddReport(ctx, &other); !errors.Is(err, app.ErrDuplicate) {
		t.Errorf("same hash, other text: err = %v", err)
	}
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	r, err := db.Report(ctx, 42)
	if !errors.Is(err, app.ErrNotFound) || r.ID != 0 {
		t.Errorf("Report(42) = %+v, %v", r, err)
	}
	if err := db.RemoveReport(ctx, 42); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("RemoveReport(42) = %v", err)
	}
	a := add(t, db, "Gone", "Soon removed from Deraa.")
	if err := db.RemoveReport(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Report(ctx, a.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Report after remove: %v", err)
	}
	if err := db.RemoveReport(ctx, a.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("second remove: %v", err)
	}
	if hits, err := db.SearchReports(ctx, "deraa", 0); err != nil || len(hits) != 0 {
		t.Errorf("search finds removed report: %v, %v", hits, err)
	}
	// The text may be added again once removed.
	again := app.Report{Title: "Back", Text: a.Text}
	if err := db.AddReport(ctx, &again); err != nil {
		t.Errorf("re-add after remove: %v", err)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	if v, err := db.Setting(ctx, "samples"); err != nil || v != "" {
		t.Errorf("unset = %q, %v", v, err)
	}
	for _, v := range []string{"loaded", "again", ""} {
		if err := db.SetSetting(ctx, "samples", v); err != nil {
			t.Fatal(err)
		}
		if got, err := db.Setting(ctx, "samples"); err != nil || got != v {
			t.Errorf("after set %q: %q, %v", v, got, err)
		}
	}
}

// TestConcurrentAdds runs writers at once on one DB and on a second handle
// to the same file (two windows, or the CLI while the window is open); the
// busy timeout and BEGIN IMMEDIATE must queue them, never fail them.
func TestConcurrentAdds(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)
	db1 := openAt(t, path, storage.Options{})
	db2 := openAt(t, path, storage.Options{})
	const per = 15
	var wg sync.WaitGroup
	errs := make(chan error, 3*per)
	for g, db := range []*storage.DB{db1, db1, db2} {
		wg.Go(func() {
			for i := range per {
				r := app.Report{Title: fmt.Sprintf("g%d-%d", g, i), Text: fmt.Sprintf("report %d of writer %d", i, g)}
				if err := db.AddReport(ctx, &r); err != nil {
					errs <- err
				}
				if _, err := db.Reports(ctx); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := count(t, db1); n != 3*per {
		t.Errorf("library holds %d reports, want %d", n, 3*per)
	}
}

// TestPragmasOnEveryConnection holds several pooled connections at once and
// checks each: a PRAGMA set by Exec would reach only one of them.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	pool := db.SQL()
	var conns []*sql.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for range 4 {
		c, err := pool.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
	}
	for i, c := range conns {
		var mode string
		var fk, busy, sync int
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || fk != 1 || busy != 5000 || sync != 2 { // 2 is FULL
			t.Errorf("conn %d: journal_mode=%s foreign_keys=%d busy_timeout=%d synchronous=%d", i, mode, fk, busy, sync)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	def, err := storage.DefaultPath()
	if err != nil {
		t.Skipf("no config dir here: %v", err)
	}
	if !strings.HasSuffix(def, filepath.Join("Parallax", "library.db")) {
		t.Errorf("DefaultPath = %q", def)
	}
}

// TestCuesAndOCR checks that a transcript's cues and the OCR mark survive the
// library, on add and on update, and that listings leave the cues out.
func TestCuesAndOCR(t *testing.T) {
	ctx := context.Background()
	db := open(t)
	r := &app.Report{Title: "Broadcast", Text: "MAN: hello there. WOMAN: good evening.", Format: "subtitles",
		Cues: []app.Cue{{Offset: 0, Start: 1500 * time.Millisecond, Speaker: "MAN"},
			{Offset: 18, Start: 83 * time.Second, Speaker: "WOMAN \"Anna\""}}, OCR: true}
	if err := db.AddReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	got, err := db.Report(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Cues, r.Cues) || !got.OCR {
		t.Errorf("read back cues %+v ocr %v, want %+v true", got.Cues, got.OCR, r.Cues)
	}
	list, err := db.Reports(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Cues != nil || !list[0].OCR {
		t.Errorf("listing: %+v", list)
	}
	got.Cues, got.OCR = nil, false
	if err := db.UpdateReport(ctx, &got); err != nil {
		t.Fatal(err)
	}
	again, err := db.Report(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.Cues != nil || again.OCR {
		t.Errorf("after update: cues %+v ocr %v", again.Cues, again.OCR)
	}
}
