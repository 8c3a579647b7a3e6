package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"parallax/app"
)

// reportColumns are the columns of a report listing: everything but text,
// which can be large and which lists never show, and its tags.
var reportColumns = `id, title, outlet, author, published, url, file_name, format, hash, words, ocr, created, updated, ` + tagsOf("reports")

// AddReport stores r and sets its ID, Created and Updated (and its Hash, when
// empty, to the SHA-256 of its text). When a report with the same hash is
// already stored it returns a *app.DuplicateError naming it and stores
// nothing; the check and the insert share one transaction, so two adds of the
// same text cannot both succeed.
func (db *DB) AddReport(ctx context.Context, r *app.Report) error {
	if r == nil {
		return errors.New("storage: add report: nil report")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		hash := r.Hash
		if hash == "" {
			sum := sha256.Sum256([]byte(r.Text))
			hash = hex.EncodeToString(sum[:])
		}
		existing, err := findReportByHash(ctx, tx, hash)
		switch {
		case err == nil:
			return &app.DuplicateError{Existing: existing}
		case !errors.Is(err, app.ErrNotFound):
			return err
		}
		now := db.now().UTC()
		id, err := insertReport(ctx, tx, r, hash, now)
		if err != nil {
			return err
		}
		r.ID, r.Hash, r.Created, r.Updated = id, hash, now, now
		return nil
	})
}

// UpdateReport rewrites a stored report's text and metadata (a re-import
// or an edit) keeping its ID, so it stays in its comparisons, and sets its
// Hash and Updated. Text that another report already has is refused with a
// *app.DuplicateError and nothing changes.
func (db *DB) UpdateReport(ctx context.Context, r *app.Report) error {
	if r == nil {
		return errors.New("storage: update report: nil report")
	}
	return db.inTx(ctx, func(tx *sql.Tx) error {
		sum := sha256.Sum256([]byte(r.Text))
		hash := hex.EncodeToString(sum[:])
		existing, err := findReportByHash(ctx, tx, hash)
		switch {
		case err == nil && existing.ID != r.ID:
			return &app.DuplicateError{Existing: existing}
		case err != nil && !errors.Is(err, app.ErrNotFound):
			return err
		}
		now := db.now().UTC()
		cues, err := encodeCues(r.Cues)
		if err != nil {
			return fmt.Errorf("storage: update report %d: %w", r.ID, err)
		}
		res, err := tx.ExecContext(ctx, `
			UPDATE reports SET title = ?, outlet = ?, author = ?, published = ?, url = ?, file_name = ?,
				format = ?, text = ?, hash = ?, words = ?, cues = ?, ocr = ?, updated = ?
			WHERE id = ?`,
			r.Title, r.Outlet, r.Author, r.Published, r.URL, r.FileName, r.Format, r.Text, hash, r.Words,
			cues, r.OCR, formatTime(now), r.ID)
		if err != nil {
			return fmt.Errorf("storage: update report %d: %w", r.ID, err)
		}
		if err := oneRow(res); err != nil {
			return fmt.Errorf("storage: update report %d: %w", r.ID, err)
		}
		r.Hash, r.Updated = hash, now
		return nil
	})
}

// insertReport writes r as a new row stamped now and returns its ID.
func insertReport(ctx context.Context, tx *sql.Tx, r *app.Report, hash string, now time.Time) (int64, error) {
	stamp := formatTime(now)
	cues, err := encodeCues(r.Cues)
	if err != nil {
		return 0, fmt.Errorf("storage: insert report: %w", err)
	}
	res, err := tx.ExecContext(ctx, `
		INSERT INTO reports (title, outlet, author, published, url, file_name, format, text, hash, words,
			cues, ocr, created, updated)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Title, r.Outlet, r.Author, r.Published, r.URL, r.FileName, r.Format, r.Text, hash, r.Words,
		cues, r.OCR, stamp, stamp)
	if err != nil {
		return 0, fmt.Errorf("storage: insert report: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("storage: insert report: %w", err)
	}
	return id, nil
}

// findReportByHash returns the stored report (without text) whose text has
// this hash, or app.ErrNotFound.
func findReportByHash(ctx context.Context, q queryer, hash string) (app.Report, error) {
	r, err := scanReport(q.QueryRowContext(ctx, `SELECT `+reportColumns+` FROM reports WHERE hash = ?`, hash))
	if err != nil {
		return app.Report{}, fmt.Errorf("storage: find report by hash: %w", err)
	}
	return r, nil
}

// Report returns one report with its text, or app.ErrNotFound.
func (db *DB) Report(ctx context.Context, id int64) (app.Report, error) {
	return findReport(ctx, db.db, id)
}

// findReport reads one report with its text and cues.
func findReport(ctx context.Context, q queryer, id int64) (app.Report, error) {
	var text, cues string
	r, err := scanReport(q.QueryRowContext(ctx, `SELECT `+reportColumns+`, text, cues FROM reports WHERE id = ?`, id), &text, &cues)
	if err != nil {
		return app.Report{}, fmt.Errorf("storage: report %d: %w", id, err)
	}
	r.Text = text
	if r.Cues, err = decodeCues(cues); err != nil {
		return app.Report{}, fmt.Errorf("storage: report %d: cues: %w", id, err)
	}
	return r, nil
}

// Reports lists every report, newest first, without their text: a listing
// needs the metadata only, and texts can run to megabytes.
func (db *DB) Reports(ctx context.Context) ([]app.Report, error) {
	return listReports(ctx, db.db)
}

// listReports reads every report's metadata, newest first.
func listReports(ctx context.Context, q queryer) ([]app.Report, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+reportColumns+` FROM reports ORDER BY created DESC, id DESC`)
	if err != nil {
		return nil, fmt.Errorf("storage: list reports: %w", err)
	}
	defer rows.Close()
	var out []app.Report
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, fmt.Errorf("storage: list reports: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("storage: list reports: %w", err)
	}
	return out, nil
}

// RemoveReport deletes one report, or returns app.ErrNotFound.
func (db *DB) RemoveReport(ctx context.Context, id int64) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return deleteReport(ctx, tx, id) })
}

// deleteReport deletes one row; the FTS trigger removes it from the index.
func deleteReport(ctx context.Context, tx *sql.Tx, id int64) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("storage: remove report %d: %w", id, err)
	}
	if err := oneRow(res); err != nil {
		return fmt.Errorf("storage: remove report %d: %w", id, err)
	}
	return nil
}

// oneRow turns a statement that changed no row into app.ErrNotFound: the
// ID it named is not in the library.
func oneRow(res sql.Result) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return app.ErrNotFound
	}
	return nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanReport reads reportColumns, then any extra destinations, from s.
// sql.ErrNoRows becomes app.ErrNotFound so callers never see (zero, nil).
func scanReport(s scanner, extra ...any) (app.Report, error) {
	var r app.Report
	var created, updated, tags string
	dest := append([]any{&r.ID, &r.Title, &r.Outlet, &r.Author, &r.Published, &r.URL,
		&r.FileName, &r.Format, &r.Hash, &r.Words, &r.OCR, &created, &updated, &tags}, extra...)
	if err := s.Scan(dest...); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return app.Report{}, app.ErrNotFound
		}
		return app.Report{}, err
	}
	var err error
	if r.Created, err = parseTime(created); err != nil {
		return app.Report{}, err
	}
	if r.Updated, err = parseTime(updated); err != nil {
		return app.Report{}, err
	}
	r.Tags = splitTags(tags)
	return r, nil
}

// encodeCues writes a transcript's cues as the cues column holds them: a
// JSON array of [offset, start in milliseconds, speaker], compact because a
// broadcast has thousands; "" when there are none.
func encodeCues(cues []app.Cue) (string, error) {
	if len(cues) == 0 {
		return "", nil
	}
	rows := make([][3]any, len(cues))
	for i, c := range cues {
		rows[i] = [3]any{c.Offset, c.Start.Milliseconds(), c.Speaker}
	}
	b, err := json.Marshal(rows)
	return string(b), err
}

// decodeCues reads the cues column.
func decodeCues(s string) ([]app.Cue, error) {
	if s == "" {
		return nil, nil
	}
	var raw [][3]json.RawMessage
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	out := make([]app.Cue, len(raw))
	for i, r := range raw {
		var ms int64
		if err := errors.Join(json.Unmarshal(r[0], &out[i].Offset), json.Unmarshal(r[1], &ms),
			json.Unmarshal(r[2], &out[i].Speaker)); err != nil {
			return nil, err
		}
		out[i].Start = time.Duration(ms) * time.Millisecond
	}
	return out, nil
}
