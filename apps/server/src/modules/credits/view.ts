// What the 我的学分 table is drawn from: the policy as the page needs it, ledger rows as the drawer
// shows them, and the mapping from a clicked cell to the entries behind it.
import { CREDIT_UNIT_LABELS, type CreditPolicy } from '@shixun/domain';
import { invalid } from '../../http/errors.ts';
import type { EntriesQuery } from './credits.schema.ts';
import type { EntryFilter, EntryRow } from './entries.repository.ts';

export function policyView(policy: CreditPolicy) {
  return {
    id: policy.id,
    version: policy.version,
    name: policy.name,
    unit: CREDIT_UNIT_LABELS[policy.unit],
    hoursPerCredit: policy.hoursPerCredit,
    rulesText: policy.rulesText,
    categories: policy.categories.map((c) => {
      const r = policy.requirements[c.id];
      return { id: c.id, name: c.name, required: Boolean(r?.perYear || r?.perCycle) };
    }),
    cycles: policy.cycles.map((c) => ({
      id: c.id,
      name: c.name,
      startYear: c.startYear,
      endYear: c.endYear,
      shownStartYear: c.shownStartYear ?? c.startYear,
    })),
    // what each check selects, so a page holding all entries can open a check's entries itself
    groups: policy.groups.map((g) => ({ id: g.id, name: g.name, forms: g.forms ?? null, categories: g.categories ?? null })),
    levelMinimums: policy.levelMinimums.map((l) => ({ id: l.id, name: l.name, levels: l.levels })),
  };
}
export type PolicyView = ReturnType<typeof policyView>;

const fromH = (h: number | null) => (h === null ? null : h / 100);

export function entryView(policy: CreditPolicy, r: EntryRow) {
  return {
    id: r.id,
    date: r.entry_date,
    year: r.year,
    title: r.title,
    category: r.category,
    categoryName: policy.categories.find((c) => c.id === r.category)?.name ?? r.category,
    form: r.form,
    amount: r.amount_h / 100,
    hours: fromH(r.hours_h),
    source: r.source,
    level: r.level,
    certifierName: r.certifier_name,
    certifierUnit: r.certifier_unit,
    reason: r.reason,
    reversalOf: r.reversal_of,
    reversedBy: r.reversed_by_id === null ? null : { id: r.reversed_by_id, date: r.reversed_on, reason: r.reversed_reason },
    createdAt: r.created_at,
  };
}
export type EntryView = ReturnType<typeof entryView>;

/** A cell of the page (cycle or year × category, group or level check) as a ledger filter. */
export function cellFilter(policy: CreditPolicy, q: EntriesQuery): EntryFilter {
  const f: EntryFilter = {};
  if (q.cycleId !== undefined) {
    const c = policy.cycles.find((x) => x.id === q.cycleId);
    if (!c) throw invalid('培训周期不存在');
    f.fromYear = c.startYear;
    f.toYear = c.endYear;
  }
  if (q.year !== undefined) {
    if ((f.fromYear !== undefined && q.year < f.fromYear) || (f.toYear !== undefined && q.year > f.toYear))
      throw invalid('年份不在所选培训周期内');
    f.fromYear = f.toYear = q.year;
  }
  if (q.category !== undefined && q.category !== 'total') {
    if (!policy.categories.some((c) => c.id === q.category)) throw invalid('学分类型不存在');
    f.category = q.category;
  }
  if (q.group !== undefined) {
    const g = policy.groups.find((x) => x.id === q.group);
    const l = policy.levelMinimums.find((x) => x.id === q.group);
    if (g) {
      if (g.forms) f.forms = g.forms;
      if (g.categories) f.categories = g.categories;
    } else if (l) f.levels = l.levels;
    else throw invalid('分项要求不存在');
  }
  return f;
}
