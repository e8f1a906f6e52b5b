// 成绩导入 and its template: every row is checked and answered on its own (a row-level report in Chinese); the valid
// rows are saved in ONE transaction through the same path as inline entry. Uploading the same file
// again finds every score equal and changes nothing: no event, no credit, no certificate.
import { maskIdNumber } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { detectFileType } from '../../files/file-type.ts';
import { invalid } from '../../http/errors.ts';
import { ownClass, templateRows, traineeNames } from './classes.repository.ts';
import { applyScores, type ScoreItem } from './scores.service.ts';
import { readScoreSheet, scoreTemplate, type ScoreRawRow } from './scores.sheet.ts';
import { scoreError } from './scores.ts';
import { RESULT_LABELS } from './view.ts';

export type ImportRowStatus = 'updated' | 'unchanged' | 'skipped' | 'error';
export interface ImportRow {
  row: number;
  status: ImportRowStatus;
  enrollmentId: number | null;
  name: string;
  totalScore?: number | null;
  resultLabel?: string | null;
  error?: string;
  note?: string;
}

const NUMBER = /^\d+(\.\d+)?$/;

function parseScore(label: string, text: string): { value?: number; error?: string } {
  if (text === '') return {};
  if (!NUMBER.test(text)) return { error: `${label}应为 0–100 的数字` };
  const value = Number(text);
  const error = scoreError(label, value);
  return error ? { error } : { value };
}

function checkRow(r: ScoreRawRow, trainees: Map<number, string>, firstRowOf: Map<number, number>): { result: ImportRow; item?: ScoreItem } {
  const result: ImportRow = { row: r.row, status: 'error', enrollmentId: null, name: r.name };
  const errors: string[] = [];
  if (!/^\d{1,9}$/.test(r.enrollmentId)) errors.push(r.enrollmentId ? '学员编号应为数字（模板第一列，请勿修改）' : '请填写学员编号');
  else {
    const id = Number(r.enrollmentId);
    result.enrollmentId = id;
    const name = trainees.get(id);
    if (name === undefined) errors.push(`学员编号 ${id} 不是本班学员`);
    else if (r.name !== name) errors.push(r.name ? `姓名与学员编号不符（平台中为“${name}”）` : '请填写姓名');
    const first = firstRowOf.get(id);
    if (first !== undefined) errors.push(`与第 ${first} 行的学员重复`);
    else firstRowOf.set(id, r.row);
  }
  const onsite = parseScore('集中学习', r.onsite),
    online = parseScore('网络学习', r.online);
  for (const e of [onsite.error, online.error]) if (e) errors.push(e);
  if (errors.length) return { result: { ...result, error: errors.join('；') } };
  if (onsite.value === undefined && online.value === undefined)
    return { result: { ...result, status: 'skipped', note: '未填写成绩，已跳过' } };
  return { result, item: { enrollmentId: result.enrollmentId!, onsite: onsite.value, online: online.value } };
}

export async function importScores(deps: Deps, ctx: ActorCtx, classId: number, data: Buffer) {
  await ownClass(deps.db, ctx.actor, classId);
  if (!data.length) throw invalid('请选择要上传的文件');
  if (!(await detectFileType(data, ['xlsx']))) throw invalid('只能上传 xlsx 格式的 Excel 文件，请使用下载的成绩模板');
  const rows = await readScoreSheet(data, deps.config.spreadsheet);

  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    const trainees = new Map((await traineeNames(trx, classId)).map((t) => [t.id, t.name]));
    const firstRowOf = new Map<number, number>();
    const checked = rows.map((r) => checkRow(r, trainees, firstRowOf));
    const items = checked.flatMap((x) => (x.item ? [x.item] : []));
    const outcomes = new Map((await applyScores(trx, ctx, c, items, 'import')).map((o) => [o.enrollmentId, o]));
    const report = checked.map(({ result, item }) => {
      const o = item && outcomes.get(item.enrollmentId);
      if (!o) return result;
      const note =
        o.status === 'unchanged'
          ? '成绩与平台一致，未修改'
          : o.completion === 'passed'
            ? '合格：已记入学分并颁发结业证书'
            : o.completion === 'reversed'
              ? '改为不合格：已冲销学分并撤销结业证书'
              : o.completion === 'reissued'
                ? '成绩更正：结业证书已换发'
                : undefined;
      return { ...result, status: o.status, totalScore: o.totalScore, resultLabel: o.result ? RESULT_LABELS[o.result] : null, note };
    });
    const count = (s: ImportRowStatus) => report.filter((r) => r.status === s).length;
    return {
      total: report.length,
      updated: count('updated'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      errors: count('error'),
      passed: [...outcomes.values()].filter((o) => o.completion === 'passed').length,
      reversed: [...outcomes.values()].filter((o) => o.completion === 'reversed').length,
      rows: report,
    };
  });
}

/** The xlsx template of the class: every trainee (ID numbers masked) with the scores entered so far. */
export async function scoresTemplate(deps: Deps, ctx: ActorCtx, classId: number) {
  const c = await ownClass(deps.db, ctx.actor, classId);
  const rows = await templateRows(deps.db, c.id);
  const data = await scoreTemplate(
    `${c.project_name} ${c.name}`,
    { onsite: c.onsite_weight, online: c.online_weight, passMark: Number(c.pass_mark) },
    rows.map((r) => ({
      enrollmentId: r.id,
      name: r.name,
      idNumber: maskIdNumber(r.id_number),
      school: r.school,
      onsite: r.onsite_score,
      online: r.online_score,
    })),
  );
  return { data, classId: c.id, className: c.name };
}
