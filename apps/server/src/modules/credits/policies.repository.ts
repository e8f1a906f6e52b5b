// SQL over credit_policies: the stored versions of the credit policy. Exactly one row is active;
// publishing adds a row and moves the flag, it never rewrites one.
import { sql } from 'kysely';
import type { Executor } from '../../context.ts';

export function activePolicyRow(db: Executor) {
  return db.selectFrom('credit_policies').select(['id', 'version', 'document']).where('active', '=', true).executeTakeFirst();
}

export async function hasAnyPolicy(db: Executor): Promise<boolean> {
  return !!(await db.selectFrom('credit_policies').select('id').limit(1).executeTakeFirst());
}

export async function insertInitialPolicy(db: Executor, policyId: string, document: string): Promise<void> {
  await db
    .insertInto('credit_policies')
    .values({ policy_id: policyId, version: 1, document, active: true })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Every version, newest first, with who published it and the policy's name. */
export function policyVersionRows(db: Executor) {
  return db
    .selectFrom('credit_policies as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .select([
      'p.version',
      'p.policy_id',
      'p.active',
      'p.created_at',
      'u.name as created_by_name',
      sql<string>`p.document->>'name'`.as('name'),
    ])
    .orderBy('p.version', 'desc')
    .execute();
}

/** One version, or the active one when no version is given. */
export function policyVersionRow(db: Executor, version?: number) {
  let q = db.selectFrom('credit_policies').select(['version', 'policy_id', 'active', 'document', 'created_at']);
  q = version === undefined ? q.where('active', '=', true) : q.where('version', '=', version);
  return q.orderBy('id').executeTakeFirst();
}

/** The active row, locked: a second publisher waits here, then finds it inactive. */
export function lockActivePolicy(trx: Executor) {
  return trx.selectFrom('credit_policies').select(['id', 'version']).where('active', '=', true).forUpdate().executeTakeFirst();
}

export async function maxPolicyVersion(trx: Executor): Promise<number> {
  const max = await trx
    .selectFrom('credit_policies')
    .select((eb) => eb.fn.max('version').as('v'))
    .executeTakeFirstOrThrow();
  return Number(max.v);
}

/** Takes the flag off the given row; false when it was no longer active. */
export async function deactivatePolicy(trx: Executor, rowId: number): Promise<boolean> {
  const off = await trx
    .updateTable('credit_policies')
    .set({ active: false })
    .where('id', '=', rowId)
    .where('active', '=', true)
    .executeTakeFirst();
  return Number(off.numUpdatedRows) === 1;
}

export async function insertActivePolicy(
  trx: Executor,
  v: { policyId: string; version: number; document: string; createdBy: number },
): Promise<void> {
  await trx
    .insertInto('credit_policies')
    .values({ policy_id: v.policyId, version: v.version, document: v.document, active: true, created_by: v.createdBy })
    .execute();
}
