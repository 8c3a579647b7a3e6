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

// AddComparison stores c with its reports in column order and sets its ID,
// Created and Updated. A report ID that names no report is refused with
// app.ErrNotFound and nothing is stored.
func (db *DB) AddComparison(ctx context.Context, c *app.Comparison) error {
	if c == nil {
		return errors.New("storage: add comparison: nil comparison")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.now().UTC()
		stamp := formatTime(now)
		res, err := tx.ExecContext(ctx, `
			INSERT INTO comparisons (name, base, strictness, filter, top_row, unfolded, summary, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Name, nullID(c.Base), c.Strictness, c.Filter, c.Top, strings.Join(c.Unfolded, " "), c.Summary, stamp, stamp)
		if err != nil {
			return fmt.Errorf("storage: insert comparison: %w", err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("storage: insert comparison: %w", err)
		}
		if err := writeComparisonReports(ctx, tx, id, c); err != nil {
			return err
		}
		c.ID, c.Created, c.Updated = id, now, now
		return nil
	})
}

// UpdateComparison saves c's name, reports, settings and summary note.
func (db *DB) UpdateComparison(ctx context.Context, c *app.Comparison) error {
	if c == nil {
		return errors.New("storage: update comparison: nil comparison")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.now().UTC()
		res, err := tx.ExecContext(ctx, `
			UPDATE comparisons SET name = ?, base = ?, strictness = ?, filter = ?, top_row = ?, unfolded = ?, summary = ?, updated = ?
			WHERE id = ?`,
			c.Name, nullID(c.Base), c.Strictness, c.Filter, c.Top, strings.Join(c.Unfolded, " "), c.Summary, formatTime(now), c.ID)
		if err != nil {
			return fmt.Errorf("storage: update comparison %d: %w", c.ID, err)
		}
		if err := oneRow(res); err != nil {
			return fmt.Errorf("storage: update comparison %d: %w", c.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM comparison_reports WHERE comparison = ?`, c.ID); err != nil {
			return fmt.Errorf("storage: update comparison %d: %w", c.ID, err)
		}
		if err := writeComparisonReports(ctx, tx, c.ID, c); err != nil {
			return err
		}
		c.Updated = now
		return nil
	})
}

// writeComparisonReports stores c's reports in order with their hidden mark
// and column width.
func writeComparisonReports(ctx context.Context, tx *sql.Tx, id int64, c *app.Comparison) error {
	for i, rid := range c.Reports {
		var exists int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM reports WHERE id = ?`, rid).Scan(&exists)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("storage: comparison report %d: %w", rid, app.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("storage: comparison report %d: %w", rid, err)
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO comparison_reports (comparison, report, position, hidden, width) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (comparison, report) DO NOTHING`,
			id, rid, i, slices.Contains(c.Hidden, rid), max(c.Widths[rid], 0))
		if err != nil {
			return fmt.Errorf("storage: comparison report %d: %w", rid, err)
		}
	}
	return nil
}

// Comparison returns one comparison, or app.ErrNotFound.
func (db *DB) Comparison(ctx context.Context, id int64) (app.Comparison, error) {
	var c app.Comparison
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		c, err = scanComparison(tx.QueryRowContext(ctx, `SELECT `+comparisonColumns+` FROM comparisons WHERE id = ?`, id))
		if err != nil {
			return fmt.Errorf("storage: comparison %d: %w", id, err)
		}
		return readComparisonReports(ctx, tx, `SELECT comparison, report, hidden, width FROM comparison_reports
			WHERE comparison = ? ORDER BY position`, func(int64) *app.Comparison { return &c }, id)
	})
	return c, err
}

// Comparisons lists every comparison, most recently updated first, with
// the reports of all of them read in one query.
func (db *DB) Comparisons(ctx context.Context) ([]app.Comparison, error) {
	var out []app.Comparison
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT `+comparisonColumns+` FROM comparisons ORDER BY updated DESC, id DESC`)
		if err != nil {
			return fmt.Errorf("storage: list comparisons: %w", err)
		}
		defer rows.Close()
		at := map[int64]int{}
		for rows.Next() {
			c, err := scanComparison(rows)
			if err != nil {
				return fmt.Errorf("storage: list comparisons: %w", err)
			}
			at[c.ID] = len(out)
			out = append(out, c)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("storage: list comparisons: %w", err)
		}
		rows.Close()
		return readComparisonReports(ctx, tx, `SELECT comparison, report, hidden, width FROM comparison_reports ORDER BY comparison, position`,
			func(id int64) *app.Comparison {
				if i, ok := at[id]; ok {
					return &out[i]
				}
				return nil
			})
	})
	return out, err
}

// RemoveComparison deletes one comparison with its notes and fixes; its
// reports stay in the library.
func (db *DB) RemoveComparison(ctx context.Context, id int64) error {
	return db.removeOne(ctx, "comparisons", "comparison", id)
}

const comparisonColumns = `id, name, base, strictness, filter, top_row, unfolded, summary, created, updated`

// scanComparison reads comparisonColumns; sql.ErrNoRows becomes
// app.ErrNotFound.
func scanComparison(s scanner) (app.Comparison, error) {
	var c app.Comparison
	var base sql.NullInt64
	var created, updated, unfolded string
	if err := s.Scan(&c.ID, &c.Name, &base, &c.Strictness, &c.Filter, &c.Top, &unfolded, &c.Summary, &created, &updated); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return c, app.ErrNotFound
		}
		return c, err
	}
	c.Base = base.Int64
	c.Unfolded = strings.Fields(unfolded)
	var err error
	if c.Created, err = parseTime(created); err != nil {
		return c, err
	}
	c.Updated, err = parseTime(updated)
	return c, err
}

// readComparisonReports runs query (rows of comparison, report, hidden,
// width in column order) and appends each report to the Reports (and Hidden
// and Widths) of the comparison that of returns for its ID, skipping IDs it
// returns nil for.
func readComparisonReports(ctx context.Context, q queryer, query string, of func(id int64) *app.Comparison, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("storage: comparison reports: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var cid, id int64
		var hidden bool
		var width float64
		if err := rows.Scan(&cid, &id, &hidden, &width); err != nil {
			return fmt.Errorf("storage: comparison reports: %w", err)
		}
		c := of(cid)
		if c == nil {
			continue
		}
		c.Reports = append(c.Reports, id)
		if hidden {
			c.Hidden = append(c.Hidden, id)
		}
		if width > 0 {
			if c.Widths == nil {
				c.Widths = map[int64]float64{}
			}
			c.Widths[id] = width
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("storage: comparison reports: %w", err)
	}
	return nil
}

// nullID stores 0 as NULL, so an unset base is no foreign key.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
