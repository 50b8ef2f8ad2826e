-- What a clerk had typed but not saved, kept every few seconds so that a
-- shutdown, a logoff or a crash loses none of it: the next start offers it
-- back. Scratch, not a record: replaced and deleted freely, never audited.
CREATE TABLE drafts (
    form     TEXT PRIMARY KEY, -- which form: staff, registration
    fields   TEXT NOT NULL,    -- JSON: field name to typed text
    saved_at TEXT NOT NULL
) STRICT;
