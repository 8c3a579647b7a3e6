-- 0001: the library's reports and its small library-wide settings.
--
-- Times are UTC text in a fixed-width RFC 3339 form (nine fraction digits),
-- so that ORDER BY on the text is ORDER BY on the time.
-- hash is the SHA-256 of text: the same report added twice is recognised
-- whatever metadata came with it.
CREATE TABLE reports (
	id        INTEGER PRIMARY KEY,
	title     TEXT    NOT NULL DEFAULT '',
	outlet    TEXT    NOT NULL DEFAULT '',
	author    TEXT    NOT NULL DEFAULT '',
	published TEXT    NOT NULL DEFAULT '',
	url       TEXT    NOT NULL DEFAULT '',
	file_name TEXT    NOT NULL DEFAULT '',
	format    TEXT    NOT NULL DEFAULT '',
	text      TEXT    NOT NULL DEFAULT '',
	hash      TEXT    NOT NULL UNIQUE,
	words     INTEGER NOT NULL DEFAULT 0,
	created   TEXT    NOT NULL,
	updated   TEXT    NOT NULL
);

CREATE INDEX reports_created ON reports (created DESC, id DESC);

CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;
