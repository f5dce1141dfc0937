-- As the SQLite migration 0010.
-- Trusted helpers (docs/formats.md "Helper slots", docs/api.md "Trusted helpers").
-- One helper set per holder. server_part: the server's half of the recovery secret, handed out
-- (encrypted to the recovering browser's key) only after the waiting period. auth_hmac:
-- HMAC(pepper, auth key of the recovery secret), which proves a finished recovery. slot: W
-- encrypted to the identity of the recovery secret. Replacing the set deletes the old one.
CREATE TABLE helper_sets (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    threshold BIGINT NOT NULL,
    server_part BYTEA NOT NULL,
    auth_hmac BYTEA NOT NULL,
    slot BYTEA NOT NULL,
    created_at BIGINT NOT NULL
);

-- The helpers of a set: a worker (share: the share encrypted to the worker's recipient,
-- opaque here) or a paper card (card_hmac: HMAC(pepper, the card's auth key); the share itself
-- is printed on the card and never sent).
CREATE TABLE helpers (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES helper_sets(account_id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('worker', 'card')),
    worker_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
    share BYTEA,
    card_hmac BYTEA,
    label TEXT NOT NULL
);
CREATE INDEX helpers_account ON helpers(account_id);
CREATE INDEX helpers_worker ON helpers(worker_id);

-- Help requests. tag: a keyed hash of the pseudonym; a request for a pseudonym that does not
-- exist is stored too (account_id NULL), so that it behaves exactly like a real one.
-- recipient: the recovering browser's age recipient for this request. state: 'open',
-- 'cancelled' or 'completed' (an open request past expires_at is expired).
CREATE TABLE help_requests (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    tag TEXT NOT NULL,
    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    code TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    ready_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'cancelled', 'completed'))
);
CREATE INDEX help_requests_tag ON help_requests(tag);
CREATE INDEX help_requests_account ON help_requests(account_id);
CREATE INDEX help_requests_expires ON help_requests(expires_at);

-- A worker helper's approval of a request: its share re-encrypted to the request's recipient.
-- Deleted with the helper when the set is replaced or removed.
CREATE TABLE help_approvals (
    request_id TEXT NOT NULL REFERENCES help_requests(id) ON DELETE CASCADE,
    helper_id TEXT NOT NULL REFERENCES helpers(id) ON DELETE CASCADE,
    share BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (request_id, helper_id)
);
