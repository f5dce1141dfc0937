-- A holder's list, by owner and already in order (see the SQLite migration 0007).
CREATE INDEX documents_owner_listed ON documents(account_id, state, created_at, id);
DROP INDEX documents_account;
