-- Isolation sites (集中隔离点), their rooms, the people isolated there and
-- what is recorded during a stay. A room's state is never stored: it follows
-- from its stays and disinfections, so any past date can be answered too.

CREATE TABLE sites (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    address    TEXT NOT NULL DEFAULT '',
    manager    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE rooms (
    id             INTEGER PRIMARY KEY,
    site_id        INTEGER NOT NULL REFERENCES sites (id),
    building       TEXT    NOT NULL DEFAULT '',
    floor          INTEGER NOT NULL,
    number         TEXT    NOT NULL,
    capacity       INTEGER NOT NULL DEFAULT 1 CHECK (capacity >= 1),
    out_of_service INTEGER NOT NULL DEFAULT 0 CHECK (out_of_service IN (0, 1)),
    UNIQUE (site_id, building, number)
) STRICT;

-- One row per person per isolation (a second isolation of the same person
-- is a second row).
CREATE TABLE guests (
    id                INTEGER PRIMARY KEY,
    site_id           INTEGER NOT NULL REFERENCES sites (id),
    name              TEXT    NOT NULL,
    sex               TEXT    NOT NULL DEFAULT '',
    id_number         TEXT    NOT NULL DEFAULT '',
    birth_date        TEXT    NOT NULL DEFAULT '',
    phone             TEXT    NOT NULL DEFAULT '',
    category          TEXT    NOT NULL,
    came_from         TEXT    NOT NULL DEFAULT '',
    special_needs     TEXT    NOT NULL DEFAULT '',
    emergency_contact TEXT    NOT NULL DEFAULT '',
    emergency_phone   TEXT    NOT NULL DEFAULT '',
    note              TEXT    NOT NULL DEFAULT '',
    checked_in_at     TEXT    NOT NULL,
    planned_days      INTEGER NOT NULL,
    planned_release   TEXT    NOT NULL, -- date
    ended_at          TEXT,             -- NULL while in isolation
    outcome           TEXT    NOT NULL DEFAULT '',
    outcome_note      TEXT    NOT NULL DEFAULT '',
    created_at        TEXT    NOT NULL
) STRICT;
CREATE INDEX guests_site_open ON guests (site_id, ended_at);
CREATE INDEX guests_id_number ON guests (id_number);
CREATE INDEX guests_release ON guests (planned_release) WHERE ended_at IS NULL;

-- Which room a guest was in, from when to when: a move ends one row and
-- starts another, so occupancy on any date can be answered.
CREATE TABLE stays (
    id       INTEGER PRIMARY KEY,
    guest_id INTEGER NOT NULL REFERENCES guests (id),
    room_id  INTEGER NOT NULL REFERENCES rooms (id),
    start_at TEXT    NOT NULL,
    end_at   TEXT
) STRICT;
CREATE INDEX stays_room ON stays (room_id, end_at);
CREATE INDEX stays_guest ON stays (guest_id);
CREATE INDEX stays_open ON stays (room_id) WHERE end_at IS NULL;

-- Every change of the planned release date, with the old date kept.
CREATE TABLE release_changes (
    id          INTEGER PRIMARY KEY,
    guest_id    INTEGER NOT NULL REFERENCES guests (id),
    changed_at  TEXT    NOT NULL,
    old_release TEXT    NOT NULL,
    new_release TEXT    NOT NULL,
    reason      TEXT    NOT NULL
) STRICT;

CREATE TABLE temperatures (
    id       INTEGER PRIMARY KEY,
    guest_id INTEGER NOT NULL REFERENCES guests (id),
    taken_at TEXT    NOT NULL,
    celsius  REAL    NOT NULL CHECK (celsius BETWEEN 34.0 AND 42.5)
) STRICT;
CREATE INDEX temperatures_guest ON temperatures (guest_id, taken_at);

-- Nucleic-acid tests, scheduled at check-in from the day pattern.
CREATE TABLE tests (
    id          INTEGER PRIMARY KEY,
    guest_id    INTEGER NOT NULL REFERENCES guests (id),
    day         INTEGER NOT NULL,   -- day of isolation, 1 = check-in day
    due_date    TEXT    NOT NULL,
    sampled_at  TEXT,
    result      TEXT    NOT NULL DEFAULT '' CHECK (result IN ('', '待出', '阴性', '阳性'))
) STRICT;
CREATE INDEX tests_due ON tests (due_date, result);
CREATE INDEX tests_guest ON tests (guest_id);

CREATE TABLE disinfections (
    id      INTEGER PRIMARY KEY,
    room_id INTEGER NOT NULL REFERENCES rooms (id),
    done_at TEXT    NOT NULL,
    done_by TEXT    NOT NULL
) STRICT;
CREATE INDEX disinfections_room ON disinfections (room_id, done_at);
