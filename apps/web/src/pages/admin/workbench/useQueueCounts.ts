// What waits in each of the admin's review queues, for the 工作台 and the menu's badges. One cached
// query (GET /api/admin/queue-counts) shared by every caller; only admins of teachers have queues.
import { home, type ResponseOf } from '@shixun/contracts';
import { rolesMay } from '@shixun/domain';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { useMe } from '../../../api/session.ts';

export type QueueKey = (typeof home.QUEUE_KEYS)[number];
export type QueueCounts = ResponseOf<typeof home.queueCounts>;

/** The admin menu path (layouts/menus.tsx ADMIN_MENU) of each queue's own page. */
export const QUEUE_PATHS: Record<QueueKey, string> = {
  registrations: 'registrations',
  profileChanges: 'profile-changes',
  projectReviews: 'project-reviews',
  creditClaims: 'credit-claims',
};

/** Invalidate this key after a decision to refresh the counts at once (they also refresh every minute and on focus). */
export const QUEUE_COUNTS_KEY = ['admin', 'queue-counts'] as const;

export function useQueueCounts() {
  const me = useMe().data;
  const enabled = !!me && rolesMay(me.roles, 'teacher.read');
  const q = useQuery({
    queryKey: QUEUE_COUNTS_KEY,
    queryFn: () => call(home.queueCounts),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const queues = q.data?.queues ?? [];
  return {
    /** count by queue key */
    byKey: Object.fromEntries(queues.map((x) => [x.key, x.count])) as Partial<Record<QueueKey, number>>,
    /** count by admin menu path ('registrations', 'profile-changes' …): what a menu entry's badge shows */
    byPath: Object.fromEntries(queues.map((x) => [QUEUE_PATHS[x.key], x.count])) as Record<string, number>,
    total: q.data?.total ?? 0,
    queues,
    isPending: enabled && q.isPending,
    error: q.error,
    refetch: q.refetch,
  };
}
