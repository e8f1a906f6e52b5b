// The quota rows of a project (名额). Every change of a counter is ONE conditional UPDATE that checks
// what is free in the same statement (quota - granted_below - used >= n), so concurrent requests
// queue on the row lock and each re-checks the row it finally gets: none can oversell. The table's
// CHECK (granted_below + used <= quota) backs this up.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

export function quotaRowsOf(db: Executor, projectId: number) {
  return db.selectFrom('project_quotas').selectAll().where('project_id', '=', projectId).orderBy('id').execute();
}
export type QuotaRow = Awaited<ReturnType<typeof quotaRowsOf>>[number];

export function quotaRow(db: Executor, projectId: number, holder: string) {
  return db.selectFrom('project_quotas').selectAll().where('project_id', '=', projectId).where('holder', '=', holder).executeTakeFirst();
}

const free = sql<number>`quota - granted_below - used`;

/** Uses n places of a row (a selection, an approved application); undefined when fewer are free. */
export function useQuota(trx: Executor, rowId: number, n: number) {
  return trx
    .updateTable('project_quotas')
    .set({ used: sql`used + ${n}` })
    .where('id', '=', rowId)
    .where(free, '>=', n)
    .returning(['id', 'quota', 'granted_below', 'used'])
    .executeTakeFirst();
}

/** Gives n places back (a returned or withdrawn enrolment). */
export async function releaseQuota(trx: Executor, rowId: number, n: number) {
  await trx
    .updateTable('project_quotas')
    .set({ used: sql`used - ${n}` })
    .where('id', '=', rowId)
    .where('used', '>=', n)
    .execute();
}

/** Moves n places from a row's free part to its children; undefined when fewer are free. */
export function grantBelow(trx: Executor, rowId: number, n: number) {
  return trx
    .updateTable('project_quotas')
    .set({ granted_below: sql`granted_below + ${n}` })
    .where('id', '=', rowId)
    .where(free, '>=', n)
    .returning(['id', 'quota', 'granted_below', 'used'])
    .executeTakeFirst();
}

/** Takes n granted places back to the row's free part (a child's quota lowered). */
export async function ungrantBelow(trx: Executor, rowId: number, n: number) {
  await trx
    .updateTable('project_quotas')
    .set({ granted_below: sql`granted_below - ${n}` })
    .where('id', '=', rowId)
    .execute();
}

/**
 * Where an application's place may come from: the rows of the project held by the nodes above the
 * teacher, nearest first — their school, their county, city, and the province (the organiser).
 */
export async function rowsAbove(db: Executor, projectId: number, teacher: { schoolId: number; regionCode: string }) {
  const holders = [`school:${teacher.schoolId}`, teacher.regionCode, teacher.regionCode.slice(0, 4), teacher.regionCode.slice(0, 2)];
  const rows = await db
    .selectFrom('project_quotas')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('holder', 'in', holders)
    .execute();
  return holders.map((h) => rows.find((r) => r.holder === h)).filter((r): r is QuotaRow => !!r);
}

/** The organiser's row, opened when the project is published: it holds the whole quota. */
export async function insertRootQuota(trx: Executor, r: { projectId: number; holder: string; holderName: string; quota: number }) {
  await trx
    .insertInto('project_quotas')
    .values({ project_id: r.projectId, holder: r.holder, holder_name: r.holderName, parent_id: null, quota: r.quota })
    .execute();
}

export function quotaRowsOfHolders(db: Executor, projectId: number, holders: string[]) {
  return db.selectFrom('project_quotas').selectAll().where('project_id', '=', projectId).where('holder', 'in', holders).execute();
}

export function quotaCounters(db: Executor, rowId: number) {
  return db.selectFrom('project_quotas').select(['quota', 'granted_below', 'used']).where('id', '=', rowId).executeTakeFirst();
}

/** A child's new row; undefined when a concurrent grant created it first. */
export function insertChildQuota(
  trx: Executor,
  r: { projectId: number; holder: string; holderName: string; parentId: number; quota: number },
) {
  return trx
    .insertInto('project_quotas')
    .values({ project_id: r.projectId, holder: r.holder, holder_name: r.holderName, parent_id: r.parentId, quota: r.quota })
    .onConflict((oc) => oc.columns(['project_id', 'holder']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/**
 * Sets a child's quota from `from` to `to`; undefined when someone changed it meanwhile or (when
 * lowering) it would fall below what the child has granted further and used.
 */
export function setChildQuota(trx: Executor, rowId: number, from: number, to: number) {
  return trx
    .updateTable('project_quotas')
    .set({ quota: to })
    .where('id', '=', rowId)
    .where('quota', '=', from)
    .where((eb) => eb(eb('granted_below', '+', eb.ref('used')), '<=', to))
    .returning('id')
    .executeTakeFirst();
}
