-- Holder accounts. Only what docs/api.md allows the server to know.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    -- the pseudonym as chosen (trimmed), shown back to its holder
    pseudonym TEXT NOT NULL,
    -- lower-cased pseudonym: the unique login key
    pseudonym_key TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    salt BLOB NOT NULL,
    kdf_m_kib INTEGER NOT NULL,
    kdf_t INTEGER NOT NULL,
    kdf_p INTEGER NOT NULL,
    passphrase_auth_hmac BLOB NOT NULL,
    passphrase_slot BLOB NOT NULL,
    recovery_auth_hmac BLOB NOT NULL,
    recovery_slot BLOB NOT NULL,
    created_day INTEGER NOT NULL,
    last_seen_day INTEGER NOT NULL
);

-- Sessions are looked up by the SHA-256 of the cookie token, never by the token itself.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_account ON sessions(account_id);

-- Failed log-in attempts per pseudonym (known or not), keyed by a peppered HMAC of it.
CREATE TABLE login_attempts (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

-- state: 'pending' (reserved), 'uploading' (content arriving), 'complete' (visible)
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    size INTEGER NOT NULL,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    metadata BLOB NOT NULL,
    envelope BLOB NOT NULL
);
CREATE INDEX documents_account ON documents(account_id, state);
CREATE INDEX documents_state_created ON documents(state, created_at);
