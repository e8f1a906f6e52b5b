// 校本研修 by spreadsheet: every row is checked and answered on its own (a row-level error report in
// Chinese); all valid rows are posted in ONE transaction; a file uploaded again posts nothing twice,
// because each row's source key is derived from school + teacher + year + date + content + amount.
import { checkIdNumber, maskIdNumber, normalizeIdNumber, type CreditPolicy } from '@shixun/domain';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { detectFileType } from '../../files/file-type.ts';
import { invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { teachersByIdIndex } from './entries.repository.ts';
import { postCreditEntry } from './ledger.ts';
import { activePolicy } from './policy.store.ts';
import { schoolBasedError, type SchoolBasedValues } from './rules.ts';
import { certifierFor, DEFAULT_CATEGORY, ownSchool, schoolBasedEntry, schoolBasedKey } from './school-based.service.ts';
import { readSchoolBasedSheet, type RawRow } from './school-based.sheet.ts';
import { today } from './standing.ts';
import { idNumberIndex } from '../../security/pii.ts';

export type RowStatus = 'posted' | 'duplicate' | 'error';
/** ok: the row is in the ledger (posted now, or found there from an earlier upload: see note). */
export interface RowResult {
  row: number;
  ok: boolean;
  status: RowStatus;
  idNumber: string | null;
  name: string;
  error?: string;
  note?: string;
}

interface Candidate {
  result: RowResult;
  teacherId: number;
  values: SchoolBasedValues;
  key: string;
}
interface TeacherRow {
  id: number;
  name: string;
  status: string;
  school_id: number;
}

const NUMBER = /^\d+(\.\d+)?$/;

/** Lookup across the province on purpose: it lets the report tell "no such ID number" from "not your school". */
async function teachersByIdNumber(db: Executor, ids: string[]): Promise<Map<string, TeacherRow>> {
  if (!ids.length) return new Map();
  const rows = await teachersByIdIndex(db, ids.map(idNumberIndex));
  return new Map(rows.map((r) => [r.id_number!, r]));
}

function teacherError(t: TeacherRow | undefined, schoolId: number, name: string): string | null {
  if (!t) return '证件号码在平台中不存在，请核对';
  if (t.school_id !== schoolId) return '该教师不是本校教师，只能认定本校教师的校本研修';
  if (t.status === 'pending' || t.status === 'rejected') return '该教师的账号尚未通过注册审核';
  if (t.name !== name) return `姓名与证件号码不符（平台中为“${t.name}”）`;
  return null;
}

function valuesOf(r: RawRow): { values?: SchoolBasedValues; error?: string } {
  const year = r.year.replace(/年$/, '');
  if (!/^\d{4}$/.test(year)) return { error: '年度应为四位数字，如 2025' };
  if (!NUMBER.test(r.amount)) return { error: '学分应为大于 0 的数字，如 2 或 1.5' };
  if (r.hours !== '' && !NUMBER.test(r.hours)) return { error: '学时应为数字，可不填' };
  return {
    values: {
      year: Number(year),
      date: r.date,
      title: r.title,
      amount: Number(r.amount),
      hours: r.hours === '' ? undefined : Number(r.hours),
      category: DEFAULT_CATEGORY,
    },
  };
}

function checkRows(policy: CreditPolicy, rows: RawRow[], teachers: Map<string, TeacherRow>, schoolId: number, day: string) {
  const results: RowResult[] = [];
  const candidates: Candidate[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of rows) {
    const id = normalizeIdNumber(r.idNumber);
    const result: RowResult = { row: r.row, ok: false, status: 'error', idNumber: maskIdNumber(id) || null, name: r.name };
    results.push(result);
    const t = teachers.get(id);
    const idError = !id
      ? '请填写证件号码'
      : r.numericId
        ? '证件号码被 Excel 存成了数字（末几位已丢失），请把该列设为“文本”格式后重新填写'
        : (checkIdNumber(id) ?? (!r.name ? '请填写姓名' : teacherError(t, schoolId, r.name)));
    const parsed = valuesOf(r);
    const valueError = parsed.error ?? schoolBasedError(policy, parsed.values!, day);
    const errors = [idError, valueError].filter((e): e is string => !!e);
    if (errors.length) {
      result.error = errors.join('；');
      continue;
    }
    const key = schoolBasedKey(schoolId, t!.id, parsed.values!);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      result.error = `与第 ${first} 行重复`;
      continue;
    }
    firstRowOf.set(key, r.row);
    candidates.push({ result, teacherId: t!.id, values: parsed.values!, key });
  }
  return { results, candidates };
}

export async function importSchoolBased(deps: Deps, ctx: ActorCtx, data: Buffer) {
  const actor = ctx.actor;
  const schoolId = ownSchool(actor);
  if (!data.length) throw invalid('请选择要上传的文件');
  if (!(await detectFileType(data, ['xlsx']))) throw invalid('只能上传 xlsx 格式的 Excel 文件，请使用下载的模板');
  const rows = await readSchoolBasedSheet(data, deps.config.spreadsheet);
  const { policy } = await activePolicy(deps.db);
  const teachers = await teachersByIdNumber(deps.db, [...new Set(rows.map((r) => normalizeIdNumber(r.idNumber)).filter(Boolean))]);
  const { results, candidates } = checkRows(policy, rows, teachers, schoolId, today());

  await deps.db.transaction().execute(async (trx) => {
    const certifier = await certifierFor(trx, actor, schoolId);
    for (const c of candidates) {
      // the ledger's source key makes a re-upload (or two uploads racing) post each row once
      const r = await postCreditEntry(trx, ctx, schoolBasedEntry(c.teacherId, schoolId, c.values, certifier));
      c.result.ok = true;
      c.result.status = r.duplicate ? 'duplicate' : 'posted';
      if (r.duplicate) c.result.note = '已导入过，未重复记入';
    }
    await recordAudit(trx, ctx, {
      action: 'credit.schoolBased.import',
      objectType: 'school',
      objectId: schoolId,
      detail: { rows: rows.length, ...count(results) },
    });
  });
  return { total: rows.length, ...count(results), rows: results };
}

function count(results: RowResult[]) {
  return {
    posted: results.filter((r) => r.status === 'posted').length,
    duplicates: results.filter((r) => r.status === 'duplicate').length,
    errors: results.filter((r) => r.status === 'error').length,
  };
}
