// The credit ledger (学分明细): every credit is a row that is never edited. Each write also updates
// the teacher's summary rows and standing in the same transaction, so reports never scan the ledger
// and a crash can never leave the two disagreeing.
import { CREDIT_FORMS, CREDIT_LEVELS, type CreditForm, type CreditLevel, type CreditPolicy } from '@shixun/domain';
import type { Executor, RequestCtx } from '../../context.ts';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addToSummary, entryById, entryIdByKey, insertEntry, insertEntryOnce, isReversed, teacherSchoolOf } from './ledger.repository.ts';
import { activePolicy } from './policy.store.ts';
import { refreshStanding, today } from './standing.ts';

export type CreditSource = 'project' | 'elective' | 'school_based' | 'claim' | 'import' | 'adjustment';

export interface NewCreditEntry {
  teacherId: number;
  /** YYYY-MM-DD, the day it was certified */
  date: string;
  /** the assessment year it counts for */
  year: number;
  category: string;
  form: CreditForm;
  /** 学分, two decimals at most; negative only for an adjustment that takes credits away */
  amount: number;
  /** 学时, when the source states them */
  hours?: number;
  title: string;
  source: CreditSource;
  sourceId?: string;
  /** Posting the same key twice posts once: imports and automatic postings can be re-run. */
  sourceKey?: string;
  level: CreditLevel;
  certifier: { id: number | null; name: string; unit: string };
  reason?: string;
}

export interface PostResult {
  id: number;
  duplicate: boolean;
}

export const toH = (x: number) => Math.round(x * 100);

/** What is wrong with an entry under a policy, as a Chinese sentence (null when nothing is). */
export function entryProblem(policy: CreditPolicy, e: NewCreditEntry): string | null {
  if (!policy.categories.some((c) => c.id === e.category)) return `学分类型“${e.category}”不在当前学分政策中`;
  if (!CREDIT_FORMS.includes(e.form)) return `培训形式“${e.form}”不正确`;
  if (!CREDIT_LEVELS.includes(e.level)) return `组织级别“${e.level}”不正确`;
  if (!Number.isFinite(e.amount) || Math.abs(toH(e.amount) - e.amount * 100) > 1e-6) return '学分最多保留两位小数';
  if (e.amount === 0 && !e.hours) return '学分不能为 0';
  if (e.amount < 0 && e.source !== 'adjustment') return '学分不能为负数';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) return '认定日期格式应为 YYYY-MM-DD';
  if (!Number.isInteger(e.year) || e.year < 2000 || e.year > 2100) return '年度不正确';
  if (!e.title.trim()) return '请填写学分名称';
  return null;
}

/** Checks an entry against the active policy; throws a Chinese validation error. */
export async function checkEntry(db: Executor, e: NewCreditEntry): Promise<void> {
  const { policy } = await activePolicy(db);
  const problem = entryProblem(policy, e);
  if (problem) throw invalid(problem);
}

/** The ledger row of a new entry (one mapping for the single and the bulk posting). */
export function entryRow(e: NewCreditEntry, schoolId: number) {
  return {
    teacher_id: e.teacherId,
    entry_date: e.date,
    year: e.year,
    category: e.category,
    form: e.form,
    amount_h: toH(e.amount),
    hours_h: e.hours === undefined ? null : toH(e.hours),
    title: e.title.trim(),
    source: e.source,
    source_id: e.sourceId ?? null,
    source_key: e.sourceKey ?? null,
    level: e.level,
    certifier_id: e.certifier.id,
    certifier_name: e.certifier.name,
    certifier_unit: e.certifier.unit,
    school_id: schoolId,
    reason: e.reason ?? null,
  };
}

/** Appends one entry (inside the caller's transaction). */
export async function postCreditEntry(trx: Executor, ctx: RequestCtx, e: NewCreditEntry): Promise<PostResult> {
  await checkEntry(trx, e);
  const teacher = await teacherSchoolOf(trx, e.teacherId);
  if (!teacher) throw notFound('教师');
  const insertedId = await insertEntryOnce(trx, entryRow(e, teacher.school_id));
  if (insertedId === undefined) return { id: await entryIdByKey(trx, e.sourceKey!), duplicate: true };
  await addToSummary(
    trx,
    e.teacherId,
    { year: e.year, category: e.category, form: e.form, level: e.level },
    toH(e.amount),
    e.hours === undefined ? 0 : toH(e.hours),
    1,
  );
  await refreshStanding(trx, e.teacherId);
  await recordAudit(trx, ctx, {
    action: 'credit.post',
    objectType: 'credit_entry',
    objectId: insertedId,
    detail: {
      teacherId: e.teacherId,
      year: e.year,
      category: e.category,
      amount: e.amount,
      source: e.source,
      sourceId: e.sourceId ?? null,
    },
  });
  return { id: insertedId, duplicate: false };
}

/** A correction: a row with the opposite amount that points at the original. An entry is reversed once. */
export async function reverseCreditEntry(
  trx: Executor,
  ctx: RequestCtx,
  entryId: number,
  reason: string,
  certifier: NewCreditEntry['certifier'],
): Promise<PostResult> {
  if (!reason.trim()) throw invalid('请填写冲销原因');
  const o = await entryById(trx, entryId);
  if (!o) throw notFound('学分记录');
  if (o.reversal_of !== null) throw invalid('冲销记录本身不能再冲销');
  if (await isReversed(trx, entryId)) throw conflict('该学分记录已被冲销，不能重复冲销');
  let rowId: number;
  try {
    rowId = await insertEntry(trx, {
      teacher_id: o.teacher_id,
      entry_date: today(),
      year: o.year,
      category: o.category,
      form: o.form,
      amount_h: -o.amount_h,
      hours_h: o.hours_h === null ? null : -o.hours_h,
      title: `冲销：${o.title}`,
      source: 'reversal',
      source_id: String(o.id),
      source_key: null,
      level: o.level,
      certifier_id: certifier.id,
      certifier_name: certifier.name,
      certifier_unit: certifier.unit,
      school_id: o.school_id,
      reversal_of: o.id,
      reason: reason.trim(),
    });
  } catch (err) {
    // two admins reversing the same entry at once: the unique index lets one win
    if ((err as { code?: string }).code === '23505') throw conflict('该学分记录已被冲销，不能重复冲销');
    throw err;
  }
  await addToSummary(trx, o.teacher_id, o, -o.amount_h, o.hours_h === null ? 0 : -o.hours_h, -1);
  await refreshStanding(trx, o.teacher_id);
  await recordAudit(trx, ctx, {
    action: 'credit.reverse',
    objectType: 'credit_entry',
    objectId: rowId,
    detail: { reversalOf: o.id, teacherId: o.teacher_id, amount: -o.amount_h / 100, reason: reason.trim() },
  });
  return { id: rowId, duplicate: false };
}
