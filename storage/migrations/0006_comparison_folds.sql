-- 0006: the runs of single-source rows the editor unfolded in a comparison
-- (app.Comparison.Unfolded), so a comparison reopens folded as it was left.
--
-- One "reportID:claim" name per run, separated by spaces; empty means every
-- run is folded, the default.
ALTER TABLE comparisons ADD COLUMN unfolded TEXT NOT NULL DEFAULT '';
