-- 学分达标统计: per-school compliance counts, so province, city and county reports add up school
-- rows (about 20 000 in a province) instead of reading up to a million standings per request.
-- Recounted in one query from credit_standings + teachers when too old (at most a minute; a small
-- deployment almost every request), when the policy version or the year changes, or after a
-- recompute (see modules/credit-reports/rollup.ts). A school's report and the teacher lists are
-- counted live.
CREATE TABLE credit_report_school_counts (
  school_id int PRIMARY KEY REFERENCES schools(id),
  -- the school's county code: region reports group by it or by its prefix
  region_code text NOT NULL,
  teachers int NOT NULL,
  assessed int NOT NULL,
  compliant int NOT NULL,
  completed int NOT NULL,
  stale int NOT NULL,
  unevaluated int NOT NULL,
  -- category id → teachers meeting that category's cycle requirement
  by_category jsonb NOT NULL
) WITH (fillfactor = 50); -- recounts update every row: room on the page keeps the updates HOT
CREATE INDEX credit_report_school_counts_region ON credit_report_school_counts (region_code text_pattern_ops);

-- The same counts added up per county (about 110 rows), made in the same transaction: province and
-- city reports read these.
CREATE TABLE credit_report_county_counts (
  region_code text PRIMARY KEY,
  teachers int NOT NULL,
  assessed int NOT NULL,
  compliant int NOT NULL,
  completed int NOT NULL,
  stale int NOT NULL,
  unevaluated int NOT NULL,
  by_category jsonb NOT NULL
) WITH (fillfactor = 50);

-- What the counts above were made under, and when (one row).
CREATE TABLE credit_report_state (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  policy_version int NOT NULL,
  cycle_id text NOT NULL,
  year int NOT NULL,
  counted_at timestamptz NOT NULL,
  duration_ms int NOT NULL,
  -- set when standings were recomputed since: the next report recounts
  invalidated boolean NOT NULL DEFAULT false
);
