-- Credits (学分): versioned policies, the append-only ledger, per-teacher summaries kept in the
-- same transaction as each ledger write, claims (学分申报) with evidence, and certificates.

-- A policy is a validated JSON document; publishing a change adds a version, never rewrites one.
CREATE TABLE credit_policies (
  id serial PRIMARY KEY,
  policy_id text NOT NULL,
  version int NOT NULL,
  document jsonb NOT NULL,
  active boolean NOT NULL DEFAULT false,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (policy_id, version)
);
-- exactly one active version per deployment
CREATE UNIQUE INDEX credit_policies_one_active ON credit_policies (active) WHERE active;

-- The ledger (学分明细). Rows are never updated or deleted: a correction is a reversing row.
CREATE TABLE credit_entries (
  id bigserial PRIMARY KEY,
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  entry_date date NOT NULL,
  year int NOT NULL,
  category text NOT NULL,
  form text NOT NULL CHECK (form IN ('onsite', 'online', 'school_based', 'other')),
  -- hundredths of a 学分 (fractions allowed, no float drift); negative only on a reversal
  amount_h int NOT NULL,
  hours_h int,
  title text NOT NULL,
  source text NOT NULL CHECK (source IN ('project', 'elective', 'school_based', 'claim', 'import', 'adjustment', 'reversal')),
  source_id text,
  -- makes imports and automatic postings re-runnable: the same source key posts once
  source_key text UNIQUE,
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county', 'school')),
  certifier_id int REFERENCES users(id),
  certifier_name text NOT NULL,
  certifier_unit text NOT NULL,
  -- where the teacher was when the credit was certified (credits follow a transfer; reports use the teacher's current unit)
  school_id int REFERENCES schools(id),
  reversal_of bigint REFERENCES credit_entries(id),
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (amount_h <> 0 OR hours_h IS NOT NULL)
);
CREATE INDEX credit_entries_teacher ON credit_entries (teacher_id, year);
-- one reversal per entry
CREATE UNIQUE INDEX credit_entries_one_reversal ON credit_entries (reversal_of) WHERE reversal_of IS NOT NULL;

CREATE FUNCTION credit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'credit_entries is append-only: post a reversing entry instead'; END $$;
CREATE TRIGGER credit_entries_no_change BEFORE UPDATE OR DELETE ON credit_entries
  FOR EACH ROW EXECUTE FUNCTION credit_entries_append_only();

-- Per teacher × year × category × form × level sums, written with every ledger row, so reports
-- and 我的学分 never scan the ledger.
CREATE TABLE credit_summaries (
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  year int NOT NULL,
  category text NOT NULL,
  form text NOT NULL,
  level text NOT NULL,
  amount_h int NOT NULL DEFAULT 0,
  hours_h int NOT NULL DEFAULT 0,
  entries int NOT NULL DEFAULT 0,
  PRIMARY KEY (teacher_id, year, category, form, level)
);

-- Each teacher's standing under the active policy, re-evaluated in the same transaction as every
-- ledger write (and for everyone when a policy version is published): compliance reports group
-- this table by region instead of evaluating a million teachers per request.
CREATE TABLE credit_standings (
  teacher_id int PRIMARY KEY REFERENCES teachers(user_id),
  policy_version int NOT NULL,
  cycle_id text NOT NULL,
  assessed boolean NOT NULL,
  compliant boolean NOT NULL,
  earned_h int NOT NULL,
  required_h int NOT NULL,
  -- category id → counted hundredths in the current cycle, for the by-category report
  by_category jsonb NOT NULL,
  missing jsonb NOT NULL,
  as_of date NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_standings_cycle ON credit_standings (cycle_id, compliant);

-- 学分申报: the teacher claims credits from the policy's conversion table, with evidence.
CREATE TABLE credit_claims (
  id serial PRIMARY KEY,
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  claim_type text NOT NULL,
  title text NOT NULL,
  year int NOT NULL,
  category text NOT NULL,
  amount_h int NOT NULL CHECK (amount_h > 0),
  description text,
  -- reviewed at the teacher's county by default ("谁组织、谁认定" for self-reported activity)
  review_level text NOT NULL DEFAULT 'county',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  review_reason text,
  reviewer_id int REFERENCES users(id),
  entry_id bigint REFERENCES credit_entries(id),
  policy_version int NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz
);
CREATE INDEX credit_claims_teacher ON credit_claims (teacher_id);
CREATE INDEX credit_claims_status ON credit_claims (status);

CREATE TABLE credit_claim_files (
  id serial PRIMARY KEY,
  claim_id int NOT NULL REFERENCES credit_claims(id),
  file_name text NOT NULL,
  stored_name text NOT NULL,
  mime text NOT NULL,
  size int NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Certificates (学分证书, 结业证书): what was certified is frozen in `payload` at issue time, so
-- the public verification page shows exactly what the PDF says.
CREATE TABLE certificates (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('credit', 'completion')),
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  title text NOT NULL,
  payload jsonb NOT NULL,
  policy_version int,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX certificates_teacher ON certificates (teacher_id);
