-- Issue 10's defects in projects, classes and 学分申报:
--   where an approved application's place comes from when the nearest quota row is full
--   (nearest: only the nearest row above the teacher; walk_up: the nearest row with free places, up the tree);
--   whether the 结业证书 prints the teacher's 证件照 (e.g. 骨干教师 projects);
--   the institution's contact for a class (shown where 进入远程学习 has nowhere to go);
--   a 重新申报 points at the returned claim it answers (at most one resubmission per claim).
ALTER TABLE projects
  ADD COLUMN quota_fallback text NOT NULL DEFAULT 'walk_up' CHECK (quota_fallback IN ('nearest', 'walk_up')),
  ADD COLUMN certificate_photo boolean NOT NULL DEFAULT false;

ALTER TABLE training_classes ADD COLUMN contact text NOT NULL DEFAULT '';

ALTER TABLE credit_claims ADD COLUMN resubmit_of int UNIQUE REFERENCES credit_claims(id);

-- timelines are read by time, the id only breaking ties
CREATE INDEX enrollment_events_enrollment_at ON enrollment_events (enrollment_id, at, id);
