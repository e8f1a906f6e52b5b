// Many ledger entries at once — the demo's five years of 十四五 history, and any bulk load that would
// otherwise call postCreditEntry thousands of times. Same checks and the same effects (entries,
// summaries, standings, all in the caller's transaction), in a few statements per thousand entries
// instead of about ten per entry, and one audit row for the batch instead of one per entry.
import type { Executor, RequestCtx } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { entryIdByKey } from './ledger.repository.ts';
import { addToSummaries, insertEntriesOnce, teacherSchoolsOf, type SummaryIncrement } from './ledger-bulk.repository.ts';
import { entryProblem, entryRow, toH, type NewCreditEntry, type PostResult } from './ledger.ts';
import { activePolicy } from './policy.store.ts';
import { refreshStanding, today } from './standing.ts';

const CHUNK = 1000;

/** Posts every entry or none (a bad entry throws before anything is written). Results are in input order. */
export async function postCreditEntries(trx: Executor, ctx: RequestCtx, entries: NewCreditEntry[]): Promise<PostResult[]> {
  if (!entries.length) return [];
  const { policy } = await activePolicy(trx);
  for (const [i, e] of entries.entries()) {
    const problem = entryProblem(policy, e);
    if (problem) throw invalid(`第 ${i + 1} 条：${problem}`);
  }
  const teacherIds = [...new Set(entries.map((e) => e.teacherId))];
  const schools = new Map<number, number>();
  for (let i = 0; i < teacherIds.length; i += CHUNK)
    for (const t of await teacherSchoolsOf(trx, teacherIds.slice(i, i + CHUNK))) schools.set(Number(t.user_id), t.school_id);
  if (teacherIds.some((id) => !schools.has(id))) throw notFound('教师');

  const results: PostResult[] = [];
  const sums = new Map<string, SummaryIncrement>();
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const inserted = await insertEntriesOnce(
      trx,
      chunk.map((e) => entryRow(e, schools.get(e.teacherId)!)),
    );
    // PostgreSQL returns the rows of INSERT … VALUES in the order given; keyed rows are matched by key
    const byKey = new Map(inserted.filter((r) => r.source_key !== null).map((r) => [r.source_key!, r.id]));
    const unkeyed = inserted.filter((r) => r.source_key === null).map((r) => r.id);
    for (const e of chunk) {
      const id = e.sourceKey ? byKey.get(e.sourceKey) : unkeyed.shift();
      if (id === undefined) {
        results.push({ id: await entryIdByKey(trx, e.sourceKey!), duplicate: true });
        continue;
      }
      results.push({ id, duplicate: false });
      const k = `${e.teacherId}|${e.year}|${e.category}|${e.form}|${e.level}`;
      const s = sums.get(k);
      const hoursH = e.hours === undefined ? 0 : toH(e.hours);
      if (s) {
        s.amount_h += toH(e.amount);
        s.hours_h += hoursH;
        s.entries++;
      } else
        sums.set(k, {
          teacher_id: e.teacherId,
          year: e.year,
          category: e.category,
          form: e.form,
          level: e.level,
          amount_h: toH(e.amount),
          hours_h: hoursH,
          entries: 1,
        });
    }
  }
  const increments = [...sums.values()];
  for (let i = 0; i < increments.length; i += CHUNK) await addToSummaries(trx, increments.slice(i, i + CHUNK));
  await refreshStandings(trx, teacherIds);
  const posted = results.filter((r) => !r.duplicate);
  await recordAudit(trx, ctx, {
    action: 'credit.post.bulk',
    objectType: 'credit_entry',
    objectId: posted[0]?.id,
    detail: {
      entries: posted.length,
      duplicates: results.length - posted.length,
      teachers: teacherIds.length,
      sources: [...new Set(entries.map((e) => e.source))],
      years: [...new Set(entries.map((e) => e.year))].sort(),
    },
  });
  return results;
}

/**
 * Each teacher's standing, through refreshStanding (standing.ts) so that the facts it evaluates stay
 * defined in one place. TODO: a batch version there would save about three queries per teacher.
 */
export async function refreshStandings(trx: Executor, teacherIds: readonly number[], asOf = today()): Promise<void> {
  for (const id of teacherIds) await refreshStanding(trx, id, asOf);
}
