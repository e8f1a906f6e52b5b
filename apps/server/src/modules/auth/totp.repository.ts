// Two-factor columns of users and the totp_recovery_codes table (hashes only).
import type { Executor } from '../../context.ts';

/** Moves the last used step forward; false when another request used this step (or a later one) first. */
export async function claimTotpStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function setPendingSecret(db: Executor, userId: number, sealedSecret: string) {
  await db.updateTable('users').set({ totp_pending_secret: sealedSecret }).where('id', '=', userId).execute();
}

/** Turns the pending secret on, once: false when two-factor authentication was already on. */
export async function enableTotpRow(db: Executor, userId: number, o: { secret: string; step: number }): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ totp_secret: o.secret, totp_pending_secret: null, totp_enabled_at: new Date(), totp_last_step: o.step })
    .where('id', '=', userId)
    .where('totp_enabled_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Switches it off and forgets the secret and the recovery codes. */
export async function disableTotpRow(db: Executor, userId: number) {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryHashes(db: Executor, userId: number, hashes: string[]) {
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('totp_recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/** One UPDATE: two racing uses of the same code cannot both win. */
export async function useRecoveryHash(db: Executor, userId: number, hash: string): Promise<boolean> {
  const r = await db
    .updateTable('totp_recovery_codes')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function recoveryCodesLeft(db: Executor, userId: number): Promise<number> {
  const r = await db
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
