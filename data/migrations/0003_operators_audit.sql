-- Operators: staff who may use the program, each with a PIN kept only as a
-- slow salted hash (bcrypt). Admins manage operators and restore backups.
CREATE TABLE operators (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL UNIQUE REFERENCES staff (id),
    role       TEXT    NOT NULL CHECK (role IN ('admin', 'clerk')),
    pin_hash   BLOB    NOT NULL,
    created_at TEXT    NOT NULL
) STRICT;

-- The audit trail: who changed what, when, with the values before and
-- after. The program only ever appends to it.
CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    operator    TEXT    NOT NULL, -- the operator's name, kept as it was then
    operator_id INTEGER,
    action      TEXT    NOT NULL, -- what was done, e.g. "save staff"
    entity      TEXT    NOT NULL, -- the table
    entity_id   INTEGER NOT NULL,
    old_value   TEXT    NOT NULL DEFAULT '', -- JSON
    new_value   TEXT    NOT NULL DEFAULT ''  -- JSON
) STRICT;
CREATE INDEX audit_at ON audit (at);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
