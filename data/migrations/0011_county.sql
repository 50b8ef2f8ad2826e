-- 以镇为单位汇总上报: a county's program receives the townships' issued
-- reports as signed files (上报文件) and rolls them up.

-- The townships that report to this county, each known by the public key
-- its files are signed with (registered once, from its 登记文件 or a first
-- report file whose fingerprint was checked by phone). since is the first
-- day a report is expected of it.
CREATE TABLE townships (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    contact    TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    public_key BLOB    NOT NULL UNIQUE CHECK (length(public_key) = 32),
    since      TEXT    NOT NULL,
    active     INTEGER NOT NULL DEFAULT 1,
    created_at TEXT    NOT NULL
) STRICT;

-- Every report file received, kept as it came (its signed bytes): a newer
-- version of a township's day counts in the totals, the older stays.
-- Appended, never changed.
CREATE TABLE received_reports (
    id           INTEGER PRIMARY KEY,
    township_id  INTEGER NOT NULL REFERENCES townships (id),
    day          TEXT    NOT NULL,
    number       INTEGER NOT NULL,
    version      INTEGER NOT NULL,
    issued_at    TEXT    NOT NULL,
    zero         INTEGER NOT NULL, -- 零报告
    digest       TEXT    NOT NULL UNIQUE, -- SHA-256 of the file
    figures      TEXT    NOT NULL, -- JSON: the report as signed
    file_name    TEXT    NOT NULL,
    received_at  TEXT    NOT NULL,
    operator     TEXT    NOT NULL DEFAULT '',
    UNIQUE (township_id, day, version)
) STRICT;
CREATE INDEX received_reports_day ON received_reports (day, township_id, version);
CREATE TRIGGER received_reports_no_update BEFORE UPDATE ON received_reports BEGIN
    SELECT RAISE(ABORT, 'received reports are never changed');
END;
CREATE TRIGGER received_reports_no_delete BEFORE DELETE ON received_reports BEGIN
    SELECT RAISE(ABORT, 'received reports are never deleted');
END;

-- The county's own issued 全县疫情防控工作日报, numbered like the
-- townships' reports.
CREATE TABLE county_reports (
    id            INTEGER PRIMARY KEY,
    day           TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    figures       TEXT    NOT NULL, -- JSON: the county's day as issued
    events        TEXT    NOT NULL DEFAULT '',
    filled_by     TEXT    NOT NULL DEFAULT '',
    reviewed_by   TEXT    NOT NULL DEFAULT '',
    signed_by     TEXT    NOT NULL DEFAULT '',
    revision_note TEXT    NOT NULL DEFAULT '',
    backfill      INTEGER NOT NULL DEFAULT 0,
    issued_at     TEXT    NOT NULL,
    operator      TEXT    NOT NULL DEFAULT '',
    UNIQUE (day, version)
) STRICT;
CREATE TRIGGER county_reports_no_update BEFORE UPDATE ON county_reports BEGIN
    SELECT RAISE(ABORT, 'issued reports are never changed');
END;
CREATE TRIGGER county_reports_no_delete BEFORE DELETE ON county_reports BEGIN
    SELECT RAISE(ABORT, 'issued reports are never deleted');
END;
