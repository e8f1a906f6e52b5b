// Region reports (province, city, county) cover up to a million teachers: counting their standings
// takes seconds (bench/README.md). So they read per-school counts (credit_report_school_counts),
// made by the same counting query grouped by school over the whole province, and recounted
//  - when older than their allowed age: the smaller of ROLLUP.maxAgeSeconds and ageFactor × the
//    last recount's duration — a small deployment, whose recount takes milliseconds, is recounted on
//    almost every request and so is always current; a province recounts at most once a minute;
//  - while the caller waits if the last recount was quick, else in the background, the caller getting
//    the previous counts and the time they were made (stale-while-revalidate: no request waits seconds);
//  - when the policy version, the cycle or the year changed: the caller waits (counts under another
//    policy would mislead);
//  - after a standings recompute (invalidateRollup).
// A school's report and the teacher lists are counted live.
import type { Executor } from '../../context.ts';
import type { CycleBasis } from './basis.ts';
import type { CountRow } from './compliance.repository.ts';
import type { GroupBy, ReportScope } from './report-scope.ts';
import {
  lockRecount,
  markRollupInvalidated,
  readRollupState,
  rollupCounts,
  writeRollupState,
  writeSchoolCounts,
  type RollupState,
} from './rollup.repository.ts';

/** Tunable: how old the counts may get, and how long a recount may take for callers to wait for it. */
export const ROLLUP = {
  maxAgeSeconds: Number(process.env.CREDIT_REPORT_MAX_AGE_SECONDS ?? 60),
  ageFactor: 50,
  waitForRecountMs: 1000,
};

export const usesRollup = (scope: ReportScope) => scope.schoolId === undefined && scope.level !== 'school';

const sameBasis = (s: RollupState | undefined, b: CycleBasis) =>
  !!s && s.policy_version === b.policyVersion && s.cycle_id === b.cycle.id && s.year === Number(b.asOf.slice(0, 4));

const recounts = new WeakMap<Executor, Promise<void>>();

/**
 * The report's counts from the per-school counts of the scope, recounting first when they are not
 * usable, or afterwards in the background when they are old and a recount is slow.
 */
export async function rollupReport(
  db: Executor,
  scope: ReportScope,
  b: CycleBasis,
  groupBy: GroupBy | 'all',
  provinceCode: string,
  onError: (e: unknown) => void,
): Promise<{ rows: CountRow[]; countedAt: Date; refreshing: boolean }> {
  const s = await readRollupState(db);
  const current = sameBasis(s, b);
  const allowedAge = Math.min(ROLLUP.maxAgeSeconds * 1000, s ? s.duration_ms * ROLLUP.ageFactor : 0);
  const young = current && !s!.invalidated && Date.now() - s!.counted_at.getTime() < allowedAge;
  const background = !young && current && s!.duration_ms > ROLLUP.waitForRecountMs;
  if (!young && !background) await recount(db, b, provinceCode);
  // counted before a background recount starts: on PGlite it would otherwise run first
  const counts = await rollupCounts(db, scope, b, groupBy);
  if (background) recount(db, b, provinceCode).catch(onError);
  return { ...counts, refreshing: background };
}

/** After standings were recomputed: the next province or city report recounts. */
export async function invalidateRollup(db: Executor): Promise<void> {
  await markRollupInvalidated(db);
}

/** Recounts now (one at a time per process); exported for bench/credits/explain.ts. */
export function recount(db: Executor, b: CycleBasis, provinceCode: string): Promise<void> {
  let p = recounts.get(db);
  if (!p) {
    p = doRecount(db, b, provinceCode).finally(() => recounts.delete(db));
    recounts.set(db, p);
  }
  return p;
}

async function doRecount(db: Executor, b: CycleBasis, provinceCode: string) {
  const decidedAt = Date.now();
  await db.transaction().execute(async (trx) => {
    // one recount at a time, also across server processes; the second finds the first's result
    await lockRecount(trx);
    const s = await readRollupState(trx);
    if (sameBasis(s, b) && !s!.invalidated && s!.counted_at.getTime() >= decidedAt) return;
    const started = Date.now();
    await writeSchoolCounts(trx, b, provinceCode);
    await writeRollupState(trx, {
      policy_version: b.policyVersion,
      cycle_id: b.cycle.id,
      year: Number(b.asOf.slice(0, 4)),
      counted_at: new Date(started),
      duration_ms: Date.now() - started,
      invalidated: false,
    });
  });
}
