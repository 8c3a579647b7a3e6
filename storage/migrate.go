package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrationFS holds the schema history: migrations/NNNN_name.sql, numbered
// from 1 without gaps. A schema change is a new file; an applied file is
// never edited, because libraries in the field already ran it.
//
//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrations is the embedded history in order; migrations[i].version == i+1.
var migrations = mustLoadMigrations(migrationFS)

// mustLoadMigrations reads and checks the embedded files. A gap or a
// duplicate number is a programming error caught by any test run, so it
// panics rather than shipping a program that cannot open libraries.
func mustLoadMigrations(fsys fs.FS) []migration {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v < 1 {
			panic(fmt.Sprintf("storage: migration %s: name must be NNNN_name.sql", base))
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{version: v, name: base, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("storage: migration %s: expected number %d (no gaps, no duplicates)", m.name, i+1))
		}
	}
	return ms
}

// NewerSchemaError says the library was written by a newer Parallax than this
// one. Opening it anyway could corrupt data the newer program relies on, so
// Open refuses and tells the editor to update.
type NewerSchemaError struct {
	// Have is the library's schema version, Know the newest this build knows.
	Have, Know int
}

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("storage: library was written by a newer Parallax (schema %d, this one knows %d)", e.Have, e.Know)
}

// SchemaVersion is the newest schema this build knows: the number of the
// last embedded migration.
func SchemaVersion() int { return len(migrations) }

// migrate brings the schema up to version target. Each migration runs in its
// own transaction together with its PRAGMA user_version bump, so a failure
// leaves the library at the last complete version. The version is read again
// inside each transaction (which holds the write lock from BEGIN) so two
// programs opening the same new library do not both apply a step.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	for {
		done, err := migrateOne(ctx, db, target)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration below target, reporting done when
// there is none left.
func migrateOne(ctx context.Context, db *sql.DB, target int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("storage: migrate: begin: %w", err)
	}
	defer tx.Rollback()
	var have int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&have); err != nil {
		return false, fmt.Errorf("storage: migrate: read schema version: %w", err)
	}
	if have > len(migrations) {
		return false, &NewerSchemaError{Have: have, Know: len(migrations)}
	}
	if have >= target {
		return true, nil
	}
	m := migrations[have]
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return false, fmt.Errorf("storage: migrate %s: %w", m.name, err)
	}
	// PRAGMA takes no bound parameters; m.version is an int we produced.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, m.version)); err != nil {
		return false, fmt.Errorf("storage: migrate %s: set schema version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("storage: migrate %s: commit: %w", m.name, err)
	}
	return false, nil
}
