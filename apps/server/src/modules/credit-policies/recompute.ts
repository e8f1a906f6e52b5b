// Recomputing every teacher's standing after a policy version is published (or on request, e.g.
// after the year turned). An in-memory job per server process: batches of teachers in id order,
// each batch one short transaction, progress readable while it runs. Standings it has not reached
// yet still carry the old policy_version, which the reports count as stale.
//
// Races with the ledger: a ledger write (postCreditEntry) inserts an entry — taking a KEY SHARE lock
// on the teacher row through the foreign key — and then refreshes that teacher's standing. A batch
// locks its teacher rows FOR UPDATE SKIP LOCKED before reading entries, so it never reads a ledger
// that a writer is still changing, and a writer that comes later waits and then refreshes the
// standing itself. Teachers locked by a writer are skipped and retried at the end.
import type { creditPolicies } from '@shixun/contracts';
import type { CreditPolicy } from '@shixun/domain';
import type { z } from 'zod';
import type { Executor } from '../../context.ts';
import { invalidateRollup } from '../credit-reports/rollup.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { today } from '../credits/standing.ts';
import { evaluate, loadFacts, standingRow, writeStandings } from './batch.ts';
import { countTeachers, lockTeachers, teacherIdsAfter } from './credit-policies.repository.ts';

export const RECOMPUTE_BATCH = 500;

export type RecomputeStatus = z.output<typeof creditPolicies.recomputeStatus>;

interface Job {
  status: RecomputeStatus;
  cancel: boolean;
  finished: Promise<void>;
}

const jobs = new WeakMap<Executor, Job>();
const IDLE: RecomputeStatus = { state: 'idle', version: null, total: 0, done: 0, startedAt: null, finishedAt: null, error: null };

export function recomputeStatus(db: Executor): RecomputeStatus {
  return { ...(jobs.get(db)?.status ?? IDLE) };
}

export function isRecomputing(db: Executor): boolean {
  return jobs.get(db)?.status.state === 'running';
}

/** Stops the running job (if any) and waits until its current batch has ended. */
export async function stopRecompute(db: Executor): Promise<void> {
  const job = jobs.get(db);
  if (!job || job.status.state !== 'running') return;
  job.cancel = true;
  await job.finished;
}

class Superseded extends Error {}

/** Starts recomputing all standings under the active version; a running job is stopped first. */
export async function startRecompute(db: Executor, onError: (e: unknown) => void = () => {}): Promise<RecomputeStatus> {
  await stopRecompute(db);
  const { version, policy } = await activePolicy(db);
  const total = await countTeachers(db);
  const status: RecomputeStatus = {
    state: 'running',
    version,
    total,
    done: 0,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    error: null,
  };
  const job: Job = { status, cancel: false, finished: Promise.resolve() };
  job.finished = run(db, job, version, policy)
    .then(
      async () => {
        status.state = job.cancel ? 'cancelled' : 'done';
        // the province and city counts were made from standings being rewritten
        if (!job.cancel) await invalidateRollup(db).catch(onError);
      },
      (e) => {
        if (e instanceof Superseded) {
          status.state = 'cancelled';
          return;
        }
        status.state = 'failed';
        status.error = e instanceof Error ? e.message : String(e);
        onError(e);
      },
    )
    .finally(() => {
      status.finishedAt = new Date().toISOString();
    });
  jobs.set(db, job);
  return { ...status };
}

async function run(db: Executor, job: Job, version: number, policy: CreditPolicy) {
  let after = 0;
  let skipped: number[] = [];
  for (;;) {
    if (job.cancel) return;
    const ids = await teacherIdsAfter(db, after, RECOMPUTE_BATCH);
    if (!ids.length) break;
    const left = await recomputeBatch(db, ids, version, policy);
    skipped.push(...left);
    job.status.done += ids.length - left.length;
    after = ids[ids.length - 1]!;
    await new Promise((r) => setImmediate(r)); // let requests in between batches
  }
  // teachers a ledger write held: their writer refreshed them, but maybe under the old version
  for (let round = 0; skipped.length && round < 50 && !job.cancel; round++) {
    await new Promise((r) => setTimeout(r, 20 * (round + 1)));
    const left = await recomputeBatch(db, skipped, version, policy);
    job.status.done += skipped.length - left.length;
    skipped = left;
  }
  if (skipped.length && !job.cancel) throw new Error(`${skipped.length} 名教师的学分状态因持续被占用未能重新计算，请稍后再次重新计算`);
}

/** One transaction: lock the teachers, evaluate, write. Returns the ids that were locked by someone else. */
export async function recomputeBatch(db: Executor, ids: readonly number[], version: number, policy: CreditPolicy): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const active = await activePolicy(trx);
    if (active.version !== version) throw new Superseded();
    const locked = await lockTeachers(trx, ids);
    const asOf = today();
    const facts = await loadFacts(trx, locked);
    await writeStandings(
      trx,
      facts.map((f) => standingRow(f.id, evaluate(policy, f, asOf), asOf)),
    );
    const got = new Set(locked);
    return ids.filter((id) => !got.has(id));
  });
}
