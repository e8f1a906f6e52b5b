-- Authentication hardening: lockout per account + client IP, registration challenges, password
-- history, two-factor authentication (TOTP + recovery codes).

-- Failed logins per (account as typed, client IP). Unknown accounts get rows too, so that they lock
-- exactly like real ones; a stranger's failures lock the stranger's IP only, never the owner's.
-- users.failed_logins / first_failed_at / locked_until are no longer used for logins.
CREATE TABLE login_failures (
  -- SHA-256 of the normalised account text (login name, ID number or phone number), never the text itself
  account_key text NOT NULL,
  ip text NOT NULL,
  -- set when the account exists: the security admin's list and unlock work by user
  user_id bigint REFERENCES users(id) ON DELETE CASCADE,
  failures int NOT NULL DEFAULT 0,
  -- locks in the current streak: each further lock lasts twice as long as the one before
  locks int NOT NULL DEFAULT 0,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  PRIMARY KEY (account_key, ip)
);
CREATE INDEX login_failures_user ON login_failures(user_id) WHERE user_id IS NOT NULL;
CREATE INDEX login_failures_locked ON login_failures(locked_until) WHERE locked_until IS NOT NULL;

-- Attempts counted per client IP (registration) or per account key (forgot-password codes).
CREATE TABLE auth_attempts (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('register', 'forgot')),
  key text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX auth_attempts_key ON auth_attempts(kind, key, at);

-- Server-issued arithmetic challenges for registration after a few tries from one IP; single use.
CREATE TABLE auth_challenges (
  id text PRIMARY KEY,
  answer_hash text NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- The last passwords of each account (argon2 hashes): a new password may not repeat them.
CREATE TABLE password_history (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX password_history_user ON password_history(user_id, id DESC);

-- TOTP: the secret is encrypted with the data key (security/pii.ts); the pending one waits for the
-- first code during enrolment. totp_last_step refuses a code that was already used.
-- totp_required: the account's role must use 2FA (set from config at each login).
ALTER TABLE users
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_enabled_at timestamptz,
  ADD COLUMN totp_last_step bigint,
  ADD COLUMN totp_required boolean NOT NULL DEFAULT false;

CREATE TABLE totp_recovery_codes (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz
);
CREATE INDEX totp_recovery_codes_user ON totp_recovery_codes(user_id);

-- Between the password and the second factor: a short-lived, single-use ticket (only its hash kept).
CREATE TABLE login_tickets (
  id bigserial PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  account_key text NOT NULL,
  ip text NOT NULL,
  attempts int NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX login_tickets_user ON login_tickets(user_id);
