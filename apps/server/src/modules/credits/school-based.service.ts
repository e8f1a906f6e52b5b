// 校本研修认定: the school admin certifies school-based study for teachers of their own school
// ("谁组织、谁认定": the school organised it, the school certifies it), one entry at a time here, by
// spreadsheet in school-based.import.ts. Both post through the ledger with the same source key, so
// an entry typed by hand and then imported again is not counted twice.
import { createHash } from 'node:crypto';
import { maskIdNumber } from '@shixun/domain';
import { requirePermission, teacherScope, type Actor } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.ts';
import type { SchoolBasedInput } from './credits.schema.ts';
import { schoolBasedEntries, teacherInScope, unitName, type SchoolBasedFilter } from './entries.repository.ts';
import { postCreditEntry, type NewCreditEntry } from './ledger.ts';
import { activePolicy } from './policy.store.ts';
import { schoolBasedError, type SchoolBasedValues } from './rules.ts';
import { today } from './standing.ts';

export const DEFAULT_CATEGORY = 'school_based';

/** Same school, teacher, year, date, content and amount → the same entry, however often it is posted. */
export function schoolBasedKey(schoolId: number, teacherId: number, v: SchoolBasedValues): string {
  const parts = [schoolId, teacherId, v.year, v.date, v.title.trim(), Math.round(v.amount * 100)].join('\u001f');
  return `school_based:${createHash('sha256').update(parts).digest('hex').slice(0, 40)}`;
}

/** The school admin's school, or a refusal: the permission alone does not say which school. */
export function ownSchool(actor: Actor): number {
  requirePermission(actor, 'credit.schoolBased');
  if (!actor.scope.schoolId) throw forbidden('您的账号未关联学校，不能认定校本研修');
  return actor.scope.schoolId;
}

export async function certifierFor(db: Executor, actor: Actor, schoolId: number) {
  return { id: actor.userId, name: actor.name, unit: await unitName(db, { schoolId }) };
}

export function schoolBasedEntry(
  teacherId: number,
  schoolId: number,
  v: SchoolBasedValues,
  certifier: NewCreditEntry['certifier'],
): NewCreditEntry {
  return {
    teacherId,
    date: v.date,
    year: v.year,
    category: v.category,
    form: 'school_based',
    amount: v.amount,
    hours: v.hours,
    title: v.title.trim(),
    source: 'school_based',
    sourceKey: schoolBasedKey(schoolId, teacherId, v),
    level: 'school',
    certifier,
  };
}

export async function enterSchoolBased(deps: Deps, ctx: ActorCtx, input: SchoolBasedInput) {
  const actor = ctx.actor;
  const schoolId = ownSchool(actor);
  const t = await teacherInScope(deps.db, teacherScope(actor), input.teacherId);
  if (!t) throw notFound('教师');
  if (t.status === 'pending' || t.status === 'rejected') throw invalid('该教师的账号尚未通过注册审核，不能认定学分');
  const { policy } = await activePolicy(deps.db);
  const v: SchoolBasedValues = { ...input, category: input.category ?? DEFAULT_CATEGORY };
  const error = schoolBasedError(policy, v, today());
  if (error) throw invalid(error);
  return deps.db.transaction().execute(async (trx) => {
    const r = await postCreditEntry(trx, ctx, schoolBasedEntry(t.id, schoolId, v, await certifierFor(trx, actor, schoolId)));
    if (r.duplicate) throw conflict('这条校本研修已经认定过（同一教师、年度、日期、内容和学分），不会重复记入');
    return { id: r.id };
  });
}

export async function listSchoolBased(deps: Deps, ctx: ActorCtx, f: SchoolBasedFilter) {
  ownSchool(ctx.actor);
  const { policy } = await activePolicy(deps.db);
  const { rows, total } = await schoolBasedEntries(deps.db, teacherScope(ctx.actor), f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      teacherId: r.teacher_id,
      teacherName: r.name,
      idNumber: maskIdNumber(r.id_number),
      year: r.year,
      date: r.entry_date,
      title: r.title,
      amount: r.amount_h / 100,
      hours: r.hours_h === null ? null : r.hours_h / 100,
      categoryName: policy.categories.find((c) => c.id === r.category)?.name ?? r.category,
      certifierName: r.certifier_name,
      createdAt: r.created_at,
      reversed: r.reversed_by_id !== null,
      reversedReason: r.reversed_reason,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
