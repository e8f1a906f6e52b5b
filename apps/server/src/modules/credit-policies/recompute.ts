// Recomputing every teacher's standing under the active policy: after a version is published, at
// the turn of the year in China (standings count the year they were made in), or on request. A
// durable job (modules/jobs): batches of teachers in id order, each batch and the job's cursor one
// transaction, so a restart resumes after the last finished batch and redoes none of them. Standings
// it has not reached yet still carry the old policy_version or year, which the reports count as stale.
//
// Races with the ledger: a ledger write (postCreditEntry) inserts an entry — taking a KEY SHARE lock
// on the teacher row through the foreign key — and then refreshes that teacher's standing. A batch
// locks its teacher rows FOR UPDATE SKIP LOCKED before reading entries, so it never reads a ledger
// that a writer is still changing, and a writer that comes later waits and then refreshes the
// standing itself. Teachers locked by a writer are skipped and retried at the end.
import type { creditPolicies } from '@shixun/contracts';
import type { CreditPolicy } from '@shixun/domain';
import type { z } from 'zod';
import type { Executor, RequestCtx } from '../../context.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { invalidateRollup } from '../credit-reports/rollup.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { enqueueJob, enqueueUnlessActive, latestJob, nextScheduledJobAt, runningOrWaitingJob, type JobRow } from '../jobs/jobs.service.ts';
import type { JobContext, JobHandler, JobOutcome } from '../jobs/runner.ts';
import { chinaDate } from '@shixun/domain';
import { nextYearTurn } from '../jobs/schedule.ts';
import { evaluate, loadFacts, standingRow, writeStandings } from './batch.ts';
import { countTeachers, lockTeachers, teacherIdsAfter } from './credit-policies.repository.ts';

export const RECOMPUTE_KIND = 'credit.recompute';
export const RECOMPUTE_BATCH = 500;
const MAX_ATTEMPTS = 3;

export type RecomputeStatus = z.output<typeof creditPolicies.recomputeStatus>;
export type RecomputeTrigger = RecomputeStatus['trigger'] & string;

interface Payload {
  trigger: RecomputeTrigger;
  /** the version published (publish) or active (manual) when the job was added */
  version?: number;
  /** year_turn: the year that began */
  year?: number;
}
/** The job's cursor: the version and date it evaluates under, the last teacher id done, teachers to retry. */
interface Cursor {
  version: number;
  asOf: string;
  after: number;
  skipped: number[];
}

const IDLE: Omit<RecomputeStatus, 'nextRunAt'> = {
  state: 'idle',
  trigger: null,
  version: null,
  total: 0,
  done: 0,
  attempts: 0,
  startedAt: null,
  finishedAt: null,
  error: null,
};

function statusOf(job: JobRow): Omit<RecomputeStatus, 'nextRunAt'> {
  const p = job.payload as unknown as Payload;
  const cursor = job.state as unknown as Cursor | null;
  return {
    state: job.status,
    trigger: p.trigger ?? null,
    version: cursor?.version ?? p.version ?? null,
    total: job.progress_total ?? 0,
    done: job.progress_done,
    attempts: job.attempts,
    startedAt: job.started_at?.toISOString() ?? null,
    finishedAt: job.finished_at?.toISOString() ?? null,
    error: job.error,
  };
}

/** The latest recompute (waiting, running or ended) and when the next scheduled one is due. */
export async function recomputeStatus(db: Executor, now = new Date()): Promise<RecomputeStatus> {
  const job = await latestJob(db, RECOMPUTE_KIND, now);
  const next = await nextScheduledJobAt(db, RECOMPUTE_KIND, now);
  return { ...(job ? statusOf(job) : IDLE), nextRunAt: next?.toISOString() ?? null };
}

export async function isRecomputing(db: Executor): Promise<boolean> {
  return !!(await runningOrWaitingJob(db, RECOMPUTE_KIND));
}

export const recomputeJobOptions = (payload: Payload, createdBy?: number) => ({
  kind: RECOMPUTE_KIND,
  payload: payload as unknown as Record<string, unknown>,
  maxAttempts: MAX_ATTEMPTS,
  createdBy: createdBy ?? null,
});

/** Adds a recompute job (in the caller's transaction, e.g. the publish): runs as soon as a runner is free. */
export async function enqueueRecompute(db: Executor, payload: Payload, createdBy?: number): Promise<RecomputeStatus> {
  const job = (await enqueueJob(db, recomputeJobOptions(payload, createdBy)))!;
  return { ...statusOf(job), nextRunAt: null };
}

/** 重新计算 pressed: a job under the active version, audited with it; 409 while one is waiting or running. */
export async function requestRecompute(db: Executor, ctx: RequestCtx & { actor: { userId: number } }): Promise<RecomputeStatus> {
  const { version } = await activePolicy(db);
  const { job, created } = await enqueueUnlessActive(db, recomputeJobOptions({ trigger: 'manual', version }, ctx.actor.userId), (trx, j) =>
    recordAudit(trx, ctx, { action: 'credit.standings.recompute', objectType: 'credit_policy', objectId: version, detail: { job: j.id } }),
  );
  if (!created) throw conflict('正在重新计算学分状态，请等待完成');
  return { ...statusOf(job), nextRunAt: null };
}

/** One job per turn of the year, however many processes run this: the unique key is the year. */
export async function scheduleYearTurnRecompute(db: Executor, now: Date): Promise<JobRow | undefined> {
  const { year, at } = nextYearTurn(now);
  return enqueueJob(db, {
    ...recomputeJobOptions({ trigger: 'year_turn', year }),
    uniqueKey: `${RECOMPUTE_KIND}:year-turn:${year}`,
    runAt: at,
  });
}

class Superseded extends Error {}

async function run(ctx: JobContext): Promise<JobOutcome> {
  const { db } = ctx;
  const payload = ctx.payload as unknown as Payload;
  const active = await activePolicy(db);
  let cursor = ctx.state as unknown as Cursor | null;
  // a later version was published meanwhile: its own job recomputes under it
  if ((cursor?.version ?? payload.version ?? active.version) !== active.version) return 'cancelled';
  const policy: CreditPolicy = active.policy;
  if (!cursor) {
    const first: Cursor = { version: active.version, asOf: chinaDate(ctx.now()), after: 0, skipped: [] };
    const total = await countTeachers(db);
    await ctx.step(async () => ({ value: null, progress: { done: 0, total, state: { ...first } } }));
    cursor = first;
  }
  let c: Cursor = cursor;
  let done = ctx.done;
  const batch = async (ids: readonly number[], next: (left: number[]) => Cursor) =>
    ctx.step(async (trx) => {
      const left = await recomputeBatchIn(trx, ids, c.version, policy, c.asOf);
      return { value: left, progress: { done: done + ids.length - left.length, total: ctx.total, state: { ...next(left) } } };
    });
  try {
    for (;;) {
      if (ctx.signal.aborted) return 'stopped';
      const ids = await teacherIdsAfter(db, c.after, RECOMPUTE_BATCH);
      if (!ids.length) break;
      const left = await batch(ids, (l) => ({ ...c, after: ids[ids.length - 1]!, skipped: [...c.skipped, ...l] }));
      done += ids.length - left.length;
      c = ctx.state as unknown as Cursor;
      await new Promise((r) => setImmediate(r)); // let requests in between batches
    }
    // teachers a ledger write held: their writer refreshed them, but maybe under the old version
    for (let round = 0; c.skipped.length && round < 50; round++) {
      if (ctx.signal.aborted) return 'stopped';
      await new Promise((r) => setTimeout(r, 20 * (round + 1)));
      const retry = c.skipped;
      const left = await batch(retry, (l) => ({ ...c, skipped: l }));
      done += retry.length - left.length;
      c = ctx.state as unknown as Cursor;
    }
  } catch (e) {
    if (e instanceof Superseded) return 'cancelled';
    throw e;
  }
  // a failed attempt is retried by the runner, from this cursor (only the teachers still skipped)
  if (c.skipped.length) throw new Error(`${c.skipped.length} 名教师的学分状态因持续被占用未能重新计算，将稍后自动重试`);
  // the province and city counts were made from standings being rewritten
  await invalidateRollup(db);
  return 'done';
}

export const recomputeJob: JobHandler = {
  kind: RECOMPUTE_KIND,
  run,
  schedule: scheduleYearTurnRecompute,
};

/** Lock the teachers, evaluate, write — inside the caller's transaction. Returns the ids locked by someone else. */
export async function recomputeBatchIn(
  trx: Executor,
  ids: readonly number[],
  version: number,
  policy: CreditPolicy,
  asOf: string,
): Promise<number[]> {
  const active = await activePolicy(trx);
  if (active.version !== version) throw new Superseded();
  const locked = await lockTeachers(trx, ids);
  const facts = await loadFacts(trx, locked);
  await writeStandings(
    trx,
    facts.map((f) => standingRow(f.id, evaluate(policy, f, asOf), asOf)),
  );
  const got = new Set(locked);
  return ids.filter((id) => !got.has(id));
}

/** One batch in its own transaction, as of today in China. */
export async function recomputeBatch(db: Executor, ids: readonly number[], version: number, policy: CreditPolicy): Promise<number[]> {
  return db.transaction().execute((trx) => recomputeBatchIn(trx, ids, version, policy, chinaDate(new Date())));
}
