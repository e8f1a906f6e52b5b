// Cells of the 我的学分 table and the sentences that say what a cell still lacks.
import { formatHundredths, fromHundredths, type Hundredths } from './amounts.ts';
import type { CreditCell, CreditStatus } from './types.ts';

/** Where a year or a cycle stands relative to asOf. */
export type Phase = 'past' | 'current' | 'future';

export function phaseOf(first: number, last: number, asOfYear: number): Phase {
  if (last < asOfYear) return 'past';
  if (first > asOfYear) return 'future';
  return 'current';
}

/**
 * The legend's order of precedence: time first (a future year has not started, whatever it
 * requires), then whether anything is asked of the teacher, then whether it is met.
 */
export function statusOf(phase: Phase, assessed: boolean, required: Hundredths, counted: Hundredths): CreditStatus {
  if (phase === 'future') return 'not_started';
  if (!assessed || required <= 0) return 'not_required';
  if (counted >= required) return 'completed';
  return phase === 'current' ? 'in_progress' : 'incomplete';
}

/** A cell computed in hundredths; `required` is already zero where the teacher is not assessed. */
export interface RawCell {
  id: string;
  name: string;
  earned: Hundredths;
  counted: Hundredths;
  required: Hundredths;
  status: CreditStatus;
}

export function rawCell(
  id: string,
  name: string,
  earned: Hundredths,
  counted: Hundredths,
  required: Hundredths,
  phase: Phase,
  assessed: boolean,
): RawCell {
  const req = assessed ? required : 0;
  return { id, name, earned, counted, required: req, status: statusOf(phase, assessed, req, counted) };
}

export function toCell(c: RawCell): CreditCell {
  return { ...c, earned: fromHundredths(c.earned), counted: fromHundredths(c.counted), required: fromHundredths(c.required) };
}

export function toCells(cells: readonly RawCell[]): Record<string, CreditCell> {
  return Object.fromEntries(cells.map((c) => [c.id, toCell(c)]));
}

/** «2024 年校本研修还差 3 学分» — only for what is still open or failed. */
export function missingSentence(when: string, c: RawCell, unit: string): string | undefined {
  if (c.status !== 'in_progress' && c.status !== 'incomplete') return undefined;
  return `${when}${c.name}还差 ${formatHundredths(c.required - c.counted)} ${unit}`;
}

/** A cycle's status summarises its cells: one failure fails it; anything open keeps it in progress. */
export function summarise(phase: Phase, assessed: boolean, statuses: readonly CreditStatus[]): CreditStatus {
  if (phase === 'future') return 'not_started';
  if (!assessed || statuses.every((s) => s === 'not_required')) return 'not_required';
  if (statuses.includes('incomplete')) return 'incomplete';
  if (statuses.some((s) => s === 'in_progress' || s === 'not_started')) return 'in_progress';
  return 'completed';
}
