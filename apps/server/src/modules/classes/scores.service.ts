// Score writing, shared by the inline entry and the spreadsheet import: one transaction for the
// scores, the 总成绩/合格 they give, and completion (credits + certificate, or their reversal). The
// class row is locked first, so two admins saving the same class run one after the other; a save
// that changes nothing writes nothing (no event, no audit, no credit).
import type { classScores } from '@shixun/contracts';
import type { z } from 'zod';
import type { Deps, Executor, RequestCtx } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { addEvents } from '../enrollments/events.ts';
import { categoryName } from './classes.service.ts';
import { ownClass, type ClassRow } from './classes.repository.ts';
import { completePass, reissue, undoPass, type Trainee } from './completion.ts';
import { setCompletion, updateScores } from '../enrollments/placement.repository.ts';
import { lockTraineeScores } from './scores.repository.ts';
import { sameScore, scoreError, totalOf } from './scores.ts';

/** undefined: leave as it is; null: clear (only before a result exists). */
export interface ScoreItem {
  enrollmentId: number;
  onsite?: number | null;
  online?: number | null;
  /** 学习进度 % (自主选学); undefined: leave as it is */
  progress?: number | null;
}
export type Completion = 'passed' | 'reversed' | 'reissued' | null;
export interface ScoreOutcome {
  enrollmentId: number;
  status: 'updated' | 'unchanged';
  totalScore: number | null;
  result: 'passed' | 'failed' | null;
  completion: Completion;
}

/** Throws the first problem of a hand-entered list in Chinese; the import checks its rows itself. */
export function checkItems(items: ScoreItem[]) {
  const seen = new Set<number>();
  for (const it of items) {
    if (seen.has(it.enrollmentId)) throw invalid(`学员编号 ${it.enrollmentId} 重复出现`);
    seen.add(it.enrollmentId);
    for (const [label, v] of [
      ['集中学习', it.onsite],
      ['网络学习', it.online],
    ] as const) {
      const err = v === null || v === undefined ? null : scoreError(label, v);
      if (err) throw invalid(`学员编号 ${it.enrollmentId}：${err}`);
    }
  }
}

export async function applyScores(
  trx: Executor,
  ctx: RequestCtx,
  c: ClassRow,
  items: ScoreItem[],
  source: 'entry' | 'import' = 'entry',
): Promise<ScoreOutcome[]> {
  const actor = ctx.actor;
  if (!actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  const who = { id: actor.userId, name: actor.name, institution: c.institution_name };
  // the institution is the «who» of the timeline rows
  const events = { userId: actor.userId, name: c.institution_name };
  const ids = items.map((i) => i.enrollmentId);
  const rows = ids.length ? await lockTraineeScores(trx, c.id, ids) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const stranger = ids.filter((id) => !byId.has(id));
  if (stranger.length) throw invalid(`学员编号 ${stranger.join('、')} 不是本班学员，成绩未保存`);
  const category = await categoryName(trx, c.credit_category);
  const out: ScoreOutcome[] = [];
  for (const it of items) {
    const cur = byId.get(it.enrollmentId)!;
    const onsite = it.onsite === undefined ? cur.onsite_score : it.onsite;
    const online = it.online === undefined ? cur.online_score : it.online;
    const progress = it.progress === undefined ? cur.progress : it.progress;
    if (sameScore(onsite, cur.onsite_score) && sameScore(online, cur.online_score) && progress === cur.progress) {
      out.push({ enrollmentId: cur.id, status: 'unchanged', totalScore: cur.total_score, result: cur.result, completion: null });
      continue;
    }
    const scored = totalOf(
      { onsite_weight: c.onsite_weight, online_weight: c.online_weight, pass_mark: Number(c.pass_mark) },
      { onsite, online },
    );
    const total = scored.total;
    if (cur.result && total === null)
      throw invalid(`${cur.name}已评定为${cur.result === 'passed' ? '合格' : '不合格'}，成绩不能清空，请直接修改分数`);
    const result = passRule(c, scored.result, progress, cur.result);
    await updateScores(trx, cur.id, { onsite, online, total, result, progress });
    const reason =
      (progress !== cur.progress ? `学习进度 ${progress ?? '—'}%，` : '') +
      `集中学习 ${onsite ?? '—'}，网络学习 ${online ?? '—'}${total === null ? '' : `，总成绩 ${total}`}`;
    await addEvents(trx, events, [cur.id], { action: 'scored', level: null, reason });
    const t: Trainee = {
      id: cur.id,
      teacher_id: cur.teacher_id,
      onsite,
      online,
      total: total ?? 0,
      credit_entry_id: cur.credit_entry_id,
      certificate_id: cur.certificate_id,
      progress,
    };
    let completion: Completion = null;
    if (result === 'passed' && cur.result !== 'passed') {
      const done = await completePass(trx, ctx, c, t, who, category);
      await setCompletion(trx, cur.id, done);
      completion = 'passed';
    } else if (result !== 'passed' && cur.result === 'passed') {
      await undoPass(trx, ctx, c, t, who, total);
      completion = 'reversed';
    } else if (result === 'passed' && total !== cur.total_score) {
      const certificateId = await reissue(trx, ctx, c, t, who, category);
      await setCompletion(trx, cur.id, { certificateId });
      completion = 'reissued';
    } else if (result === 'failed' && cur.result !== 'failed') {
      const why =
        scored.result === 'passed'
          ? `学习进度 ${progress ?? 0}%，未达到 ${c.min_progress}% 的要求，不合格`
          : `总成绩 ${total}，不合格（合格线 ${Number(c.pass_mark)}）`;
      await addEvents(trx, events, [cur.id], { action: 'failed', level: null, reason: why });
    }
    out.push({ enrollmentId: cur.id, status: 'updated', totalScore: total, result, completion });
  }
  const updated = out.filter((o) => o.status === 'updated');
  if (updated.length) {
    await recordAudit(trx, ctx, {
      action: 'class.scores.save',
      objectType: 'training_class',
      objectId: c.id,
      detail: {
        source,
        updated: updated.length,
        enrollmentIds: updated.map((o) => o.enrollmentId).slice(0, 200),
        passed: updated.filter((o) => o.completion === 'passed').length,
        reversed: updated.filter((o) => o.completion === 'reversed').length,
      },
    });
  }
  return out;
}

/**
 * 自主选学's pass rule adds learning progress (学习进度 ≥ min_progress %) to the score: a passing score
 * with too little progress is not yet assessed (学习中), or a fail when it had passed before (the
 * institution corrected the progress: the pass is taken back like a corrected score).
 */
function passRule(
  c: ClassRow,
  byScore: 'passed' | 'failed' | null,
  progress: number | null,
  before: 'passed' | 'failed' | null,
): 'passed' | 'failed' | null {
  if (c.min_progress === null || byScore !== 'passed' || (progress ?? 0) >= c.min_progress) return byScore;
  return before === null ? null : 'failed';
}

export function summarize(out: ScoreOutcome[]) {
  return {
    updated: out.filter((o) => o.status === 'updated').length,
    unchanged: out.filter((o) => o.status === 'unchanged').length,
    passed: out.filter((o) => o.completion === 'passed').length,
    reversed: out.filter((o) => o.completion === 'reversed').length,
    reissued: out.filter((o) => o.completion === 'reissued').length,
  };
}

export async function saveScores(deps: Deps, ctx: ActorCtx, classId: number, body: z.output<typeof classScores.scoresBody>) {
  const items: ScoreItem[] = body.items.map((i) => ({
    enrollmentId: i.enrollmentId,
    onsite: i.onsiteScore,
    online: i.onlineScore,
    progress: i.progress,
  }));
  checkItems(items);
  return deps.db.transaction().execute(async (trx) => {
    const c = await ownClass(trx, ctx.actor, classId, true);
    const out = await applyScores(trx, ctx, c, items);
    return { ...summarize(out), items: out };
  });
}
