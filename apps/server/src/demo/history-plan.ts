// What each demo teacher earned in 十四五 (2021–2025), decided by a seeded generator so that every
// start builds the same world. Amounts are read against the Guangxi 办法's text: 120 学分 a cycle, of
// which 集中培训 + 远程培训 ≥ 70 and 校本研修 ≥ 50; each year ≥ 16, of which 校本研修 ≥ 10.
//
// A teacher-year is 公共必修 6 (远程, province), 专业选修 4 (集中, city), 自主选修 4 (远程) and 校本研修
// in two terms (5 + 5): 24 a year, 120 / 70 / 50 over the cycle. The profiles:
// - compliant (most): that, sometimes with a little more;
// - short_school_based: 校本研修 8 in two years (below 10 those years, 46 over the cycle), the total
//   made up with more 自主选修 — only 校本研修 is short;
// - short_year: in one year only the 集中培训 (4 + 校本研修 10 = 14 < 16), more 自主选修 in the other
//   years — the cycle minimums are met, that one year is not;
// - new hires (hireDate in the cycle): credits from the year after hire; a hire of 2025 has no
//   assessed year in 十四五 (not assessed), earlier ones are assessed on fewer years, pro rata.
export const HISTORY_YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export type Profile = 'compliant' | 'short_school_based' | 'short_year' | 'new_hire';

export interface YearPlan {
  year: number;
  /** 公共必修, 远程培训 (全员远程培训, province) */
  remote: number;
  /** 专业选修, 集中培训 (骨干教师集中培训, city) */
  concentrated: number;
  /** 自主选修, 远程培训 (自主选学) */
  elective: number;
  /** 校本研修, spring and autumn term */
  schoolBased: [number, number];
}

export interface TeacherHistory {
  profile: Profile;
  years: YearPlan[];
  /** short_year: the year that falls short */
  shortYear?: number;
}

/** mulberry32: a small seeded generator (deterministic, good enough to spread profiles). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const full = (year: number, extra = 0): YearPlan => ({ year, remote: 6, concentrated: 4, elective: 4 + extra, schoolBased: [5, 5] });

/** The profile of an ordinary demo teacher: about 80 % compliant, 8 % short of 校本研修, 8 % short in a year. */
export function drawProfile(rand: () => number): Exclude<Profile, 'new_hire'> {
  const r = rand();
  return r < 0.08 ? 'short_school_based' : r < 0.16 ? 'short_year' : 'compliant';
}

/** The teacher's five years; `hireDate` in the cycle makes a new hire whatever the profile asked. */
export function historyOf(profile: Exclude<Profile, 'new_hire'>, rand: () => number, hireDate?: string): TeacherHistory {
  const hireYear = hireDate ? Number(hireDate.slice(0, 4)) : 0;
  if (hireYear >= HISTORY_YEARS[0]) {
    // credits from the first whole year after hire (the first twelve months are not assessed)
    return { profile: 'new_hire', years: HISTORY_YEARS.filter((y) => y > hireYear).map((y) => full(y, 2)) };
  }
  if (profile === 'short_school_based') {
    const [a, b] = pickTwo(rand);
    return {
      profile,
      years: HISTORY_YEARS.map((y, i) => (i === a || i === b ? { ...full(y, 2), schoolBased: [4, 4] } : full(y))),
    };
  }
  if (profile === 'short_year') {
    const short = HISTORY_YEARS[Math.floor(rand() * HISTORY_YEARS.length)]!;
    return {
      profile,
      shortYear: short,
      years: HISTORY_YEARS.map((y) =>
        y === short ? { year: y, remote: 0, concentrated: 4, elective: 0, schoolBased: [5, 5] } : full(y, 4),
      ),
    };
  }
  // compliant, one year in three with a little more 自主选修
  return { profile, years: HISTORY_YEARS.map((y) => full(y, rand() < 0.33 ? 2 : 0)) };
}

function pickTwo(rand: () => number): [number, number] {
  const a = Math.floor(rand() * 5);
  const b = (a + 1 + Math.floor(rand() * 4)) % 5;
  return [a, b];
}

/** Cycle sums of a history, as the 办法's text counts them (used by the tests to check the plan). */
export function sums(h: TeacherHistory) {
  const training = h.years.reduce((n, y) => n + y.remote + y.concentrated + y.elective, 0);
  const schoolBased = h.years.reduce((n, y) => n + y.schoolBased[0] + y.schoolBased[1], 0);
  return { training, schoolBased, total: training + schoolBased };
}
