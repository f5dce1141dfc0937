-- Shares are listed newest first; `seq` orders shares made in the same second by creation.
-- The statements never name `seq`: a trigger numbers each new share (PostgreSQL uses an
-- identity column for the same).
ALTER TABLE shares ADD COLUMN seq INTEGER;
UPDATE shares SET seq = rowid;
CREATE TRIGGER shares_seq AFTER INSERT ON shares FOR EACH ROW WHEN NEW.seq IS NULL
BEGIN
    UPDATE shares SET seq = NEW.rowid WHERE rowid = NEW.rowid;
END;
