-- Checkpoints (卡口), the passages registered there, and the shift tallies
-- of posts that keep paper logs.

CREATE TABLE checkpoints (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL UNIQUE,
    kind            TEXT    NOT NULL,
    location        TEXT    NOT NULL DEFAULT '',
    manager         TEXT    NOT NULL DEFAULT '',
    phone           TEXT    NOT NULL DEFAULT '',
    opened_on       TEXT    NOT NULL,          -- date
    closed_on       TEXT,                      -- date; NULL while open
    shifts          TEXT    NOT NULL,          -- "08:00-16:00,16:00-00:00,00:00-08:00"
    staff_per_shift INTEGER NOT NULL DEFAULT 2 CHECK (staff_per_shift BETWEEN 1 AND 20),
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL
) STRICT;

-- One passage. Never deleted: a mistaken entry is voided with a reason.
CREATE TABLE registrations (
    id            INTEGER PRIMARY KEY,
    checkpoint_id INTEGER NOT NULL REFERENCES checkpoints (id),
    at            TEXT    NOT NULL,
    direction     TEXT    NOT NULL CHECK (direction IN ('进', '出')),
    name          TEXT    NOT NULL DEFAULT '',
    id_number     TEXT    NOT NULL DEFAULT '',
    -- The ID number reversed, so "the last digits" is a prefix an index can find.
    id_reversed   TEXT    NOT NULL DEFAULT '',
    id_override   TEXT    NOT NULL DEFAULT '', -- why a wrong check digit was accepted
    phone         TEXT    NOT NULL DEFAULT '',
    plate         TEXT    NOT NULL DEFAULT '',
    passengers    INTEGER NOT NULL DEFAULT 0 CHECK (passengers BETWEEN 0 AND 99),
    came_from     TEXT    NOT NULL DEFAULT '',
    going_to      TEXT    NOT NULL DEFAULT '',
    celsius       REAL             CHECK (celsius IS NULL OR celsius BETWEEN 34.0 AND 42.5),
    health_code   TEXT    NOT NULL DEFAULT '' CHECK (health_code IN ('', '绿', '黄', '红')),
    outcome       TEXT    NOT NULL CHECK (outcome IN ('放行', '劝返', '转送')),
    note          TEXT    NOT NULL DEFAULT '',
    voided_at     TEXT,
    void_reason   TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX registrations_post_at ON registrations (checkpoint_id, at);
CREATE INDEX registrations_at ON registrations (at);
CREATE INDEX registrations_id_reversed ON registrations (id_reversed) WHERE id_reversed != '';
CREATE INDEX registrations_plate ON registrations (plate) WHERE plate != '';
CREATE INDEX registrations_name ON registrations (name) WHERE name != '';
CREATE INDEX registrations_phone ON registrations (phone) WHERE phone != '';

-- A shift's counts from a paper log, entered instead of single passages.
CREATE TABLE tallies (
    id            INTEGER PRIMARY KEY,
    checkpoint_id INTEGER NOT NULL REFERENCES checkpoints (id),
    shift_start   TEXT    NOT NULL,
    shift_end     TEXT    NOT NULL,
    vehicles      INTEGER NOT NULL CHECK (vehicles >= 0),
    people        INTEGER NOT NULL CHECK (people >= 0),
    turned_back   INTEGER NOT NULL CHECK (turned_back >= 0),
    fevers        INTEGER NOT NULL CHECK (fevers >= 0),
    handed_over   INTEGER NOT NULL CHECK (handed_over >= 0),
    staff         TEXT    NOT NULL DEFAULT '',
    note          TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL,
    UNIQUE (checkpoint_id, shift_start)
) STRICT;
