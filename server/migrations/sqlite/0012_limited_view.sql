-- The limited view (docs/formats.md "Limited view", docs/api.md "Limited view"): a second
-- wallet identity V with its own passphrase slot. auth_hmac: HMAC(pepper, auth key of the
-- second passphrase, derived with the account's salt and parameters); empty once the view's
-- log-in was deleted from a limited session. slot: V encrypted under the second passphrase.
-- wrapped: V encrypted to W, for the full view. recovery_*: a recovery code made in a limited
-- session (it opens the limited view). recipient: V's age recipient.
CREATE TABLE limited_views (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    auth_hmac BLOB NOT NULL,
    slot BLOB NOT NULL,
    wrapped BLOB NOT NULL,
    recovery_auth_hmac BLOB,
    recovery_slot BLOB
);

-- The documents the limited view shows: D's secret encrypted to V. A document added from the
-- limited view has an empty owner envelope (documents.envelope) until the full view adds it.
CREATE TABLE limited_envelopes (
    document_id TEXT PRIMARY KEY NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    envelope BLOB NOT NULL
);
CREATE INDEX limited_envelopes_account ON limited_envelopes(account_id);

-- Which view a session opened: 'main' or 'limited'.
ALTER TABLE sessions ADD COLUMN view TEXT NOT NULL DEFAULT 'main';

-- The shares made in limited sessions: the only ones a limited session lists.
CREATE TABLE limited_shares (
    share_id TEXT PRIMARY KEY NOT NULL REFERENCES shares(id) ON DELETE CASCADE
);
