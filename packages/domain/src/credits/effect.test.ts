import { describe, expect, it } from 'vitest';
import { creditEffect } from './effect.ts';
import { GUANGXI_POLICY as GX, type CreditPolicy } from './index.ts';
import { entry, guangxiYear } from './testing.ts';

const teacher = { hireDate: '2012-09-01', status: '在职' };
const elective = (amount: number, category = 'self_elective') => ({
  date: '2026-04-01',
  year: 2026,
  category,
  form: 'online' as const,
  amount,
  level: 'province' as const,
});
// the Guangxi rules with a yearly cap on 自主选修 (as some provinces have): 4 a year count toward the total
const CAPPED: CreditPolicy = { ...GX, id: 'capped', caps: { self_elective: { perYear: 4 } } };

describe('creditEffect: what an elective would do for the teacher (the engine run with and without it)', () => {
  it('a teacher with nothing yet: fills part of the 十五五 gaps and the year total', () => {
    const r = creditEffect(GX, teacher, [], '2026-04-01', elective(6));
    expect(r.counted).toBe(6);
    expect(r.cycleId).toBe('fyp15');
    expect(r.statements).toContain('可计入十五五周期集中培训和远程培训 6 学分（仍差 64 学分）');
    expect(r.statements).toContain('可计入十五五周期学分合计 6 学分（仍差 114 学分）');
    expect(r.statements).toContain('可计入2026 年度学分合计 6 学分（仍差 10 学分）');
  });

  it('closes a gap exactly: «可补足…还差的 n 学分»', () => {
    const have = [entry({ year: 2026, date: '2026-03-01', category: 'public_required', form: 'online', amount: 10 })];
    const r = creditEffect(GX, teacher, have, '2026-04-01', elective(6));
    expect(r.statements).toContain('可补足2026 年度学分合计还差的 6 学分');
  });

  it('a cap already reached: «本年度自主选修已达上限 4 学分，超出部分不计入», nothing counts', () => {
    const have = [entry({ year: 2026, date: '2026-02-01', category: 'self_elective', form: 'online', amount: 4 })];
    const r = creditEffect(CAPPED, teacher, have, '2026-04-01', elective(3));
    expect(r.counted).toBe(0);
    expect(r.statements[0]).toBe('本年度自主选修已达上限 4 学分，超出部分不计入');
    // the total does not move (the engine keeps capped credits out of it); the form group still counts them
    expect(r.statements.some((s) => s.includes('学分合计'))).toBe(false);
  });

  it('a cap partly free: only the part under it counts', () => {
    const have = [entry({ year: 2026, date: '2026-02-01', category: 'self_elective', form: 'online', amount: 3 })];
    const r = creditEffect(CAPPED, teacher, have, '2026-04-01', elective(3));
    expect(r.counted).toBe(1);
    expect(r.statements[0]).toBe('本年度自主选修上限 4 学分，本课程只有 1 学分计入，超出部分不计入');
  });

  it('every requirement already met: says so instead of inventing a gap', () => {
    const have = [0, 1, 2, 3, 4].flatMap((i) => guangxiYear(2026 + i)).map((e) => ({ ...e, date: `${e.year}-01-10` }));
    const r = creditEffect(GX, teacher, have, '2030-06-01', { ...elective(2), year: 2030, date: '2030-06-01' });
    expect(r.statements).toEqual(['计入十五五周期自主选修 2 学分；您在该周期的各项要求已经满足']);
  });

  it('a new hire in their first year is not assessed: the credit is still recorded', () => {
    const r = creditEffect(GX, { hireDate: '2026-03-01', status: '在职' }, [], '2026-04-01', elective(2));
    expect(r.statements).toEqual(['您在 2026 年不在学分考核范围内，学分仍会记入学分明细']);
  });
});
