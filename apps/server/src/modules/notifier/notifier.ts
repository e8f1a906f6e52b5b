// Where verification codes and notices leave the platform. The built-in notifier writes to the
// outbox table (readable by the platform admin and by tests); a real SMS or SMTP adapter
// implements the same interface.
import type { Executor } from '../../context.ts';

export interface Message { channel: 'sms' | 'email'; recipient: string; subject: string; body: string }
export interface Notifier { send(db: Executor, m: Message): Promise<void> }

export const outboxNotifier: Notifier = {
  async send(db, m) {
    await db.insertInto('outbox').values(m).execute();
  },
};

export async function listOutbox(db: Executor, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: items.map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, createdAt: m.created_at })),
    total: Number(total.n), page, pageSize,
  };
}
