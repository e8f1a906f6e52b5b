// Credit policies as stored versions. Exactly one version is active; publishing adds a version and
// never rewrites one, so every standing and certificate can say which version produced it.
import { CREDIT_POLICIES, parseCreditPolicy, type CreditPolicy } from '@shixun/domain';
import type { Executor } from '../../context.ts';
import { activePolicyRow, hasAnyPolicy, insertInitialPolicy } from './policies.repository.ts';

export interface StoredPolicy {
  rowId: number;
  version: number;
  policy: CreditPolicy;
}

// parsed documents by row id: a version never changes, so the cache never goes stale
const parsed = new Map<number, CreditPolicy>();

export async function activePolicy(db: Executor): Promise<StoredPolicy> {
  const row = await activePolicyRow(db);
  if (!row) throw new Error('没有生效的学分政策：启动时应已写入初始政策');
  return { rowId: row.id, version: row.version, policy: parsedPolicy(row.id, row.document) };
}

export function parsedPolicy(rowId: number, document: unknown): CreditPolicy {
  let p = parsed.get(rowId);
  if (!p) {
    const r = parseCreditPolicy(document);
    if (!r.ok) throw new Error(`已保存的学分政策无效：${r.errors.join('；')}`);
    parsed.set(rowId, (p = r.policy));
  }
  return p;
}

/** At start: a database without a policy gets the configured one as version 1. */
export async function ensureCreditPolicy(db: Executor, policyId: string): Promise<void> {
  if (await hasAnyPolicy(db)) return;
  const initial = CREDIT_POLICIES.find((p) => p.id === policyId);
  if (!initial) throw new Error(`未知的学分政策 "${policyId}"，可选：${CREDIT_POLICIES.map((p) => p.id).join('、')}`);
  await insertInitialPolicy(db, initial.id, JSON.stringify({ ...initial, version: 1 }));
}
