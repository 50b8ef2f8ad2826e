-- The daily report as of its day: warning levels kept as a history, so a
-- past day is judged by the levels it had; issued reports carry who signed
-- them, whether they were filed late, and why a revision
-- was made.

-- Every level an item was given, overall (location_id 0) or at one
-- location; appended, never changed. The level in force at a moment is
-- the newest set before it; before its first setting, the first applies.
CREATE TABLE warning_levels (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES items (id),
    location_id INTEGER NOT NULL DEFAULT 0,
    level       INTEGER NOT NULL CHECK (level >= 0),
    set_at      TEXT    NOT NULL
) STRICT;
INSERT INTO warning_levels (item_id, location_id, level, set_at) SELECT id, 0, warning_level, created_at FROM items;
INSERT INTO warning_levels (item_id, location_id, level, set_at)
    SELECT w.item_id, w.location_id, w.level, i.created_at FROM location_warnings w JOIN items i ON i.id = w.item_id;
CREATE TRIGGER warning_levels_no_update BEFORE UPDATE ON warning_levels BEGIN
    SELECT RAISE(ABORT, 'warning level history is never changed');
END;
CREATE TRIGGER warning_levels_no_delete BEFORE DELETE ON warning_levels BEGIN
    SELECT RAISE(ABORT, 'warning level history is never deleted');
END;

-- Whether an item had any line before a day, without reading the ledger.
CREATE INDEX stock_moves_item_at ON stock_moves (item_id, at);

ALTER TABLE daily_reports ADD COLUMN signed_by TEXT NOT NULL DEFAULT '';     -- 签发人
ALTER TABLE daily_reports ADD COLUMN revision_note TEXT NOT NULL DEFAULT ''; -- 修订说明
ALTER TABLE daily_reports ADD COLUMN backfill INTEGER NOT NULL DEFAULT 0;    -- 补报: issued after a later day's
