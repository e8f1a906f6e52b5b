// The teacher's side of 自主选学: the catalogue (only what they may take), a course's detail with what it
// would do for their credits (the credit engine, run with and without it), 报名 and 取消报名, and
// 我的自主选学 with its tabs. Enrolment takes a place with the quota row's conditional UPDATE (the
// projects module's), so concurrent enrolments for the last places cannot oversell; the loser hears «名额已满».
import { electives as c, projects } from '@shixun/contracts';
import { creditEffect, type CreditForm, type CreditLevel, type CreditPolicy } from '@shixun/domain';
import { requirePermission } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { creditFacts } from '../credits/standing.ts';
import { addEvents } from '../enrollments/events.ts';
import { cancelSelf, enrolSelf } from '../enrollments/placement.repository.ts';
import { chinaDay as today } from '../projects/dates.ts';
import { quotaRow, releaseQuota, useQuota } from '../projects/quotas.repository.ts';
import {
  catalogueFor,
  catalogueProviders,
  electiveForTeacher,
  myElectiveRows,
  teacherFactsRow,
  type CatalogueFilter,
  type MyElectiveRow,
  type TeacherFacts,
} from './catalogue.repository.ts';
import type { ElectiveRow } from './electives.repository.ts';
import { detailOf, summaryOf } from './electives.view.ts';
import { enrolProblems, myState } from './eligibility.ts';

const FORM_OF_MODE: Record<string, CreditForm> = { online: 'online', onsite: 'onsite', blended: 'onsite' };

async function teacherOf(db: Executor, id: number): Promise<TeacherFacts> {
  const t = await teacherFactsRow(db, id);
  if (!t) throw notFound('教师');
  return { id, regionCode: t.region_code, schoolId: t.school_id, stage: t.stage };
}

function myCard(r: MyElectiveRow, policy: CreditPolicy, day: string) {
  const score = r.total_score === null ? null : Number(r.total_score);
  const s = myState(
    { result: r.result, startDate: r.start_date, endDate: r.end_date, score, progress: r.progress, learningUrl: r.learning_url },
    day,
  );
  return {
    enrollmentId: r.enrollment_id,
    version: r.enrollment_version,
    tab: s.tab,
    statusLabel: s.statusLabel,
    progress: r.progress,
    score,
    result: r.result,
    certificateId: r.certificate_id,
    enrolledAt: r.enrolled_at,
    canLearn: s.canLearn,
    learningUrl: s.canLearn ? r.learning_url : null,
    // a paid course is given up by a refund in 我的订单, which also pays the money back
    canCancel: s.canCancel && r.price_fen === 0,
    elective: summaryOf(r, policy),
  };
}

export async function browseCatalogue(deps: Deps, ctx: ActorCtx, f: CatalogueFilter) {
  requirePermission(ctx.actor, 'elective.self');
  const t = await teacherOf(deps.db, ctx.actor.userId);
  const [{ rows, total }, providers, { policy }] = await Promise.all([
    catalogueFor(deps.db, t, today(), f),
    catalogueProviders(deps.db),
    activePolicy(deps.db),
  ]);
  return {
    items: rows.map((r) => summaryOf(r, policy)),
    total,
    page: f.page,
    pageSize: f.pageSize,
    providers,
    categories: policy.categories.map((k) => ({ id: k.id, name: k.name })),
    stages: [...projects.STAGES],
    subjects: [...projects.SUBJECTS],
  };
}

const levelOf = (r: ElectiveRow): CreditLevel => (r.level === 'national' ? 'province' : r.level);

/** «What it does for my credits»: the engine's standing with and without this course's credit. */
async function effectFor(db: Executor, teacherId: number, r: ElectiveRow, policy: CreditPolicy) {
  const unit = policy.unit === 'hour' ? '学时' : '学分';
  const facts = await creditFacts(db, teacherId);
  if (!facts || (r.credit_amount_h <= 0 && r.hours_h <= 0)) return { statements: ['该课程不计学分'], counted: 0, unit };
  const day = today();
  const e = creditEffect(policy, facts.teacher, facts.entries, day, {
    date: day,
    year: r.year,
    category: r.credit_category,
    form: FORM_OF_MODE[r.mode] ?? 'online',
    amount: r.credit_amount_h / 100,
    hours: r.hours_h > 0 ? r.hours_h / 100 : undefined,
    level: levelOf(r),
  });
  return { statements: e.statements, counted: e.counted, unit };
}

export async function catalogueDetail(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'elective.self');
  const t = await teacherOf(deps.db, ctx.actor.userId);
  const r = await electiveForTeacher(deps.db, t, id);
  if (!r) throw notFound('自主选学课程');
  const { policy } = await activePolicy(deps.db);
  const day = today();
  const [mine] = await myElectiveRows(deps.db, t.id, { projectId: id });
  const problems = mine ? ['您已报名该课程，请在“我的自主选学”中查看'] : enrolProblems(factsOf(r), t, day);
  const { learningUrl: _u, returnReason: _r, reviewedByName: _n, classId: _c, ...elective } = detailOf(r, policy, new Map());
  return {
    elective,
    creditEffect: await effectFor(deps.db, t.id, r, policy),
    mine: mine ? myCard(mine, policy, day) : null,
    canEnrol: problems.length === 0,
    refusal: problems.length ? problems.join('；') : null,
  };
}

function factsOf(r: ElectiveRow) {
  return {
    reviewStatus: r.review_status,
    applyStart: r.apply_start,
    applyEnd: r.apply_end,
    endDate: r.end_date,
    targetStages: r.target_stages,
    targetRegionCodes: r.target_region_codes,
    organiserRegionCode: r.organiser_region_code,
    capacity: r.capacity,
    taken: Number(r.taken ?? 0),
    priceFen: r.price_fen,
    payer: r.payer,
  };
}

export async function enrolInElective(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'elective.self');
  const t = await teacherOf(deps.db, ctx.actor.userId);
  const r = await electiveForTeacher(deps.db, t, id);
  if (!r) throw notFound('自主选学课程');
  // the place is re-checked by the quota UPDATE below: here «full» is left to it (taken may be stale)
  const problems = enrolProblems({ ...factsOf(r), capacity: null }, t, today());
  // a paid course is taken with its order (paid-enrol.service.ts): the place is the teacher's once it is paid
  if (r.price_fen > 0 && r.payer === 'teacher') throw conflict('付费课程请点击“报名并支付”，支付成功后进入学习', 'PAYMENT_REQUIRED');
  if (problems.includes(c.PAID_REFUSAL)) throw conflict(`${c.PAID_REFUSAL}，暂不能报名付费课程`, 'PAYMENT_UNAVAILABLE');
  if (problems.length) throw invalid(`不能报名：${problems.join('；')}`);
  if (r.class_id === null) throw conflict('该课程的学习班尚未开设，请稍后再试');
  const classId = r.class_id;
  const enrollmentId = await deps.db.transaction().execute(async (trx) => {
    let quotaId: number | null = null;
    if (r.capacity !== null) {
      const row = r.organiser_region_code ? await quotaRow(trx, id, r.organiser_region_code) : undefined;
      if (!row || !(await useQuota(trx, row.id, 1))) throw conflict('名额已满', 'FULL');
      quotaId = row.id;
    }
    const e = await enrolSelf(trx, { projectId: id, teacherId: t.id, classId, quotaId });
    if (!e) throw conflict('您已报名该课程，请在“我的自主选学”中查看', 'ALREADY');
    await addEvents(trx, ctx.actor, [e.id], { action: 'applied', level: null, reason: '自主报名' });
    await recordAudit(trx, ctx, {
      action: 'elective.enrol',
      objectType: 'enrollment',
      objectId: e.id,
      detail: { electiveId: id, quotaId },
    });
    return e.id;
  });
  const { policy } = await activePolicy(deps.db);
  const [mine] = await myElectiveRows(deps.db, t.id, { enrollmentId });
  if (!mine) throw notFound('报名记录');
  return myCard(mine, policy, today());
}

export async function cancelEnrolment(deps: Deps, ctx: ActorCtx, enrollmentId: number, version: number) {
  requirePermission(ctx.actor, 'elective.self');
  const [mine] = await myElectiveRows(deps.db, ctx.actor.userId, { enrollmentId });
  if (!mine) throw notFound('报名记录');
  const day = today();
  const score = mine.total_score === null ? null : Number(mine.total_score);
  const s = myState(
    { result: mine.result, startDate: mine.start_date, endDate: mine.end_date, score, progress: mine.progress, learningUrl: null },
    day,
  );
  if (mine.price_fen > 0) throw conflict('付费课程请在“我的订单”中申请退款，退款后报名随之取消', 'NOT_CANCELLABLE');
  if (!s.canCancel)
    throw conflict(
      s.tab !== 'learning' || score !== null || mine.progress !== null
        ? '已有学习记录或成绩，不能取消报名'
        : '课程学习已经开始，不能取消报名',
      'NOT_CANCELLABLE',
    );
  if (mine.enrollment_version !== version) throw conflict('报名刚刚有了变化，请刷新后查看', 'TAKEN');
  await deps.db.transaction().execute(async (trx) => {
    const done = await cancelSelf(trx, { id: enrollmentId, teacherId: ctx.actor.userId, version });
    if (!done) throw conflict('报名刚刚有了变化，请刷新后查看', 'TAKEN');
    if (done.quota_id !== null) await releaseQuota(trx, done.quota_id, 1);
    await addEvents(trx, ctx.actor, [enrollmentId], { action: 'withdrawn', level: null, reason: '本人取消报名' });
    await recordAudit(trx, ctx, {
      action: 'elective.cancel',
      objectType: 'enrollment',
      objectId: enrollmentId,
      detail: { electiveId: done.project_id, releasedQuotaId: done.quota_id },
    });
  });
  return { enrollmentId, cancelled: true as const };
}

export async function myElectives(deps: Deps, ctx: ActorCtx, tab: 'learning' | 'passed' | 'failed') {
  requirePermission(ctx.actor, 'elective.self');
  const [rows, { policy }] = await Promise.all([myElectiveRows(deps.db, ctx.actor.userId), activePolicy(deps.db)]);
  const day = today();
  const cards = rows.map((r) => myCard(r, policy, day));
  const counts = { learning: 0, passed: 0, failed: 0 };
  for (const x of cards) counts[x.tab]++;
  return { counts, items: cards.filter((x) => x.tab === tab) };
}
