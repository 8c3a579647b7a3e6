-- 0002: saved comparisons, so one reopens exactly as the editor left it.
--
-- A comparison's reports are rows of comparison_reports in column order.
-- Removing a report from the library takes it out of every comparison
-- (ON DELETE CASCADE) and, when it was the base, leaves the base unset;
-- removing a comparison never touches its reports.
CREATE TABLE comparisons (
	id         INTEGER PRIMARY KEY,
	name       TEXT    NOT NULL DEFAULT '',
	base       INTEGER REFERENCES reports (id) ON DELETE SET NULL,
	strictness REAL    NOT NULL DEFAULT 0,
	filter     TEXT    NOT NULL DEFAULT '',
	top_row    INTEGER NOT NULL DEFAULT 0,
	created    TEXT    NOT NULL,
	updated    TEXT    NOT NULL
);

CREATE INDEX comparisons_updated ON comparisons (updated DESC, id DESC);

CREATE TABLE comparison_reports (
	comparison INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
	report     INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	hidden     INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (comparison, report)
) WITHOUT ROWID;

CREATE INDEX comparison_reports_report ON comparison_reports (report);
