// Durable jobs: adding them (in the caller's transaction when it has one, so a job exists exactly
// when the change that asked for it committed) and reading them. Runners (runner.ts) carry them out.
import type { Executor } from '../../context.ts';
import { activeJob, insertJob, jobById, latestDueJob, lockJobKind, nextScheduledRun, type JobRow, type NewJob } from './jobs.repository.ts';

export type { JobRow };

export interface EnqueueOptions extends Omit<NewJob, 'runAt'> {
  /** not before (default: now) */
  runAt?: Date;
}

/** Adds a job; with a `uniqueKey` that was used before (a schedule's occurrence), adds nothing and answers undefined. */
export async function enqueueJob(db: Executor, j: EnqueueOptions): Promise<JobRow | undefined> {
  const row = await insertJob(db, { ...j, runAt: j.runAt ?? new Date() });
  if (row) wakeJobRunners();
  return row;
}

/**
 * Adds a job unless one of its kind is waiting or running (answers that one, `created: false`).
 * One transaction with a lock on the kind, so two concurrent calls cannot both add one.
 */
export async function enqueueUnlessActive(
  db: Executor,
  j: EnqueueOptions,
  inTransaction?: (trx: Executor, job: JobRow) => Promise<void>,
): Promise<{ job: JobRow; created: boolean }> {
  const now = new Date();
  return db.transaction().execute(async (trx) => {
    await lockJobKind(trx, j.kind);
    const active = await activeJob(trx, j.kind, now);
    if (active) return { job: active, created: false };
    const job = await insertJob(trx, { ...j, runAt: j.runAt ?? now });
    if (!job) throw new Error(`任务 ${j.kind} 未能加入队列（唯一键 ${j.uniqueKey} 已被使用）`);
    if (inTransaction) await inTransaction(trx, job);
    wakeJobRunners(); // a runner that looks before the commit finds nothing and looks again at its next poll
    return { job, created: true };
  });
}

export function latestJob(db: Executor, kind: string, now = new Date()) {
  return latestDueJob(db, kind, now);
}
export function runningOrWaitingJob(db: Executor, kind: string, now = new Date()) {
  return activeJob(db, kind, now);
}
export function nextScheduledJobAt(db: Executor, kind: string, now = new Date()) {
  return nextScheduledRun(db, kind, now);
}
export function jobOf(db: Executor, id: number) {
  return jobById(db, id);
}

// Runners of this process listen here, so a job added by a request starts without waiting for a poll
// (runners of other processes find it at their next poll).
const listeners = new Set<() => void>();
export function onJobEnqueued(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export function wakeJobRunners(): void {
  // after the current tick: the enqueuing transaction usually commits first
  setTimeout(() => {
    for (const l of listeners) l();
  }, 5).unref();
}
