// 训后评估 as data: checking a trainee's answers against the project's questions, and the aggregate
// that institutions and organisers see. Below MIN_RESPONSES answers nothing but the count is shown:
// with two answers, a trainee's classmate could tell who wrote what.
import { chinaToday } from './view.ts';

export interface Question {
  id: string;
  text: string;
  kind: 'rating' | 'text';
}
export type Answers = Record<string, number | string>;
export const MIN_RESPONSES = 3;
const MAX_TEXT = 500;

/** The answers to store (only the project's questions, trimmed), or a Chinese complaint. */
export function checkAnswers(questions: Question[], given: Record<string, unknown>): { answers: Answers } | { error: string } {
  const known = new Set(questions.map((q) => q.id));
  if (Object.keys(given).some((k) => !known.has(k))) return { error: '评估内容与项目的问题不一致，请刷新页面后重新填写' };
  const answers: Answers = {};
  for (const q of questions) {
    const v = given[q.id];
    if (q.kind === 'rating') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5) return { error: `请为“${q.text}”打分（1–5 分）` };
      answers[q.id] = v;
    } else {
      if (v !== undefined && v !== null && typeof v !== 'string') return { error: `“${q.text}”应填写文字` };
      const t = typeof v === 'string' ? v.trim() : '';
      if (t.length > MAX_TEXT) return { error: `“${q.text}”不能超过 ${MAX_TEXT} 个字` };
      if (t) answers[q.id] = t;
    }
  }
  return { answers };
}

export interface QuestionSummary {
  id: string;
  text: string;
  kind: 'rating' | 'text';
  /** rating: the average (two decimals) and how many gave 1 … 5 */
  average?: number | null;
  answered: number;
  distribution?: number[];
  /** text: the answers, in an order that says nothing about who or when (sorted) */
  answers?: string[];
}

export function summarizeAnswers(questions: Question[], rows: Answers[]) {
  const count = rows.length;
  if (count < MIN_RESPONSES) {
    return {
      count,
      hidden: true,
      minimum: MIN_RESPONSES,
      message: `已收到 ${count} 份评估。为保护学员匿名，少于 ${MIN_RESPONSES} 份时不显示统计结果`,
      questions: questions.map((q) => ({ id: q.id, text: q.text, kind: q.kind, answered: 0 })) as QuestionSummary[],
    };
  }
  const questionsOut: QuestionSummary[] = questions.map((q) => {
    const vals = rows.map((r) => r[q.id]).filter((v) => v !== undefined);
    if (q.kind === 'rating') {
      const nums = vals.filter((v): v is number => typeof v === 'number');
      const distribution = [1, 2, 3, 4, 5].map((k) => nums.filter((n) => n === k).length);
      const average = nums.length ? Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100 : null;
      return { id: q.id, text: q.text, kind: q.kind, average, answered: nums.length, distribution };
    }
    const texts = vals.filter((v): v is string => typeof v === 'string' && v.length > 0).sort((a, b) => a.localeCompare(b, 'zh'));
    return { id: q.id, text: q.text, kind: q.kind, answered: texts.length, answers: texts };
  });
  return { count, hidden: false, minimum: MIN_RESPONSES, message: null, questions: questionsOut };
}

/** Whether the trainee may answer now, and if not, why (in Chinese). */
export function evaluationOpen(
  e: { status: string; class_id: number | null; result: string | null; evaluated: boolean },
  p: { end_date: string; evaluation_questions: Question[] },
) {
  if (e.evaluated) return { open: false, reason: '您已提交训后评估，感谢您的反馈' };
  if (!p.evaluation_questions.length) return { open: false, reason: '该项目未设置训后评估' };
  if (e.status !== 'assigned' || e.class_id === null) return { open: false, reason: '分配到班级并参加培训后才能填写训后评估' };
  if (!e.result && chinaToday() < p.end_date) return { open: false, reason: `训后评估在培训结束（${p.end_date}）后开放` };
  return { open: true, reason: null };
}
