-- As the SQLite migration 0008.
-- Passkeys (WebAuthn credentials) per account, and the ceremonies under way.
-- credential: the verified credential as webauthn-rs keeps it (JSON: the public key, its
-- algorithm, the sign counter); credential_id, sign_count and the backup flags are copied out
-- to be looked up and shown. prf_salt: the input of the authenticator's PRF for this
-- credential. slot: W encrypted to the identity derived from the PRF output (docs/formats.md),
-- NULL when the authenticator has no PRF (the passkey then only logs in).
CREATE TABLE passkeys (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    credential_id BYTEA NOT NULL UNIQUE,
    credential BYTEA NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT,
    sign_count BIGINT NOT NULL,
    backup_eligible BIGINT NOT NULL,
    backup_state BIGINT NOT NULL,
    prf_salt BYTEA NOT NULL,
    slot BYTEA
);
CREATE INDEX passkeys_account ON passkeys(account_id);

-- A ceremony's challenge and state between its start and its finish, in the database so that
-- any replica can finish it; taken (deleted) by the finish, so it is used once.
-- kind: 'register' (adding a passkey, account_id set), 'login' (discoverable log-in) or
-- 'confirm' (a passkey proving a signed-in person, account_id set).
CREATE TABLE ceremonies (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('register', 'login', 'confirm')),
    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
    state BYTEA NOT NULL,
    prf_salt BYTEA,
    expires_at BIGINT NOT NULL
);
CREATE INDEX ceremonies_expires ON ceremonies(expires_at);

-- The coarse kind of device a session was opened on (from the User-Agent, which is not kept).
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT 'unknown';
