-- 教师资格注册日期 (teachers module): every registration of a teacher, the history kept. The latest on
-- or before a date anchors the teacher's 定期注册 window (five years under the national rule).
CREATE TABLE teacher_registrations (
  id serial PRIMARY KEY,
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  registered_on date NOT NULL,
  note text,
  recorded_by int REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (teacher_id, registered_on)
);

-- A teacher's result in each cycle begun (not only the current one), so a report can be read for the
-- last finished cycle (十四五) as well as for the one in progress. Written with credit_standings.
CREATE TABLE credit_cycle_standings (
  cycle_id text NOT NULL,
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  policy_version int NOT NULL,
  -- years of the cycle the teacher is assessed in (new hires fewer), as the engine counted them
  years int NOT NULL,
  compliant boolean NOT NULL,
  earned_h int NOT NULL,
  required_h int NOT NULL,
  by_category jsonb NOT NULL,
  missing jsonb NOT NULL,
  as_of date NOT NULL,
  PRIMARY KEY (cycle_id, teacher_id)
);

-- The 定期注册 check on the teacher's own window (eligible / in_progress / ineligible / not_assessed).
ALTER TABLE credit_standings
  ADD COLUMN reg_status text,
  ADD COLUMN reg_anchor text,
  ADD COLUMN reg_start date,
  ADD COLUMN reg_end date,
  ADD COLUMN reg_hours_h int,
  ADD COLUMN reg_required_h int,
  ADD COLUMN reg_missing jsonb;
CREATE INDEX credit_standings_reg ON credit_standings (reg_status);
