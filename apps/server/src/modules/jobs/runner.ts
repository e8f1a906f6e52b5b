// Runs durable jobs: polls for due jobs of the kinds it has handlers for, claims one under a lease,
// runs its handler and keeps the lease alive while it runs. A handler works in steps: each step's
// writes and the job's progress + cursor commit in one transaction, and only while this runner still
// holds the lease — so after a crash the next runner resumes at the last committed step, and a runner
// that lost its lease (paused, cut off) cannot write over the one that took the job over.
// stop(): no new claims, running handlers are asked to stop between steps and their jobs handed back.
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../context.ts';
import { onJobEnqueued } from './jobs.service.ts';
import { claimNextJob, finishJob, renewLease, requeueJob, saveProgress, type JobRow } from './jobs.repository.ts';

export interface JobProgress {
  done: number;
  total: number | null;
  /** the handler's cursor: where to go on after a restart */
  state: Record<string, unknown>;
}

export interface JobContext {
  readonly id: number;
  readonly db: Executor;
  readonly payload: Record<string, unknown>;
  /** the cursor of the last committed step, null on a first run */
  readonly state: Record<string, unknown> | null;
  readonly done: number;
  readonly total: number | null;
  readonly attempt: number;
  /** aborted when the runner stops or the lease was lost: end at the next step with 'stopped' */
  readonly signal: AbortSignal;
  now(): Date;
  /** One transaction: the work, then the progress it made; throws LeaseLost (and rolls back) when the job is no longer ours. */
  step<T>(work: (trx: Executor) => Promise<{ value: T; progress: JobProgress }>): Promise<T>;
}

/** done / cancelled end the job; stopped hands it back to the queue (the runner is stopping). */
export type JobOutcome = 'done' | 'cancelled' | 'stopped';

export interface JobHandler {
  kind: string;
  run(ctx: JobContext): Promise<JobOutcome>;
  /** Called at start and every `scheduleEveryMs`: adds the kind's scheduled jobs (idempotently, by unique key). */
  schedule?(db: Executor, now: Date): Promise<unknown>;
}

export class LeaseLost extends Error {
  constructor() {
    super('任务已由其他服务进程接手');
  }
}

export interface RunnerOptions {
  db: Executor;
  handlers: readonly JobHandler[];
  /** who holds a lease: host, pid and a random part */
  owner?: string;
  /** the clock for claims, leases and schedules (tests move it) */
  now?: () => Date;
  pollMs?: number;
  leaseMs?: number;
  /** how often a running job's lease is extended (default a third of the lease) */
  heartbeatMs?: number;
  concurrency?: number;
  scheduleEveryMs?: number;
  onError?: (e: unknown) => void;
}

export interface JobRunner {
  readonly owner: string;
  /** 'progress' (id, JobProgress) after each committed step; 'finished' (id, outcome) when a job left this runner */
  readonly events: EventEmitter;
  start(): void;
  stop(): Promise<void>;
  /** Looks for due jobs now. */
  wake(): void;
  /** Runs the handlers' schedules now. */
  runSchedules(): Promise<void>;
  /** Resolves when no job is running in this runner. */
  idle(): Promise<void>;
}

/** Retry back-off after a failed attempt: 10 s, 40 s, 160 s … at most 30 minutes. */
export const retryDelayMs = (attempt: number) => Math.min(10_000 * 4 ** Math.max(0, attempt - 1), 1_800_000);

export function createJobRunner(o: RunnerOptions): JobRunner {
  const owner = o.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const now = o.now ?? (() => new Date());
  const pollMs = o.pollMs ?? 1000;
  const leaseMs = o.leaseMs ?? 60_000;
  const heartbeatMs = o.heartbeatMs ?? Math.floor(leaseMs / 3);
  const concurrency = o.concurrency ?? 1;
  const scheduleEveryMs = o.scheduleEveryMs ?? 600_000;
  const onError = o.onError ?? ((e: unknown) => console.error('后台任务出错', e));
  const handlers = new Map(o.handlers.map((h) => [h.kind, h]));
  const kinds = [...handlers.keys()];
  const events = new EventEmitter();
  const running = new Map<number, { done: Promise<void>; abort: AbortController }>();
  const db = o.db;
  const leaseUntil = () => new Date(now().getTime() + leaseMs);
  let stopping = false;
  let loop: Promise<void> | null = null;
  let poke = false;
  let wakeSleeper: (() => void) | null = null;
  let unsubscribe = () => {};

  const wake = () => {
    poke = true;
    wakeSleeper?.();
  };

  async function runSchedules() {
    for (const h of handlers.values()) {
      try {
        await h.schedule?.(db, now());
      } catch (e) {
        onError(e);
      }
    }
  }

  async function execute(job: JobRow, handler: JobHandler) {
    const abort = new AbortController();
    let lost = false;
    const loseLease = () => {
      lost = true;
      abort.abort();
    };
    if (job.attempts > job.max_attempts) {
      // the runners that took it before died each time: stop trying
      await finishJob(db, { id: job.id, owner, now: now(), status: 'failed', error: job.error ?? '任务多次中断，未能完成' });
      events.emit('finished', job.id, 'failed');
      return;
    }
    const heartbeat = setInterval(() => {
      renewLease(db, { id: job.id, owner, now: now(), leaseUntil: leaseUntil() }).then((ok) => ok || loseLease(), onError);
    }, heartbeatMs);
    heartbeat.unref();
    const entry = { done: Promise.resolve(), abort };
    running.set(job.id, entry);
    let { progress_done: done, progress_total: total, state } = job;
    const ctx: JobContext = {
      id: job.id,
      db,
      payload: job.payload,
      get state() {
        return state;
      },
      get done() {
        return done;
      },
      get total() {
        return total;
      },
      attempt: job.attempts,
      signal: abort.signal,
      now,
      async step(work) {
        if (lost) throw new LeaseLost();
        const r = await db.transaction().execute(async (trx) => {
          const out = await work(trx);
          const p = out.progress;
          const ok = await saveProgress(trx, { id: job.id, owner, now: now(), leaseUntil: leaseUntil(), ...p });
          if (!ok) throw new LeaseLost();
          return out;
        });
        ({ done, total, state } = r.progress);
        events.emit('progress', job.id, r.progress);
        return r.value;
      },
    };
    let outcome: JobOutcome | 'failed' | 'retry' | 'lost';
    try {
      const result = await handler.run(ctx);
      if (lost) outcome = 'lost';
      else if (result === 'stopped') {
        outcome = (await requeueJob(db, { id: job.id, owner, now: now(), runAt: now(), refund: true })) ? 'stopped' : 'lost';
      } else outcome = (await finishJob(db, { id: job.id, owner, now: now(), status: result })) ? result : 'lost';
    } catch (e) {
      if (lost || e instanceof LeaseLost) {
        lost = true;
        outcome = 'lost';
      } else {
        const error = e instanceof Error ? e.message : String(e);
        const at = now();
        if (stopping) {
          // e.g. the database closing under it: not the job's fault
          await requeueJob(db, { id: job.id, owner, now: at, runAt: at, refund: true }).catch(onError);
          outcome = 'stopped';
        } else if (job.attempts < job.max_attempts) {
          await requeueJob(db, { id: job.id, owner, now: at, runAt: new Date(at.getTime() + retryDelayMs(job.attempts)), error });
          outcome = 'retry';
        } else {
          await finishJob(db, { id: job.id, owner, now: at, status: 'failed', error });
          outcome = 'failed';
        }
        onError(e);
      }
    } finally {
      clearInterval(heartbeat);
      running.delete(job.id);
    }
    events.emit('finished', job.id, outcome);
  }

  async function claimAndStart() {
    while (!stopping && running.size < concurrency) {
      const job = await claimNextJob(db, { kinds, owner, now: now(), leaseUntil: leaseUntil() });
      if (!job) return;
      const handler = handlers.get(job.kind);
      if (!handler) continue; // claimed only by kinds this runner has
      const p = execute(job, handler)
        .catch(onError)
        .finally(() => wake());
      const entry = running.get(job.id);
      if (entry) entry.done = p;
    }
  }

  async function main() {
    let lastSchedule = Number.NEGATIVE_INFINITY;
    while (!stopping) {
      poke = false;
      try {
        if (Date.now() - lastSchedule >= scheduleEveryMs) {
          lastSchedule = Date.now();
          await runSchedules();
        }
        await claimAndStart();
      } catch (e) {
        if (!stopping) onError(e);
      }
      if (stopping || poke) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, pollMs);
        function done() {
          clearTimeout(t);
          wakeSleeper = null;
          resolve();
        }
        wakeSleeper = done;
      });
    }
  }

  return {
    owner,
    events,
    start() {
      if (loop) return;
      stopping = false;
      unsubscribe = onJobEnqueued(wake);
      loop = main();
    },
    async stop() {
      stopping = true;
      unsubscribe();
      wakeSleeper?.();
      for (const r of running.values()) r.abort.abort();
      await loop;
      loop = null;
      await Promise.allSettled([...running.values()].map((r) => r.done));
    },
    wake,
    runSchedules,
    async idle() {
      while (running.size) await Promise.allSettled([...running.values()].map((r) => r.done));
    },
  };
}
