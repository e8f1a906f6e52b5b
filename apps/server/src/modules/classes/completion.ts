// 结业: what a pass produces, and what taking it back undoes — always inside the caller's score
// transaction. A pass posts the project's credits to the ledger (certified by the organiser, "谁组织、
// 谁认定") and issues a 结业证书; a pass later corrected to a fail reverses the credit entry (a
// reversing row, never an edit) and revokes the certificate (it stays verifiable, as 已撤销).
import type { CreditForm } from '@shixun/domain';
import type { Executor, RequestCtx } from '../../context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { certificateHolder, issueCertificate } from '../certificates/issue.ts';
import { postCreditEntry, reverseCreditEntry } from '../credits/ledger.ts';
import { today } from '../credits/standing.ts';
import { addEvents } from '../enrollments/events.ts';
import type { ClassRow } from './classes.repository.ts';
import { isReversed } from './my-class.repository.ts';
import { revokeCertificateRow } from '../certificates/certificates.repository.ts';
import { projectEntriesOf } from './scores.repository.ts';
import { fromH, LEVEL_LABELS } from './view.ts';

const FORM_OF_MODE: Record<ClassRow['mode'], CreditForm> = {
  onsite: 'onsite',
  online: 'online',
  blended: 'onsite',
  school_based: 'school_based',
};

export interface Trainee {
  id: number;
  teacher_id: number;
  onsite: number | null;
  online: number | null;
  total: number;
  credit_entry_id: number | null;
  certificate_id: number | null;
  /** 学习进度 % (自主选学), printed on its certificate */
  progress: number | null;
}
interface Actor {
  id: number;
  name: string;
  institution: string;
}

const certifierOf = (c: ClassRow) => ({ id: null, name: c.organiser_name, unit: c.organiser_name });

/** Timeline rows of an institution's acts: the institution is the «who»; it is no admin level (level null). */
async function event(trx: Executor, enrollmentId: number, action: 'passed' | 'failed' | 'certified', who: Actor, reason: string) {
  await addEvents(trx, { userId: who.id, name: who.institution }, [enrollmentId], { action, level: null, reason });
}

/**
 * The ledger key. The first posting uses the addendum's key `project:<p>:teacher:<t>`; posting it
 * again (a second save, a re-upload, two admins at once) finds it and posts nothing. After a
 * reversal (pass → fail → pass) the key gets a suffix, since the first key is spent.
 */
async function sourceKeyFor(trx: Executor, c: ClassRow, e: Trainee): Promise<string> {
  const base = `${c.kind}:${c.project_id}:teacher:${e.teacher_id}`;
  const prior = await projectEntriesOf(trx, e.id, c.kind === 'elective' ? 'elective' : 'project');
  const live = prior.find((p) => !p.reversed);
  if (live?.source_key) return live.source_key;
  return prior.length === 0 ? base : `${base}:${prior.length + 1}`;
}

async function postCredits(trx: Executor, ctx: RequestCtx, c: ClassRow, e: Trainee): Promise<number | null> {
  // a project may grant 学时 only, or (rarely) nothing the ledger counts
  if (c.credit_amount_h <= 0 && c.hours_h <= 0) return null;
  const r = await postCreditEntry(trx, ctx, {
    teacherId: e.teacher_id,
    date: today(),
    year: c.year,
    category: c.credit_category,
    form: FORM_OF_MODE[c.mode],
    amount: fromH(c.credit_amount_h),
    hours: c.hours_h > 0 ? fromH(c.hours_h) : undefined,
    title: c.project_name,
    // a passed elective (自主选学) is the ledger's own source, so 我的学分 and reports tell the two apart
    source: c.kind === 'elective' ? 'elective' : 'project',
    sourceId: String(e.id),
    sourceKey: await sourceKeyFor(trx, c, e),
    level: c.level,
    certifier: certifierOf(c),
  });
  return r.id;
}

async function issue(trx: Executor, ctx: RequestCtx, c: ClassRow, e: Trainee, categoryName: string) {
  const teacher = await certificateHolder(trx, e.teacher_id);
  const fmt = (x: number | null) => (x === null ? '—' : String(x));
  const creditText = c.credit_amount_h > 0 ? `${categoryName} ${fromH(c.credit_amount_h)} 学分` : '—';
  const payload = {
    teacher,
    subject: c.project_name,
    result: '合格',
    // 我的证书 lists completion certificates by where they come from: 自主选学 / 专项培训
    source: c.kind,
    project: {
      id: c.project_id,
      name: c.project_name,
      year: c.year,
      level: c.level,
      organiser: c.organiser_name,
      institution: c.institution_name,
      startDate: c.start_date,
      endDate: c.end_date,
    },
    enrollmentId: e.id,
    totalScore: e.total,
    onsiteScore: e.onsite,
    onlineScore: e.online,
    credits: fromH(c.credit_amount_h),
    hours: fromH(c.hours_h),
    category: c.credit_category,
    // 证书打印证件照 (a project setting, e.g. 骨干教师): the PDF prints the holder's 证件照 from the profile
    photo: c.certificate_photo,
    // what the PDF prints (certificates/certificate-pdf.ts genericBody), in this order
    facts:
      c.kind === 'elective'
        ? electiveFacts(c, e, creditText)
        : [
            { label: '项目名称', value: c.project_name },
            { label: '项目级别', value: `${LEVEL_LABELS[c.level]}（${c.year} 年度）` },
            { label: '组织单位', value: c.organiser_name },
            { label: '承培机构', value: c.institution_name },
            { label: '培训时间', value: `${c.start_date} 至 ${c.end_date}` },
            { label: '学时', value: c.hours_h > 0 ? `${fromH(c.hours_h)} 学时` : '—' },
            { label: '学分', value: creditText },
            { label: '集中学习', value: fmt(e.onsite) },
            { label: '网络学习', value: fmt(e.online) },
            { label: '总成绩', value: String(e.total) },
            { label: '考核结果', value: '合格' },
          ],
  };
  return issueCertificate(trx, ctx, {
    kind: 'completion',
    teacherId: e.teacher_id,
    title: `${c.project_name}结业证书`,
    payload,
    policyVersion: null,
  });
}

/** What an elective's certificate prints: the course, its provider and the pass rule's figures. */
function electiveFacts(c: ClassRow, e: Trainee, creditText: string) {
  return [
    { label: '课程名称', value: c.project_name },
    { label: '课程类别', value: `自主选学（${c.year} 年度）` },
    { label: '提供机构', value: c.institution_name },
    { label: '组织单位', value: c.organiser_name },
    { label: '学习时间', value: `${c.start_date} 至 ${c.end_date}` },
    { label: '学时', value: c.hours_h > 0 ? `${fromH(c.hours_h)} 学时` : '—' },
    { label: '学分', value: creditText },
    { label: '学习进度', value: e.progress === null ? '—' : `${e.progress}%` },
    { label: '考核成绩', value: String(e.total) },
    { label: '考核结果', value: '合格' },
  ];
}

async function revoke(trx: Executor, ctx: RequestCtx, certificateId: number, reason: string) {
  const r = await revokeCertificateRow(trx, certificateId);
  if (r)
    await recordAudit(trx, ctx, { action: 'certificate.revoke', objectType: 'certificate', objectId: certificateId, detail: { reason } });
}

/** A trainee who just became 合格: credits, certificate, timeline. Returns the ids to keep on the enrolment. */
export async function completePass(trx: Executor, ctx: RequestCtx, c: ClassRow, e: Trainee, who: Actor, categoryName: string) {
  const creditEntryId = await postCredits(trx, ctx, c, e);
  const cert = await issue(trx, ctx, c, e, categoryName);
  await event(trx, e.id, 'passed', who, `总成绩 ${e.total}，合格`);
  const credits =
    creditEntryId === null
      ? ''
      : `；${c.credit_amount_h > 0 ? `${categoryName} ${fromH(c.credit_amount_h)} 学分` : `${fromH(c.hours_h)} 学时`}已记入学分`;
  await event(trx, e.id, 'certified', who, `结业证书已颁发${credits}`);
  return { creditEntryId, certificateId: cert.id };
}

/** A pass corrected to a fail (or to "not yet assessed"): reverse the credits, revoke the certificate. */
export async function undoPass(trx: Executor, ctx: RequestCtx, c: ClassRow, e: Trainee, who: Actor, total: number | null) {
  const why = `成绩更正为不合格（总成绩 ${total ?? '—'}）`;
  if (e.credit_entry_id !== null) {
    const reversed = await isReversed(trx, e.credit_entry_id);
    if (!reversed) await reverseCreditEntry(trx, ctx, e.credit_entry_id, `${c.project_name}：${why}`, certifierOf(c));
  }
  if (e.certificate_id !== null) await revoke(trx, ctx, e.certificate_id, why);
  await event(trx, e.id, 'failed', who, `${why}：已记入的学分已冲销，结业证书已撤销`);
}

/** Still 合格 but the scores changed: the certificate printed the old ones, so it is replaced. */
export async function reissue(trx: Executor, ctx: RequestCtx, c: ClassRow, e: Trainee, who: Actor, categoryName: string) {
  if (e.certificate_id !== null) await revoke(trx, ctx, e.certificate_id, '成绩更正，已换发新证书');
  const cert = await issue(trx, ctx, c, e, categoryName);
  await event(trx, e.id, 'certified', who, `成绩更正（总成绩 ${e.total}），结业证书已换发`);
  return cert.id;
}
