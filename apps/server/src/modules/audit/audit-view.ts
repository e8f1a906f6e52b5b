// 审计日志 as the audit admin reads it: filtered, in Chinese («李秀英 的报名 #15 — 区县审核通过»), and
// exported to xlsx (streamed; the export is itself recorded).
import { ROLE_LABELS, auditActionLabel, isCalendarDate, auditObjectLabel, auditSummary, type Role } from '@shixun/domain';
import type { Deps, Executor } from '../../context.ts';
import { addRow, streamWorkbook } from '../../files/xlsx-writer.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid } from '../../http/errors.ts';
import { filteredBatch, listAudit, type AuditFilter } from './audit.repository.ts';
import { recordAuditNow } from './audit.service.ts';
import { objectNames } from './object-names.ts';

export interface AuditQuery {
  actor?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  result?: 'success' | 'failure' | 'denied';
  /** days 'YYYY-MM-DD' in the deployment's time zone, both included */
  from?: string;
  to?: string;
}

type Row = Awaited<ReturnType<typeof listAudit>>['items'][number];

/** The offset of a time zone from UTC at an instant, in ms. */
function zoneOffsetMs(at: number, timeZone: string): number {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(at)
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000;
}

/** The first moment of a calendar day in a time zone, as epoch ms. */
export function dayStartMs(day: string, timeZone: string): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const guess = utc - zoneOffsetMs(utc, timeZone);
  return utc - zoneOffsetMs(guess, timeZone);
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function toFilter(q: AuditQuery, timeZone: string): AuditFilter {
  for (const k of ['from', 'to'] as const)
    if (q[k] && !isCalendarDate(q[k])) throw invalid(`${k === 'from' ? '开始' : '结束'}日期不是有效的日期`, { [k]: '不是有效的日期' });
  if (q.from && q.to && q.from > q.to) throw invalid('开始日期不能晚于结束日期', { from: '开始日期不能晚于结束日期' });
  return {
    actor: q.actor || undefined,
    action: q.action || undefined,
    objectType: q.objectType || undefined,
    objectId: q.objectId || undefined,
    result: q.result,
    fromMs: q.from ? dayStartMs(q.from, timeZone) : undefined,
    toMs: q.to ? dayStartMs(nextDay(q.to), timeZone) : undefined,
  };
}

/** An actor's scope as stored (`region:450102`, `school:12`, `institution:3`) split into an object to name. */
const scopeObject = (scope: string | null) => {
  const [type, id] = scope?.split(':') ?? [];
  return { object_type: type && id ? type : null, object_id: type && id ? id : null };
};

async function view(db: Executor, rows: Row[]) {
  const names = await objectNames(db, [...rows, ...rows.map((r) => scopeObject(r.actor_scope))]);
  /** the scope as a clerk reads it: 兴宁区, 兴宁区第一小学 … (the stored text where it cannot be named) */
  const scopeName = (scope: string | null) => {
    const o = scopeObject(scope);
    return (o.object_type && names.get(`${o.object_type}:${o.object_id}`)) || scope;
  };
  return rows.map((r) => {
    const e = {
      action: r.action,
      detail: r.detail,
      objectType: r.object_type,
      objectId: r.object_id,
      objectName: (r.object_type && names.get(`${r.object_type}:${r.object_id}`)) || ownName(r.detail),
    };
    return {
      id: r.id,
      at: Number(r.at_ms),
      actorName: r.actor_name,
      actorRole: r.actor_role,
      actorScope: scopeName(r.actor_scope),
      ip: r.ip,
      requestId: r.request_id,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      result: r.result,
      detail: r.detail,
      actionLabel: auditActionLabel(r.action, r.detail),
      objectLabel: r.object_type ? auditObjectLabel(e) : null,
      summary: auditSummary(e),
    };
  });
}

/** An object without a lookup (a policy version, a project just created) may carry its name in the detail. */
const ownName = (d: Record<string, unknown> | null) => (typeof d?.name === 'string' ? d.name : null);

export async function listAuditEntries(deps: Deps, q: AuditQuery & { page: number; pageSize: number }) {
  const { items, total } = await listAudit(deps.db, { ...toFilter(q, deps.config.timeZone), page: q.page, pageSize: q.pageSize });
  return { items: await view(deps.db, items), total, page: q.page, pageSize: q.pageSize };
}

const RESULT_LABELS: Record<string, string> = { success: '成功', ok: '成功', failure: '失败', denied: '拒绝' };

/** The filtered log as xlsx, newest first, read and written a batch at a time. */
export async function exportAuditEntries(deps: Deps, ctx: ActorCtx, q: AuditQuery) {
  const tz = deps.config.timeZone;
  const filter = toFilter(q, tz);
  await recordAuditNow(deps.db, ctx, { action: 'audit.export', detail: { ...q } });
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'medium' });
  const stamp = time.format(Date.now()).slice(0, 10);
  const stream = streamWorkbook(async (wb) => {
    const ws = wb.addWorksheet('审计日志');
    addRow(ws, [`审计日志（导出于 ${time.format(Date.now())}，时区 ${tz}）`]);
    addRow(ws, ['编号', '时间', '操作人', '角色', '管辖范围', 'IP', '操作', '对象', '摘要', '结果', '请求 ID', '详情']);
    let before: number | null = null;
    for (;;) {
      const rows = await filteredBatch(deps.db, filter, before, 1000);
      if (!rows.length) break;
      for (const e of await view(deps.db, rows)) {
        addRow(ws, [
          e.id,
          time.format(e.at),
          e.actorName ?? '',
          e.actorRole ? (ROLE_LABELS[e.actorRole as Role] ?? e.actorRole) : '',
          e.actorScope ?? '',
          e.ip ?? '',
          e.actionLabel,
          e.objectLabel ?? '',
          e.summary,
          RESULT_LABELS[e.result] ?? e.result,
          e.requestId ?? '',
          e.detail ? JSON.stringify(e.detail) : '',
        ]);
      }
      before = rows[rows.length - 1]!.id;
    }
    ws.commit();
  });
  return { filename: `审计日志_${stamp}.xlsx`, stream };
}
