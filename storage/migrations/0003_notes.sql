-- 0003: the editor's work on a comparison: a summary note, a verdict and a
-- note per row, and the manual fixes to the aligner's rows.
--
-- Notes and fixes point at claims by anchors (app.Anchor: report ID,
-- fingerprint and text) stored as one JSON array per note or fix side, not
-- by row number: rows are rebuilt on every alignment, anchors are matched to
-- the new rows (package annotate). A report removed from the library leaves
-- its anchors in place, so a note about it is listed as orphaned rather than
-- lost. Both go with their comparison.
ALTER TABLE comparisons ADD COLUMN summary TEXT NOT NULL DEFAULT '';

CREATE TABLE notes (
	id         INTEGER PRIMARY KEY,
	comparison INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
	verdict    TEXT    NOT NULL DEFAULT 'unreviewed',
	text       TEXT    NOT NULL DEFAULT '',
	anchors    TEXT    NOT NULL DEFAULT '[]',
	created    TEXT    NOT NULL,
	updated    TEXT    NOT NULL
);

CREATE INDEX notes_comparison ON notes (comparison, id);

-- Fixes are re-applied in id order: a later fix acts on the rows the
-- earlier ones left.
CREATE TABLE fixes (
	id         INTEGER PRIMARY KEY,
	comparison INTEGER NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
	op         TEXT    NOT NULL CHECK (op IN ('link', 'split')),
	a          TEXT    NOT NULL,
	b          TEXT    NOT NULL,
	created    TEXT    NOT NULL
);

CREATE INDEX fixes_comparison ON fixes (comparison, id);
