-- Protective material: the catalogue, the places stock is kept, the ledger
-- of every movement, and the balances the ledger adds up to.

-- Where stock is kept: the command post's store and any other store added
-- by hand, plus one per checkpoint and isolation site, made by the
-- triggers below so no post is ever missing.
CREATE TABLE locations (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('仓库', '卡口', '隔离点')),
    name          TEXT    NOT NULL,
    checkpoint_id INTEGER UNIQUE REFERENCES checkpoints (id),
    site_id       INTEGER UNIQUE REFERENCES sites (id),
    UNIQUE (kind, name)
) STRICT;
INSERT INTO locations (kind, name) VALUES ('仓库', '指挥部仓库');
INSERT INTO locations (kind, name, checkpoint_id) SELECT '卡口', name, id FROM checkpoints;
INSERT INTO locations (kind, name, site_id) SELECT '隔离点', name, id FROM sites;
CREATE TRIGGER checkpoint_location AFTER INSERT ON checkpoints BEGIN
    INSERT INTO locations (kind, name, checkpoint_id) VALUES ('卡口', NEW.name, NEW.id);
END;
CREATE TRIGGER checkpoint_location_name AFTER UPDATE OF name ON checkpoints BEGIN
    UPDATE locations SET name = NEW.name WHERE checkpoint_id = NEW.id;
END;
CREATE TRIGGER site_location AFTER INSERT ON sites BEGIN
    INSERT INTO locations (kind, name, site_id) VALUES ('隔离点', NEW.name, NEW.id);
END;
CREATE TRIGGER site_location_name AFTER UPDATE OF name ON sites BEGIN
    UPDATE locations SET name = NEW.name WHERE site_id = NEW.id;
END;

CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    spec          TEXT    NOT NULL DEFAULT '',
    unit          TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    warning_level INTEGER NOT NULL DEFAULT 0 CHECK (warning_level >= 0), -- all locations together
    tracks_expiry INTEGER NOT NULL DEFAULT 0,  -- lines carry a batch and an expiry date
    active        INTEGER NOT NULL DEFAULT 1,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    UNIQUE (name, spec)
) STRICT;

-- A warning level for one item at one location, beside the overall one.
CREATE TABLE location_warnings (
    item_id     INTEGER NOT NULL REFERENCES items (id),
    location_id INTEGER NOT NULL REFERENCES locations (id),
    level       INTEGER NOT NULL CHECK (level > 0),
    PRIMARY KEY (item_id, location_id)
) STRICT, WITHOUT ROWID;

-- The ledger (台账): one line per item per location, quantity signed. A
-- movement's lines share a voucher (an issue of several items, the two
-- sides of a transfer). Lines are never changed: a mistake is reversed by
-- a 冲正 line that points to it.
CREATE TABLE stock_moves (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    kind          TEXT    NOT NULL CHECK (kind IN ('入库', '出库', '调拨', '盘点', '报损', '冲正')),
    item_id       INTEGER NOT NULL REFERENCES items (id),
    location_id   INTEGER NOT NULL REFERENCES locations (id),
    quantity      INTEGER NOT NULL CHECK (quantity != 0),
    batch         TEXT    NOT NULL DEFAULT '',
    expires_on    TEXT,
    source        TEXT    NOT NULL DEFAULT '', -- 入库: 上级调拨, 采购 or 社会捐赠
    donor         TEXT    NOT NULL DEFAULT '',
    donor_contact TEXT    NOT NULL DEFAULT '',
    recipient     TEXT    NOT NULL DEFAULT '', -- 出库: the post, site or person it went to
    receiver      TEXT    NOT NULL DEFAULT '', -- who signed for it
    reason        TEXT    NOT NULL DEFAULT '', -- 盘点, 报损, 冲正
    handler       TEXT    NOT NULL DEFAULT '',
    note          TEXT    NOT NULL DEFAULT '',
    voucher       TEXT    NOT NULL,
    reverses      INTEGER UNIQUE REFERENCES stock_moves (id),
    operator      TEXT    NOT NULL DEFAULT '',
    created_at    TEXT    NOT NULL
) STRICT;
CREATE INDEX stock_moves_item ON stock_moves (item_id, id);
CREATE INDEX stock_moves_at ON stock_moves (at);
CREATE INDEX stock_moves_voucher ON stock_moves (voucher);
CREATE TRIGGER stock_moves_no_update BEFORE UPDATE ON stock_moves BEGIN
    SELECT RAISE(ABORT, 'ledger lines are never changed');
END;
CREATE TRIGGER stock_moves_no_delete BEFORE DELETE ON stock_moves BEGIN
    SELECT RAISE(ABORT, 'ledger lines are never deleted');
END;

-- What the ledger adds up to per item, location and batch, kept in the
-- same transaction as each line; never below zero.
CREATE TABLE stock (
    item_id     INTEGER NOT NULL REFERENCES items (id),
    location_id INTEGER NOT NULL REFERENCES locations (id),
    batch       TEXT    NOT NULL,
    expires_on  TEXT,
    on_hand     INTEGER NOT NULL CHECK (on_hand >= 0),
    PRIMARY KEY (item_id, location_id, batch)
) STRICT, WITHOUT ROWID;
