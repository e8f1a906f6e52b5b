// A policy in the style of Shanghai: a total per five years, of which at least so much must be
// organised at municipal, district and school level. The numbers are illustrative (the shape is
// what matters: minimums by organising level), not a transcription of a Shanghai document.
// Shanghai is a municipality of provincial rank and its districts rank as counties, so 市级 maps to
// the level 'province' (with 'national' counting as 市级及以上) and 区级 to 'county'; an entry at
// 'city' level cannot occur there and counts toward the total only.
// 1 学分 = 10 学时 (36 学分 = 360 学时, the national minimum). 自主选修 is capped at 4 学分 a year
// toward the total, so that cheap online courses cannot replace organised training.
import type { CreditPolicy } from '../policy.ts';

export const SHANGHAI_STYLE_POLICY: CreditPolicy = {
  id: 'shanghai_style',
  version: 1,
  name: '按组织级别设最低要求的学分政策（上海式示例）',
  unit: 'credit',
  hoursPerCredit: 10,
  validity: 'cycle',
  cyclesFrom: 'fixed',
  registration: { years: 5, hours: 360 },
  proration: 'by_assessed_years',
  cycles: [
    { id: 'fyp14', name: '十四五', startYear: 2021, endYear: 2025 },
    { id: 'fyp15', name: '十五五', startYear: 2026, endYear: 2030 },
  ],
  categories: [
    { id: 'public_required', name: '公共必修' },
    { id: 'professional_elective', name: '专业选修' },
    { id: 'self_elective', name: '自主选修' },
    { id: 'school_based', name: '校本研修课程' },
  ],
  total: { perCycle: 36 },
  requirements: { public_required: { perCycle: 6 } },
  caps: { self_elective: { perYear: 4 } },
  groups: [],
  rulesText: '每五年为一个周期，周期内须完成规定学分，其中市级、区级和校级培训各有最低要求。',
  claimTypes: [],
  levelMinimums: [
    { id: 'municipal', name: '市级及以上培训', levels: ['national', 'province'], perCycle: 6 },
    { id: 'district', name: '区级培训', levels: ['county'], perCycle: 12 },
    { id: 'school', name: '校级培训', levels: ['school'], perCycle: 12 },
  ],
  notAssessed: { newHireYears: 1, newHireCounting: 'calendar_years', statuses: ['退休', '离职'] },
};
