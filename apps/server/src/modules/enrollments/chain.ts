// The review chain of an enrolment (遴选 / 申报 → 审核), as plain data: which admin levels act, in
// which order, for a project of a given level. Hebei: 区县遴选并提交 → 市级审核并提交 → 省级审核;
// shorter for lower levels. The school is the first step of a teacher's own application (it knows
// the teacher); an admin's selection counts as the selecting level's step.
import type { ProjectLevel } from '../../db/types.ts';
import type { ReviewStage } from '../org/org.ts';

export type { ReviewStage };
export type Stage = ReviewStage | 'done';

export const STAGE_LABELS: Record<Stage, string> = { school: '学校', county: '区县', city: '市级', province: '省级', done: '已完成' };

/** Every level that reviews, in order, for a project of this level. */
export function reviewChain(level: ProjectLevel): ReviewStage[] {
  switch (level) {
    case 'national':
    case 'province':
      return ['school', 'county', 'city', 'province'];
    case 'city':
      return ['school', 'county', 'city'];
    case 'county':
      return ['school', 'county'];
    case 'school':
      return ['school'];
  }
}

/** The stage after `acted` approved: the next level, or 'done' when it was the last. */
export function stageAfter(level: ProjectLevel, acted: ReviewStage): Stage {
  const chain = reviewChain(level);
  const i = chain.indexOf(acted);
  if (i < 0) throw new Error(`${acted} is not in the review chain of a ${level} project`);
  return chain[i + 1] ?? 'done';
}

/**
 * Where a new enrolment waits first. A teacher's application starts at the chain's first level; an
 * admin's selection is that level's step already taken (a county selecting for a province project
 * has "submitted" it: the city acts next). null: that level has no place in this project's chain.
 */
export function firstStage(level: ProjectLevel, origin: 'applied' | 'selected', selector?: ReviewStage): Stage | null {
  const chain = reviewChain(level);
  if (origin === 'applied') return chain[0]!;
  if (!selector || !chain.includes(selector)) return null;
  return stageAfter(level, selector);
}

/** Whether an approval at `acted` moves the enrolment on (提交至上级) or completes it (审核通过). */
export function approvalAction(level: ProjectLevel, acted: ReviewStage): 'submitted' | 'approved' {
  return stageAfter(level, acted) === 'done' ? 'approved' : 'submitted';
}
