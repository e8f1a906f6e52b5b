// 我的专项培训: the teacher's enrolments by tab (with counts), the open projects to apply to (去申报),
// and one enrolment with its project and timeline (the contract the detail page builds on).
import type { CreditPolicy } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { notFound } from '../../http/errors.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { chinaDay as today } from '../projects/dates.ts';
import { ENROLLMENT_STATUS_LABELS, RESULT_LABELS } from '../projects/levels.ts';
import { namesOf, projectsByIds, type ProjectRow } from '../projects/projects.repository.ts';
import { projectView } from '../projects/projects.view.ts';
import { applyFacts, teacherFacts } from './apply.service.ts';
import { STAGE_LABELS } from './chain.ts';
import { canWithdraw } from './withdraw.service.ts';
import { applicationProblems } from './eligibility.ts';
import { statusesOfTeacher } from './enrollments.repository.ts';
import { timelinesOf } from './events.ts';
import { myEnrollments, openProjectsFor, type MyEnrollmentRow } from './my-projects.repository.ts';
import { TEACHER_TABS, TEACHER_TAB_LABELS, teacherTab, type TeacherTab } from './tabs.ts';

export interface MyProjectsQuery {
  tab: TeacherTab;
  from?: string;
  to?: string;
  result?: 'passed' | 'failed' | 'none';
  q?: string;
  page: number;
  pageSize: number;
}

const tabOf = (r: MyEnrollmentRow, day: string) =>
  teacherTab(
    {
      status: r.status,
      result: r.result,
      projectStatus: r.project_status,
      startDate: r.start_date,
      endDate: r.end_date,
    },
    day,
  );

/** 学科领域 as on the card: «小学语文», or 不限. */
export function subjectArea(p: Pick<ProjectRow, 'target_stages' | 'target_subjects'>): string {
  const s = `${p.target_stages.join('、')}${p.target_subjects.join('、')}`;
  return s || '不限';
}

async function projectsById(deps: Deps, ids: number[]) {
  const rows = await projectsByIds(deps.db, ids);
  const names = await namesOf(deps.db, rows);
  return new Map(rows.map((p) => [p.id, { row: p, names: names.get(p.id)! }]));
}

function enrollmentView(r: MyEnrollmentRow, day: string) {
  const tab = tabOf(r, day);
  return {
    id: r.id,
    projectId: r.project_id,
    origin: r.origin,
    originLabel: r.origin === 'applied' ? '个人申报' : '遴选',
    status: r.status,
    statusLabel: ENROLLMENT_STATUS_LABELS[r.status],
    stage: r.stage,
    stageLabel: STAGE_LABELS[r.stage],
    tab,
    tabLabel: tab ? TEACHER_TAB_LABELS[tab] : null,
    version: r.version,
    classId: r.class_id,
    className: r.class_name,
    institutionName: r.class_institution_name,
    noticePublished: !!r.notice_published_at,
    onsiteScore: r.onsite_score,
    onlineScore: r.online_score,
    totalScore: r.total_score,
    result: r.result,
    resultLabel: r.result ? RESULT_LABELS[r.result] : null,
    checkins: Number(r.checkins ?? 0),
    sessions: Number(r.sessions ?? 0),
    certificateId: r.certificate_id,
    createdAt: r.created_at,
    canWithdraw: canWithdraw({ origin: r.origin, status: r.status, stage: r.stage, level: r.project_level }),
  };
}

function cardProject(p: ProjectRow, names: Parameters<typeof projectView>[1], policy: CreditPolicy) {
  return { ...projectView(p, names, policy), subjectArea: subjectArea(p) };
}

export async function myProjects(deps: Deps, ctx: ActorCtx, q: MyProjectsQuery) {
  const { actor } = ctx;
  requirePermission(actor, 'project.self');
  const day = today();
  const all = await myEnrollments(deps.db, actor.userId);
  const counts = Object.fromEntries(TEACHER_TABS.map((t) => [t, 0])) as Record<TeacherTab, number>;
  for (const r of all) {
    const t = tabOf(r, day);
    if (t) counts[t]++;
  }
  const term = q.q?.trim();
  const hits = all.filter(
    (r) =>
      tabOf(r, day) === q.tab &&
      (!q.from || r.end_date >= q.from) &&
      (!q.to || r.start_date <= q.to) &&
      (!q.result || (q.result === 'none' ? r.result === null : r.result === q.result)) &&
      (!term || r.project_name.includes(term)),
  );
  const page = hits.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  const [projects, timelines, { policy }] = await Promise.all([
    projectsById(deps, [...new Set(page.map((r) => r.project_id))]),
    timelinesOf(
      deps.db,
      page.map((r) => r.id),
    ),
    activePolicy(deps.db),
  ]);
  return {
    counts,
    tabs: TEACHER_TABS.map((t) => ({ key: t, label: TEACHER_TAB_LABELS[t], count: counts[t] })),
    items: page.map((r) => {
      const p = projects.get(r.project_id)!;
      return { enrollment: enrollmentView(r, day), project: cardProject(p.row, p.names, policy), timeline: timelines.get(r.id) ?? [] };
    }),
    total: hits.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function myEnrollment(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.self');
  const [r] = await myEnrollments(deps.db, actor.userId, id);
  if (!r) throw notFound('报名记录');
  const [projects, timelines, { policy }] = await Promise.all([
    projectsById(deps, [r.project_id]),
    timelinesOf(deps.db, [id]),
    activePolicy(deps.db),
  ]);
  const p = projects.get(r.project_id)!;
  return { enrollment: enrollmentView(r, today()), project: cardProject(p.row, p.names, policy), timeline: timelines.get(id) ?? [] };
}

/** 去申报: open projects of my area, each with whether I may apply and, if not, why. */
export async function openProjects(deps: Deps, ctx: ActorCtx) {
  const { actor } = ctx;
  requirePermission(actor, 'project.self');
  const day = today();
  const teacher = await teacherFacts(deps.db, actor.userId);
  const rows = await openProjectsFor(deps.db, teacher, day);
  const mine = await statusesOfTeacher(
    deps.db,
    actor.userId,
    rows.map((p) => p.id),
  );
  const [names, { policy }] = await Promise.all([namesOf(deps.db, rows), activePolicy(deps.db)]);
  return {
    items: rows.map((p) => {
      const e = mine.find((m) => m.project_id === p.id);
      const active = !!e && e.status !== 'returned' && e.status !== 'withdrawn';
      const reasons = active ? ['您已报名该项目'] : applicationProblems(applyFacts(p), teacher, day);
      return {
        project: cardProject(p, names.get(p.id)!, policy),
        canApply: reasons.length === 0,
        reasons,
        enrollmentStatus: e?.status ?? null,
      };
    }),
  };
}
