package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"parallax/app"
)

// How a library defends itself
//
// Before anything is written, Open looks at the file: a file that exists
// must start with SQLite's header (a truncated library of 0 bytes is not
// silently replaced by a new empty one, another program's file is not
// turned into a library), and `PRAGMA quick_check` must pass (a library
// whose pages are damaged is not written to: more writes can spread the
// damage and every new report would be at risk). A damaged library can
// still be opened with Options.ReadOnly, and Check and Recover (recover.go)
// are the ways out. Commands that only read open the library read-only,
// so they neither wait on a writer nor need a writable folder.

// sqliteHeader is how every SQLite database file begins.
var sqliteHeader = []byte("SQLite format 3\x00")

// errOldSchema is a read-only open of a library of an older schema, which
// the queries of this build cannot read as it is.
var errOldSchema = errors.New("the library has an older schema")

// checkFile reports whether a file is at path, and refuses one that cannot
// be a library: a folder, an empty file, a file without SQLite's header.
func checkFile(path string) (exists bool, err error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("storage: open %s: %w", path, err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if fi.IsDir() {
		return false, fmt.Errorf("storage: open %s: it is a folder", path)
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && fi.Size() == 0:
		return false, &app.NotLibraryError{Path: path, Empty: true}
	case err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF):
		return false, fmt.Errorf("storage: open %s: %w", path, err)
	case !bytes.Equal(head[:n], sqliteHeader):
		return false, &app.NotLibraryError{Path: path}
	}
	return true, nil
}

// quickCheck runs SQLite's quick_check (the page structure, without
// matching every index to its table: linear in the file's size, some
// milliseconds for a library of a few hundred reports) and returns a
// DamagedError with its first findings unless it says "ok".
func quickCheck(ctx context.Context, db *sql.DB, path string) error {
	problems, err := checkPages(ctx, db, "quick_check")
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		return &app.DamagedError{Path: path, Problems: problems}
	}
	return nil
}

// checkPages runs PRAGMA pragma (quick_check or integrity_check) and
// returns its findings, at most ten, none for a sound file. A file too
// damaged for the check to run is one finding, SQLite's error.
func checkPages(ctx context.Context, db *sql.DB, pragma string) ([]string, error) {
	rows, err := db.QueryContext(ctx, "PRAGMA "+pragma+"(10)")
	if err != nil {
		if isCorrupt(err) {
			return []string{err.Error()}, nil
		}
		return nil, fmt.Errorf("storage: check: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return nil, fmt.Errorf("storage: check: %w", err)
		}
		// A finding may be several lines, headed by the schema's name.
		for _, l := range strings.Split(msg, "\n") {
			if l != "ok" && l != "" && !strings.HasPrefix(l, "*** in database") {
				out = append(out, l)
			}
		}
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return append(out, err.Error()), nil
		}
		return nil, fmt.Errorf("storage: check: %w", err)
	}
	return out, nil
}

// isCorrupt reports whether err is SQLite finding a damaged file.
func isCorrupt(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB)
}

// Check runs SQLite's full integrity_check on the library and returns its
// findings (none for a sound library): `parallax check`.
func (db *DB) Check(ctx context.Context) ([]string, error) {
	return checkPages(ctx, db.db, "integrity_check")
}

// roPragmas are the connection settings of a read-only library: no
// journal-mode change (a write), deferred transactions (an immediate one
// takes the write lock) and the same wait for a lock.
const roPragmas = "mode=ro&_foreign_keys=on&_busy_timeout=5000&_txlock=deferred"

// openReadOnly opens an existing library for reading only. A library in WAL
// mode needs its -shm file; in a folder that cannot be written SQLite
// cannot make one, so the library is then opened as immutable (nothing
// else can be writing it there either).
// With anySchema, a library of an older schema is opened too (to copy
// it); without, it is errOldSchema, since this build's queries need the
// newest.
func openReadOnly(path string, opts Options, anySchema bool) (*DB, error) {
	ctx := context.Background()
	why := "it was opened for reading only"
	if opts.Reason != "" {
		why = opts.Reason
	}
	sqldb, err := sql.Open(driverName, dsn(path, roPragmas))
	if err == nil {
		err = probe(ctx, sqldb)
	}
	if err != nil && !folderWritable(filepath.Dir(path)) {
		if sqldb != nil {
			sqldb.Close()
		}
		why = "its folder " + filepath.Dir(path) + " cannot be written"
		sqldb, err = sql.Open(driverName, dsn(path, roPragmas+"&immutable=1"))
		if err == nil {
			err = probe(ctx, sqldb)
		}
	}
	if err != nil {
		if sqldb != nil {
			sqldb.Close()
		}
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	db := &DB{db: sqldb, now: time.Now, path: path, readOnly: why}
	var have int
	if err := sqldb.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if have > len(migrations) {
		sqldb.Close()
		return nil, &NewerSchemaError{Have: have, Know: len(migrations)}
	}
	if have < len(migrations) && !anySchema {
		// The queries need the newest schema: an older library is brought
		// up to date by a writable open (OpenWith), backed up first.
		sqldb.Close()
		return nil, errOldSchema
	}
	if !opts.NoFTS {
		fts, err := hasFTS5(ctx, sqldb)
		if err == nil && fts {
			n, serr := schemaCount(ctx, sqldb, "trigger", ftsTriggers...)
			fts = serr == nil && n == len(ftsTriggers)
		}
		db.fts = err == nil && fts
	}
	return db, nil
}

// probe makes sqldb open its file: sql.Open connects lazily.
func probe(ctx context.Context, sqldb *sql.DB) error {
	var n int
	return sqldb.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n)
}

// folderWritable reports whether a file can be made in dir.
func folderWritable(dir string) bool {
	f, err := os.CreateTemp(dir, ".parallax-probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// ReadOnly is why the library cannot be changed, "" when it can: the
// window says so and keeps what the editor types from being lost.
func (db *DB) ReadOnly() string { return db.readOnly }

// writeError turns SQLite's refusals to write into the editor's words:
// app.ErrReadOnly with the reason the library was opened so, and a full
// disk said as such (the transaction was rolled back, so nothing of it
// was stored). Other errors pass unchanged.
func (db *DB) writeError(err error) error {
	var se sqlite3.Error
	switch {
	case !errors.As(err, &se):
		return err
	case se.Code == sqlite3.ErrReadonly:
		why := db.readOnly
		if why == "" {
			// Opened for writing, but SQLite fell back to reading: the
			// file, its folder or its disk cannot be written.
			why = db.path + " cannot be written (a read-only file, folder or disk)"
		}
		return fmt.Errorf("%w: %s", app.ErrReadOnly, why)
	case se.Code == sqlite3.ErrFull:
		return fmt.Errorf("the disk holding the library is full; nothing of this was stored (%w)", err)
	}
	return err
}
