// The national minimum for 教师资格定期注册 (中小学教师资格定期注册暂行办法, 2013): at least 360 学时
// of training every five years. It is counted in 学时; entries that carry only 学分 convert at
// 1 学分 = 3 学时 (the conversion the Guangxi rules state: 120 学分 = 360 学时).
// The national rule has no yearly minimum, no category or group minimum, and no caps; the four
// categories are declared only so the table has rows. We use the five-year plan cycles as the
// registration cycles, and pro-rate for teachers hired within a cycle, like the provincial policy.
import type { CreditPolicy } from '../policy.ts';

export const NATIONAL_HOURS_POLICY: CreditPolicy = {
  id: 'national_hours',
  version: 1,
  name: '教师资格定期注册培训学时（全国最低要求）',
  source: '中小学教师资格定期注册暂行办法（教师〔2013〕1 号）',
  unit: 'hour',
  hoursPerCredit: 3,
  validity: 'cycle',
  proration: 'by_assessed_years',
  cycles: [
    { id: 'fyp13', name: '十三五', startYear: 2016, endYear: 2020 },
    { id: 'fyp14', name: '十四五', startYear: 2021, endYear: 2025 },
    { id: 'fyp15', name: '十五五', startYear: 2026, endYear: 2030 },
  ],
  categories: [
    { id: 'public_required', name: '公共必修' },
    { id: 'professional_elective', name: '专业选修' },
    { id: 'self_elective', name: '自主选修' },
    { id: 'school_based', name: '校本研修课程' },
  ],
  total: { perCycle: 360 },
  requirements: {},
  caps: {},
  groups: [],
  levelMinimums: [],
  rulesText: '每五年为一个注册周期，周期内须完成不少于 360 学时的培训，方可申请教师资格定期注册。1 学分折合 3 学时。',
  claimTypes: [],
  notAssessed: { newHireYears: 1, statuses: ['退休', '离职'] },
};
