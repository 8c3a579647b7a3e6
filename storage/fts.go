package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mattn/go-sqlite3"
	"golang.org/x/text/unicode/norm"
)

// How full-text search is chosen
//
// go-sqlite3 compiles FTS5 in only under the build tag sqlite_fts5, so a
// library file may meet builds with and without it over its life. The FTS
// index therefore cannot be a numbered migration (a migration must run the
// same everywhere). Instead, after the migrations, Open asks SQLite whether
// FTS5 is compiled in (sqlite_compileoption_used('ENABLE_FTS5')) and:
//
//   - with FTS5: creates the external-content table reports_fts and the three
//     triggers that keep it in step with reports, if missing. When the table is
//     new, or any trigger was missing (a build without FTS5 dropped them and may
//     have changed reports since), it rebuilds the index from reports, so it is
//     never stale.
//   - without FTS5 (or with Options.NoFTS): drops the triggers, because a
//     trigger that writes to an fts5 table fails every insert and delete on
//     reports with "no such module: fts5". The virtual table itself is left in
//     place (dropping it needs the module); it is ignored until a build with
//     FTS5 opens the library and rebuilds it. Searches use LIKE meanwhile.
//
// Dropping triggers (a schema change) when an FTS-less build opens the
// library was chosen over refusing to open, because an editor who ran an
// older or differently built copy should still get at their reports.

// driverName is go-sqlite3 registered with Parallax's SQL functions.
const driverName = "sqlite3_parallax"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			// parallax_fold lowers case and strips diacritics with Go's
			// Unicode tables (SQLite's own lower() and LIKE fold ASCII
			// only), so the LIKE fallback matches "DÉRAA" to "Deraa" as
			// the FTS5 tokenizer does.
			return c.RegisterFunc("parallax_fold", fold, true)
		},
	})
}

// hasFTS5 reports whether the linked SQLite has the FTS5 module.
func hasFTS5(ctx context.Context, db *sql.DB) (bool, error) {
	var used bool
	if err := db.QueryRowContext(ctx, `SELECT sqlite_compileoption_used('ENABLE_FTS5')`).Scan(&used); err != nil {
		return false, fmt.Errorf("storage: check for full-text search: %w", err)
	}
	return used, nil
}

// ftsTriggers names the triggers that keep reports_fts in step with reports.
var ftsTriggers = []string{"reports_fts_ai", "reports_fts_ad", "reports_fts_au"}

const ftsCreateTable = `CREATE VIRTUAL TABLE reports_fts USING fts5(
	title, outlet, author, text,
	content='reports', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2'
)`

const ftsCreateTriggers = `
CREATE TRIGGER IF NOT EXISTS reports_fts_ai AFTER INSERT ON reports BEGIN
	INSERT INTO reports_fts(rowid, title, outlet, author, text)
	VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;
CREATE TRIGGER IF NOT EXISTS reports_fts_ad AFTER DELETE ON reports BEGIN
	INSERT INTO reports_fts(reports_fts, rowid, title, outlet, author, text)
	VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
END;
CREATE TRIGGER IF NOT EXISTS reports_fts_au AFTER UPDATE ON reports BEGIN
	INSERT INTO reports_fts(reports_fts, rowid, title, outlet, author, text)
	VALUES ('delete', old.id, old.title, old.outlet, old.author, old.text);
	INSERT INTO reports_fts(rowid, title, outlet, author, text)
	VALUES (new.id, new.title, new.outlet, new.author, new.text);
END;`

// setupFTS makes the schema match whether FTS5 is in use; see the comment at
// the top of this file.
func setupFTS(ctx context.Context, db *sql.DB, fts bool) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("storage: full-text index: begin: %w", err)
	}
	defer tx.Rollback()
	table, err := schemaCount(ctx, tx, "table", "reports_fts")
	if err != nil {
		return err
	}
	triggers, err := schemaCount(ctx, tx, "trigger", ftsTriggers...)
	if err != nil {
		return err
	}
	switch {
	case !fts && triggers == 0:
		return nil // nothing to undo; leave the file untouched
	case !fts:
		for _, name := range ftsTriggers {
			if _, err := tx.ExecContext(ctx, `DROP TRIGGER IF EXISTS `+name); err != nil {
				return fmt.Errorf("storage: full-text index: drop trigger: %w", err)
			}
		}
	case table == 1 && triggers == len(ftsTriggers):
		return nil // in step already
	default:
		if table == 0 {
			if _, err := tx.ExecContext(ctx, ftsCreateTable); err != nil {
				return fmt.Errorf("storage: full-text index: create: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, ftsCreateTriggers); err != nil {
			return fmt.Errorf("storage: full-text index: create triggers: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO reports_fts(reports_fts) VALUES ('rebuild')`); err != nil {
			return fmt.Errorf("storage: full-text index: rebuild: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("storage: full-text index: commit: %w", err)
	}
	return nil
}

// schemaCount counts schema objects of one type among names.
func schemaCount(ctx context.Context, q queryer, typ string, names ...string) (int, error) {
	args := []any{typ}
	marks := make([]string, len(names))
	for i, n := range names {
		marks[i] = "?"
		args = append(args, n)
	}
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type = ? AND name IN (`+strings.Join(marks, ",")+`)`,
		args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("storage: read schema: %w", err)
	}
	return n, nil
}

// fold lowers s and strips its diacritics, close to what FTS5's unicode61
// tokenizer with remove_diacritics 2 does to tokens, so both search paths
// agree on what matches.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		foldRune(&b, r)
	}
	return b.String()
}

// foldRune writes r decomposed, without its combining marks, lowered.
func foldRune(b *strings.Builder, r rune) {
	if unicode.Is(unicode.Mn, r) {
		return
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	if norm.NFD.IsNormal(buf[:n]) {
		b.WriteRune(unicode.ToLower(r))
		return
	}
	for _, d := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, d) {
			b.WriteRune(unicode.ToLower(d))
		}
	}
}
