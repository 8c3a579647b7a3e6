-- 0007: tags an editor puts on reports (app.Report.Tags), several per
-- report, to sort a growing library by story, desk or status.
--
-- A tag's name is unique without regard to case: "Syria" and "syria" are
-- one tag, written as it was first written. Removing a report or a tag
-- removes its links.
CREATE TABLE tags (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE report_tags (
	report INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
	tag    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
	PRIMARY KEY (report, tag)
) WITHOUT ROWID;

CREATE INDEX report_tags_by_tag ON report_tags (tag, report);
