-- 自主选学 (electives): a catalogue of courses that institutions (or admins) offer and the organising
-- level approves. An elective IS a training project (kind 'elective'): it reuses the plan's columns
-- (credits, windows, targets, pass mark, learning URL), the quota row for its capacity, enrolments,
-- one class at the provider, the score/completion code, the ledger and the certificates. What only the
-- catalogue needs (its review, price, description) lives in `electives`, written by its own module.

ALTER TABLE projects
  ADD COLUMN kind text NOT NULL DEFAULT 'project' CHECK (kind IN ('project', 'elective')),
  -- the pass rule's learning-progress part (学习进度 ≥ n %), read by the score code; NULL: no such rule
  ADD COLUMN min_progress int CHECK (min_progress BETWEEN 0 AND 100);
CREATE INDEX projects_kind ON projects (kind, status);

-- 自主报名: the teacher's own enrolment in an elective, placed at once in its class
ALTER TABLE enrollments DROP CONSTRAINT enrollments_origin_check;
ALTER TABLE enrollments
  ADD CONSTRAINT enrollments_origin_check CHECK (origin IN ('selected', 'applied', 'self')),
  -- 学习进度 (0–100 %) as the institution reports it
  ADD COLUMN progress int CHECK (progress BETWEEN 0 AND 100);

-- electives are planned with no project type of their own: one fixed type row keeps projects.type_id NOT NULL
INSERT INTO project_types (name, sort) VALUES ('自主选学', 99);

CREATE TABLE electives (
  project_id int PRIMARY KEY REFERENCES projects(id),
  -- the provider: a training institution, or NULL when an admin offers it in their own name
  provider_institution_id int REFERENCES institutions(id),
  provider_name text NOT NULL,
  -- who offered it, and so who edits and submits it: the provider institution, or the organiser node's admin
  offered_by text NOT NULL DEFAULT 'institution' CHECK (offered_by IN ('institution', 'admin')),
  -- draft → pending (submitted) → published | returned (edited and submitted again) ; published → closed
  review_status text NOT NULL DEFAULT 'draft' CHECK (review_status IN ('draft', 'pending', 'published', 'returned', 'closed')),
  return_reason text,
  submitted_at timestamptz,
  reviewed_by int REFERENCES users(id),
  reviewed_by_name text,
  reviewed_at timestamptz,
  description text NOT NULL DEFAULT '',
  syllabus text NOT NULL DEFAULT '',
  -- NULL: no limit; otherwise the quota row opened at approval holds it (the same conditional UPDATE as projects)
  capacity int CHECK (capacity > 0),
  -- 分; 0 = free
  price_fen int NOT NULL DEFAULT 0 CHECK (price_fen >= 0),
  payer text NOT NULL DEFAULT 'teacher' CHECK (payer IN ('teacher', 'school')),
  -- the provider's one class, opened at approval
  class_id int REFERENCES training_classes(id),
  -- bumped by every change: a reviewer acts on the version they saw, so two reviewers cannot both win
  version int NOT NULL DEFAULT 1,
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX electives_review ON electives (review_status);
CREATE INDEX electives_provider ON electives (provider_institution_id);
