-- 0005: the column widths the editor dragged, so a comparison reopens with
-- its columns as wide as they were left. 0 means the column was never
-- resized and shares the width left over with the other such columns.
ALTER TABLE comparison_reports ADD COLUMN width REAL NOT NULL DEFAULT 0;
