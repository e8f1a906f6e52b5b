// Append-only audit log, each row chained to the one before by HMAC-SHA-256 under a key kept outside
// the database, so that someone who can write the table can neither alter a row nor re-chain the rows
// after it without the key; signed checkpoints kept outside the table (checkpoints.ts) reveal a
// deleted tail. No passwords, codes or full ID numbers go in here.
import { createHash, createHmac } from 'node:crypto';
import { scopeLabel } from '../../access/policy.ts';
import type { Executor, RequestCtx } from '../../context.ts';
import { GENESIS, auditBatch, insertAuditRow, lastHash, lockChain } from './audit.repository.ts';

export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string | number;
  result?: 'success' | 'failure' | 'denied';
  detail?: Record<string, unknown>;
  /** for events before a session exists, e.g. a login attempt */
  actorOverride?: { id: number | null; name: string | null; role: string | null };
}

interface ChainFields {
  at_ms: number;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_scope: string | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  detail: Record<string, unknown> | null;
}

let chainKey: Buffer | null = null;

/** The key the chain is computed with; set once per process when the server starts (keys.ts). */
export function useAuditKey(key: Buffer) {
  if (chainKey && !chainKey.equals(key)) throw new Error('一个进程只能使用一把审计密钥：请勿在同一进程中以不同的密钥文件启动多个服务');
  chainKey = key;
}

export function auditKey(): Buffer {
  if (!chainKey) throw new Error('审计密钥未加载');
  return chainKey;
}

/** keyed: HMAC under the audit key (every row written since the key was introduced); else legacy SHA-256. */
export function chainHash(prev: string, f: ChainFields, keyed = true): string {
  const body = canonical([
    f.at_ms,
    f.actor_id,
    f.actor_name,
    f.actor_role,
    f.actor_scope,
    f.ip,
    f.request_id,
    f.action,
    f.object_type,
    f.object_id,
    f.result,
    f.detail,
  ]);
  const h = keyed ? createHmac('sha256', auditKey()) : createHash('sha256');
  return h.update(prev).update(body).digest('hex');
}

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** Must run inside a transaction (the chain lock is transaction-scoped). */
export async function recordAudit(trx: Executor, ctx: RequestCtx, e: AuditEvent): Promise<void> {
  await lockChain(trx);
  const prev = await lastHash(trx);
  const a = ctx.actor;
  const f: ChainFields = {
    at_ms: Date.now(),
    actor_id: e.actorOverride ? e.actorOverride.id : (a?.userId ?? null),
    actor_name: e.actorOverride ? e.actorOverride.name : (a?.name ?? null),
    actor_role: e.actorOverride ? e.actorOverride.role : (a?.role ?? null),
    actor_scope: scopeLabel(a),
    ip: ctx.ip,
    request_id: ctx.requestId,
    action: e.action,
    object_type: e.objectType ?? null,
    object_id: e.objectId === undefined ? null : String(e.objectId),
    result: e.result ?? 'success',
    detail: e.detail ? (JSON.parse(JSON.stringify(e.detail)) as Record<string, unknown>) : null,
  };
  const hash = chainHash(prev, f);
  await insertAuditRow(trx, { ...f, detail: f.detail ? JSON.stringify(f.detail) : null, prev_hash: prev, hash, keyed: true });
}

/** Records an event on its own transaction (login attempts, reads of sensitive data). */
export async function recordAuditNow(db: Executor, ctx: RequestCtx, e: AuditEvent): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, ctx, e));
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  headId: number;
  headHash: string;
  legacyRows: number;
}

/** Walks the whole chain; a keyed row must be followed only by keyed rows (no downgrade to plain SHA-256). */
/**
 * Walks the chain from the start, or — `from`, a verified checkpoint's head — only the rows written since
 * (every one of them keyed), so that the periodic checkpoint does not re-read the whole log each time.
 */
export async function verifyAuditChain(db: Executor, from?: { headId: number; headHash: string; rows: number }): Promise<ChainCheck> {
  let prev = from?.headHash ?? GENESIS,
    afterId = from?.headId ?? 0,
    checked = from?.rows ?? 0,
    legacyRows = 0,
    seenKeyed = !!from;
  for (;;) {
    const rows = await auditBatch(db, afterId, 1000);
    if (!rows.length) return { ok: true, checked, headId: afterId, headHash: prev, legacyRows };
    for (const r of rows) {
      const expected = chainHash(prev, { ...r, at_ms: Number(r.at_ms) }, r.keyed);
      if (r.prev_hash !== prev || r.hash !== expected || (seenKeyed && !r.keyed))
        return { ok: false, checked, brokenAt: r.id, headId: afterId, headHash: prev, legacyRows };
      seenKeyed ||= r.keyed;
      if (!r.keyed) legacyRows++;
      prev = r.hash;
      afterId = r.id;
      checked++;
    }
  }
}
