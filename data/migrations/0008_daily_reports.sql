-- Issued daily reports (疫情防控工作日报): the figures frozen as issued, so a
-- later correction to the ledgers never changes what was sent. Re-issuing
-- a day adds a version with the same number; nothing is changed or deleted.
CREATE TABLE daily_reports (
    id          INTEGER PRIMARY KEY,
    day         TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    figures     TEXT    NOT NULL, -- JSON: the day and the day before
    events      TEXT    NOT NULL DEFAULT '',
    filled_by   TEXT    NOT NULL DEFAULT '',
    reviewed_by TEXT    NOT NULL DEFAULT '',
    issued_at   TEXT    NOT NULL,
    operator    TEXT    NOT NULL DEFAULT '',
    UNIQUE (day, version)
) STRICT;
CREATE TRIGGER daily_reports_no_update BEFORE UPDATE ON daily_reports BEGIN
    SELECT RAISE(ABORT, 'issued reports are never changed');
END;
CREATE TRIGGER daily_reports_no_delete BEFORE DELETE ON daily_reports BEGIN
    SELECT RAISE(ABORT, 'issued reports are never deleted');
END;
