// The timeline the teacher sees (who, which level, when, outcome, reason): one enrollment_events
// row per step, written in the same transaction as the step.
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import type { EnrollmentEventTable } from '../../db/types.ts';
import { STAGE_LABELS, type Stage } from './chain.ts';
import { eventsOf, insertEvents } from './events.repository.ts';

export type EventAction = EnrollmentEventTable['action'];

export const ACTION_LABELS: Record<EventAction, string> = {
  selected: '遴选',
  applied: '提交申报',
  submitted: '审核通过并提交上级',
  approved: '审核通过',
  returned: '退回（未通过）',
  assigned: '分配至承培机构',
  withdrawn: '撤回',
  checked_in: '签到',
  scored: '录入成绩',
  passed: '考核合格',
  failed: '考核不合格',
  certified: '颁发证书',
};

export interface NewEvent {
  action: EventAction;
  level: Stage | null;
  reason?: string | null;
}

export async function addEvents(trx: Executor, actor: Pick<Actor, 'userId' | 'name'>, enrollmentIds: number[], e: NewEvent) {
  await insertEvents(trx, enrollmentIds, { ...e, actorId: actor.userId, actorName: actor.name });
}

export async function timelinesOf(db: Executor, enrollmentIds: number[]) {
  const byId = new Map<number, ReturnType<typeof eventView>[]>();
  if (!enrollmentIds.length) return byId;
  for (const r of await eventsOf(db, enrollmentIds)) {
    const list = byId.get(r.enrollment_id) ?? [];
    list.push(eventView(r));
    byId.set(r.enrollment_id, list);
  }
  return byId;
}

function eventView(r: { action: EventAction; level: string | null; actor_name: string; at: Date; reason: string | null }) {
  return {
    action: r.action,
    actionLabel: ACTION_LABELS[r.action],
    level: r.level,
    levelLabel: r.level ? (STAGE_LABELS[r.level as Stage] ?? r.level) : null,
    actorName: r.actor_name,
    at: r.at,
    reason: r.reason,
  };
}
export type TimelineItem = ReturnType<typeof eventView>;
