package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting reads a library-wide value, "" when unset: callers treat a missing
// setting as its default, so absence is not an error here.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	return findSetting(ctx, db.db, key)
}

// findSetting reads one setting.
func findSetting(ctx context.Context, q queryer, key string) (string, error) {
	var value string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("storage: read setting %q: %w", key, err)
	}
	return value, nil
}

// SetSetting writes a library-wide value, replacing any earlier one.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return upsertSetting(ctx, tx, key, value) })
}

// upsertSetting inserts or replaces one setting.
func upsertSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("storage: write setting %q: %w", key, err)
	}
	return nil
}
