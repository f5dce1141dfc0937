-- A document hidden by its holder until a time (Unix seconds, server clock): while
-- hidden_until is later than the server's now, the document is withheld from every answer.
-- NULL: never hidden (or the time has passed; the value is then just history).
ALTER TABLE documents ADD COLUMN hidden_until BIGINT;
