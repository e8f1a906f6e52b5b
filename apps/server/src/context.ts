import type { Kysely } from 'kysely';
import type { Actor } from './access/policy.ts';
import type { Config } from './config.ts';
import type { Database } from './db/types.ts';
import type { DatabaseKind } from './db/database.ts';
import type { Notifier } from './modules/notifier/notifier.ts';
import type { Keys } from './security/keys.ts';
import type { CheckpointStore } from './modules/audit/checkpoints.ts';

/** What every service is built from. */
export interface Deps {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  config: Config;
  notifier: Notifier;
  /** Keys for personal data at rest and the audit chain (from the key file, never from the database). */
  keys: Keys;
  /** Signed audit checkpoints, kept outside the database. */
  auditCheckpoints: CheckpointStore;
}

/** Who is asking, from where: carried into services for scope checks and audit records. */
export interface RequestCtx {
  actor?: Actor;
  ip: string;
  requestId: string;
}

export type Executor = Kysely<Database>;
