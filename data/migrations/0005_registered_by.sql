-- Who typed each passage. A registration is itself append-only (only a void
-- changes it, and that is audited), so it carries its operator rather than
-- copying every passage into the audit trail: at 2,000 passages a day the
-- copies would double the file and every daily backup.
ALTER TABLE registrations ADD COLUMN registered_by TEXT NOT NULL DEFAULT '';
