// Signed checkpoints of the audit chain, kept outside the audit table: the row count and head hash at a
// moment, signed with the audit key. A chain that verifies on its own but no longer contains a checkpoint's
// head (rows deleted from the tail, or everything re-chained) is caught here. Rows written after the last
// checkpoint are protected by the keyed chain only, so checkpoints are written often (hourly, at shutdown,
// and after every verification by the audit admin).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Executor } from '../../context.ts';
import { auditKey, canonical, verifyAuditChain, type ChainCheck } from './audit.service.ts';
import { hashOfRow } from './audit.repository.ts';

export interface Checkpoint {
  at: string;
  rows: number;
  headId: number;
  headHash: string;
  signature: string;
}
export interface CheckpointStore {
  latest(): Checkpoint | null;
  save(cp: Checkpoint): void;
}

const sign = (cp: Omit<Checkpoint, 'signature'>) =>
  createHmac('sha256', auditKey())
    .update(canonical(['shixun-audit-checkpoint', cp.at, cp.rows, cp.headId, cp.headHash]))
    .digest('hex');

/** Checkpoint files in a directory (one JSON file each, never rewritten), or in memory when no directory is set. */
export function checkpointStore(dir: string): CheckpointStore {
  if (!dir) {
    let last: Checkpoint | null = null;
    return {
      latest: () => last,
      save: (cp) => {
        last = cp;
      },
    };
  }
  return {
    latest() {
      let files: string[] = [];
      try {
        files = readdirSync(dir)
          .filter((f) => /^checkpoint-\d+\.json$/.test(f))
          .sort();
      } catch {
        return null;
      }
      const f = files.at(-1);
      return f ? (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Checkpoint) : null;
    },
    save(cp) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      // named by head id, so the latest sorts last; a checkpoint file is written once and never changed
      try {
        writeFileSync(path.join(dir, `checkpoint-${String(cp.headId).padStart(15, '0')}.json`), `${JSON.stringify(cp)}\n`, {
          flag: 'wx',
          mode: 0o600,
        });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process checkpointed the same head
      }
    },
  };
}

export type CheckpointStatus = 'none' | 'match' | 'bad-signature' | 'missing-head' | 'rewritten';
export const CHECKPOINT_MESSAGES: Record<CheckpointStatus, string> = {
  none: '尚无检查点',
  match: '与最近的签名检查点一致',
  'bad-signature': '检查点签名无效：检查点文件被改动，或审计密钥已更换',
  'missing-head': '检查点记录的日志尾部已不存在：日志在检查点之后被删除',
  rewritten: '检查点记录的日志与当前日志不一致：日志被改写后重新链接',
};

/** Compares the database's chain with the last signed checkpoint. */
export async function compareWithCheckpoint(db: Executor, check: ChainCheck, cp: Checkpoint | null): Promise<CheckpointStatus> {
  if (!cp) return 'none';
  const expected = Buffer.from(sign(cp), 'hex');
  const given = Buffer.from(cp.signature, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  if (check.headId < cp.headId || check.checked < cp.rows) return 'missing-head';
  const hash = await hashOfRow(db, cp.headId);
  if (hash === null) return 'missing-head';
  return hash === cp.headHash ? 'match' : 'rewritten';
}

/**
 * Verifies the chain against the last checkpoint and, when both hold, signs a new checkpoint at the head.
 * `incremental` (start-up, hourly, shutdown): when the last checkpoint is intact, only the rows written since it
 * are walked; the audit admin's verification walks the whole log.
 */
export async function verifyAndCheckpoint(db: Executor, store: CheckpointStore, opts: { incremental?: boolean } = {}) {
  const previous = store.latest();
  const intact =
    opts.incremental &&
    previous &&
    (await compareWithCheckpoint(
      db,
      { ok: true, checked: previous.rows, headId: previous.headId, headHash: previous.headHash, legacyRows: 0 },
      previous,
    )) === 'match';
  const check = await verifyAuditChain(db, intact ? previous : undefined);
  const status = await compareWithCheckpoint(db, check, previous);
  let written: Checkpoint | null = null;
  if (check.ok && (status === 'none' || status === 'match') && check.headId > (previous?.headId ?? 0)) {
    const body = { at: new Date().toISOString(), rows: check.checked, headId: check.headId, headHash: check.headHash };
    written = { ...body, signature: sign(body) };
    store.save(written);
  }
  return {
    ...check,
    ok: check.ok && (status === 'none' || status === 'match'),
    checkpoint: {
      status,
      message: CHECKPOINT_MESSAGES[status],
      previous: previous && { at: previous.at, rows: previous.rows, headId: previous.headId },
    },
    lastCheckpoint: written ?? previous,
  };
}
