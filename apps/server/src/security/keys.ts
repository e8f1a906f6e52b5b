// The keys that protect personal data at rest and the audit chain. They live outside the database
// (a JSON file, mode 0600, beside the data directory by default, or wherever KEY_FILE points), so a
// copy of the database or a backup alone reveals no ID or phone number and cannot re-chain the audit log.
//
// Rotation: add a new entry to `dataKeys` and point `currentDataKey` at it; at the next start rows
// encrypted under an older key are re-encrypted (see pii-sweep.ts). Old keys stay in the file until
// the sweep has run. The blind-index and audit keys are not rotated in place (see docs/SECURITY.md).
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Keys {
  /** AES-256-GCM keys by id; the current one encrypts, all of them decrypt. */
  dataKeys: Record<string, Buffer>;
  currentDataKey: string;
  /** HMAC-SHA-256 key for the blind indexes (exact search by full ID or phone number). */
  blindIndexKey: Buffer;
  /** HMAC-SHA-256 key that chains the audit log and signs its checkpoints. */
  auditKey: Buffer;
}

interface KeyFile {
  version: 1;
  currentDataKey: string;
  dataKeys: Record<string, string>;
  blindIndexKey: string;
  auditKey: string;
}

export function generateKeys(): Keys {
  return { dataKeys: { k1: randomBytes(32) }, currentDataKey: 'k1', blindIndexKey: randomBytes(32), auditKey: randomBytes(32) };
}

let processKeys: Keys | null = null;
const byFile = new Map<string, Keys>();

/** Reads the key file, creating it with fresh keys when it does not exist; `''` gives in-memory keys, the same
 *  for every server of this process (tests start several). */
export function loadKeys(keyFile: string): Keys {
  if (!keyFile) return (processKeys ??= generateKeys());
  const known = byFile.get(path.resolve(keyFile));
  if (known) return known; // several servers of one process (tests) share the keys of one file
  const k = readOrCreate(keyFile);
  byFile.set(path.resolve(keyFile), k);
  return k;
}

function readOrCreate(keyFile: string): Keys {
  if (!existsSync(keyFile)) {
    const k = generateKeys();
    const file: KeyFile = {
      version: 1,
      currentDataKey: k.currentDataKey,
      dataKeys: Object.fromEntries(Object.entries(k.dataKeys).map(([id, b]) => [id, b.toString('base64')])),
      blindIndexKey: k.blindIndexKey.toString('base64'),
      auditKey: k.auditKey.toString('base64'),
    };
    mkdirSync(path.dirname(path.resolve(keyFile)), { recursive: true });
    writeFileSync(keyFile, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(keyFile, 0o600);
    return k;
  }
  let f: KeyFile;
  try {
    f = JSON.parse(readFileSync(keyFile, 'utf8')) as KeyFile;
  } catch {
    throw new Error(`密钥文件 ${keyFile} 无法读取或不是有效的 JSON`);
  }
  const buf = (v: unknown, what: string) => {
    const b = typeof v === 'string' ? Buffer.from(v, 'base64') : Buffer.alloc(0);
    if (b.length !== 32) throw new Error(`密钥文件 ${keyFile} 中的 ${what} 应为 32 字节（base64）`);
    return b;
  };
  const dataKeys = Object.fromEntries(
    Object.entries(f.dataKeys ?? {}).map(([id, v]) => {
      if (!/^[A-Za-z0-9]{1,16}$/.test(id)) throw new Error(`密钥文件 ${keyFile} 中的密钥编号 "${id}" 无效`);
      return [id, buf(v, `dataKeys.${id}`)];
    }),
  );
  if (!dataKeys[f.currentDataKey]) throw new Error(`密钥文件 ${keyFile} 的 currentDataKey 不在 dataKeys 中`);
  return {
    dataKeys,
    currentDataKey: f.currentDataKey,
    blindIndexKey: buf(f.blindIndexKey, 'blindIndexKey'),
    auditKey: buf(f.auditKey, 'auditKey'),
  };
}

let inUse: Keys | null = null;

/** The keys of this process, set once at start (createServer); repositories reach them through pii.ts. */
export function useKeys(keys: Keys) {
  if (inUse && inUse !== keys) throw new Error('一个进程只能使用一套密钥：请勿在同一进程中以不同的密钥文件启动多个服务');
  inUse = keys;
}

export function keysInUse(): Keys {
  if (!inUse) throw new Error('密钥未加载');
  return inUse;
}
