-- 学分申报: what a claim row needs, beyond 002, to explain itself after the policy changes: the
-- type's name and per-item amount as they stood when the teacher claimed, the number of items,
-- the training form the entry will carry, and when the teacher withdrew it.
ALTER TABLE credit_claims
  ADD COLUMN claim_type_name text NOT NULL DEFAULT '',
  ADD COLUMN form text NOT NULL DEFAULT 'other' CHECK (form IN ('onsite', 'online', 'school_based', 'other')),
  -- hundredths, like amount_h: 1.5 months of 企业实践 is 150
  ADD COLUMN quantity_h int NOT NULL DEFAULT 100 CHECK (quantity_h > 0),
  ADD COLUMN unit_amount_h int NOT NULL DEFAULT 0,
  ADD COLUMN withdrawn_at timestamptz,
  ADD CONSTRAINT credit_claims_review_level CHECK (review_level IN ('school', 'county', 'city', 'province'));

-- the review queue: one level's claims by status, newest first (scope is joined through teachers)
CREATE INDEX credit_claims_queue ON credit_claims (review_level, status, id);
-- the maxPerYear check: a teacher's claims of one type and year
CREATE INDEX credit_claims_teacher_type ON credit_claims (teacher_id, claim_type, year);
CREATE INDEX credit_claim_files_claim ON credit_claim_files (claim_id);
