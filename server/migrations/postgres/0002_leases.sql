-- Work in progress is held under a lease instead of being reset when a server starts (see
-- the SQLite migration 0006).
ALTER TABLE documents ADD COLUMN upload_seen_at BIGINT;
ALTER TABLE shares ADD COLUMN pin_pending_at BIGINT NOT NULL DEFAULT 0;
