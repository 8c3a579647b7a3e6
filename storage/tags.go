package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"parallax/app"
)

// tagSep separates tag names in the one column reportColumns reads them
// into: the unit separator, which CheckTag refuses in a name.
const tagSep = "\x1f"

// tagsOf is the column holding the tags of the report row named table, in
// one string (splitTags reads it).
func tagsOf(table string) string {
	return `(SELECT coalesce(group_concat(t.name, char(31)), '') FROM report_tags rt JOIN tags t ON t.id = rt.tag WHERE rt.report = ` + table + `.id)`
}

// splitTags is the tags column as a sorted list, nil for none.
func splitTags(col string) []string {
	if col == "" {
		return nil
	}
	tags := strings.Split(col, tagSep)
	slices.SortFunc(tags, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return tags
}

// TagReports adds and removes tags on reports in one transaction; see
// app.Store.
func (db *DB) TagReports(ctx context.Context, ids []int64, add, remove []string) error {
	add, err := checkTags(add)
	if err != nil {
		return err
	}
	if remove, err = checkTags(remove); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			var one int
			if err := tx.QueryRowContext(ctx, `SELECT 1 FROM reports WHERE id = ?`, id).Scan(&one); err != nil {
				if errors.Is(err, sql.ErrNoRows) {
					return &app.NoReportError{ID: id}
				}
				return fmt.Errorf("storage: tag: %w", err)
			}
		}
		for _, name := range add {
			if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, name); err != nil {
				return fmt.Errorf("storage: tag %q: %w", name, err)
			}
			for _, id := range ids {
				if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO report_tags (report, tag)
					SELECT ?, id FROM tags WHERE name = ?`, id, name); err != nil {
					return fmt.Errorf("storage: tag %q: %w", name, err)
				}
			}
		}
		for _, name := range remove {
			for _, id := range ids {
				if _, err := tx.ExecContext(ctx, `DELETE FROM report_tags WHERE report = ?
					AND tag = (SELECT id FROM tags WHERE name = ?)`, id, name); err != nil {
					return fmt.Errorf("storage: untag %q: %w", name, err)
				}
			}
		}
		return dropUnused(ctx, tx)
	})
}

// checkTags checks and cleans names (app.CheckTag).
func checkTags(names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	for _, n := range names {
		t, err := app.CheckTag(n)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// dropUnused removes tags no report carries, so a tag lives as long as
// it labels something.
func dropUnused(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id NOT IN (SELECT tag FROM report_tags)`); err != nil {
		return fmt.Errorf("storage: drop unused tags: %w", err)
	}
	return nil
}

// Tags lists every tag with its number of reports, by name.
func (db *DB) Tags(ctx context.Context) ([]app.TagCount, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT t.name, count(rt.report) FROM tags t
		JOIN report_tags rt ON rt.tag = t.id GROUP BY t.id ORDER BY t.name COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("storage: tags: %w", err)
	}
	defer rows.Close()
	var out []app.TagCount
	for rows.Next() {
		var tc app.TagCount
		if err := rows.Scan(&tc.Name, &tc.Reports); err != nil {
			return nil, fmt.Errorf("storage: tags: %w", err)
		}
		out = append(out, tc)
	}
	return out, rows.Err()
}

// RenameTag renames from to to on every report, merging the two when to
// exists already; see app.Store.
func (db *DB) RenameTag(ctx context.Context, from, to string) error {
	from, err := app.CheckTag(from)
	if err != nil {
		return err
	}
	if to, err = app.CheckTag(to); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		var old int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = ?`, from).Scan(&old); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("tag %q: %w", from, app.ErrNotFound)
			}
			return fmt.Errorf("storage: rename tag: %w", err)
		}
		var into int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM tags WHERE name = ? AND id <> ?`, to, old).Scan(&into)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			// A new name, or the same one written another way.
			if _, err := tx.ExecContext(ctx, `UPDATE tags SET name = ? WHERE id = ?`, to, old); err != nil {
				return fmt.Errorf("storage: rename tag: %w", err)
			}
			return nil
		case err != nil:
			return fmt.Errorf("storage: rename tag: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO report_tags (report, tag)
			SELECT report, ? FROM report_tags WHERE tag = ?`, into, old); err != nil {
			return fmt.Errorf("storage: merge tags: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE id = ?`, old); err != nil {
			return fmt.Errorf("storage: merge tags: %w", err)
		}
		return nil
	})
}
