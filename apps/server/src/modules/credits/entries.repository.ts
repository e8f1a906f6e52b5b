// SQL over the ledger for the pages: one teacher's entries (the cells of 我的学分) and the school's
// 校本研修 list. Callers resolve the teacher through the actor's scope first; the school list carries
// the scope in its own WHERE clause.
import type { ScopeFilter } from '../../access/policy.ts';
import type { Executor } from '../../context.ts';
import { teachersInScope } from '../teachers/teachers.repository.ts';

export interface EntryFilter {
  fromYear?: number;
  toYear?: number;
  category?: string;
  forms?: readonly string[];
  categories?: readonly string[];
  levels?: readonly string[];
}

/** Entries of one teacher, newest first, each with the reversal that cancelled it (if any). */
export function teacherEntries(db: Executor, teacherId: number, f: EntryFilter = {}) {
  let q = db
    .selectFrom('credit_entries as e')
    .leftJoin('credit_entries as r', 'r.reversal_of', 'e.id')
    .select([
      'e.id',
      'e.entry_date',
      'e.year',
      'e.category',
      'e.form',
      'e.amount_h',
      'e.hours_h',
      'e.title',
      'e.source',
      'e.source_id',
      'e.level',
      'e.certifier_name',
      'e.certifier_unit',
      'e.reversal_of',
      'e.reason',
      'e.created_at',
      'r.id as reversed_by_id',
      'r.entry_date as reversed_on',
      'r.reason as reversed_reason',
    ])
    .where('e.teacher_id', '=', teacherId);
  if (f.fromYear !== undefined) q = q.where('e.year', '>=', f.fromYear);
  if (f.toYear !== undefined) q = q.where('e.year', '<=', f.toYear);
  if (f.category !== undefined) q = q.where('e.category', '=', f.category);
  if (f.forms) q = q.where('e.form', 'in', f.forms.length ? (f.forms as never[]) : ['\u0000' as never]);
  if (f.categories) q = q.where('e.category', 'in', f.categories.length ? f.categories : ['\u0000']);
  if (f.levels) q = q.where('e.level', 'in', f.levels.length ? (f.levels as never[]) : ['\u0000' as never]);
  return q.orderBy('e.entry_date', 'desc').orderBy('e.id', 'desc').execute();
}
export type EntryRow = Awaited<ReturnType<typeof teacherEntries>>[number];

export interface SchoolBasedFilter {
  q?: string;
  year?: number;
  page: number;
  pageSize: number;
}

/**
 * 校本研修 certified by the admin's school for teachers still in scope: a teacher who moved away
 * takes the credits along (they stay in the ledger) but leaves this list.
 */
export async function schoolBasedEntries(db: Executor, scope: ScopeFilter, f: SchoolBasedFilter) {
  let q = teachersInScope(db, scope)
    .innerJoin('credit_entries as e', 'e.teacher_id', 't.user_id')
    .leftJoin('credit_entries as r', 'r.reversal_of', 'e.id')
    .where('e.source', '=', 'school_based')
    .where('e.school_id', '=', scope.schoolId ?? -1);
  if (f.year) q = q.where('e.year', '=', f.year);
  if (f.q) q = q.where((eb) => eb.or([eb('u.name', 'like', `%${f.q}%`), eb('e.title', 'like', `%${f.q}%`)]));
  const [rows, total] = await Promise.all([
    q
      .select([
        'e.id',
        'e.teacher_id',
        'u.name',
        'u.id_number',
        'e.year',
        'e.entry_date',
        'e.title',
        'e.amount_h',
        'e.hours_h',
        'e.category',
        'e.certifier_name',
        'e.created_at',
        'r.id as reversed_by_id',
        'r.reason as reversed_reason',
      ])
      .orderBy('e.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The scope-checked teacher behind a credit entry (undefined: no such entry, or not in scope). */
export function entryInScope(db: Executor, scope: ScopeFilter, entryId: number) {
  return teachersInScope(db, scope)
    .innerJoin('credit_entries as e', 'e.teacher_id', 't.user_id')
    .select(['e.id', 'e.teacher_id', 'e.level', 'e.reversal_of'])
    .where('e.id', '=', entryId)
    .executeTakeFirst();
}

/** What one teacher has in a year and category (for "an adjustment may not take more than there is"). */
export async function summaryAmount(db: Executor, teacherId: number, year: number, category: string): Promise<number> {
  const r = await db
    .selectFrom('credit_summaries')
    .select((eb) => eb.fn.sum<string | number>('amount_h').as('h'))
    .where('teacher_id', '=', teacherId)
    .where('year', '=', year)
    .where('category', '=', category)
    .executeTakeFirst();
  return Number(r?.h ?? 0);
}

/** Name of the unit an admin certifies for: the school, or the region node. */
export async function unitName(db: Executor, scope: { schoolId?: number; regionCode?: string }): Promise<string> {
  if (scope.schoolId) {
    const s = await db.selectFrom('schools').select('name').where('id', '=', scope.schoolId).executeTakeFirst();
    if (s) return s.name;
  }
  if (scope.regionCode) {
    const r = await db.selectFrom('regions').select('name').where('code', '=', scope.regionCode).executeTakeFirst();
    if (r) return r.name;
  }
  return '';
}

/** A teacher in the actor's scope (undefined: no such teacher, or not in scope). */
export function teacherInScope(db: Executor, scope: ScopeFilter, teacherId: number) {
  return teachersInScope(db, scope)
    .select(['t.user_id as id', 'u.name', 'u.status', 's.name as school_name'])
    .where('t.user_id', '=', teacherId)
    .executeTakeFirst();
}

/** Teachers by ID number across the province (the import tells "no such ID number" from "not your school"). */
export function teachersByIdIndex(db: Executor, indexes: string[]) {
  return db
    .selectFrom('users as u')
    .innerJoin('teachers as t', 't.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.status', 'u.id_number', 't.school_id'])
    .where('u.id_number_bidx', 'in', indexes)
    .execute();
}
