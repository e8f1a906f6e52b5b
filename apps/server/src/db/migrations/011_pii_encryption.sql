-- ID and phone numbers are encrypted by the application (AES-256-GCM, key outside the database) and
-- found by exact value through blind indexes (HMAC-SHA-256 under another key). Uniqueness moves to the
-- indexes: the ciphertexts of one value differ every time. Existing clear values are encrypted at the
-- next start (security/pii.repository.ts), since the database never holds the key.
ALTER TABLE users ADD COLUMN id_number_bidx text, ADD COLUMN phone_bidx text;
ALTER TABLE users DROP CONSTRAINT users_id_number_key;
ALTER TABLE users DROP CONSTRAINT users_phone_key;
CREATE UNIQUE INDEX users_id_number_bidx_key ON users(id_number_bidx);
CREATE UNIQUE INDEX users_phone_bidx_key ON users(phone_bidx);
