// SQL of the durable jobs. Every write by a runner names the owner that holds the lease, so a runner
// whose lease expired (and whose job another process took over) changes nothing. Times come from the
// runner's clock (injected in tests), the same clock for claiming, leases and schedules.
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Executor } from '../../context.ts';
import type { Database, JobTable } from '../../db/types.ts';

export type JobRow = Selectable<JobTable>;

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  uniqueKey?: string;
  runAt: Date;
  maxAttempts?: number;
  createdBy?: number | null;
}

/** Inserts the job; with a unique key already used, inserts nothing and answers undefined. */
export async function insertJob(db: Executor, j: NewJob): Promise<JobRow | undefined> {
  return db
    .insertInto('jobs')
    .values({
      kind: j.kind,
      payload: JSON.stringify(j.payload),
      unique_key: j.uniqueKey ?? null,
      run_at: j.runAt,
      max_attempts: j.maxAttempts,
      created_by: j.createdBy ?? null,
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Claims the next due job of the given kinds: a waiting one, or a running one whose lease expired
 * (its runner died) — those first, as they hold work half done. SKIP LOCKED lets concurrent claimers
 * pass over a row another one is taking; the row is re-checked under its lock, so it is taken once.
 */
export async function claimNextJob(
  db: Executor,
  o: { kinds: readonly string[]; owner: string; now: Date; leaseUntil: Date },
): Promise<JobRow | undefined> {
  if (!o.kinds.length) return undefined;
  const r = await sql<JobRow>`
    UPDATE jobs SET status = 'running', locked_by = ${o.owner}, locked_until = ${o.leaseUntil}, attempts = attempts + 1,
      started_at = coalesce(started_at, ${o.now}), updated_at = ${o.now}
    WHERE id = (
      SELECT id FROM jobs
      WHERE kind = ANY(${[...o.kinds]}::text[])
        AND ((status = 'queued' AND run_at <= ${o.now}) OR (status = 'running' AND locked_until < ${o.now}))
      ORDER BY status = 'running' DESC, run_at, id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING *`.execute(db);
  return r.rows[0];
}

const held = (id: number, owner: string) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.and([eb('id', '=', id), eb('locked_by', '=', owner), eb('status', '=', 'running')]);

/** Extends the lease; false when the job is no longer this owner's. */
export async function renewLease(db: Executor, o: { id: number; owner: string; now: Date; leaseUntil: Date }): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ locked_until: o.leaseUntil, updated_at: o.now })
    .where(held(o.id, o.owner))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Records progress and the handler's cursor (inside the handler's transaction); false when the lease is lost. */
export async function saveProgress(
  db: Executor,
  o: { id: number; owner: string; now: Date; leaseUntil: Date; done: number; total: number | null; state: Record<string, unknown> },
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      progress_done: o.done,
      progress_total: o.total,
      state: JSON.stringify(o.state),
      locked_until: o.leaseUntil,
      updated_at: o.now,
    })
    .where(held(o.id, o.owner))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends the job (done, cancelled or failed for good). */
export async function finishJob(
  db: Executor,
  o: { id: number; owner: string; now: Date; status: 'done' | 'cancelled' | 'failed'; error?: string },
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({ status: o.status, error: o.error ?? null, locked_by: null, locked_until: null, finished_at: o.now, updated_at: o.now })
    .where(held(o.id, o.owner))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Hands the job back to the queue: after a failure with a later time to retry, or at a clean
 * shutdown (`refund`: the attempt is not counted, nothing went wrong).
 */
export async function requeueJob(
  db: Executor,
  o: { id: number; owner: string; now: Date; runAt: Date; error?: string; refund?: boolean },
): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      run_at: o.runAt,
      error: o.error ?? null,
      locked_by: null,
      locked_until: null,
      updated_at: o.now,
      attempts: o.refund ? eb('attempts', '-', 1) : eb.ref('attempts'),
    }))
    .where(held(o.id, o.owner))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * The kind's latest job that has started or is due, by when it started (or is due): a schedule's
 * future occurrence is left out until it begins, then it is the latest however early it was added.
 */
export async function latestDueJob(db: Executor, kind: string, now: Date): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('run_at', '<=', now), eb('started_at', 'is not', null)]))
    .orderBy(sql`coalesce(started_at, run_at)`, 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A job of the kind that is running or waiting (due, or begun and waiting for a retry). */
export async function activeJob(db: Executor, kind: string, now: Date): Promise<JobRow | undefined> {
  return (
    db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', kind)
      // waiting: due, or begun and waiting for its retry
      .where((eb) =>
        eb.or([
          eb('status', '=', 'running'),
          eb.and([eb('status', '=', 'queued'), eb.or([eb('run_at', '<=', now), eb('started_at', 'is not', null)])]),
        ]),
      )
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
  );
}

/** Serialises "is one running? then add one" for a kind, until the transaction ends. */
export async function lockJobKind(trx: Executor, kind: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`jobs:${kind}`}))`.execute(trx);
}

/** When the kind's next scheduled job is due (the earliest waiting job after now). */
export async function nextScheduledRun(db: Executor, kind: string, now: Date): Promise<Date | null> {
  const r = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('run_at').as('at'))
    .where('kind', '=', kind)
    .where('status', '=', 'queued')
    .where('started_at', 'is', null)
    .where('run_at', '>', now)
    .executeTakeFirst();
  return r?.at ? new Date(r.at) : null;
}

export async function jobById(db: Executor, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
