-- Command-post settings as key/value pairs: a handful of values read at start.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    phone      TEXT    NOT NULL,
    unit       TEXT    NOT NULL DEFAULT '',
    kind       TEXT    NOT NULL DEFAULT '',
    may_lead   INTEGER NOT NULL DEFAULT 0 CHECK (may_lead IN (0, 1)),
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    note       TEXT    NOT NULL DEFAULT '',
    -- Pinyin initials of the name (张三 -> zs), kept so search can match them.
    initials   TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
) STRICT;

CREATE INDEX staff_name ON staff (name);
CREATE INDEX staff_phone ON staff (phone);
