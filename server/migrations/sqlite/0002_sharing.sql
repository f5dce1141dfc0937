-- Sharing (docs/sharing.md): organisations, workers, invitations, shares, links, receipts.

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Holders and workers log in the same way; login names are unique across both.
ALTER TABLE accounts ADD COLUMN kind TEXT NOT NULL DEFAULT 'holder'
    CHECK (kind IN ('holder', 'worker'));

-- A worker is an account of kind 'worker' with a real name, in one organisation.
-- code: the 40-bit value of the card code (docs/sharing.md, "Worker card code").
CREATE TABLE workers (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    real_name TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    state TEXT NOT NULL CHECK (state IN ('unverified', 'verified', 'suspended')),
    code INTEGER NOT NULL UNIQUE,
    joined_day INTEGER NOT NULL
);
CREATE INDEX workers_organisation ON workers(organisation_id);

-- One-time invitations; only the SHA-256 of the token is stored.
CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

-- kind 'worker': worker_id is set; kind 'link': access_hmac is set (HMAC of the access key)
-- and pin_hmac when the link has a PIN. The note and the envelopes are deleted when the share
-- ends; the row, its document ids and its receipts stay as the holder's history.
-- rate_window_start / rate_count: the link's requests in the current one-minute window.
CREATE TABLE shares (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('worker', 'link')),
    worker_id TEXT REFERENCES workers(account_id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    locked_at INTEGER,
    pin_hmac BLOB,
    pin_failures INTEGER NOT NULL DEFAULT 0,
    access_hmac BLOB,
    note BLOB,
    rate_window_start INTEGER NOT NULL DEFAULT 0,
    rate_count INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'worker' AND worker_id IS NOT NULL AND access_hmac IS NULL AND pin_hmac IS NULL)
        OR (kind = 'link' AND worker_id IS NULL AND access_hmac IS NOT NULL))
);
CREATE INDEX shares_owner ON shares(owner_id, created_at);
CREATE INDEX shares_worker ON shares(worker_id, expires_at);
CREATE INDEX shares_expires ON shares(expires_at);

-- The documents of a share, in the order given; kept for history after the share ends.
CREATE TABLE share_documents (
    share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (share_id, document_id)
);
CREATE INDEX share_documents_document ON share_documents(document_id);

-- The share envelopes (D sealed to the worker or to the link identity); deleted at revocation,
-- at lock, or by the sweep once the share expired.
CREATE TABLE share_envelopes (
    share_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    envelope BLOB NOT NULL,
    PRIMARY KEY (share_id, document_id),
    FOREIGN KEY (share_id, document_id)
        REFERENCES share_documents(share_id, document_id) ON DELETE CASCADE
);

-- Every opening ('open') or explicit download ('download') by the worker or a link visitor.
-- No foreign key to documents: the history outlives a deleted document.
CREATE TABLE receipts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('open', 'download')),
    by TEXT NOT NULL CHECK (by IN ('worker', 'link'))
);
CREATE INDEX receipts_share ON receipts(share_id, at);
