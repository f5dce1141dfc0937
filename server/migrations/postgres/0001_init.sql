-- The PostgreSQL schema: the same tables, columns and constraints as the SQLite migrations
-- 0001 to 0005 together (ids and names TEXT, counts and times BIGINT, ciphertexts BYTEA).
-- Only what docs/api.md allows the server to know.

CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    -- the pseudonym as chosen (trimmed), shown back to its holder
    pseudonym TEXT NOT NULL,
    -- the pseudonym as looked up: the unique login key
    pseudonym_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    salt BYTEA NOT NULL,
    kdf_m_kib BIGINT NOT NULL,
    kdf_t BIGINT NOT NULL,
    kdf_p BIGINT NOT NULL,
    passphrase_auth_hmac BYTEA NOT NULL,
    passphrase_slot BYTEA NOT NULL,
    recovery_auth_hmac BYTEA NOT NULL,
    recovery_slot BYTEA NOT NULL,
    created_day BIGINT NOT NULL,
    last_seen_day BIGINT NOT NULL,
    -- holders and workers log in the same way; login names are unique across both
    kind TEXT NOT NULL DEFAULT 'holder' CHECK (kind IN ('holder', 'worker'))
);

-- Sessions are looked up by the SHA-256 of the session token, never by the token itself.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

-- Failed log-in attempts per pseudonym (known or not), keyed by a peppered HMAC of it.
CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY NOT NULL,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);

-- state: 'pending' (reserved), 'uploading' (content arriving), 'complete' (visible)
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    size BIGINT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    metadata BYTEA NOT NULL,
    envelope BYTEA NOT NULL
);
CREATE INDEX documents_account ON documents(account_id, state);
CREATE INDEX documents_state_created ON documents(state, created_at);

-- Sharing (docs/sharing.md): organisations, workers, invitations, shares, links, receipts.
CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- A worker is an account of kind 'worker' with a real name, in one organisation.
-- code: the 40-bit value of the card code (docs/sharing.md, "Worker card code").
CREATE TABLE workers (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    real_name TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    state TEXT NOT NULL CHECK (state IN ('unverified', 'verified', 'suspended')),
    code BIGINT NOT NULL UNIQUE,
    joined_day BIGINT NOT NULL
);
CREATE INDEX workers_organisation ON workers(organisation_id);

-- One-time invitations; only the SHA-256 of the token is stored.
CREATE TABLE invitations (
    token_hash TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

-- kind 'worker': worker_id is set; kind 'link': access_hmac is set (HMAC of the access key)
-- and pin_hmac when the link has a PIN. The note and the envelopes are deleted when the share
-- ends; the row, its document ids and its receipts stay as the holder's history.
-- rate_window_start / rate_count: the link's requests in the current one-minute window.
-- pin_pending: PIN tries taken but not yet decided. seq: creation order.
CREATE TABLE shares (
    id TEXT PRIMARY KEY NOT NULL,
    owner_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('worker', 'link')),
    worker_id TEXT REFERENCES workers(account_id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    locked_at BIGINT,
    pin_hmac BYTEA,
    pin_failures BIGINT NOT NULL DEFAULT 0,
    access_hmac BYTEA,
    note BYTEA,
    rate_window_start BIGINT NOT NULL DEFAULT 0,
    rate_count BIGINT NOT NULL DEFAULT 0,
    pin_pending BIGINT NOT NULL DEFAULT 0,
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
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
    position BIGINT NOT NULL,
    PRIMARY KEY (share_id, document_id)
);
CREATE INDEX share_documents_document ON share_documents(document_id);

-- The share envelopes (D sealed to the worker or to the link identity); deleted at revocation,
-- at lock, or by the sweep once the share expired.
CREATE TABLE share_envelopes (
    share_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    envelope BYTEA NOT NULL,
    PRIMARY KEY (share_id, document_id),
    FOREIGN KEY (share_id, document_id)
        REFERENCES share_documents(share_id, document_id) ON DELETE CASCADE
);

-- Every opening ('open') or explicit download ('download') by the worker or a link visitor.
-- No foreign key to documents: the history outlives a deleted document.
CREATE TABLE receipts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share_id TEXT NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    at BIGINT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('open', 'download')),
    "by" TEXT NOT NULL CHECK ("by" IN ('worker', 'link'))
);
CREATE INDEX receipts_share ON receipts(share_id, at);

-- Sign-ups counted per hour-long window: per client under a peppered HMAC of its address,
-- and for the whole service under the key '*'. A row is deleted once its window is over.
CREATE TABLE signup_counts (
    key TEXT PRIMARY KEY NOT NULL,
    window_start BIGINT NOT NULL,
    count BIGINT NOT NULL
);
