// The audit log names its objects («李秀英 的报名 #15»). The audit module cannot import the feature
// modules (they all import it to write their rows), so each kind of object registers how its names are
// looked up (modules/audit-object-names.ts), the way teachers learns of credit standings.
import type { Executor } from '../../context.ts';

/** ids of one kind of object → the name to show (the owner's, or the object's own). */
export type ObjectNamer = (db: Executor, ids: string[]) => Promise<Map<string, string>>;

const namers = new Map<string, ObjectNamer>();

export function nameAuditObjects(objectType: string, namer: ObjectNamer) {
  namers.set(objectType, namer);
}

/** A namer over numeric ids (most objects): ids that are not whole numbers are skipped. */
export function byNumericId(lookup: (db: Executor, ids: number[]) => Promise<Map<number, string>>): ObjectNamer {
  return async (db, ids) => {
    const nums = [...new Set(ids.filter((i) => /^\d{1,10}$/.test(i)).map(Number))].filter((n) => n <= 2_147_483_647);
    const found = await lookup(db, nums);
    return new Map([...found].map(([k, v]) => [String(k), v]));
  };
}

/** Names of the objects of a page (or batch) of rows, keyed `type:id`. */
export async function objectNames(db: Executor, rows: { object_type: string | null; object_id: string | null }[]) {
  const byType = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.object_type || r.object_id === null || !namers.has(r.object_type)) continue;
    byType.set(r.object_type, [...(byType.get(r.object_type) ?? []), r.object_id]);
  }
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const names = await namers.get(type)!(db, [...new Set(ids)]);
    for (const [id, name] of names) out.set(`${type}:${id}`, name);
  }
  return out;
}
