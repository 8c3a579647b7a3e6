package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/mattn/go-sqlite3"

	"parallax/app"
)

// Backups
//
// Every copy is made with SQLite's online backup API, page by page from a
// read transaction, so it is consistent while the window or another command
// writes, and it holds what the -wal file holds too: copying the library
// file alone with cp, while it is open, can give a torn or stale copy.

// backupSuffix names the copy Open keeps before a migration:
// "library.db.bak-v3" is the library as schema 3 left it.
const backupSuffix = ".bak-v"

// BackupPath is where Open keeps the copy of the library at path taken
// before migrating it from schema version.
func BackupPath(path string, version int) string {
	return path + backupSuffix + strconv.Itoa(version)
}

// backupBeforeMigration copies the library before a migration changes its
// schema (a newer Parallax opening an older library), so a migration that
// goes wrong, or an editor who must go back to the older program, loses
// nothing. The copy is kept until the next migration replaces it; copies
// of older versions are removed then.
func (db *DB) backupBeforeMigration(ctx context.Context) error {
	var have int
	if err := db.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		return fmt.Errorf("storage: read schema version: %w", err)
	}
	if have == 0 || have >= len(migrations) {
		return nil
	}
	dest := BackupPath(db.path, have)
	tmp := dest + ".tmp"
	os.Remove(tmp)
	if err := db.backupTo(ctx, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: back up before upgrading the library (nothing was changed): %w", err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("storage: back up before upgrading the library (nothing was changed): %w", err)
	}
	old, _ := filepath.Glob(db.path + backupSuffix + "*")
	for _, p := range old {
		if p != dest && p != tmp {
			os.Remove(p)
		}
	}
	return nil
}

// BackupTo writes a consistent copy of the library to dest, a file that
// must not exist yet or be empty: `parallax backup` has it write a new
// temporary file beside its target and moves that into place as every
// export is moved (workspace.WriteWith).
func (db *DB) BackupTo(ctx context.Context, dest string) error {
	if err := db.backupTo(ctx, dest); err != nil {
		return fmt.Errorf("storage: back up: %w", err)
	}
	return nil
}

// backupTo copies the library into a new (or empty) database file dest,
// then checks the copy, and leaves it in rollback-journal mode so that it
// is one self-contained file.
func (db *DB) backupTo(ctx context.Context, dest string) error {
	if fi, err := os.Lstat(dest); err == nil && fi.Size() > 0 {
		return fmt.Errorf("%s already exists", dest)
	}
	out, err := sql.Open(driverName, dsn(dest, "_journal_mode=DELETE"))
	if err != nil {
		return err
	}
	defer out.Close()
	if err := copyPages(ctx, out, db.db); err != nil {
		return err
	}
	if _, err := out.ExecContext(ctx, `PRAGMA journal_mode=DELETE`); err != nil {
		return err
	}
	if problems, err := checkPages(ctx, out, "quick_check"); err != nil || len(problems) > 0 {
		return fmt.Errorf("the copy failed its check: %v %v", problems, err)
	}
	return out.Close()
}

// copyPages runs the backup API from src into dst, whole in one step.
func copyPages(ctx context.Context, dst, src *sql.DB) error {
	dc, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer dc.Close()
	sc, err := src.Conn(ctx)
	if err != nil {
		return err
	}
	defer sc.Close()
	return dc.Raw(func(d any) error {
		return sc.Raw(func(s any) error {
			dconn, ok1 := d.(*sqlite3.SQLiteConn)
			sconn, ok2 := s.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return errors.New("not an SQLite connection")
			}
			b, err := dconn.Backup("main", sconn, "main")
			if err != nil {
				return err
			}
			done, err := b.Step(-1)
			if ferr := b.Finish(); err == nil {
				err = ferr
			}
			if err == nil && !done {
				err = errors.New("the copy did not finish")
			}
			return err
		})
	})
}

// Restore puts the backup src in place of the library at path, after
// checking src (an SQLite file that passes quick_check, of a schema this
// build knows; it is only read, never upgraded in place), and returns
// where what it replaced was kept. A library that opens is restored online,
// in one transaction for any program that has it open, and its contents are
// first kept at path + ".bak-restore" so a wrong restore can be undone. A
// library that does not open (damaged, or not a library) is moved aside,
// with its -wal and -shm, as path + ".damaged-TIME", never deleted. A
// backup of an older schema is brought up to date in its new place.
func Restore(ctx context.Context, path, src string) (kept string, err error) {
	if exists, err := checkFile(src); err != nil || !exists {
		return "", fmt.Errorf("storage: restore from %s: not a library file (%v)", src, err)
	}
	in, err := openReadOnly(src, Options{}, true)
	if err != nil {
		return "", fmt.Errorf("storage: restore from %s: %w", src, err)
	}
	defer in.Close()
	if err := quickCheck(ctx, in.db, src); err != nil {
		return "", err
	}
	db, err := Open(path)
	var de *app.DamagedError
	var nl *app.NotLibraryError
	switch {
	case errors.As(err, &de) || errors.As(err, &nl):
		return restoreOver(ctx, path, in)
	case err != nil:
		return "", err
	}
	defer db.Close()
	kept = path + ".bak-restore"
	os.Remove(kept)
	if err := db.backupTo(ctx, kept); err != nil {
		return "", fmt.Errorf("storage: keep the library before restoring (nothing was changed): %w", err)
	}
	if err := copyPages(ctx, db.db, in.db); err != nil {
		return kept, fmt.Errorf("storage: restore from %s: %w", src, err)
	}
	if err := migrate(ctx, db.db, len(migrations)); err != nil {
		return kept, err
	}
	return kept, setupFTS(ctx, db.db, db.fts)
}

// restoreOver moves the library file at path that cannot be opened aside
// and copies the backup in into its place, then opens it once to bring
// its schema up to date.
func restoreOver(ctx context.Context, path string, in *DB) (string, error) {
	aside := fmt.Sprintf("%s.damaged-%s", path, time.Now().Format("20060102-150405"))
	for _, ext := range []string{"", "-wal", "-shm"} {
		if err := os.Rename(path+ext, aside+ext); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("storage: move the damaged library aside (nothing was changed): %w", err)
		}
	}
	if err := in.backupTo(ctx, path); err != nil {
		return aside, fmt.Errorf("storage: restore: %w", err)
	}
	db, err := Open(path)
	if err != nil {
		return aside, err
	}
	return aside, db.Close()
}

// Checkpoint moves every committed write from the -wal file into the
// library file and empties the log, so the one file holds everything and
// can be copied as it is once the program ends. Close calls it; it does
// nothing while another program reads (the log is then kept for it).
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.readOnly != "" {
		return nil
	}
	var busy, logged, moved int
	if err := db.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &moved); err != nil {
		return fmt.Errorf("storage: checkpoint: %w", err)
	}
	return nil
}
