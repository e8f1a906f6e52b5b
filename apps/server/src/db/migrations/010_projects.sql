-- Training projects (专项培训 / 继续教育): the plan, quotas split down the region tree, enrolments
-- (遴选 by an admin or 申报 by the teacher) with their review timeline, institutions' classes,
-- schedule, check-in, scores, the anonymous evaluation.

-- The configurable list of project types (国培, 省培, 全员培训, 能力提升 …) and their sub-types.
CREATE TABLE project_types (
  id serial PRIMARY KEY,
  name text NOT NULL,
  parent_id int REFERENCES project_types(id),
  sort int NOT NULL DEFAULT 0,
  UNIQUE (parent_id, name)
);

CREATE TABLE projects (
  id serial PRIMARY KEY,
  name text NOT NULL,
  year int NOT NULL,
  level text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county', 'school')),
  -- who organises it ("谁组织、谁认定"): a region node (province/city/county) or a school
  organiser_region_code text REFERENCES regions(code),
  organiser_school_id int REFERENCES schools(id),
  organiser_name text NOT NULL,
  type_id int NOT NULL REFERENCES project_types(id),
  sub_type_id int REFERENCES project_types(id),
  mode text NOT NULL CHECK (mode IN ('onsite', 'online', 'blended', 'school_based')),
  funding text NOT NULL DEFAULT '',
  credit_category text NOT NULL,
  -- hundredths of a 学分 / 学时, like the ledger
  credit_amount_h int NOT NULL DEFAULT 0,
  hours_h int NOT NULL DEFAULT 0,
  target_stages text[] NOT NULL DEFAULT '{}',
  target_subjects text[] NOT NULL DEFAULT '{}',
  -- region codes (any level) whose teachers the project is for; empty = the organiser's whole area
  target_region_codes text[] NOT NULL DEFAULT '{}',
  quota int NOT NULL CHECK (quota >= 0),
  place text NOT NULL DEFAULT '',
  start_date date NOT NULL,
  end_date date NOT NULL,
  allow_application boolean NOT NULL DEFAULT false,
  apply_start date,
  apply_end date,
  -- 总成绩 = onsite_weight% × 集中学习 + online_weight% × 网络学习; 合格 at pass_mark
  onsite_weight int NOT NULL DEFAULT 50 CHECK (onsite_weight BETWEEN 0 AND 100),
  online_weight int NOT NULL DEFAULT 50 CHECK (online_weight BETWEEN 0 AND 100),
  pass_mark numeric(5,2) NOT NULL DEFAULT 60,
  learning_url text,
  -- 训后评估 questions: [{id, text, kind: 'rating'|'text'}]
  evaluation_questions jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
  created_by int REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  closed_at timestamptz,
  CHECK (end_date >= start_date),
  CHECK (onsite_weight + online_weight = 100),
  CHECK ((organiser_region_code IS NULL) <> (organiser_school_id IS NULL))
);
CREATE INDEX projects_year ON projects (year, status);

CREATE TABLE project_institutions (
  project_id int NOT NULL REFERENCES projects(id),
  institution_id int NOT NULL REFERENCES institutions(id),
  PRIMARY KEY (project_id, institution_id)
);

-- Quotas down the tree. The organiser's node holds the project's quota; each grant to a child node
-- is a row. Invariant per row: granted_below + used <= quota. Grants and uses change these counters
-- with one conditional UPDATE (… WHERE quota - granted_below - used >= n), so concurrent requests
-- can never oversell; a CHECK backs it up.
CREATE TABLE project_quotas (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  -- a region code or 'school:<id>'
  holder text NOT NULL,
  holder_name text NOT NULL,
  parent_id int REFERENCES project_quotas(id),
  quota int NOT NULL CHECK (quota >= 0),
  granted_below int NOT NULL DEFAULT 0,
  used int NOT NULL DEFAULT 0,
  UNIQUE (project_id, holder),
  CHECK (granted_below >= 0 AND used >= 0 AND granted_below + used <= quota)
);

-- One teacher's place in one project: selected by an admin (遴选) or applied (申报).
CREATE TABLE enrollments (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  teacher_id int NOT NULL REFERENCES teachers(user_id),
  origin text NOT NULL CHECK (origin IN ('selected', 'applied')),
  -- reviewing: waiting for `stage`; returned: 未通过 (reason in the timeline); approved: passed the
  -- chain; assigned: placed in a class; withdrawn
  status text NOT NULL DEFAULT 'reviewing' CHECK (status IN ('reviewing', 'returned', 'approved', 'assigned', 'withdrawn')),
  -- the level that must act next: school | county | city | province | done
  stage text NOT NULL,
  quota_id int REFERENCES project_quotas(id),
  class_id int,
  onsite_score numeric(5,2),
  online_score numeric(5,2),
  total_score numeric(5,2),
  result text CHECK (result IN ('passed', 'failed')),
  credit_entry_id bigint REFERENCES credit_entries(id),
  certificate_id int REFERENCES certificates(id),
  evaluated boolean NOT NULL DEFAULT false,
  -- bumped by every change: a reviewer acts on the version they saw, so two reviewers cannot both win
  version int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, teacher_id)
);
CREATE INDEX enrollments_teacher ON enrollments (teacher_id);
CREATE INDEX enrollments_project_stage ON enrollments (project_id, status, stage);

-- The timeline the teacher sees: every step with who, which level, when, outcome.
CREATE TABLE enrollment_events (
  id bigserial PRIMARY KEY,
  enrollment_id int NOT NULL REFERENCES enrollments(id),
  action text NOT NULL CHECK (action IN ('selected', 'applied', 'submitted', 'approved', 'returned', 'assigned', 'withdrawn', 'checked_in', 'scored', 'passed', 'failed', 'certified')),
  level text,
  actor_id int REFERENCES users(id),
  actor_name text NOT NULL,
  reason text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrollment_events_enrollment ON enrollment_events (enrollment_id, id);

-- Institutions run classes of a project.
CREATE TABLE training_classes (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  institution_id int NOT NULL REFERENCES institutions(id),
  name text NOT NULL,
  -- 开班通知
  notice_title text,
  notice_body text,
  notice_published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, name)
);
ALTER TABLE enrollments ADD CONSTRAINT enrollments_class FOREIGN KEY (class_id) REFERENCES training_classes(id);

CREATE TABLE class_notice_files (
  id serial PRIMARY KEY,
  class_id int NOT NULL REFERENCES training_classes(id),
  file_name text NOT NULL,
  stored_name text NOT NULL,
  mime text NOT NULL,
  size int NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- 课程安排
CREATE TABLE class_sessions (
  id serial PRIMARY KEY,
  class_id int NOT NULL REFERENCES training_classes(id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  place text NOT NULL DEFAULT '',
  topic text NOT NULL,
  lecturer text NOT NULL DEFAULT '',
  -- the secret behind the rotating check-in QR code (codes are HMACs of it and a time step)
  checkin_secret text NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX class_sessions_class ON class_sessions (class_id, starts_at);

CREATE TABLE checkins (
  session_id int NOT NULL REFERENCES class_sessions(id),
  enrollment_id int NOT NULL REFERENCES enrollments(id),
  method text NOT NULL CHECK (method IN ('qr', 'manual')),
  by_id int REFERENCES users(id),
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, enrollment_id)
);

-- 训后评估: answers carry no teacher; enrollments.evaluated stops a second submission.
CREATE TABLE project_evaluations (
  id serial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects(id),
  class_id int REFERENCES training_classes(id),
  answers jsonb NOT NULL,
  submitted_at date NOT NULL DEFAULT current_date
);
CREATE INDEX project_evaluations_project ON project_evaluations (project_id);

INSERT INTO project_types (name, sort) VALUES ('国培', 1), ('省培', 2), ('全员培训', 3), ('能力提升', 4), ('市培', 5), ('县培', 6), ('校本培训', 7);
INSERT INTO project_types (name, parent_id, sort)
  SELECT s.name, t.id, s.sort FROM project_types t
  JOIN (VALUES
    ('能力提升', '(中小学)中小学教师信息技术应用能力培训', 1),
    ('能力提升', '培训团队信息技术应用指导能力提升培训', 2),
    ('国培', '中西部项目', 1), ('国培', '幼师国培', 2),
    ('全员培训', '师德师风专题培训', 1), ('全员培训', '新课标解读培训', 2)
  ) AS s(parent, name, sort) ON s.parent = t.name AND t.parent_id IS NULL;
