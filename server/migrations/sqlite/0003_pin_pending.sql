-- PIN tries taken but not yet decided: a link's PIN is compared only after a try was taken
-- (pin_failures + pin_pending below the limit), so concurrent tries cannot exceed it.
ALTER TABLE shares ADD COLUMN pin_pending INTEGER NOT NULL DEFAULT 0;
