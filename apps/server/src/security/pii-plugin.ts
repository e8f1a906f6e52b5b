// Reads of personal data decrypt in one place: every string value in a result row that carries the
// ciphertext marker (`enc:`) comes back in clear to the code that asked for it. Masking, scope and the
// reveal permission still decide what leaves the server; this only undoes encryption at rest.
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { decrypt, isEncrypted } from './pii.ts';
import type { Keys } from './keys.ts';

export class DecryptPersonalData implements KyselyPlugin {
  constructor(private keys: Keys) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const rows = args.result.rows;
    for (const row of rows) {
      for (const k in row) {
        const v = row[k];
        if (isEncrypted(v)) row[k] = decrypt(this.keys, v);
      }
    }
    return args.result;
  }
}
