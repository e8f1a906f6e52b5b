// The account owner's contact columns of users (phone sealed at rest, email).
import type { Executor } from '../../context.ts';

/** Another account holding this phone number (blind index) or email, if any. */
export function otherHolderOf(db: Executor, userId: number, c: { phoneBidx: string } | { email: string }) {
  const q = db.selectFrom('users').select('id').where('id', '!=', userId);
  return ('email' in c ? q.where('email', '=', c.email) : q.where('phone_bidx', '=', c.phoneBidx)).executeTakeFirst();
}

/** Sets the phone (sealed columns from security/pii) or the email: the auth module owns the users table. */
export { updateAccountFields as setContact } from '../auth/accounts.repository.ts';
