// 我的班级 (institution admin): the classes assigned to the admin's institution and their trainees.
import { maskIdNumber } from '@shixun/domain';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { activePolicy } from '../credits/policy.store.ts';
import { checkinCounts, institutionOf, listClasses, noticeFilesOf, ownClass, traineeRows } from './classes.repository.ts';
import { countEvaluations } from './evaluation.repository.ts';
import { countSessions } from './sessions.repository.ts';
import { fileView, LEVEL_LABELS, noticeView, projectView, RESULT_LABELS } from './view.ts';

/** 公共必修 for public_required: the active credit policy names the categories. */
export async function categoryName(db: Executor, id: string): Promise<string> {
  const { policy } = await activePolicy(db);
  return policy.categories.find((c) => c.id === id)?.name ?? id;
}

export async function myClasses(deps: Deps, ctx: ActorCtx) {
  const rows = await listClasses(deps.db, institutionOf(ctx.actor));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      projectId: r.project_id,
      projectName: r.project_name,
      year: r.year,
      level: r.level,
      levelLabel: LEVEL_LABELS[r.level],
      startDate: r.start_date,
      endDate: r.end_date,
      place: r.place,
      organiserName: r.organiser_name,
      trainees: r.trainees ?? 0,
      sessions: r.sessions ?? 0,
      noticePublished: !!r.notice_published_at,
    })),
  };
}

/** The trainees with masked ID numbers, check-ins, scores, result and what completion produced. */
export async function classTrainees(db: Executor, classId: number) {
  const rows = await traineeRows(db, classId);
  const counts = await checkinCounts(db, classId);
  return rows.map((r) => ({
    enrollmentId: r.id,
    name: r.name,
    idNumber: maskIdNumber(r.id_number),
    schoolName: r.school_name,
    checkins: counts.get(r.id) ?? 0,
    onsiteScore: r.onsite_score,
    onlineScore: r.online_score,
    totalScore: r.total_score,
    result: r.result,
    resultLabel: r.result ? RESULT_LABELS[r.result] : null,
    // after a pass turned into a fail the ids stay, pointing at the reversed entry and the revoked certificate
    certificate: r.certificate_id ? { status: r.revoked_at ? ('revoked' as const) : ('valid' as const) } : null,
    creditsPosted: r.result === 'passed' && r.credit_entry_id !== null,
  }));
}

export async function classDetail(deps: Deps, ctx: ActorCtx, id: number) {
  const c = await ownClass(deps.db, ctx.actor, id);
  const trainees = await classTrainees(deps.db, id);
  const sessions = await countSessions(deps.db, id);
  const evaluations = await countEvaluations(deps.db, id);
  return {
    class: {
      id: c.id,
      name: c.name,
      institutionName: c.institution_name,
      notice: noticeView(c),
      files: (await noticeFilesOf(deps.db, id)).map(fileView),
    },
    project: { ...projectView(c), creditCategoryName: await categoryName(deps.db, c.credit_category) },
    trainees,
    stats: {
      trainees: trainees.length,
      sessions,
      evaluations,
      passed: trainees.filter((t) => t.result === 'passed').length,
      failed: trainees.filter((t) => t.result === 'failed').length,
    },
  };
}
