// 导出 (xlsx): the compliance table and the teachers behind it, masked, streamed (a province's list
// has a million rows; exceljs's streaming writer keeps memory flat). Every text cell that a
// spreadsheet could read as a formula (= + - @, or a leading tab / carriage return) gets a leading
// apostrophe, so a teacher named "=HYPERLINK(…)" stays text.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { recordAuditNow } from '../audit/audit.service.ts';
import type { CycleBasis } from './basis.ts';
import { teachersAfter, type TeacherFilter } from './compliance.repository.ts';
import { complianceReport, parseFilter, reportContext, teacherItem, type ScopeQuery } from './credit-reports.service.ts';
import type { GroupBy, ReportScope } from './report-scope.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value a spreadsheet will never evaluate. */
export function neutralise(v: unknown): unknown {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const yesNo = (v: boolean | null) => (v === null ? '—' : v ? '是' : '否');

type ExportQuery = ScopeQuery & { groupBy?: GroupBy; assessed?: boolean; compliant?: boolean; completed?: boolean; category?: string };

export async function exportCompliance(deps: Deps, ctx: ActorCtx, q: ExportQuery) {
  // everything that can fail with a clear message fails here, before the first byte is sent
  const report = await complianceReport(deps, ctx, q);
  const { scope, basis } = await reportContext(deps, ctx, q);
  const filter = parseFilter(basis, q);
  await recordAuditNow(deps.db, ctx, {
    action: 'credit.report.export',
    objectType: 'region',
    objectId: scope.schoolId ?? scope.code,
    detail: { groupBy: report.groupBy, ...filter },
  });
  const stream = new PassThrough();
  const filename = `学分达标统计_${scope.name}_${basis.asOf}.xlsx`;
  write(deps, stream, report, scope, basis, filter).catch((e) => stream.destroy(e as Error));
  return { filename, stream };
}

async function write(
  deps: Deps,
  out: PassThrough,
  report: Awaited<ReturnType<typeof complianceReport>>,
  scope: ReportScope,
  b: CycleBasis,
  f: TeacherFilter,
) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const row = (ws: ExcelJS.Worksheet, values: unknown[]) => ws.addRow(values.map(neutralise)).commit();

  const sum = wb.addWorksheet('达标统计');
  row(sum, [
    `${scope.name} 学分达标统计（${b.cycle.name}周期 ${b.cycle.startYear}–${b.cycle.endYear}，政策第 ${b.policyVersion} 版，截至 ${b.asOf}）`,
  ]);
  const catHeads = b.categories.map((c) => `${c.name}达到周期要求`);
  row(sum, ['名称', '教师数', '纳入考核', '达标', '达标率', '已完成周期要求', ...catHeads]);
  for (const r of [...report.rows, { name: '合计', ...report.totals }]) {
    row(sum, [r.name, r.teachers, r.assessed, r.compliant, pct(r.rate), r.completed, ...b.categories.map((c) => r.byCategory[c.id])]);
  }
  sum.commit();

  const list = wb.addWorksheet('教师明细');
  const cat = f.category ? b.categories.find((c) => c.id === f.category) : undefined;
  row(list, [
    '姓名',
    '证件号码',
    '手机号',
    '区县',
    '学校',
    '人员状态',
    '纳入考核',
    '达标',
    `已获${b.unit}`,
    `周期要求${b.unit}`,
    ...(cat ? [`${cat.name}已获`, `${cat.name}要求`] : []),
    '尚缺',
    '政策版本',
  ]);
  for await (const batch of teachersAfter(deps.db, scope, b, f)) {
    for (const r of batch) {
      const t = teacherItem(r, b, f.category);
      row(list, [
        t.name,
        t.idNumber,
        t.phone,
        t.countyName,
        t.schoolName,
        t.personnelStatus,
        yesNo(t.assessed),
        yesNo(t.compliant),
        t.earned,
        t.required,
        ...(t.category ? [t.category.earned, t.category.required] : []),
        t.notAssessedReason ?? t.missing.join('；'),
        t.policyVersion,
      ]);
    }
  }
  list.commit();
  await wb.commit();
}
