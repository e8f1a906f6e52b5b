-- 三员分立 for accounts. Business admins are created by the level above them (no table needed).
-- The platform's own accounts (province admin, system / security / audit admins) change only by two
-- people: the security admin files a request here, an audit admin approves or rejects it. A decision
-- is one versioned UPDATE (… WHERE status = 'pending' AND version = $v): of two approvers one wins.
CREATE TABLE admin_account_requests (
  id bigserial PRIMARY KEY,
  action text NOT NULL CHECK (action IN ('create', 'reset_password', 'disable', 'enable')),
  -- create: the new account's role, login name and name; the others: the account acted on
  role text CHECK (role IN ('province_admin', 'sys_admin', 'security_admin', 'audit_admin')),
  login_name text,
  name text,
  target_user_id bigint REFERENCES users(id) ON DELETE CASCADE,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  version int NOT NULL DEFAULT 1,
  requested_by bigint NOT NULL REFERENCES users(id),
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  decision_reason text,
  -- the account the approved request created or changed
  result_user_id bigint REFERENCES users(id),
  -- the second person is never the first, whatever the code above does
  CHECK (decided_by IS NULL OR decided_by <> requested_by),
  CHECK ((action = 'create') = (target_user_id IS NULL)),
  CHECK (action <> 'create' OR (role IS NOT NULL AND login_name IS NOT NULL AND name IS NOT NULL))
);
CREATE INDEX admin_account_requests_status ON admin_account_requests(status, id);
-- at most one open request per new login name and per account
CREATE UNIQUE INDEX admin_account_requests_open_login ON admin_account_requests(login_name) WHERE status = 'pending';
CREATE UNIQUE INDEX admin_account_requests_open_target ON admin_account_requests(target_user_id) WHERE status = 'pending';

-- 发件箱: what a channel did with a message (the built-in one delivers into this table: 'sent').
ALTER TABLE outbox ADD COLUMN status text NOT NULL DEFAULT 'sent' CHECK (status IN ('queued', 'sent', 'failed'));
