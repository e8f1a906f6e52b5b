// The national minimum for 教师资格定期注册: 《中小学教师资格定期注册暂行办法》（教师〔2013〕9号）makes
// registration due every five years from the teacher's own registration, and asks for the training
// the rules require in that span; the 360 学时 in five years is from 《教育部关于大力加强中小学教师培训
// 工作的意见》（教师〔2011〕1号）. So the cycles here are rolling five-year windows per teacher from the
// 注册日期 on the teacher's record (the hire date while none is recorded), counted in 学时; entries that
// carry only 学分 convert at 1 学分 = 3 学时 (hoursPerCredit, a policy value: 10 is common elsewhere).
// No yearly, category, group or level minimum and no caps; the categories give the table its rows.
// A new teacher is not assessed in the first twelve months (as the provincial rules say).
import type { CreditPolicy } from '../policy.ts';

export const NATIONAL_HOURS_POLICY: CreditPolicy = {
  id: 'national_hours',
  version: 1,
  name: '教师资格定期注册培训学时（全国最低要求）',
  source: '中小学教师资格定期注册暂行办法（教师〔2013〕9号）；教育部关于大力加强中小学教师培训工作的意见（教师〔2011〕1号）',
  unit: 'hour',
  hoursPerCredit: 3,
  validity: 'cycle',
  proration: 'none',
  cyclesFrom: 'registration',
  registration: { years: 5, hours: 360 },
  cycles: [],
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
  rulesText:
    '教师资格实行定期注册制度，每五年注册一次，注册周期从本人上一次注册之日起算。每个注册周期内须完成不少于 360 学时的培训，方可申请定期注册。1 学分折合 3 学时。',
  claimTypes: [],
  notAssessed: { newHireYears: 1, newHireCounting: 'from_hire_date', statuses: ['退休', '离职'] },
};
