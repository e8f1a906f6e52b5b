// 我的主页: what a teacher opens the site for — this year's credit progress and what is still missing,
// the training they are in now or soon (开班通知, next session), and what waits for them. Composed
// from the feature modules' own service functions: this module has no tables and no SQL.
import type { home } from '@shixun/contracts';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { myClass } from '../classes/my-class.service.ts';
import { myClaims } from '../credit-claims/claim-submit.service.ts';
import { creditsOf } from '../credits/my-credits.service.ts';
import { myProjects } from '../enrollments/my-projects.service.ts';
import { getOwnProfile, ownChanges } from '../profile/profile.service.ts';
import { creditProgress, nextSession, profileCompleteness } from './home.view.ts';

/** How many enrolments of each tab the home page looks into (the rest are one click away in 我的专项培训). */
const SHOWN = 5;
/** Ended enrolments checked for an open 训后评估. */
const ENDED_CHECKED = 10;

type Todo = { kind: (typeof home.TODO_KINDS)[number]; title: string; detail: string; targetId: number | null; at: Date | null };
type Tab = 'ongoing' | 'upcoming' | 'ended' | 'returned';

const page = (deps: Deps, ctx: ActorCtx, tab: Tab, pageSize = SHOWN) => myProjects(deps, ctx, { tab, page: 1, pageSize });

async function trainingOf(deps: Deps, ctx: ActorCtx) {
  const [ongoing, upcoming] = await Promise.all([page(deps, ctx, 'ongoing'), page(deps, ctx, 'upcoming')]);
  const cards = [...ongoing.items, ...upcoming.items];
  const classes = await Promise.all(
    cards.map((c) => (c.enrollment.classId !== null && c.enrollment.status === 'assigned' ? myClass(deps, ctx, c.enrollment.id) : null)),
  );
  const training = cards.map((c, i) => {
    const cls = classes[i];
    const { enrollment: e, project: p } = c;
    return {
      enrollmentId: e.id,
      projectId: p.id,
      projectName: p.name,
      tab: e.tab === 'upcoming' ? ('upcoming' as const) : ('ongoing' as const),
      tabLabel: e.tabLabel ?? '',
      levelLabel: p.levelLabel,
      modeLabel: p.modeLabel,
      startDate: p.startDate,
      endDate: p.endDate,
      place: p.place,
      className: e.className,
      institutionName: e.institutionName,
      notice: cls?.notice ? { title: cls.notice.title, publishedAt: cls.notice.publishedAt } : null,
      nextSession: cls ? nextSession(cls) : null,
      checkins: cls ? cls.checkins : { done: e.checkins, total: e.sessions },
    };
  });
  return { training, counts: ongoing.counts };
}

/** Ended trainings whose 训后评估 is open and not yet done. */
async function evaluationsDue(deps: Deps, ctx: ActorCtx): Promise<Todo[]> {
  const ended = await page(deps, ctx, 'ended', ENDED_CHECKED);
  const assigned = ended.items.filter((c) => c.enrollment.classId !== null && c.enrollment.status === 'assigned');
  const classes = await Promise.all(assigned.map((c) => myClass(deps, ctx, c.enrollment.id)));
  return classes
    .filter((c) => c.evaluation.open && !c.evaluation.done)
    .map((c) => ({
      kind: 'evaluation',
      title: `请填写训后评估：${c.project.name}`,
      detail: '培训已结束，您的评价将帮助改进培训',
      targetId: c.enrollment.id,
      at: null,
    }));
}

async function returnedEnrollments(deps: Deps, ctx: ActorCtx): Promise<Todo[]> {
  const returned = await page(deps, ctx, 'returned');
  return returned.items.map((c) => {
    const last = [...c.timeline].reverse().find((t) => t.reason);
    return {
      kind: 'returnedEnrollment',
      title: `申报未通过：${c.project.name}`,
      detail: last?.reason ? `${last.levelLabel ?? ''}退回理由：${last.reason}` : '您的申报已被退回',
      targetId: c.enrollment.id,
      at: last?.at ?? null,
    };
  });
}

/** Rejected 学分申报 not followed by a newer claim of the same title (a resubmission answers them). */
async function rejectedClaims(deps: Deps, ctx: ActorCtx): Promise<Todo[]> {
  const { items } = await myClaims(deps, ctx);
  const key = (c: { claimType: string; title: string }) => `${c.claimType}\u0000${c.title}`;
  const answered = new Map<string, number>();
  for (const c of items)
    if (c.status !== 'rejected' && c.status !== 'withdrawn') answered.set(key(c), Math.max(answered.get(key(c)) ?? 0, c.id));
  return items
    .filter((c) => c.status === 'rejected' && (answered.get(key(c)) ?? 0) < c.id)
    .map((c) => ({
      kind: 'rejectedClaim',
      title: `学分申报未通过：${c.title}`,
      detail: c.reviewReason ? `驳回理由：${c.reviewReason}` : '您的学分申报未通过审核',
      targetId: c.id,
      at: c.reviewedAt,
    }));
}

export async function myHome(deps: Deps, ctx: ActorCtx) {
  requirePermission(ctx.actor, 'profile.self');
  const [{ policy, evaluation }, { training, counts }, own, changes, evaluations, returned, claims] = await Promise.all([
    creditsOf(deps.db, ctx.actor.userId),
    trainingOf(deps, ctx),
    getOwnProfile(deps, ctx),
    ownChanges(deps, ctx),
    evaluationsDue(deps, ctx),
    returnedEnrollments(deps, ctx),
    rejectedClaims(deps, ctx),
  ]);
  const profile = profileCompleteness(own.profile);
  const todos: Todo[] = [];
  for (const t of training) {
    const s = t.nextSession;
    if (s?.today && !s.checkedIn) {
      todos.push({
        kind: 'checkin',
        title: `今天有课：${t.projectName}`,
        detail: `${s.when} ${s.topic}，请按时签到`,
        targetId: t.enrollmentId,
        at: s.startsAt,
      });
    }
  }
  todos.push(...evaluations, ...returned, ...claims);
  // the latest key-field request came back rejected (and nothing newer is waiting)
  const latest = changes.items[0];
  if (latest?.status === 'rejected') {
    todos.push({
      kind: 'rejectedChange',
      title: '信息变更申请被驳回',
      detail: latest.reviewReason ? `驳回理由：${latest.reviewReason}` : '请核对后重新申请',
      targetId: latest.id,
      at: latest.reviewedAt,
    });
  }
  if (profile.percent < 100) {
    todos.push({
      kind: 'profile',
      title: '请核实、完善个人基本信息',
      detail: `已填写 ${profile.filled} / ${profile.total} 项；基本信息是学分统计、教师资格定期注册的依据`,
      targetId: null,
      at: null,
    });
  }
  return {
    credits: creditProgress(policy.name, evaluation),
    training,
    projectCounts: counts,
    todos,
    profile: { ...profile, pendingChanges: changes.items.filter((c) => c.status === 'pending').length },
  };
}
