package storage

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"

	"parallax/app"
)

// Recovering a damaged library
//
// SQLite's own recovery (the sqlite3 shell's .recover) is not in the
// driver's build, and Debian's shell of SQLite 3.40 fails on it, so
// Recover salvages through plain queries, table by table, into a new
// library of the current schema. A damaged b-tree page breaks a scan at
// the rows it holds: each table is read forwards until the first error,
// backwards (descending key) until the first error, and, for tables with
// row IDs, the gap between is probed one row ID at a time, so only the
// rows on damaged pages are lost. Rows are inserted parents first (the
// tables' creation order), and a row whose parent was lost is dropped
// rather than left dangling. The full-text index is rebuilt by the new
// library's triggers.

// maxProbe bounds the row IDs probed one by one in a table's gap: more
// than any library holds, fewer than would take minutes.
const maxProbe = 2_000_000

// Recover copies what can be read of the library at path, which may be
// damaged, into a new library at dest (which must not exist), and says
// per table what was saved. The damaged file is only read.
func Recover(ctx context.Context, path, dest string) ([]app.Salvaged, error) {
	if _, err := os.Lstat(dest); err == nil {
		return nil, fmt.Errorf("storage: recover: %s already exists", dest)
	}
	if exists, err := checkFile(path); err != nil || !exists {
		return nil, fmt.Errorf("storage: recover %s: not a library file (%v)", path, err)
	}
	src, err := openReadOnly(path, Options{Reason: "it is being recovered"}, true)
	if err != nil {
		return nil, fmt.Errorf("storage: recover: %w", err)
	}
	defer src.Close()
	out, err := Open(dest)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	tables, err := userTables(ctx, out.db)
	if err != nil {
		return nil, err
	}
	var saved []app.Salvaged
	err = out.inTx(ctx, func(tx *sql.Tx) error {
		for _, t := range tables {
			s, err := salvageTable(ctx, src.db, tx, t)
			if err != nil {
				return err
			}
			saved = append(saved, s)
		}
		return nil
	})
	return saved, err
}

// table is one table of the schema: its name, columns and whether it has
// row IDs, with the key it is read in order of.
type table struct {
	name    string
	cols    []string
	rowid   bool
	orderBy string
}

// userTables lists the library's own tables in creation order (parents
// before the tables that refer to them), without SQLite's and the
// full-text index's.
func userTables(ctx context.Context, db *sql.DB) ([]table, error) {
	rows, err := db.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'reports_fts%' ORDER BY rowid`)
	if err != nil {
		return nil, fmt.Errorf("storage: recover: read schema: %w", err)
	}
	defer rows.Close()
	var out []table
	for rows.Next() {
		var t table
		var ddl string
		if err := rows.Scan(&t.name, &ddl); err != nil {
			return nil, err
		}
		t.rowid = !strings.Contains(strings.ToUpper(ddl), "WITHOUT ROWID")
		out = append(out, t)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		cols, pk, err := columns(ctx, db, out[i].name)
		if err != nil {
			return nil, err
		}
		out[i].cols = cols
		out[i].orderBy = "rowid"
		if !out[i].rowid {
			out[i].orderBy = strings.Join(pk, ", ")
		}
	}
	return out, nil
}

// columns are a table's columns and its primary key's, in key order.
func columns(ctx context.Context, db queryer, name string) (cols, pk []string, err error) {
	rows, err := db.QueryContext(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, name)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	keys := map[int]string{}
	for rows.Next() {
		var c string
		var k int
		if err := rows.Scan(&c, &k); err != nil {
			return nil, nil, err
		}
		cols = append(cols, c)
		if k > 0 {
			keys[k] = c
		}
	}
	for k := 1; k <= len(keys); k++ {
		pk = append(pk, keys[k])
	}
	return cols, pk, rows.Err()
}

// salvageTable copies what can be read of t from src into the new library.
// Columns the damaged library's older schema lacks get their defaults.
func salvageTable(ctx context.Context, src *sql.DB, tx *sql.Tx, t table) (app.Salvaged, error) {
	s := app.Salvaged{Table: t.name}
	have, _, err := columns(ctx, src, t.name)
	if err != nil || len(have) == 0 {
		return s, nil // the table is missing or unreadable in the damaged file
	}
	var cols []string
	for _, c := range t.cols {
		for _, h := range have {
			if h == c {
				cols = append(cols, `"`+c+`"`)
			}
		}
	}
	list := strings.Join(cols, ", ")
	insert, err := tx.PrepareContext(ctx, fmt.Sprintf(`INSERT OR IGNORE INTO "%s" (%s) VALUES (%s)`,
		t.name, list, strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ")))
	if err != nil {
		return s, fmt.Errorf("storage: recover %s: %w", t.name, err)
	}
	defer insert.Close()
	seen := map[int64]bool{}
	keep := func(rowid int64, vals []any) {
		if t.rowid {
			if seen[rowid] {
				return
			}
			seen[rowid] = true
		}
		if _, err := insert.ExecContext(ctx, vals...); err != nil {
			s.Lost++
			return
		}
		s.Rows++
	}
	sel := list
	if t.rowid {
		sel = "rowid, " + list
	}
	first, okF := scan(ctx, src, fmt.Sprintf(`SELECT %s FROM "%s" ORDER BY %s`, sel, t.name, t.orderBy), t.rowid, len(cols), keep)
	if okF {
		return s, nil
	}
	descending := strings.ReplaceAll(t.orderBy, ",", " DESC,") + " DESC"
	last, _ := scan(ctx, src, fmt.Sprintf(`SELECT %s FROM "%s" ORDER BY %s`, sel, t.name, descending), t.rowid, len(cols), keep)
	if !t.rowid {
		s.Partial = true
		return s, nil
	}
	if last == 0 {
		// The backward scan failed at once: the largest row ID is on the
		// tree's rightmost path, which may still read.
		if err := src.QueryRowContext(ctx, fmt.Sprintf(`SELECT max(rowid) FROM "%s"`, t.name)).Scan(&last); err != nil {
			last = first + maxProbe
		}
		last++
	}
	last = min(last, first+maxProbe)
	one := fmt.Sprintf(`SELECT %s FROM "%s" WHERE rowid = ?`, sel, t.name)
	for id := first + 1; id < last; id++ {
		vals := make([]any, len(cols)+1)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		switch err := src.QueryRowContext(ctx, one, id).Scan(ptrs...); err {
		case nil:
			keep(id, vals[1:])
		case sql.ErrNoRows:
		default:
			s.Unread++
		}
	}
	return s, nil
}

// scan runs query and hands each row to keep until the rows end (ok) or an
// error stops them. With rowids, the first column is the row ID; it
// returns the last row ID read.
func scan(ctx context.Context, db *sql.DB, query string, rowid bool, n int, keep func(int64, []any)) (last int64, ok bool) {
	rows, err := db.QueryContext(ctx, query)
	if err != nil {
		return 0, false
	}
	defer rows.Close()
	width := n
	if rowid {
		width++
	}
	for rows.Next() {
		vals := make([]any, width)
		ptrs := make([]any, width)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return last, false
		}
		if rowid {
			last, _ = vals[0].(int64)
			keep(last, vals[1:])
		} else {
			keep(0, vals)
		}
	}
	return last, rows.Err() == nil
}
