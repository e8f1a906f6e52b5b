// The outbox table: messages waiting for (or done with) delivery; recipients sealed at rest.
import type { Executor } from '../../context.ts';

export async function insertOutbox(db: Executor, m: { channel: 'sms' | 'email'; recipient: string; subject: string; body: string }) {
  await db.insertInto('outbox').values(m).execute();
}

export async function outboxPage(db: Executor, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('outbox')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
