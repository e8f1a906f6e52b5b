// What a compliance report needs to know about the active policy, derived from the engine itself so
// that SQL never re-implements a rule: the cycle reported on (chosen, by default the last finished), and — for each number of years
// of that cycle a teacher is assessed in (new hires owe pro-rated minimums) — the cycle requirement
// of each category, and the result of a teacher with no credits at all.
import { evaluateCredits, type CreditPolicy } from '@shixun/domain';
import { invalid } from '../../http/errors.ts';

export type CyclePhase = 'past' | 'current';

export interface CycleBasis {
  policyVersion: number;
  policyName: string;
  unit: '学分' | '学时';
  asOf: string;
  /** The cycle reported on: the last finished one by default; 'current' figures are progress, not compliance. */
  cycle: { id: string; name: string; startYear: number; endYear: number; length: number; phase: CyclePhase };
  /** The cycles one may choose (begun by asOf), newest first. */
  cycles: { id: string; name: string; startYear: number; endYear: number; phase: CyclePhase }[];
  /** notAssessed: SQL derives a teacher's assessed years from hire_date with them (see compliance.repository.ts). */
  newHireYears: number;
  newHireCounting: 'from_hire_date' | 'calendar_years';
  exemptStatuses: string[];
  categories: { id: string; name: string; requiredPerCycle: number | null }[];
  /** [category id] → required hundredths, indexed by assessed years (0 … length). */
  thresholds: Record<string, number[]>;
  /** Indexed by assessed years: the result of a teacher without a standing (= without entries). */
  noCredits: { compliant: boolean; requiredH: number; missing: string[] }[];
}

// policy objects are immutable (policy.store caches one per stored version), so key on the object
const cache = new WeakMap<CreditPolicy, Map<string, CycleBasis>>();

/** The hire date that leaves exactly `years` assessed years in the cycle (or none for 0): 1 January, under either counting. */
function hireDateFor(policy: CreditPolicy, endYear: number, years: number): string {
  if (years === 0) return `${endYear + 1}-06-01`; // hired after the cycle: not assessed in it
  return `${endYear - years + 1 - policy.notAssessed.newHireYears}-01-01`;
}

/** The cycles a report may show (begun by asOf) and the default: the last finished one, else the current one. */
export function reportCycles(policy: CreditPolicy, asOf: string) {
  const year = Number(asOf.slice(0, 4));
  const begun = policy.cycles
    .filter((c) => c.startYear <= year)
    .sort((a, b) => b.startYear - a.startYear)
    .map((c) => ({
      id: c.id,
      name: c.name,
      startYear: c.startYear,
      endYear: c.endYear,
      phase: (c.endYear < year ? 'past' : 'current') as CyclePhase,
    }));
  return { cycles: begun, defaultId: (begun.find((c) => c.phase === 'past') ?? begun[0])?.id };
}

export function cycleBasis(policy: CreditPolicy, asOf: string, cycleId?: string): CycleBasis {
  if (policy.cyclesFrom !== 'fixed')
    throw invalid('当前学分政策的周期按每位教师的注册日期滚动计算，没有统一的周期可统计，请在“定期注册”中按教师各自的注册周期查看');
  const { cycles, defaultId } = reportCycles(policy, asOf);
  const id = cycleId ?? defaultId;
  const chosen = cycles.find((c) => c.id === id);
  if (!chosen) throw invalid(cycleId ? `培训周期“${cycleId}”不存在或尚未开始` : '当前学分政策还没有开始的培训周期');
  let byDate = cache.get(policy);
  if (!byDate) cache.set(policy, (byDate = new Map()));
  const hit = byDate.get(`${asOf}/${chosen.id}`);
  if (hit) return hit;
  const full = evaluateCredits(policy, {}, [], asOf);
  const current = full.cycles.find((c) => c.id === chosen.id)!;
  const length = current.endYear - current.startYear + 1;
  const thresholds: Record<string, number[]> = Object.fromEntries(policy.categories.map((c) => [c.id, [] as number[]]));
  const noCredits: CycleBasis['noCredits'] = [];
  for (let years = 0; years <= length; years++) {
    const ev = evaluateCredits(policy, { hireDate: hireDateFor(policy, current.endYear, years) }, [], asOf);
    const cycle = ev.cycles.find((c) => c.id === current.id)!;
    // the SQL in compliance.repository.ts computes assessed years the same way; check we agree
    if (cycle.assessedYears !== years) throw new Error(`内部错误：评估年数 ${cycle.assessedYears} ≠ ${years}`);
    for (const c of policy.categories) thresholds[c.id]!.push(Math.round((cycle.categories[c.id]?.required ?? 0) * 100));
    noCredits.push({ compliant: cycle.compliant, requiredH: Math.round(cycle.total.required * 100), missing: cycle.missing });
  }
  const basis: CycleBasis = {
    policyVersion: policy.version,
    policyName: policy.name,
    unit: full.unit,
    asOf,
    cycle: { id: current.id, name: current.name, startYear: current.startYear, endYear: current.endYear, length, phase: chosen.phase },
    cycles,
    newHireYears: policy.notAssessed.newHireYears,
    newHireCounting: policy.notAssessed.newHireCounting,
    exemptStatuses: [...policy.notAssessed.statuses],
    categories: policy.categories.map((c) => ({ id: c.id, name: c.name, requiredPerCycle: policy.requirements[c.id]?.perCycle ?? null })),
    thresholds,
    noCredits,
  };
  if (byDate.size > 10) byDate.clear();
  byDate.set(`${asOf}/${chosen.id}`, basis);
  return basis;
}
