// Closing unpaid orders after their time: a durable job scheduled every few minutes (one per time slot,
// by unique key, however many processes schedule it) sweeps pending orders past expires_at. Reads close
// them lazily as well (the teacher's list and detail), so an order never shows as payable after its time.
import type { Executor } from '../../context.ts';
import { enqueueJob } from '../jobs/jobs.service.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { closeExpiredOrders } from './orders.service.ts';

export const CLOSE_KIND = 'orders.close-expired';
const SLOT_MS = 5 * 60_000;

export const closeExpiredJob: JobHandler = {
  kind: CLOSE_KIND,
  async run(ctx) {
    let total = 0;
    for (;;) {
      if (ctx.signal.aborted) return 'stopped';
      const n = await closeExpiredOrders(ctx.db, { now: ctx.now(), limit: 100 });
      total += n;
      if (n < 100) break;
    }
    await ctx.step(async () => ({ value: total, progress: { done: total, total, state: {} } }));
    return 'done';
  },
  async schedule(db: Executor, now: Date) {
    const slot = Math.floor(now.getTime() / SLOT_MS);
    return enqueueJob(db, { kind: CLOSE_KIND, payload: {}, uniqueKey: `${CLOSE_KIND}:${slot}`, runAt: now, maxAttempts: 1 });
  },
};
