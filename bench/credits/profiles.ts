// Credit histories for the province-sized data set. Each generated teacher follows one of K
// "profiles" (a fixed list of ledger lines) and has one hire year and one personnel status, all
// derived from the teacher's sequence number by the same formulas in SQL (generate.ts) and here.
// That is what makes summaries and standings consistent with the ledger while still being made in
// SQL: the engine runs once per (profile, hire year, status) combination in this process, and SQL
// copies the result to every teacher of that combination.
import type { CreditEntryFact } from '@shixun/domain';

export const PROFILES = 64;
export const HIRE_YEARS = { from: 1986, to: 2026 } as const;

/** Deterministic pseudo-random numbers (mulberry32), so a data set can be regenerated identically. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ProfileEntry {
  profile: number;
  n: number;
  year: number;
  entryDate: string;
  category: string;
  form: CreditEntryFact['form'];
  level: CreditEntryFact['level'];
  amountH: number;
  hoursH: number | null;
  source: string;
  title: string;
}

const KINDS = [
  { category: 'public_required', form: 'online', source: 'project', title: '师德师风与法治教育（远程）' },
  { category: 'public_required', form: 'onsite', source: 'project', title: '新课标解读集中培训' },
  { category: 'professional_elective', form: 'onsite', source: 'project', title: '学科教学能力提升培训' },
  { category: 'professional_elective', form: 'online', source: 'elective', title: '信息技术应用能力提升' },
  { category: 'self_elective', form: 'online', source: 'elective', title: '自主选学课程' },
  { category: 'self_elective', form: 'other', source: 'claim', title: '公开发表教育教学论文' },
  { category: 'school_based', form: 'school_based', source: 'school_based', title: '校本研修：集体备课' },
  { category: 'school_based', form: 'school_based', source: 'school_based', title: '校本研修：听评课' },
] as const;
const LEVELS = ['national', 'province', 'city', 'county'] as const;
const AMOUNTS_H = [50, 100, 150, 200, 250, 300, 400, 600];

/**
 * `perTeacher` ledger lines per profile over 2021 – `lastYear` (the last cycle and the current one).
 * Lines of the current year are dated no later than `asOf`.
 */
export function profileEntries(perTeacher: number, asOf: string): ProfileEntry[] {
  const lastYear = Number(asOf.slice(0, 4));
  const lastMonth = Number(asOf.slice(5, 7));
  const out: ProfileEntry[] = [];
  for (let p = 0; p < PROFILES; p++) {
    const r = rng(1000 + p);
    // some profiles study a lot, some little: the reports then have something to show
    const diligence = 0.4 + (p % 8) * 0.2;
    for (let n = 1; n <= perTeacher; n++) {
      const year = 2021 + Math.floor(r() * (lastYear - 2021 + 1));
      const kind = KINDS[Math.floor(r() * KINDS.length)]!;
      const month = 1 + Math.floor(r() * (year === lastYear ? Math.max(1, lastMonth - 1) : 12));
      const amountH = Math.round((AMOUNTS_H[Math.floor(r() * AMOUNTS_H.length)]! * diligence) / 50) * 50 || 50;
      out.push({
        profile: p,
        n,
        year,
        entryDate: `${year}-${String(month).padStart(2, '0')}-15`,
        category: kind.category,
        form: kind.form,
        level: kind.category === 'school_based' ? 'school' : LEVELS[Math.floor(r() * LEVELS.length)]!,
        amountH,
        hoursH: kind.source === 'project' ? amountH * 3 : null,
        source: kind.source,
        title: kind.title,
      });
    }
  }
  return out;
}

export function factsOf(entries: ProfileEntry[]): CreditEntryFact[] {
  return entries.map((e) => ({
    id: `p${e.profile}-${e.n}`,
    date: e.entryDate,
    year: e.year,
    category: e.category,
    form: e.form,
    amount: e.amountH / 100,
    hours: e.hoursH === null ? undefined : e.hoursH / 100,
    level: e.level,
  }));
}

// The SQL twins of these three live in generate.ts (teacherSql): keep them in step.
export const profileOf = (i: number) => (i * 7) % PROFILES;
export const hireYearOf = (i: number) => (i % 50 === 0 ? HIRE_YEARS.to : HIRE_YEARS.from + ((i * 31) % (HIRE_YEARS.to - HIRE_YEARS.from)));
export const statusOf = (i: number) => (i % 100 === 7 ? '退休' : i % 100 === 13 ? '离职' : '在职');
