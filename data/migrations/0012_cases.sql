-- 异常情况: every abnormal case found (a fever or a hand-over at a
-- checkpoint, a fever or a positive test at an isolation site, a matter
-- reported by telephone) and the steps that followed it until it was
-- settled. Both tables are ledgers: appended, never changed.

CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    opened_at       TEXT    NOT NULL, -- when it was found
    source          TEXT    NOT NULL CHECK (source IN ('卡口发热', '卡口转送', '隔离点发热', '隔离点阳性', '接报')),
    place           TEXT    NOT NULL DEFAULT '', -- the post or site, named as it was then
    checkpoint_id   INTEGER REFERENCES checkpoints (id),
    registration_id INTEGER REFERENCES registrations (id),
    site_id         INTEGER REFERENCES sites (id),
    guest_id        INTEGER REFERENCES guests (id),
    name            TEXT    NOT NULL DEFAULT '',
    id_number       TEXT    NOT NULL DEFAULT '',
    id_reversed     TEXT    NOT NULL DEFAULT '', -- the last digits as a prefix
    phone           TEXT    NOT NULL DEFAULT '',
    plate           TEXT    NOT NULL DEFAULT '',
    came_from       TEXT    NOT NULL DEFAULT '',
    celsius         REAL,
    what            TEXT    NOT NULL DEFAULT '', -- what was reported, or the passage's note
    found_by        TEXT    NOT NULL DEFAULT '', -- the operator, or who took the call
    created_at      TEXT    NOT NULL
) STRICT;
CREATE INDEX cases_opened ON cases (opened_at);
CREATE INDEX cases_guest ON cases (guest_id) WHERE guest_id IS NOT NULL;
CREATE INDEX cases_registration ON cases (registration_id) WHERE registration_id IS NOT NULL;

-- A step taken on a case: handed over to a unit and a receiver, a result,
-- a check-in at a site, a finding at the site (发热, 阳性), its closing
-- (办结, with the conclusion) and a reopening (with the reason).
CREATE TABLE case_steps (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    at             TEXT    NOT NULL, -- when it happened, as typed
    kind           TEXT    NOT NULL CHECK (kind IN ('移交', '结果', '入住', '发热', '阳性', '办结', '重新打开')),
    celsius        REAL, -- 发热: the reading
    unit           TEXT    NOT NULL DEFAULT '' CHECK (unit IN ('', '发热门诊', '定点医院', '集中隔离点', '村/社区', '居家')),
    receiver       TEXT    NOT NULL DEFAULT '',
    receiver_phone TEXT    NOT NULL DEFAULT '',
    -- 登记作废 settles the case of a passage voided as a mistake.
    result         TEXT    NOT NULL DEFAULT '' CHECK (result IN ('', '排除', '留观', '转集中隔离', '转院', '确诊', '其他', '登记作废')),
    note           TEXT    NOT NULL DEFAULT '',
    recorded_by    TEXT    NOT NULL DEFAULT '',
    created_at     TEXT    NOT NULL
) STRICT;
CREATE INDEX case_steps_case ON case_steps (case_id, at);
-- The closings and reopenings, for a case's state at a past moment.
CREATE INDEX case_steps_kind ON case_steps (kind, at, case_id);

CREATE TRIGGER cases_no_update BEFORE UPDATE ON cases BEGIN
    SELECT RAISE(ABORT, 'cases are never changed');
END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases BEGIN
    SELECT RAISE(ABORT, 'cases are never deleted');
END;
CREATE TRIGGER case_steps_no_update BEFORE UPDATE ON case_steps BEGIN
    SELECT RAISE(ABORT, 'case steps are never changed');
END;
CREATE TRIGGER case_steps_no_delete BEFORE DELETE ON case_steps BEGIN
    SELECT RAISE(ABORT, 'case steps are never deleted');
END;

-- The cases open now, with the time of their latest step: what 总览 and
-- the list chase, without reading every case's steps. Kept by triggers
-- in the transaction of the case or step, so it can never disagree.
CREATE TABLE open_cases (
    case_id      INTEGER PRIMARY KEY REFERENCES cases (id),
    last_step_at TEXT    NOT NULL
) STRICT;
CREATE INDEX open_cases_last ON open_cases (last_step_at);

CREATE TRIGGER cases_open AFTER INSERT ON cases BEGIN
    INSERT INTO open_cases (case_id, last_step_at) VALUES (NEW.id, NEW.opened_at);
END;
CREATE TRIGGER case_steps_close AFTER INSERT ON case_steps WHEN NEW.kind = '办结' BEGIN
    DELETE FROM open_cases WHERE case_id = NEW.case_id;
END;
CREATE TRIGGER case_steps_reopen AFTER INSERT ON case_steps WHEN NEW.kind = '重新打开' BEGIN
    INSERT INTO open_cases (case_id, last_step_at) VALUES (NEW.case_id, NEW.at);
END;
CREATE TRIGGER case_steps_follow AFTER INSERT ON case_steps WHEN NEW.kind NOT IN ('办结', '重新打开') BEGIN
    UPDATE open_cases SET last_step_at = max(last_step_at, NEW.at) WHERE case_id = NEW.case_id;
END;

-- A stay that began from a case points back to it.
ALTER TABLE guests ADD COLUMN case_id INTEGER REFERENCES cases (id);
