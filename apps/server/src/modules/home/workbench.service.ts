// 工作台: what waits for an admin in each review queue and the key figures of their area. Every number
// is the answer of the module that owns it, asked as the admin — so a count is exactly what the
// queue's own page lists (same scope, same filter), and a queue the admin's role has no grant for is
// left out rather than shown as 0.
import type { home } from '@shixun/contracts';
import { can, requirePermission, type Permission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { reviewQueue as claimQueue } from '../credit-claims/claim-review.service.ts';
import { complianceReport } from '../credit-reports/credit-reports.service.ts';
import { reviewQueue as enrollmentQueue } from '../enrollments/review.service.ts';
import { countSchoolsUnder, nodeOf } from '../org/org.ts';
import { listChangesInScope } from '../profile/profile-changes.service.ts';
import { chinaDay } from '../projects/dates.ts';
import { searchProjects } from '../projects/projects.service.ts';
import { listRegistrations } from '../registrations/registrations.service.ts';
import { searchTeachers } from '../teachers/teachers.service.ts';

type QueueKey = (typeof home.QUEUE_KEYS)[number];
const first = { page: 1, pageSize: 1 };

const QUEUES: { key: QueueKey; label: string; permission: Permission; count: (deps: Deps, ctx: ActorCtx) => Promise<number> }[] = [
  {
    key: 'registrations',
    label: '注册待审核',
    permission: 'registration.review',
    count: async (deps, ctx) => (await listRegistrations(deps, ctx, { status: 'pending', ...first })).total,
  },
  {
    key: 'profileChanges',
    label: '信息变更待审核',
    permission: 'profileChange.review',
    count: async (deps, ctx) => (await listChangesInScope(deps, ctx, { status: 'pending', ...first })).total,
  },
  {
    key: 'projectReviews',
    label: '培训报名待审核',
    permission: 'project.review',
    count: async (deps, ctx) => (await enrollmentQueue(deps, ctx, first)).total,
  },
  {
    key: 'creditClaims',
    label: '学分申报待审核',
    permission: 'credit.claimReview',
    count: async (deps, ctx) => (await claimQueue(deps, ctx, { status: 'pending', ...first })).total,
  },
];

const LEVEL_LABELS = { school: '学校', county: '区县', city: '市级', province: '省级' } as const;

/** The admin's queues with what waits in each; the route is open to the admins of teachers only. */
export async function queueCounts(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'teacher.read');
  await nodeOf(deps.db, ctx.actor); // an admin without a unit has no queues: 403
  const mine = QUEUES.filter((q) => can(ctx.actor, q.permission));
  const queues = await Promise.all(mine.map(async (q) => ({ key: q.key, label: q.label, count: await q.count(deps, ctx) })));
  return { queues, total: queues.reduce((n, q) => n + q.count, 0) };
}

export async function workbench(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'teacher.read');
  const node = await nodeOf(deps.db, ctx.actor);
  const today = chinaDay();
  const [{ queues }, teachers, schools, running, published, report] = await Promise.all([
    queueCounts(deps, ctx),
    searchTeachers(deps, ctx, first),
    countSchoolsUnder(deps.db, node),
    searchProjects(deps, ctx, { status: 'published', activeOn: today, ...first }),
    searchProjects(deps, ctx, { status: 'published', ...first }),
    complianceReport(deps, ctx, {}),
  ]);
  const { cycle, totals } = report;
  return {
    node: { level: node.level, levelLabel: LEVEL_LABELS[node.level], name: node.name },
    queues,
    figures: { teachers: teachers.total, schools, runningProjects: running.total, publishedProjects: published.total },
    compliance: {
      cycleName: cycle.name,
      startYear: cycle.startYear,
      endYear: cycle.endYear,
      inProgress: Number(today.slice(0, 4)) <= cycle.endYear,
      unit: report.policy.unit,
      assessed: totals.assessed,
      compliant: totals.compliant,
      rate: totals.rate,
      completed: totals.completed,
      completionRate: totals.completionRate,
    },
  };
}
