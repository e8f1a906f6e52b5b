-- Durable background jobs (modules/jobs): a row per job, claimed by one server process at a time
-- under a lease (locked_by + locked_until). A process that stops cleanly hands its job back; one that
-- dies leaves the lease to expire, and the next claimer resumes from the recorded progress and state.
-- Several processes on one PostgreSQL claim with FOR UPDATE SKIP LOCKED, so no job runs twice at once.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  -- at most one job ever per key (a schedule's occurrence, e.g. the recompute at the turn of 2027)
  unique_key text UNIQUE,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  -- not claimed before this time (scheduled jobs, retry back-off)
  run_at timestamptz NOT NULL DEFAULT now(),
  progress_done int NOT NULL DEFAULT 0,
  progress_total int,
  -- the handler's cursor, written in the same transaction as the work it describes
  state jsonb,
  attempts int NOT NULL DEFAULT 0,
  max_attempts int NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
  locked_by text,
  locked_until timestamptz,
  error text,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
-- what a claimer scans: waiting jobs by time, and running ones whose lease may have expired
CREATE INDEX jobs_claimable ON jobs (run_at, id) WHERE status IN ('queued', 'running');
-- a kind's latest job (the recompute status the policy page shows)
CREATE INDEX jobs_kind_latest ON jobs (kind, id DESC);
