// What zod cannot see: rules that relate one part of a policy to another. A policy that passes
// these can always be met by some teacher, and the engine never meets a dangling reference.
import type { CreditPolicy } from './policy.ts';

type PerScope = { perYear?: number; perCycle?: number };

function duplicates(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((x, i) => ids.indexOf(x) !== i))];
}

/** One year's minimum cannot exceed the whole cycle's. */
function yearFitsCycle(label: string, s: PerScope | undefined, errors: string[]) {
  if (s?.perYear !== undefined && s.perCycle !== undefined && s.perYear > s.perCycle) {
    errors.push(`${label}每年要求 ${s.perYear} 超过了每周期要求 ${s.perCycle}`);
  }
}

export function semanticPolicyErrors(p: CreditPolicy): string[] {
  const errors: string[] = [];
  const categoryIds = new Set(p.categories.map((c) => c.id));
  const categoryName = (id: string) => p.categories.find((c) => c.id === id)?.name ?? id;

  for (const [what, ids] of [
    ['培训周期', p.cycles.map((c) => c.id)],
    ['学分类型', p.categories.map((c) => c.id)],
    ['分组', p.groups.map((g) => g.id)],
    ['级别要求', p.levelMinimums.map((l) => l.id)],
    ['申报类型', p.claimTypes.map((t) => t.id)],
  ] as const) {
    for (const d of duplicates(ids)) errors.push(`${what}标识“${d}”重复了`);
  }

  for (const t of p.claimTypes) {
    if (!categoryIds.has(t.category)) errors.push(`申报类型“${t.name}”的学分类型“${t.category}”不在学分类型列表中`);
  }

  for (const c of p.cycles) {
    if (c.endYear < c.startYear) errors.push(`周期“${c.name}”的结束年份 ${c.endYear} 早于开始年份 ${c.startYear}`);
    if (c.shownStartYear !== undefined && c.shownStartYear > c.startYear) {
      errors.push(`周期“${c.name}”的显示起始年份 ${c.shownStartYear} 不能晚于开始年份 ${c.startYear}`);
    }
  }
  if (p.cyclesFrom === 'fixed' && p.cycles.length === 0) errors.push('至少要有一个培训周期（或把周期来源设为按注册日期滚动）');
  if (p.cyclesFrom === 'registration') {
    if (!p.registration) errors.push('周期按注册日期滚动时，必须设定定期注册规则（registration）');
    if (p.cycles.length) errors.push('周期按注册日期滚动时，不能再列固定周期');
    // a window starts on any day of the year: a yearly minimum would judge years the window only touches
    const yearly = [p.total.perYear, ...Object.values(p.requirements).map((r) => r.perYear), ...p.groups.map((g) => g.perYear)].some(
      (x) => x !== undefined,
    );
    if (yearly) errors.push('周期按注册日期滚动时，不能设每年最低要求（窗口从任意一天开始）');
  }
  const sorted = [...p.cycles].sort((a, b) => a.startYear - b.startYear);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.startYear <= a.endYear) {
      errors.push(`周期“${a.name}”（${a.startYear}–${a.endYear}）与“${b.name}”（${b.startYear}–${b.endYear}）的年份重叠`);
    }
  }

  for (const [what, record] of [
    ['学分要求', p.requirements],
    ['学分上限', p.caps],
  ] as const) {
    for (const key of Object.keys(record)) {
      if (!categoryIds.has(key)) errors.push(`${what}中引用了未定义的学分类型“${key}”`);
    }
  }
  for (const g of p.groups) {
    for (const c of g.categories ?? []) {
      if (!categoryIds.has(c)) errors.push(`分组“${g.name}”引用了未定义的学分类型“${c}”`);
    }
    if (!g.forms?.length && !g.categories?.length) errors.push(`分组“${g.name}”必须指定培训形式或学分类型`);
    if (g.perYear === undefined && g.perCycle === undefined) errors.push(`分组“${g.name}”没有设定最低要求`);
  }

  yearFitsCycle('总学分', p.total, errors);
  for (const [key, req] of Object.entries(p.requirements)) yearFitsCycle(`“${categoryName(key)}”`, req, errors);
  for (const g of p.groups) yearFitsCycle(`分组“${g.name}”`, g, errors);
  for (const [key, cap] of Object.entries(p.caps)) {
    const label = `“${categoryName(key)}”`;
    if (cap.perYear === undefined && cap.perCycle === undefined) errors.push(`${label}的上限没有设定数量`);
    if (cap.perYear !== undefined && cap.perCycle !== undefined && cap.perYear > cap.perCycle) {
      errors.push(`${label}每年上限 ${cap.perYear} 超过了每周期上限 ${cap.perCycle}`);
    }
    // A cap below the requirement of the same category would make that requirement unreachable.
    const req = p.requirements[key];
    for (const scope of ['perYear', 'perCycle'] as const) {
      const [c, r] = [cap[scope], req?.[scope]];
      if (c !== undefined && r !== undefined && c < r) {
        errors.push(`${label}${scope === 'perYear' ? '每年' : '每周期'}上限 ${c} 低于要求 ${r}，要求永远无法满足`);
      }
    }
  }

  const cycleTotal = p.total.perCycle;
  if (cycleTotal !== undefined) {
    for (const g of p.groups) {
      if (g.perCycle !== undefined && g.perCycle > cycleTotal) {
        errors.push(`分组“${g.name}”每周期要求 ${g.perCycle} 超过了周期总要求 ${cycleTotal}`);
      }
    }
    const levelSum = p.levelMinimums.reduce((s, l) => s + l.perCycle, 0);
    if (levelSum > cycleTotal) errors.push(`各级别最低要求之和 ${levelSum} 超过了周期总要求 ${cycleTotal}`);
  }
  // A level counted by two minimums would let one credit satisfy both: the rule must say which.
  const levels = p.levelMinimums.flatMap((l) => l.levels);
  for (const d of duplicates(levels)) errors.push(`级别“${d}”出现在多个级别要求中`);
  return errors;
}
