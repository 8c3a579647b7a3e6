-- 0004: what a report's format adds to its text.
--
-- cues holds a transcript's timed cues (subtitles) as JSON, an array of
-- [offset, start in milliseconds, speaker], so each claim can show when it
-- was said; empty for other reports. ocr is 1 for text recognised from page
-- images (a scanned PDF).
ALTER TABLE reports ADD COLUMN cues TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0;
