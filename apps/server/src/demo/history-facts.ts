// The notable teachers of the demo's 十四五 history, for tests and demonstrations to name. In
// demo-county (兴宁区 in Guangxi), at demo-school unless said otherwise:
// - 黄丽萍 (login demo-teacher3): 校本研修 8 in two years — 十四五 短 in 校本研修 only (the two years
//   and the cycle's 50); her 我的学分 shows the red cells and the «还差» sentences.
// - 林海涛: one year with only the 集中培训 (14 < 16) — short in that year, the cycle minimums met.
// - 周洋: hired 2025-09-01 — no assessed year in 十四五 (not assessed).
// - 吴婷 (the county's 初级中学): hired 2023-09-01 — assessed on fewer years, pro rata; compliant.
// - 李秀英 (demo-teacher, ./credits.ts): short of 校本研修 in 2023.
// In demo-county2: 郭静, hired 2024-03-01. Every other teacher's profile is drawn by a seeded
// generator (./history-plan.ts): about 80 % compliant, the rest short of 校本研修 or short in a year.
import type { HistoryTeacher } from './history.ts';

export interface HistoryTeacherSeed {
  name: string;
  login: string | null;
  county: 1 | 2;
  /** index of the county's demo school (0 小学, 1 初级中学, 2 幼儿园) */
  school: number;
  gender: string;
  birth: string;
  hireDate?: string;
  /**
   * 注册日期 (教师资格定期注册), the anchor of the teacher's own five-year 定期注册 window; written to
   * teacher_registrations by seed.ts's insertTeachers. 黄丽萍 2022-03-15, 林海涛 2019-09-01, 吴婷 2024-06-30.
   */
  registeredOn?: string;
}

export const HISTORY_TEACHERS: HistoryTeacherSeed[] = [
  { name: '黄丽萍', login: 'demo-teacher3', county: 1, school: 0, gender: '女', birth: '1989-03-08', registeredOn: '2022-03-15' },
  { name: '林海涛', login: null, county: 1, school: 0, gender: '男', birth: '1985-11-02', registeredOn: '2019-09-01' },
  { name: '周洋', login: null, county: 1, school: 0, gender: '男', birth: '2001-05-16', hireDate: '2025-09-01' },
  {
    name: '吴婷',
    login: null,
    county: 1,
    school: 1,
    gender: '女',
    birth: '1999-12-01',
    hireDate: '2023-09-01',
    registeredOn: '2024-06-30',
  },
  { name: '郭静', login: null, county: 2, school: 1, gender: '女', birth: '2000-07-21', hireDate: '2024-03-01' },
];

export interface DemoTeacherRef {
  id: number;
  name: string;
}

export interface DemoHistoryFacts {
  /** 黄丽萍 (demo-teacher3): 十四五 short of 校本研修 only */
  shortSchoolBased: DemoTeacherRef & { login: string };
  /** 林海涛: 十四五 short in one year only */
  shortYear: DemoTeacherRef & { year: number };
  /** 周洋: hired 2025-09-01, not assessed in 十四五 */
  notAssessed: DemoTeacherRef & { hireDate: string };
  /** 吴婷: hired 2023-09-01, assessed on fewer years of 十四五, compliant */
  newHire: DemoTeacherRef & { hireDate: string };
  /** How many demo teachers the history drew into each profile (李秀英 and 王伟 are not in it). */
  profiles: Record<string, number>;
  /** personal 注册日期 on record (teacher_registrations): the 定期注册 list shows their own windows */
  registrations: (DemoTeacherRef & { registeredOn: string })[];
}

export function historyFacts(history: HistoryTeacher[]): DemoHistoryFacts {
  const by = (name: string) => {
    const t = history.find((h) => h.name === name);
    if (!t) throw new Error(`演示数据缺少教师 ${name}`);
    return t;
  };
  const seed = (name: string) => HISTORY_TEACHERS.find((h) => h.name === name)!;
  const ref = (name: string) => ({ id: by(name).id, name });
  const profiles: Record<string, number> = {};
  for (const h of history) profiles[h.profile] = (profiles[h.profile] ?? 0) + 1;
  return {
    shortSchoolBased: { ...ref('黄丽萍'), login: seed('黄丽萍').login! },
    shortYear: { ...ref('林海涛'), year: by('林海涛').shortYear! },
    notAssessed: { ...ref('周洋'), hireDate: seed('周洋').hireDate! },
    newHire: { ...ref('吴婷'), hireDate: seed('吴婷').hireDate! },
    profiles,
    registrations: HISTORY_TEACHERS.filter((h) => h.registeredOn).map((h) => ({ ...ref(h.name), registeredOn: h.registeredOn! })),
  };
}
