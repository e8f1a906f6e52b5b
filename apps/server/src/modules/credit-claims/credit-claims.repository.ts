// SQL for 学分申报. Every read starts from teachersInScope, so a reviewer's scope is always in the
// WHERE clause; a teacher reads through the empty scope plus their own id.
import { sql, type Insertable } from 'kysely';
import { isIdNumber, normalizeIdNumber } from '@shixun/domain';
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import type { CreditClaimTable } from '../../db/types.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';
import type { ClaimStatus, ReviewLevel } from './claim-types.ts';
import { idNumberIndex } from '../../security/pii.ts';

export interface ClaimFilter {
  scope: ScopeFilter;
  id?: number;
  teacherId?: number;
  level?: ReviewLevel;
  status?: ClaimStatus;
  /** teacher name (substring), full ID number, or claim title (substring) */
  q?: string;
}

function claimsQuery(db: Executor, f: ClaimFilter) {
  let q = teachersInScope(db, f.scope).innerJoin('credit_claims as c', 'c.teacher_id', 't.user_id');
  if (f.id !== undefined) q = q.where('c.id', '=', f.id);
  if (f.teacherId !== undefined) q = q.where('c.teacher_id', '=', f.teacherId);
  if (f.level) q = q.where('c.review_level', '=', f.level);
  if (f.status) q = q.where('c.status', '=', f.status);
  const term = f.q?.trim();
  if (term) {
    if (isIdNumber(term)) q = q.where('u.id_number_bidx', '=', idNumberIndex(normalizeIdNumber(term)));
    else q = q.where((eb) => eb.or([eb('u.name', 'like', `%${term}%`), eb('c.title', 'like', `%${term}%`)]));
  }
  return q;
}

function selectClaim(q: ReturnType<typeof claimsQuery>) {
  return q
    .leftJoin('users as reviewer', 'reviewer.id', 'c.reviewer_id')
    .leftJoin('credit_claims as prev', 'prev.id', 'c.resubmit_of')
    .leftJoin('users as prev_reviewer', 'prev_reviewer.id', 'prev.reviewer_id')
    .select([
      'c.id',
      'c.teacher_id',
      'u.name as teacher_name',
      'u.id_number',
      's.name as school_name',
      'county.name as county_name',
      'c.claim_type',
      'c.claim_type_name',
      'c.title',
      'c.description',
      'c.year',
      'c.category',
      'c.form',
      'c.quantity_h',
      'c.unit_amount_h',
      'c.amount_h',
      'c.review_level',
      'c.status',
      'c.review_reason',
      'reviewer.name as reviewer_name',
      'c.entry_id',
      'c.policy_version',
      'c.created_at',
      'c.reviewed_at',
      'c.withdrawn_at',
      'c.resubmit_of',
      'prev.review_reason as prev_review_reason',
      'prev_reviewer.name as prev_reviewer_name',
      'prev.reviewed_at as prev_reviewed_at',
    ])
    .select((eb) => eb.selectFrom('credit_claims as nx').whereRef('nx.resubmit_of', '=', 'c.id').select('nx.id').as('resubmitted_as'));
}

export type ClaimRow = Awaited<ReturnType<ReturnType<typeof selectClaim>['executeTakeFirstOrThrow']>>;

export function findClaim(db: Executor, f: ClaimFilter): Promise<ClaimRow | undefined> {
  return selectClaim(claimsQuery(db, f)).executeTakeFirst();
}

export async function listClaims(db: Executor, f: ClaimFilter, page?: { page: number; pageSize: number }) {
  let rows = selectClaim(claimsQuery(db, f)).orderBy('c.id', 'desc');
  if (page) rows = rows.limit(page.pageSize).offset((page.page - 1) * page.pageSize);
  const [items, total] = await Promise.all([
    rows.execute(),
    claimsQuery(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Claims per status in a reviewer's queue (the tabs' counts), ignoring the status filter. */
export async function countByStatus(db: Executor, f: ClaimFilter): Promise<Record<string, number>> {
  const rows = await claimsQuery(db, { ...f, status: undefined })
    .select(['c.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('c.status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function filesOf(db: Executor, claimIds: number[]) {
  if (!claimIds.length) return [];
  return db
    .selectFrom('credit_claim_files')
    .select(['id', 'claim_id', 'file_name', 'mime', 'size', 'stored_name'])
    .where('claim_id', 'in', claimIds)
    .orderBy('id')
    .execute();
}

/** What a teacher has already claimed of one type in one year and not lost (pending or approved). */
export async function claimedThisYear(db: Executor, teacherId: number, claimType: string, year: number): Promise<number> {
  const r = await db
    .selectFrom('credit_claims')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_h'), sql<number>`0`).as('h'))
    .where('teacher_id', '=', teacherId)
    .where('claim_type', '=', claimType)
    .where('year', '=', year)
    .where('status', 'in', ['pending', 'approved'])
    .executeTakeFirstOrThrow();
  return Number(r.h);
}

/** Serialises one teacher's submissions, so two at once cannot both slip under maxPerYear. */
export async function lockTeacherClaims(trx: Executor, teacherId: number) {
  await sql`SELECT pg_advisory_xact_lock(4242107, ${teacherId})`.execute(trx);
}

/**
 * Moves a pending claim to its outcome. The WHERE on status makes this the single winner when two
 * reviewers (or a reviewer and the withdrawing teacher) act at once: the loser's update touches no row.
 */
export function decideClaim(db: Executor, id: number, reviewerId: number, status: 'approved' | 'rejected', reason: string | null) {
  return db
    .updateTable('credit_claims')
    .set({ status, reviewer_id: reviewerId, review_reason: reason, reviewed_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning(['id', 'teacher_id', 'claim_type_name', 'title', 'year', 'category', 'form', 'amount_h', 'review_level'])
    .executeTakeFirst();
}

export function withdrawOwnClaim(db: Executor, id: number, teacherId: number) {
  return db
    .updateTable('credit_claims')
    .set({ status: 'withdrawn', withdrawn_at: sql`now()` })
    .where('id', '=', id)
    .where('teacher_id', '=', teacherId)
    .where('status', '=', 'pending')
    .returning(['id'])
    .executeTakeFirst();
}

export function claimStatus(db: Executor, id: number) {
  return db.selectFrom('credit_claims').select(['status', 'teacher_id']).where('id', '=', id).executeTakeFirst();
}

/** The stored file behind one evidence row of a claim. */
export function claimFile(db: Executor, claimId: number, fileId: number) {
  return db
    .selectFrom('credit_claim_files')
    .select(['file_name', 'stored_name', 'mime'])
    .where('id', '=', fileId)
    .where('claim_id', '=', claimId)
    .executeTakeFirst();
}

/** Whether the user is a teacher (a claim needs a teacher profile). */
export async function isTeacher(db: Executor, userId: number): Promise<boolean> {
  return !!(await db.selectFrom('teachers').select('user_id').where('user_id', '=', userId).executeTakeFirst());
}

export type NewClaim = Insertable<CreditClaimTable>;

export async function insertClaim(trx: Executor, values: NewClaim): Promise<number> {
  return (await trx.insertInto('credit_claims').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** The claim that answers a returned one (重新申报), if any. */
export function resubmissionOf(db: Executor, claimId: number) {
  return db.selectFrom('credit_claims').select('id').where('resubmit_of', '=', claimId).executeTakeFirst();
}

export async function insertClaimFiles(
  trx: Executor,
  claimId: number,
  files: { fileName: string; storedName: string; mime: string; size: number }[],
) {
  if (!files.length) return;
  await trx
    .insertInto('credit_claim_files')
    .values(files.map((f) => ({ claim_id: claimId, file_name: f.fileName, stored_name: f.storedName, mime: f.mime, size: f.size })))
    .execute();
}

/** The ledger entry an approval posted. */
export async function linkClaimEntry(trx: Executor, claimId: number, entryId: number) {
  await trx.updateTable('credit_claims').set({ entry_id: entryId }).where('id', '=', claimId).execute();
}

/** A demo evidence file's size, known once it has been rendered. */
export async function setClaimFileSize(db: Executor, storedName: string, size: number) {
  await db.updateTable('credit_claim_files').set({ size }).where('stored_name', '=', storedName).execute();
}

/** The unit a reviewer acts for, as written on the ledger entry: their school, or their region (a county with its city). */
export async function reviewerUnit(db: Executor, scope: { schoolId?: number | null; regionCode?: string | null }): Promise<string> {
  if (scope.schoolId) {
    return (await db.selectFrom('schools').select('name').where('id', '=', scope.schoolId).executeTakeFirst())?.name ?? '';
  }
  if (!scope.regionCode) return '';
  const r = await db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.code', 'r.parent_code')
    .select(['r.name', 'r.level', 'p.name as parent_name'])
    .where('r.code', '=', scope.regionCode)
    .executeTakeFirst();
  return r ? (r.level === 'county' && r.parent_name ? `${r.parent_name}${r.name}` : r.name) : '';
}
