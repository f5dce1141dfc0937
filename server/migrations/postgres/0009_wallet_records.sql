-- As the SQLite migration 0013.
-- The wallet record: one small age file per wallet and view, encrypted in the holder's browser
-- to the wallet's own recipient, that the server stores and returns but cannot read
-- (docs/formats.md, "Wallet record"). view: 'main' for the wallet itself; another view of the
-- same wallet (the limited view) keeps its own record. version: 1 on the first write, one more
-- on each; a write names the version it replaces (compare-and-swap), so two devices never
-- overwrite each other's entries unseen.
CREATE TABLE wallet_records (
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    view TEXT NOT NULL DEFAULT 'main',
    version BIGINT NOT NULL,
    record BYTEA NOT NULL,
    PRIMARY KEY (account_id, view)
);
