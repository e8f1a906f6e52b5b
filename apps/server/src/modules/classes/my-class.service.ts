// The trainee's side of a class (the project detail page, /space/projects/:enrollmentId): the
// published 开班通知 and its files, the 课程安排 with my check-in state, my scores and result, my
// 结业证书 and the 训后评估 form. Only the owning teacher reaches an enrolment: anyone else gets 404.
import type { Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { notFound } from '../../http/errors.ts';
import { STAGE_LABELS } from '../enrollments/chain.ts';
import { TEACHER_TAB_LABELS, teacherTab } from '../enrollments/tabs.ts';
import { certificatePdf } from '../certificates/certificates.service.ts';
import { formatCertificateCode } from '../certificates/codes.ts';
import { categoryName } from './classes.service.ts';
import { noticeFilesOf } from './classes.repository.ts';
import { certificateFacts, findMyEnrollment, isReversed, sessionsWithMyCheckins } from './my-class.repository.ts';
import { evaluationOpen } from './evaluation.ts';
import { chinaToday, fileView, fromH, LEVEL_LABELS, MODE_LABELS, noticeView, RESULT_LABELS, sessionView } from './view.ts';

export async function myEnrollment(db: Executor, actor: Actor, id: number) {
  const e = await findMyEnrollment(db, actor.userId, id);
  if (!e) throw notFound('培训项目');
  return e;
}

type MyEnrollmentRow = Awaited<ReturnType<typeof myEnrollment>>;

/**
 * The enrolment's real state, as the card's tabs say it: 审核中 and 未通过 while the review decides,
 * then 未开始 · 进行中 · 已结束 as the Hebei manual splits projects (a recorded result ends it).
 */
function phaseOf(e: MyEnrollmentRow) {
  const tab = teacherTab(
    { status: e.status, result: e.result, projectStatus: e.project_status, startDate: e.start_date, endDate: e.end_date },
    chinaToday(),
  );
  // withdrawn enrolments are not read here (findMyEnrollment leaves them out)
  return tab ?? ('returned' as const);
}

/**
 * 进入远程学习: open only to a teacher who passed the review, while the project has not ended, and
 * where the project names a learning platform; otherwise the reason, and whom to ask (the class's
 * institution, else the project's organiser) instead of a button that goes nowhere.
 */
export function learningOf(e: MyEnrollmentRow, phase: ReturnType<typeof phaseOf>) {
  const contact = e.class_id
    ? { name: e.institution_name ?? '承培机构', contact: e.class_contact || null, role: '承培机构' as const }
    : { name: e.organiser_name, contact: null, role: '组织单位' as const };
  const closed = (reason: string) => ({ open: false, url: null, reason, contact });
  if (phase === 'reviewing') return closed(`报名正在审核中（待${STAGE_LABELS[e.stage]}审核），审核通过后才能进入远程学习`);
  if (phase === 'returned') return closed('报名未通过审核，不能进入远程学习');
  if (phase === 'ended') return closed('培训已结束');
  if (!e.learning_url) return closed('该项目未提供远程学习平台地址');
  return { open: true, url: e.learning_url, reason: null, contact };
}

export async function myClass(deps: Deps, ctx: ActorCtx, enrollmentId: number) {
  const e = await myEnrollment(deps.db, ctx.actor, enrollmentId);
  const assigned = e.status === 'assigned' && e.class_id !== null;
  const published = assigned && !!e.notice_published_at;
  const sessions = assigned ? await sessionsWithMyCheckins(deps.db, e.class_id!, e.id) : [];
  const cert = e.certificate_id ? await certificateFacts(deps.db, e.certificate_id) : undefined;
  const reversed = e.credit_entry_id ? await isReversed(deps.db, e.credit_entry_id) : false;
  const gate = evaluationOpen(e, e);
  const phase = phaseOf(e);
  return {
    enrollment: {
      id: e.id,
      status: e.status,
      stageLabel: STAGE_LABELS[e.stage],
      phase,
      phaseLabel: TEACHER_TAB_LABELS[phase],
      onsiteScore: e.onsite_score,
      onlineScore: e.online_score,
      totalScore: e.total_score,
      result: e.result,
      resultLabel: e.result ? RESULT_LABELS[e.result] : null,
    },
    project: {
      id: e.project_id,
      name: e.name,
      year: e.year,
      level: e.level,
      levelLabel: LEVEL_LABELS[e.level],
      mode: e.mode,
      modeLabel: MODE_LABELS[e.mode],
      typeName: e.sub_type_name ? `${e.type_name} / ${e.sub_type_name}` : e.type_name,
      funding: e.funding,
      organiserName: e.organiser_name,
      startDate: e.start_date,
      endDate: e.end_date,
      place: e.place,
      hours: fromH(e.hours_h),
      credits: fromH(e.credit_amount_h),
      creditCategoryName: await categoryName(deps.db, e.credit_category),
      learningUrl: e.learning_url,
      onsiteWeight: e.onsite_weight,
      onlineWeight: e.online_weight,
      passMark: Number(e.pass_mark),
    },
    learning: learningOf(e, phase),
    class: assigned
      ? { id: e.class_id!, name: e.class_name!, institutionName: e.institution_name!, contact: e.class_contact || null }
      : null,
    notice: published ? noticeView({ ...e, contact: e.class_contact ?? '' }) : null,
    files: published ? (await noticeFilesOf(deps.db, e.class_id!)).map(fileView) : [],
    sessions: sessions.map((s) => ({
      ...sessionView(s),
      checkedIn: !!s.at,
      checkedInAt: s.at ?? null,
      method: s.method ?? null,
    })),
    checkins: { done: sessions.filter((s) => s.at).length, total: sessions.length },
    certificate: cert
      ? {
          id: cert.id,
          code: formatCertificateCode(cert.code),
          issuedAt: cert.issued_at,
          status: cert.revoked_at ? ('revoked' as const) : ('valid' as const),
          verifyPath: `/verify/${formatCertificateCode(cert.code)}`,
        }
      : null,
    credit: { posted: e.credit_entry_id !== null && !reversed, reversed },
    evaluation: { questions: e.evaluation_questions, done: e.evaluated, open: gate.open, reason: gate.reason },
  };
}

export async function myCertificatePdf(deps: Deps, ctx: ActorCtx, enrollmentId: number, origin: string) {
  const e = await myEnrollment(deps.db, ctx.actor, enrollmentId);
  if (!e.certificate_id) throw notFound('结业证书');
  // the certificates module draws every kind; the holder check there passes, since it is our teacher's
  return certificatePdf(deps, ctx, e.certificate_id, origin);
}
