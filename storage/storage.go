// Package storage keeps Parallax's library in one SQLite file and implements
// app.Store over it.
//
// The rest of the program sees only app.Store, so the claim engine, the
// command line and the window are tested without a database, and this package
// is the one place that knows SQL. The layout follows benbjohnson/wtf: raw
// SQL, embedded numbered migrations applied one transaction each, exported
// methods that open a transaction (or, for single-statement reads, use the
// pool directly) and call small helpers, and sql.ErrNoRows turned into
// app.ErrNotFound.
//
// Full-text search uses SQLite's FTS5 when the driver was built with it
// (build tag sqlite_fts5) and falls back to LIKE otherwise; see fts.go.
package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"parallax/app"
)

// Compile-time proof that *DB is a complete app.Store and app.LibraryFile.
var (
	_ app.Store       = (*DB)(nil)
	_ app.LibraryFile = (*DB)(nil)
)

// pragmas are set through the DSN, not by Exec, because go-sqlite3 applies DSN
// parameters to every connection it opens for the pool while an Exec'd PRAGMA
// reaches one pooled connection only. _txlock=immediate makes every
// transaction take the write lock at BEGIN, so two writers queue on the busy
// timeout instead of failing with SQLITE_BUSY when one upgrades a read lock.
// _synchronous=FULL syncs the write-ahead log at every commit: the window
// saves the editor's notes as they are typed and says "saved" once a commit
// returns, and with NORMAL a power cut could still take back the last
// commits. A note save is a few hundred bytes, so the sync costs nothing an
// editor notices.
const pragmas = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=5000&_synchronous=FULL&_txlock=immediate"

// DB is an open library file. It is safe for concurrent use.
type DB struct {
	db *sql.DB
	// fts is true when the FTS5 index is in use for SearchReports; false
	// means the LIKE fallback.
	fts bool
	// now returns the current time; tests may replace it.
	now func() time.Time
	// path is the library file, for backups and messages.
	path string
	// readOnly is why the library cannot be written ("" when it can):
	// writes then fail with ErrReadOnly saying so.
	readOnly string
}

// Options changes how a library is opened. The zero value is what the
// program uses.
type Options struct {
	// NoFTS forces the LIKE search path even when the driver has FTS5, as if
	// the program had been built without it. Tests use it to run both search
	// paths in one build; it also drops the FTS triggers exactly as a build
	// without FTS5 would.
	NoFTS bool
	// ReadOnly opens an existing library for reading only: nothing is
	// migrated or written, the read never waits for a writer (WAL readers
	// see the last commit), and a library in a folder that cannot be
	// written is still read. Commands that only read (list, show, search,
	// export) open it so; every write then fails with app.ErrReadOnly. A
	// library that does not exist yet is created, and one of an older
	// schema upgraded, as without ReadOnly.
	ReadOnly bool
	// Reason is why the library was opened read-only, as refused writes
	// say it ("it is damaged"); empty says it was opened for reading only.
	Reason string
}

// Open opens the library at path, creating the file and its parent
// directories when missing, checks it (check.go) and brings its schema up
// to date, backing the file up first (backup.go).
func Open(path string) (*DB, error) {
	return OpenWith(path, Options{})
}

// OpenWith is Open with options.
func OpenWith(path string, opts Options) (*DB, error) {
	if path == "" {
		return nil, errors.New("storage: open: empty library path")
	}
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	if opts.ReadOnly && exists {
		db, err := openReadOnly(path, opts, false)
		if !errors.Is(err, errOldSchema) || !folderWritable(filepath.Dir(path)) {
			return db, err
		}
		// An older library is upgraded once, as a writable open does it.
	}
	// A reader of a library not made yet gets a new, empty one, as on the
	// first start.
	if !exists {
		if err := create(path, opts); err != nil {
			return nil, err
		}
		exists = true
	}
	sqldb, err := sql.Open(driverName, dsn(path, pragmas))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	db := &DB{db: sqldb, now: time.Now, path: path}
	ctx := context.Background()
	if err := db.open(ctx, exists, opts); err != nil {
		sqldb.Close()
		if exists && !writable(path) {
			// SQLite says "unable to open database file: no such file or
			// directory" of a file it cannot write beside (its -wal).
			return nil, fmt.Errorf("%w: %s cannot be written (a read-only file or folder); "+
				"commands that only read (list, show, search, export) still work", app.ErrReadOnly, path)
		}
		return nil, err
	}
	return db, nil
}

// open checks, backs up and migrates a library opened for writing, and
// sets up its full-text index.
func (db *DB) open(ctx context.Context, exists bool, opts Options) error {
	if err := db.db.PingContext(ctx); err != nil {
		return fmt.Errorf("storage: open %s: %w", db.path, err)
	}
	if exists {
		if err := quickCheck(ctx, db.db, db.path); err != nil {
			return err
		}
		if err := db.backupBeforeMigration(ctx); err != nil {
			return err
		}
	}
	if err := migrate(ctx, db.db, len(migrations)); err != nil {
		return err
	}
	fts := false
	if !opts.NoFTS {
		var err error
		if fts, err = hasFTS5(ctx, db.db); err != nil {
			return err
		}
	}
	if err := setupFTS(ctx, db.db, fts); err != nil {
		return err
	}
	db.fts = fts
	return nil
}

// create makes a new library at path whole or not at all: it is built
// under a temporary name beside path (schema and full-text index), closed
// so that the one file holds it, and linked into place, which fails if
// another program made one meanwhile (then that one is used). So a crash
// while a library is created leaves no file of 0 bytes at path, and a
// library.db of 0 bytes can only have been cut short: it is refused
// (check.go), never taken for a new one.
func create(path string, opts Options) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("storage: create library folder: %w", err)
	}
	stale, _ := filepath.Glob(path + ".creating-*")
	for _, p := range stale {
		if fi, err := os.Stat(p); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(p)
		}
	}
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".creating-*")
	if err != nil {
		return fmt.Errorf("storage: create %s: %w", path, err)
	}
	tmp.Close()
	defer func() {
		for _, ext := range []string{"", "-wal", "-shm", "-journal"} {
			os.Remove(tmp.Name() + ext)
		}
	}()
	sqldb, err := sql.Open(driverName, dsn(tmp.Name(), pragmas))
	if err != nil {
		return fmt.Errorf("storage: create %s: %w", path, err)
	}
	db := &DB{db: sqldb, now: time.Now, path: tmp.Name()}
	err = db.open(context.Background(), false, opts)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("storage: create %s: %w", path, err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		// No hard links on this file system: a rename, after checking
		// again that no library appeared.
		if _, serr := os.Lstat(path); serr == nil {
			return nil
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("storage: create %s: %w", path, err)
		}
	}
	return nil
}

// writable reports whether the library file at path and its folder (where
// SQLite keeps the -wal and -shm files) can be written.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return folderWritable(filepath.Dir(path))
}

// dsn builds the file: URI go-sqlite3 hands to SQLite, with the query
// parameters params. The URI form is needed for the pragmas to travel with
// the name; the characters that URI syntax gives a meaning (% ? #) are
// escaped so any file name works.
func dsn(path, params string) string {
	p := filepath.ToSlash(path)
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	if filepath.VolumeName(path) != "" {
		// Windows: file:///C:/... is the absolute form SQLite documents.
		p = "///" + p
	}
	return "file:" + p + "?" + params
}

// Close releases the library file, after a checkpoint (backup.go) so that
// the file alone holds every committed write.
func (db *DB) Close() error {
	db.Checkpoint(context.Background())
	if err := db.db.Close(); err != nil {
		return fmt.Errorf("storage: close: %w", err)
	}
	return nil
}

// FullText reports whether searches use the FTS5 index (true) or the LIKE
// fallback (false), so the command line can say which one it ran.
func (db *DB) FullText() bool { return db.fts }

// DefaultPath is where the library lives when the editor names none: in the
// user's configuration directory, so it survives reinstalling the program
// and is private to the user.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("storage: find the configuration folder: %w", err)
	}
	return filepath.Join(dir, "Parallax", "library.db"), nil
}

// timeFormat is RFC 3339 with a fixed nine-digit fraction. RFC3339Nano drops
// trailing zeros, which makes "…05Z" sort after "…05.5Z" as text; the fixed
// width keeps text order equal to time order for ORDER BY created.
const timeFormat = "2006-01-02T15:04:05.000000000Z07:00"

func formatTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("storage: bad time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// queryer is what read helpers need: both *sql.DB and *sql.Tx provide it.
// Single-statement reads run on the pool rather than in a transaction,
// because with _txlock=immediate every transaction takes the write lock and
// readers would queue behind each other for nothing.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// inTx runs fn in one transaction, committing when it returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return db.writeError(err)
	}
	if err := tx.Commit(); err != nil {
		return db.writeError(fmt.Errorf("storage: commit: %w", err))
	}
	return nil
}
