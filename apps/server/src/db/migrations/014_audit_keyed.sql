-- The audit chain is keyed (HMAC-SHA-256 with a key kept outside the database) from this version on.
-- Rows written before carry keyed = false and were chained with plain SHA-256; verification accepts
-- them only before the first keyed row.
ALTER TABLE audit_log ADD COLUMN keyed boolean NOT NULL DEFAULT false;
