package storage_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/app"
	"parallax/storage"
)

// fill adds n reports of distinct text to db.
func fill(t *testing.T, db *storage.DB, n int) {
	t.Helper()
	for i := range n {
		add(t, db, fmt.Sprintf("report-%d", i), strings.Repeat(fmt.Sprintf("Sentence %d of report %d about the ferry. ", i, i), 200))
	}
}

// TestNotALibrary: an empty file (a library cut short) and a file that is
// not SQLite are refused, for writing and reading alike, and left as they
// were: never a new empty library in place of a file that existed.
func TestNotALibrary(t *testing.T) {
	for name, content := range map[string][]byte{"empty": nil, "text": []byte("Dear editor, this is a letter.\n")} {
		path := filepath.Join(t.TempDir(), "library.db")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, ro := range []bool{false, true} {
			_, err := storage.OpenWith(path, storage.Options{ReadOnly: ro})
			var nl *app.NotLibraryError
			if !errors.As(err, &nl) || nl.Empty != (content == nil) {
				t.Errorf("%s (read-only %v): %v, want a NotLibraryError", name, ro, err)
			}
			if got, _ := os.ReadFile(path); !bytes.Equal(got, content) {
				t.Errorf("%s: the file was changed", name)
			}
		}
		if ents, _ := os.ReadDir(filepath.Dir(path)); len(ents) != 1 {
			t.Errorf("%s: files beside the library: %v", name, ents)
		}
	}
}

// TestDamagedLibrary: a library whose pages are damaged is refused for
// writing, byte for byte unchanged, with SQLite's findings; it can still
// be opened read-only, and Check finds the damage.
func TestDamagedLibrary(t *testing.T) {
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	fill(t, db, 40)
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = damage(t, path, data, "report-20")

	_, err = storage.Open(path)
	var de *app.DamagedError
	if !errors.As(err, &de) || len(de.Problems) == 0 || de.Path != path {
		t.Fatalf("Open of a damaged library: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("the damaged library was written to")
	}
	ro, err := storage.OpenWith(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a damaged library: %v", err)
	}
	defer ro.Close()
	problems, err := ro.Check(context.Background())
	if err != nil || len(problems) == 0 {
		t.Errorf("Check = %v, %v; want findings", problems, err)
	}
	err = ro.AddReport(context.Background(), &app.Report{Title: "x", Text: "New text.", Format: "text"})
	if !errors.Is(err, app.ErrReadOnly) {
		t.Errorf("a write to a read-only library: %v, want ErrReadOnly", err)
	}
}

// TestBackupBeforeMigration: opening a library of an older schema first
// copies it to library.db.bak-vN, as schema N left it, and a later
// migration replaces that copy.
func TestBackupBeforeMigration(t *testing.T) {
	path := libPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := storage.MigrateTo(path, 1); err != nil {
		t.Fatal(err)
	}
	openAt(t, path, storage.Options{}).Close()
	bak := storage.BackupPath(path, 1)
	if v := userVersion(t, bak); v != 1 {
		t.Errorf("backup has schema %d, want 1", v)
	}
	if v := userVersion(t, path); v != storage.SchemaVersion() {
		t.Errorf("library has schema %d, want %d", v, storage.SchemaVersion())
	}
	// An up-to-date library is not copied again.
	os.Remove(bak)
	openAt(t, path, storage.Options{}).Close()
	if _, err := os.Stat(bak); err == nil {
		t.Error("an up-to-date library was backed up")
	}
}

// TestReadOnlyDoesNotWait: a read-only open lists the reports at once
// while another connection holds the write lock, and sees the last commit.
func TestReadOnlyDoesNotWait(t *testing.T) {
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	fill(t, db, 3)
	tx, err := db.SQL().Begin() // _txlock=immediate: the write lock, held
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE reports SET title = 'changing' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ro := openAt(t, path, storage.Options{ReadOnly: true})
	rs, err := ro.Reports(context.Background())
	if err != nil || len(rs) != 3 {
		t.Fatalf("read-only read during a write: %d reports, %v", len(rs), err)
	}
	for _, r := range rs {
		if r.Title == "changing" {
			t.Error("the read saw an uncommitted write")
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("the read waited %v for the writer", d)
	}
	if ro.ReadOnly() == "" {
		t.Error("ReadOnly() is empty for a read-only open")
	}
}

// TestBackupAndRestore: BackupTo writes one self-contained file holding
// every committed write (none left in a -wal beside it), RestoreFrom puts
// it back, keeping the contents it replaced.
func TestBackupAndRestore(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	fill(t, db, 5)
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := db.BackupTo(ctx, dest); err != nil {
		t.Fatal(err)
	}
	if err := db.BackupTo(ctx, dest); err == nil {
		t.Error("BackupTo replaced an existing file")
	}
	if _, err := os.Stat(dest + "-wal"); err == nil {
		t.Error("the backup has a -wal file beside it")
	}
	copyDB := openAt(t, dest, storage.Options{ReadOnly: true})
	if n := count(t, copyDB); n != 5 {
		t.Errorf("backup holds %d reports, want 5", n)
	}
	copyDB.Close()

	add(t, db, "later", "A report added after the backup.")
	kept, err := storage.Restore(ctx, path, dest)
	if err != nil {
		t.Fatal(err)
	}
	if n := count(t, db); n != 5 {
		t.Errorf("after restore: %d reports, want 5", n)
	}
	k := openAt(t, kept, storage.Options{ReadOnly: true})
	if n := count(t, k); n != 6 {
		t.Errorf("the kept library holds %d reports, want 6", n)
	}
	if _, err := storage.Restore(ctx, path, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("restore from a missing file succeeded")
	}
}

// TestRestoreOverDamage: a library that cannot be opened is moved aside,
// not deleted, and the backup takes its place; a backup of an older schema
// is upgraded in its new place, never in the backup file itself.
func TestRestoreOverDamage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	if err := storage.MigrateTo(old, 1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "library.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil { // cut to 0 bytes
		t.Fatal(err)
	}
	aside, err := storage.Restore(ctx, path, old)
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(aside); err != nil || fi.Size() != 0 || !strings.Contains(aside, ".damaged-") {
		t.Errorf("the unreadable library was not kept aside: %s, %v", aside, err)
	}
	if v := userVersion(t, old); v != 1 {
		t.Errorf("the backup itself was upgraded to schema %d", v)
	}
	if v := userVersion(t, path); v != storage.SchemaVersion() {
		t.Errorf("restored library has schema %d, want %d", v, storage.SchemaVersion())
	}
}

// TestCloseCheckpoints: after Close the library file alone holds every
// commit: a copy of it, made without the -wal, has them all.
func TestCloseCheckpoints(t *testing.T) {
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	fill(t, db, 4)
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cp := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(cp, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if n := count(t, openAt(t, cp, storage.Options{ReadOnly: true})); n != 4 {
		t.Errorf("a copy of the file alone holds %d reports, want 4", n)
	}
}

// damage scribbles over the cells of a table leaf page holding marker (a
// report's title) in data, the library file at path, writes it and returns
// it. Only a b-tree page will do: text in an overflow page is not
// structure, and no check can tell it was changed.
func damage(t *testing.T, path string, data []byte, marker string) []byte {
	t.Helper()
	const page = 4096
	for from := 0; ; {
		i := bytes.Index(data[from:], []byte(marker))
		if i < 0 {
			t.Fatalf("no table page holds %q", marker)
		}
		off := (from + i) / page * page
		from = off + page
		if off == 0 || data[off] != 0x0d {
			continue
		}
		copy(data[off+8:off+page], bytes.Repeat([]byte{0x5a}, page-8))
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return data
	}
}

// TestRecover: what can be read of a damaged library is copied into a new
// one that passes its check; only the rows on the damaged page are lost,
// and the damaged file is only read.
func TestRecover(t *testing.T) {
	ctx := context.Background()
	path := libPath(t)
	db := openAt(t, path, storage.Options{})
	fill(t, db, 200)
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = damage(t, path, data, "report-150")
	dest := filepath.Join(t.TempDir(), "recovered.db")
	saved, err := storage.Recover(ctx, path, dest)
	if err != nil {
		t.Fatal(err)
	}
	var reports app.Salvaged
	for _, s := range saved {
		if s.Table == "reports" {
			reports = s
		}
	}
	if reports.Rows < 150 || reports.Rows >= 200 {
		t.Errorf("recovered %d of 200 reports (%+v)", reports.Rows, saved)
	} else {
		t.Logf("recovered %d of 200 reports, %d row IDs unread", reports.Rows, reports.Unread)
	}
	out := openAt(t, dest, storage.Options{})
	if n := count(t, out); n != reports.Rows {
		t.Errorf("the new library lists %d reports, Recover said %d", n, reports.Rows)
	}
	if problems, err := out.Check(ctx); err != nil || len(problems) > 0 {
		t.Errorf("the recovered library fails its check: %v %v", problems, err)
	}
	if hits, err := out.SearchReports(ctx, "ferry", 5); err != nil || len(hits) == 0 {
		t.Errorf("search in the recovered library: %d hits, %v", len(hits), err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Error("Recover wrote to the damaged library")
	}
	if _, err := storage.Recover(ctx, path, dest); err == nil {
		t.Error("Recover replaced an existing file")
	}
}

// TestCreateWhole: a new library is built under a temporary name and
// linked into place whole, private to its owner, with nothing left beside
// it; so a library.db of 0 bytes is never one Parallax was making.
func TestCreateWhole(t *testing.T) {
	path := libPath(t)
	openAt(t, path, storage.Options{}).Close()
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 || fi.Mode().Perm() != 0o600 {
		t.Fatalf("new library: %v, %v", fi, err)
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range ents {
		if e.Name() != "library.db" {
			t.Errorf("left beside the new library: %s", e.Name())
		}
	}
}
