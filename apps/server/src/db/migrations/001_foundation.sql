-- Foundation: region tree, schools, institutions, accounts, sessions, profiles, audit.
CREATE TABLE regions (
  code text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code text REFERENCES regions(code)
);
CREATE INDEX regions_parent ON regions(parent_code);

CREATE TABLE schools (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  region_code text NOT NULL REFERENCES regions(code),
  area_type text NOT NULL DEFAULT '城区',
  category text NOT NULL DEFAULT '小学'
);
CREATE INDEX schools_region ON schools(region_code text_pattern_ops);

CREATE TABLE institutions (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  login_name text UNIQUE,
  id_number text UNIQUE,
  phone text UNIQUE,
  email text UNIQUE,
  name text NOT NULL,
  -- NULL means the default password (last six characters of the ID number): see auth/passwords.ts
  password_hash text,
  must_change_password boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active', 'disabled', 'rejected')),
  reject_reason text,
  source text NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'register', 'admin')),
  failed_logins int NOT NULL DEFAULT 0,
  first_failed_at timestamptz,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz
);

CREATE TABLE user_roles (
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL,
  region_code text REFERENCES regions(code),
  school_id int REFERENCES schools(id),
  institution_id int REFERENCES institutions(id),
  PRIMARY KEY (user_id, role)
);
-- 三员分立: at most one of the three separated roles per account, enforced by the database itself.
CREATE UNIQUE INDEX user_roles_separation ON user_roles(user_id)
  WHERE role IN ('sys_admin', 'security_admin', 'audit_admin');

CREATE TABLE teachers (
  user_id bigint PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  school_id int NOT NULL REFERENCES schools(id),
  -- the school's county code, copied so scope filters are one indexed prefix match
  region_code text NOT NULL REFERENCES regions(code),
  gender text, ethnicity text, birth_date date, id_type text NOT NULL DEFAULT '居民身份证',
  political_status text, stage text, subject text, initial_education text, highest_education text,
  highest_degree text, graduate_school text, major text, work_start_date date, professional_title text,
  post_category text, admin_position text, is_establishment boolean, is_public_funded_normal boolean,
  is_special_post boolean, qualification_type text, qualification_number text, backbone_level text,
  is_head_teacher boolean, hire_date date, personnel_status text NOT NULL DEFAULT '在职',
  cert_photo text, avatar text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX teachers_region ON teachers(region_code text_pattern_ops);
CREATE INDEX teachers_school ON teachers(school_id);

CREATE TABLE profile_changes (
  id bigserial PRIMARY KEY,
  teacher_id bigint NOT NULL REFERENCES teachers(user_id) ON DELETE CASCADE,
  changes jsonb NOT NULL,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  review_reason text,
  reviewer_id bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz
);
CREATE INDEX profile_changes_teacher ON profile_changes(teacher_id);
-- one open request per teacher at a time
CREATE UNIQUE INDEX profile_changes_one_pending ON profile_changes(teacher_id) WHERE status = 'pending';

CREATE TABLE sessions (
  id bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  idle_seconds int NOT NULL,
  ip text,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE verification_codes (
  id bigserial PRIMARY KEY,
  purpose text NOT NULL,
  target text NOT NULL,
  user_id bigint REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX verification_codes_target ON verification_codes(purpose, target);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at_ms bigint NOT NULL,
  actor_id bigint,
  actor_name text,
  actor_role text,
  actor_scope text,
  ip text,
  request_id text,
  action text NOT NULL,
  object_type text,
  object_id text,
  result text NOT NULL,
  detail jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_action ON audit_log(action);
-- Append-only: the database refuses updates and deletes of audit rows.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
