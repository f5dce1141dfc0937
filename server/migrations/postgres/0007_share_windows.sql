-- As the SQLite migration 0011.
-- Appointment cards (docs/sharing.md "Appointment cards"): a share may open later than it is
-- made. opens_at (Unix seconds, server clock): before it, the share is withheld from everyone
-- but its holder, as if it did not exist. NULL: open from its creation.
ALTER TABLE shares ADD COLUMN opens_at BIGINT CHECK (opens_at IS NULL OR opens_at < expires_at);
