-- A holder's list is `WHERE account_id = ? AND state = 'complete' ORDER BY created_at, id`.
-- Without statistics SQLite served it from documents_state_created (every complete document
-- of every holder, then a sort): 1.5 s at 5,000 wallets of 100 documents. This index answers
-- it by owner, already in order; it also serves every other lookup by owner.
CREATE INDEX documents_owner_listed ON documents(account_id, state, created_at, id);
DROP INDEX documents_account;
