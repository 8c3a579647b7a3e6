package storage

import (
	"context"
	"database/sql"
)

// MigrateTo creates or opens the library at path and applies migrations up
// to version n only, with no full-text setup: the state an older Parallax
// left behind. Tests use it to check that every earlier schema upgrades.
func MigrateTo(path string, n int) error {
	db, err := sql.Open(driverName, dsn(path, pragmas))
	if err != nil {
		return err
	}
	defer db.Close()
	return migrate(context.Background(), db, n)
}

// DSN exposes the connection string so tests can open the file raw.
func DSN(path string) string { return dsn(path, pragmas) }

// DriverName is the registered driver, for raw access in tests.
const DriverName = driverName

// FTSQuery exposes the query builder for tests.
func FTSQuery(query string) string { return ftsQuery(queryTerms(query)) }

// SQL exposes the pool, so tests can check every pooled connection.
func (db *DB) SQL() *sql.DB { return db.db }
