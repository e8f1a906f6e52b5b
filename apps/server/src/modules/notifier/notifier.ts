// Where verification codes and notices leave the platform. The built-in notifier writes to the
// outbox table (the platform admin sees delivery status and masked recipients; tests read the table); a real SMS or SMTP adapter
// implements the same interface.
import { maskEmail, maskPhone } from '@shixun/domain';
import type { Deps, Executor } from '../../context.ts';
import { decrypt, sealValue } from '../../security/pii.ts';
import { insertOutbox, outboxPage } from './outbox.repository.ts';

export interface Message {
  channel: 'sms' | 'email';
  recipient: string;
  subject: string;
  body: string;
}
export interface Notifier {
  send(db: Executor, m: Message): Promise<void>;
}

export const outboxNotifier: Notifier = {
  async send(db, m) {
    // the recipient is personal data: encrypted at rest like ID and phone numbers
    await insertOutbox(db, { ...m, recipient: sealValue(m.recipient) });
  },
};

/**
 * 通知发件箱 as the platform admin sees it: channel, masked recipient, subject and delivery status.
 * The body carries verification codes, so it is shown only on a development outbox
 * (config.devOutbox, refused in production), and the answer says which mode it is.
 */
export async function listOutbox(deps: Pick<Deps, 'db' | 'config' | 'keys'>, page: number, pageSize: number) {
  const { db } = deps;
  const dev = deps.config.devOutbox;
  const { items, total } = await outboxPage(db, page, pageSize);
  return {
    devOutbox: dev,
    items: items.map((m) => {
      const to = decrypt(deps.keys, m.recipient);
      return {
        id: m.id,
        channel: m.channel,
        recipient: m.channel === 'email' ? maskEmail(to) : maskPhone(to),
        subject: m.subject,
        status: m.status,
        statusLabel: STATUS_LABELS[m.status],
        createdAt: m.created_at,
        ...(dev ? { body: m.body } : {}),
      };
    }),
    total,
    page,
    pageSize,
  };
}

const STATUS_LABELS = { queued: '待发送', sent: '已发送', failed: '发送失败' } as const;
