-- Duty rosters: who is on which shift of which post, the day's leader
-- (带班领导), leave, and the duty officer's log.

-- A checkpoint may need one person of a kind on every shift (e.g. a
-- checkpoint shift needs one 民警/辅警); a site may ask for duty staff.
ALTER TABLE checkpoints ADD COLUMN required_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE sites ADD COLUMN duty_staff INTEGER NOT NULL DEFAULT 0 CHECK (duty_staff BETWEEN 0 AND 20);

-- One person on one shift of one post. post_kind 带班 is the day's leader:
-- shift_start is the day at 00:00 and post_id is 0; 指挥部 too has post_id 0.
CREATE TABLE duty (
    id          INTEGER PRIMARY KEY,
    post_kind   TEXT    NOT NULL CHECK (post_kind IN ('指挥部', '卡口', '隔离点', '带班')),
    post_id     INTEGER NOT NULL DEFAULT 0,
    shift_start TEXT    NOT NULL,
    shift_end   TEXT    NOT NULL,
    staff_id    INTEGER NOT NULL REFERENCES staff (id),
    note        TEXT    NOT NULL DEFAULT '', -- why a rule was knowingly broken
    created_at  TEXT    NOT NULL,
    UNIQUE (post_kind, post_id, shift_start, staff_id)
) STRICT;
CREATE INDEX duty_start ON duty (shift_start);
CREATE INDEX duty_staff ON duty (staff_id, shift_start);

-- Days a person is not available, both ends included.
CREATE TABLE staff_leave (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    from_date  TEXT    NOT NULL,
    to_date    TEXT    NOT NULL CHECK (to_date >= from_date),
    reason     TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX staff_leave_dates ON staff_leave (to_date, from_date);

-- 值班日志: what the duty officer records, and the handover to the next
-- shift. Appended, never changed.
CREATE TABLE duty_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT    NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('记录', '交接班')),
    caller     TEXT    NOT NULL DEFAULT '',
    matter     TEXT    NOT NULL,
    handling   TEXT    NOT NULL DEFAULT '',
    officer    TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL
) STRICT;
CREATE INDEX duty_log_at ON duty_log (at);
CREATE TRIGGER duty_log_no_update BEFORE UPDATE ON duty_log BEGIN
    SELECT RAISE(ABORT, 'the duty log is never changed');
END;
CREATE TRIGGER duty_log_no_delete BEFORE DELETE ON duty_log BEGIN
    SELECT RAISE(ABORT, 'the duty log is never changed');
END;
