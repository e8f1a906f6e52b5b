// Refused access (403, and 404 on a protected route: out of scope looks like not found) goes into the
// audit log, so a clerk probing other counties' teachers leaves a trace. Per actor (or per IP when
// anonymous) at most LIMIT records a window: a scripted probe cannot flood the log; the next record
// after a quiet spell says how many were left out.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../context.ts';
import type { App } from '../../http/types.ts';
import { recordAuditNow } from './audit.service.ts';

const LIMIT = 20;
const WINDOW_MS = 10 * 60_000;

interface Bucket {
  start: number;
  count: number;
  suppressed: number;
}

export function deniedAccessLimiter(limit = LIMIT, windowMs = WINDOW_MS) {
  const buckets = new Map<string, Bucket>();
  return {
    /** undefined: do not record; else the number left out since the last record */
    take(key: string, now = Date.now()): number | undefined {
      let b = buckets.get(key);
      if (!b || now - b.start >= windowMs) {
        const suppressed = b?.suppressed ?? 0;
        b = { start: now, count: 0, suppressed };
        buckets.set(key, b);
        if (buckets.size > 10_000) for (const [k, v] of buckets) if (now - v.start >= windowMs) buckets.delete(k);
      }
      if (b.count >= limit) {
        b.suppressed++;
        return undefined;
      }
      b.count++;
      const left = b.suppressed;
      b.suppressed = 0;
      return left;
    },
  };
}

export function registerDeniedAccessAudit(app: App, deps: Deps) {
  const limiter = deniedAccessLimiter();
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const status = reply.statusCode;
    if ((status !== 403 && status !== 404) || req.is404) return;
    const access = req.routeOptions.config?.access;
    if (!access || access === 'public') return;
    const key = req.actor ? `u:${req.actor.userId}` : `ip:${req.ip}`;
    const suppressed = limiter.take(key);
    if (suppressed === undefined) return;
    // the route pattern and its ids only: query strings may carry ID or phone numbers
    await recordAuditNow(deps.db, req.ctx, {
      action: 'access.denied',
      result: 'denied',
      objectType: 'route',
      objectId: `${req.method} ${req.routeOptions.url}`,
      detail: { status, params: req.params as Record<string, unknown>, ...(suppressed ? { suppressed } : {}) },
    }).catch((e) => req.log.error(e, 'could not record refused access'));
  });
}
