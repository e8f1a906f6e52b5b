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

// parsed documents by row id and text: a version never changes, so the cache never goes stale. The text
// is part of the key because one process may serve several databases (the tests run a server per
// database copy in one worker), where row 2 of one is not row 2 of another.
const parsed = new Map<string, CreditPolicy>();

export async function activePolicy(db: Executor): Promise<StoredPolicy> {
  const row = await activePolicyRow(db);
  if (!row) throw new Error('没有生效的学分政策：启动时应已写入初始政策');
  return { rowId: row.id, version: row.version, policy: parsedPolicy(row.id, row.document) };
}

export function parsedPolicy(rowId: number, document: unknown): CreditPolicy {
  const key = `${rowId}\u0000${typeof document === 'string' ? document : JSON.stringify(document)}`;
  let p = parsed.get(key);
  if (!p) {
    const r = parseCreditPolicy(document);
    if (!r.ok) throw new Error(`已保存的学分政策无效：${r.errors.join('；')}`);
    if (parsed.size > 50) parsed.clear();
    parsed.set(key, (p = r.policy));
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
