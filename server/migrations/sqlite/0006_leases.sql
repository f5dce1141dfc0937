-- Work in progress is held under a lease instead of being reset when a server starts, so a
-- replica starting up does not take over what another one is doing.
-- upload_seen_at: when the upload of an 'uploading' document last showed signs of life; once
-- it is older than the lease, the upload is taken to have died and may be started again.
ALTER TABLE documents ADD COLUMN upload_seen_at INTEGER;
-- pin_pending_at: when the last PIN try was taken; tries still pending long after it were
-- left by a server that died mid-check and no longer count.
ALTER TABLE shares ADD COLUMN pin_pending_at INTEGER NOT NULL DEFAULT 0;
