import { describe, expect, it } from 'vitest';
import {
  CREDIT_POLICIES,
  CreditPolicyError,
  evaluateCredits,
  GUANGXI_POLICY as GX,
  parseCreditPolicy,
  SHANGHAI_STYLE_POLICY as SH,
  validateCreditPolicy,
} from './index.ts';

const edit = (patch: Record<string, unknown>): unknown => ({ ...structuredClone(GX), ...patch });

describe('credit policy validation', () => {
  it('accepts the three shipped policies, also after a trip through JSON (they are data)', () => {
    for (const p of CREDIT_POLICIES) {
      expect(validateCreditPolicy(p)).toEqual([]);
      expect(parseCreditPolicy(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, policy: p });
    }
  });

  it('explains shape errors in Chinese, with where they are', () => {
    const { version: _v, ...noVersion } = structuredClone(GX);
    expect(validateCreditPolicy(noVersion)).toEqual(['version：缺少此项']);
    expect(validateCreditPolicy(edit({ unit: '小时' }))).toEqual(['unit：单位必须是 credit（学分）或 hour（学时）']);
    expect(validateCreditPolicy(edit({ total: { perYear: -1, perCycle: 120 } }))).toEqual(['total.perYear：每年数量不能为负数']);
    expect(validateCreditPolicy(edit({ total: { perYear: 16.005 } }))).toEqual(['total.perYear：每年数量最多保留两位小数']);
    expect(validateCreditPolicy(edit({ cycle: [] }))).toEqual(['政策：不认识的字段：cycle']);
    expect(validateCreditPolicy(null)).toEqual(['政策：类型不对，应为对象']);
  });

  it('finds overlapping cycles', () => {
    const cycles = [
      { id: 'fyp13', name: '十三五', startYear: 2016, endYear: 2020 },
      ...GX.cycles.slice(0, 1),
      { id: 'x', name: '其他', startYear: 2025, endYear: 2026 },
    ];
    expect(validateCreditPolicy(edit({ cycles }))).toEqual(['周期“十四五”（2021–2025）与“其他”（2025–2026）的年份重叠']);
    expect(validateCreditPolicy(edit({ cycles: [] }))).toEqual(['至少要有一个培训周期（或把周期来源设为按注册日期滚动）']);
  });

  it('finds references to categories that do not exist', () => {
    const errors = validateCreditPolicy(
      edit({
        requirements: { ...GX.requirements, research: { perCycle: 5 } },
        groups: [{ id: 'g', name: '科研', categories: ['research'], perCycle: 5 }],
      }),
    );
    expect(errors).toEqual(['学分要求中引用了未定义的学分类型“research”', '分组“科研”引用了未定义的学分类型“research”']);
  });

  it('refuses yearly minimums larger than the cycle’s and caps below a requirement', () => {
    expect(validateCreditPolicy(edit({ requirements: { public_required: { perYear: 8, perCycle: 6 } } }))).toEqual([
      '“公共必修”每年要求 8 超过了每周期要求 6',
    ]);
    expect(
      validateCreditPolicy(edit({ requirements: { public_required: { perYear: 6 } }, caps: { public_required: { perYear: 4 } } })),
    ).toEqual(['“公共必修”每年上限 4 低于要求 6，要求永远无法满足']);
    expect(validateCreditPolicy(edit({ total: { perYear: 130, perCycle: 120 } }))).toEqual(['总学分每年要求 130 超过了每周期要求 120']);
  });

  it('refuses level minimums that overlap or exceed the cycle total', () => {
    const levelMinimums = [...SH.levelMinimums, { id: 'more', name: '国家级', levels: ['national'], perCycle: 10 }];
    expect(validateCreditPolicy({ ...structuredClone(SH), levelMinimums })).toEqual([
      '各级别最低要求之和 40 超过了周期总要求 36',
      '级别“national”出现在多个级别要求中',
    ]);
  });

  it('reads a stored document without the new fields as before (fixed cycles, new hires by calendar year)', () => {
    const { cyclesFrom: _c, registration: _r, ...old } = structuredClone(GX);
    const parsed = parseCreditPolicy({ ...old, notAssessed: { newHireYears: 1, statuses: ['退休'] } });
    expect(parsed.ok && [parsed.policy.cyclesFrom, parsed.policy.registration, parsed.policy.notAssessed.newHireCounting]).toEqual([
      'fixed',
      undefined,
      'calendar_years',
    ]);
  });

  it('will not evaluate with a policy that fails validation', () => {
    const bad = { ...structuredClone(GX), requirements: { nope: { perYear: 1 } } };
    expect(() => evaluateCredits(bad, {}, [], '2024-01-01')).toThrow(CreditPolicyError);
    expect(() => evaluateCredits(bad, {}, [], '2024-01-01')).toThrow(/学分政策无效：学分要求中引用了未定义的学分类型“nope”/);
    expect(() => evaluateCredits(GX, {}, [], '2024/01/01')).toThrow(RangeError);
  });
});
