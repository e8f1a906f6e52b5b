// 学员名单: a project's enrolments of teachers in the viewer's scope, with filters; one enrolment with
// its timeline; and the spreadsheet export (masked numbers, formula-looking cells neutralised).
import ExcelJS from 'exceljs';
import { maskIdNumber, maskPhone } from '@shixun/domain';
import { requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { notFound } from '../../http/errors.ts';
import { recordAuditNow } from '../audit/audit.service.ts';
import { ENROLLMENT_STATUS_LABELS, RESULT_LABELS } from '../projects/levels.ts';
import { nodeOf } from '../org/org.ts';
import { visibleProjectOr404 } from '../projects/projects.service.ts';
import { STAGE_LABELS } from './chain.ts';
import { findEnrollmentInScope, listTrainees, traineesQuery, type TraineeFilter, type TraineeRow } from './enrollments.repository.ts';
import { timelinesOf } from './events.ts';

function traineeView(r: TraineeRow) {
  return {
    id: r.id,
    version: r.version,
    teacherId: r.teacher_id,
    name: r.name,
    idNumber: maskIdNumber(r.id_number),
    phone: maskPhone(r.phone),
    schoolName: r.school_name,
    countyName: r.county_name,
    teacherStage: r.teacher_stage,
    subject: r.teacher_subject,
    origin: r.origin,
    originLabel: r.origin === 'applied' ? '个人申报' : '遴选',
    status: r.status,
    statusLabel: ENROLLMENT_STATUS_LABELS[r.status],
    stage: r.stage,
    stageLabel: STAGE_LABELS[r.stage],
    classId: r.class_id,
    className: r.class_name,
    institutionName: r.institution_name,
    checkins: Number(r.checkins ?? 0),
    onsiteScore: r.onsite_score,
    onlineScore: r.online_score,
    totalScore: r.total_score,
    result: r.result,
    resultLabel: r.result ? RESULT_LABELS[r.result] : null,
    createdAt: r.created_at,
  };
}

async function scoped(deps: Deps, ctx: ActorCtx, projectId: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const node = await nodeOf(deps.db, actor);
  const project = await visibleProjectOr404(deps.db, node, projectId);
  return { scope: teacherScope(actor), project };
}

export async function trainees(deps: Deps, ctx: ActorCtx, projectId: number, f: TraineeFilter & { page: number; pageSize: number }) {
  const { scope } = await scoped(deps, ctx, projectId);
  const { rows, total } = await listTrainees(deps.db, scope, projectId, f);
  return { items: rows.map(traineeView), total, page: f.page, pageSize: f.pageSize };
}

/** One enrolment of a teacher in my scope, with its timeline (the admin's view of a review). */
export async function enrollmentForAdmin(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
  requirePermission(actor, 'project.read');
  const e = await findEnrollmentInScope(deps.db, teacherScope(actor), id);
  if (!e) throw notFound('报名记录');
  const timeline = (await timelinesOf(deps.db, [id])).get(id) ?? [];
  return {
    enrollment: {
      id: e.id,
      version: e.version,
      projectId: e.project_id,
      projectName: e.project_name,
      teacherId: e.teacher_id,
      name: e.name,
      idNumber: maskIdNumber(e.id_number),
      schoolName: e.school_name,
      countyName: e.county_name,
      status: e.status,
      statusLabel: ENROLLMENT_STATUS_LABELS[e.status],
      stage: e.stage,
      stageLabel: STAGE_LABELS[e.stage],
      origin: e.origin,
    },
    timeline,
  };
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** A spreadsheet never evaluates what a user typed: a leading = + - @ (or tab / CR) gets an apostrophe. */
export function neutralise(v: unknown): unknown {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

const HEADER = [
  '序号',
  '姓名',
  '证件号码',
  '手机号',
  '区县',
  '学校',
  '学段',
  '学科',
  '报名方式',
  '状态',
  '当前审核',
  '承培机构',
  '班级',
  '已签到',
  '集中学习',
  '网络学习',
  '总成绩',
  '考核结果',
];
const MAX_ROWS = 100_000;

export async function exportTrainees(deps: Deps, ctx: ActorCtx, projectId: number, f: TraineeFilter) {
  const { scope, project } = await scoped(deps, ctx, projectId);
  const rows = await traineesQuery(deps.db, scope, projectId, f)
    .orderBy('t.region_code')
    .orderBy('t.school_id')
    .orderBy('e.id')
    .limit(MAX_ROWS)
    .execute();
  await recordAuditNow(deps.db, ctx, {
    action: 'project.trainees.export',
    objectType: 'project',
    objectId: projectId,
    detail: { rows: rows.length, ...f },
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('学员名单');
  ws.addRow([`${project.name}（${project.year}）学员名单`]);
  ws.addRow(HEADER).font = { bold: true };
  rows.forEach((r, i) => {
    const t = traineeView(r);
    ws.addRow(
      [
        i + 1,
        t.name,
        t.idNumber,
        t.phone,
        t.countyName,
        t.schoolName,
        t.teacherStage,
        t.subject,
        t.originLabel,
        t.statusLabel,
        t.status === 'reviewing' ? t.stageLabel : '',
        t.institutionName,
        t.className,
        t.checkins,
        t.onsiteScore,
        t.onlineScore,
        t.totalScore,
        t.resultLabel,
      ].map((v) => neutralise(v ?? '')),
    );
  });
  ws.columns.forEach((c, i) => {
    c.width = [6, 10, 22, 14, 12, 22][i] ?? 12;
  });
  return { filename: `${project.name}_学员名单.xlsx`, buffer: Buffer.from(await wb.xlsx.writeBuffer()) };
}
