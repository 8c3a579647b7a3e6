package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"parallax/app"
)

// Notes returns a comparison's notes in the order they were first written.
func (db *DB) Notes(ctx context.Context, comparison int64) ([]app.Note, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT id, comparison, verdict, text, anchors, created, updated FROM notes
		WHERE comparison = ? ORDER BY id`, comparison)
	if err != nil {
		return nil, fmt.Errorf("storage: notes of comparison %d: %w", comparison, err)
	}
	defer rows.Close()
	var out []app.Note
	for rows.Next() {
		var n app.Note
		var verdict, anchors, created, updated string
		if err := rows.Scan(&n.ID, &n.Comparison, &verdict, &n.Text, &anchors, &created, &updated); err != nil {
			return nil, fmt.Errorf("storage: notes of comparison %d: %w", comparison, err)
		}
		n.Verdict = app.Verdict(verdict)
		if err := json.Unmarshal([]byte(anchors), &n.Anchors); err != nil {
			return nil, fmt.Errorf("storage: note %d anchors: %w", n.ID, err)
		}
		if n.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		if n.Updated, err = parseTime(updated); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: notes of comparison %d: %w", comparison, err)
	}
	return out, nil
}

// SaveNote inserts n when its ID is 0 (setting ID and Created), else
// rewrites its verdict, text and anchors; either way it sets Updated. An
// unknown verdict is refused before anything is written.
func (db *DB) SaveNote(ctx context.Context, n *app.Note) error {
	if n == nil {
		return errors.New("storage: save note: nil note")
	}
	if !n.Verdict.Valid() {
		return fmt.Errorf("storage: save note: unknown verdict %q", n.Verdict)
	}
	anchors, err := marshalAnchors(n.Anchors)
	if err != nil {
		return fmt.Errorf("storage: save note: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.now().UTC()
		stamp := formatTime(now)
		if n.ID == 0 {
			res, err := tx.ExecContext(ctx, `
				INSERT INTO notes (comparison, verdict, text, anchors, created, updated) VALUES (?, ?, ?, ?, ?, ?)`,
				n.Comparison, string(n.Verdict.Or()), n.Text, anchors, stamp, stamp)
			if err != nil {
				return fmt.Errorf("storage: insert note: %w", err)
			}
			id, err := res.LastInsertId()
			if err != nil {
				return fmt.Errorf("storage: insert note: %w", err)
			}
			n.ID, n.Created = id, now
		} else {
			res, err := tx.ExecContext(ctx, `UPDATE notes SET verdict = ?, text = ?, anchors = ?, updated = ? WHERE id = ?`,
				string(n.Verdict.Or()), n.Text, anchors, stamp, n.ID)
			if err != nil {
				return fmt.Errorf("storage: update note %d: %w", n.ID, err)
			}
			if err := oneRow(res); err != nil {
				return fmt.Errorf("storage: update note %d: %w", n.ID, err)
			}
		}
		n.Updated = now
		return nil
	})
}

// RemoveNote deletes one note, or returns app.ErrNotFound.
func (db *DB) RemoveNote(ctx context.Context, id int64) error {
	return db.removeOne(ctx, "notes", "note", id)
}

// Fixes returns a comparison's manual fixes in the order they were made,
// which is the order they are re-applied in.
func (db *DB) Fixes(ctx context.Context, comparison int64) ([]app.Fix, error) {
	rows, err := db.db.QueryContext(ctx, `
		SELECT id, comparison, op, a, b, created FROM fixes WHERE comparison = ? ORDER BY id`, comparison)
	if err != nil {
		return nil, fmt.Errorf("storage: fixes of comparison %d: %w", comparison, err)
	}
	defer rows.Close()
	var out []app.Fix
	for rows.Next() {
		var f app.Fix
		var op, a, b, created string
		if err := rows.Scan(&f.ID, &f.Comparison, &op, &a, &b, &created); err != nil {
			return nil, fmt.Errorf("storage: fixes of comparison %d: %w", comparison, err)
		}
		f.Op = app.FixOp(op)
		if err := json.Unmarshal([]byte(a), &f.A); err != nil {
			return nil, fmt.Errorf("storage: fix %d: %w", f.ID, err)
		}
		if err := json.Unmarshal([]byte(b), &f.B); err != nil {
			return nil, fmt.Errorf("storage: fix %d: %w", f.ID, err)
		}
		if f.Created, err = parseTime(created); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: fixes of comparison %d: %w", comparison, err)
	}
	return out, nil
}

// AddFix stores f after the comparison's other fixes and sets its ID and
// Created.
func (db *DB) AddFix(ctx context.Context, f *app.Fix) error {
	if f == nil {
		return errors.New("storage: add fix: nil fix")
	}
	if f.Op != app.FixLink && f.Op != app.FixSplit {
		return fmt.Errorf("storage: add fix: unknown operation %q", f.Op)
	}
	a, err := marshalAnchors(f.A)
	if err != nil {
		return fmt.Errorf("storage: add fix: %w", err)
	}
	b, err := marshalAnchors(f.B)
	if err != nil {
		return fmt.Errorf("storage: add fix: %w", err)
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		now := db.now().UTC()
		res, err := tx.ExecContext(ctx, `INSERT INTO fixes (comparison, op, a, b, created) VALUES (?, ?, ?, ?, ?)`,
			f.Comparison, string(f.Op), a, b, formatTime(now))
		if err != nil {
			return fmt.Errorf("storage: insert fix: %w", err)
		}
		id, err := res.LastInsertId()
		if err != nil {
			return fmt.Errorf("storage: insert fix: %w", err)
		}
		f.ID, f.Created = id, now
		return nil
	})
}

// RemoveFix deletes one fix (an undo), or returns app.ErrNotFound.
func (db *DB) RemoveFix(ctx context.Context, id int64) error {
	return db.removeOne(ctx, "fixes", "fix", id)
}

// removeOne deletes the row id of table; what names it in errors.
func (db *DB) removeOne(ctx context.Context, table, what string, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("storage: remove %s %d: %w", what, id, err)
		}
		if err := oneRow(res); err != nil {
			return fmt.Errorf("storage: remove %s %d: %w", what, id, err)
		}
		return nil
	})
}

// marshalAnchors writes anchors as a JSON array, never null.
func marshalAnchors(a []app.Anchor) (string, error) {
	if a == nil {
		a = []app.Anchor{}
	}
	b, err := json.Marshal(a)
	return string(b), err
}
