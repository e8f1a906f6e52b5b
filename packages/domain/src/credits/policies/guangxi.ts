// 广西中小学教师培训学分认定和管理办法, as shown on the 我的学分 page of the Guangxi teacher manual
// (seed 000). How we read it — the rules text is authoritative; the table gives category requirements:
//
// - The rules text: 120 学分 (360 学时) per five-year cycle, of which 集中培训 + 远程培训 ≥ 70 and
//   校本研修 ≥ 50; at least 16 a year, of which 校本研修 10; new teachers within their first year are
//   not assessed; credits are valid within their cycle.
// - The table (学分类型 × 年份, earned/required) is from a test account and does not add up as a rule:
//   its year columns ask 公共必修 6, 专业选修 0, 自主选修 0, 校本研修课程 2 (which sum to 8) yet the
//   year total shows 7.2, which is 36 / 5, the cycle column's total spread over five years; its cycle
//   column asks 6, 10, 10, 10 (= 36), while the text asks 120. So we take from the table only the
//   requirements per category, and the totals (16 a year, 120 a cycle) from the text.
// - 公共必修 shows 6 both per year and per cycle. A cycle requirement below five years of the yearly
//   one means nothing (five years of 6 already make 30), so we read the 6 as yearly and require 30 per
//   cycle. 校本研修课程 2 a year × 5 = 10 per cycle agrees with the table, which supports this reading.
// - The table's 十三五 runs 2015–2020 (six columns); the cycle is five years, 2016–2020, and 7.2 = 36/5
//   confirms a five-year divisor. We keep 2015 only as the column the page shows (shownStartYear).
// - 集中培训 / 远程培训 / 校本研修 are forms of training (the text lists them as 主要形式), so the group
//   minimums select entries by form; 学分申报 credits (form other) count toward the 120 only.
// - The text does not say how a teacher hired mid-cycle is judged; requiring the full 120 in fewer
//   years would make compliance impossible, so cycle minimums are pro-rated on the assessed years.
// - "谁组织、谁认定" names who certifies credits; it sets no minimum by level, so levelMinimums is empty.
import type { CreditPolicy } from '../policy.ts';

export const GUANGXI_POLICY: CreditPolicy = {
  id: 'guangxi',
  version: 1,
  name: '广西中小学教师培训学分认定和管理办法',
  source: '广西中小学教师培训管理信息系统 学员操作手册 2.3 我的学分',
  unit: 'credit',
  hoursPerCredit: 3,
  validity: 'cycle',
  proration: 'by_assessed_years',
  cycles: [
    { id: 'fyp13', name: '十三五', startYear: 2016, endYear: 2020, shownStartYear: 2015 },
    { id: 'fyp14', name: '十四五', startYear: 2021, endYear: 2025 },
    { id: 'fyp15', name: '十五五', startYear: 2026, endYear: 2030 },
  ],
  categories: [
    { id: 'public_required', name: '公共必修' },
    { id: 'professional_elective', name: '专业选修' },
    { id: 'self_elective', name: '自主选修' },
    { id: 'school_based', name: '校本研修课程' },
  ],
  total: { perYear: 16, perCycle: 120 },
  requirements: {
    public_required: { perYear: 6, perCycle: 30 },
    professional_elective: { perYear: 0, perCycle: 10 },
    self_elective: { perYear: 0, perCycle: 10 },
    school_based: { perYear: 2, perCycle: 10 },
  },
  caps: {},
  groups: [
    { id: 'onsite_online', name: '集中培训和远程培训', forms: ['onsite', 'online'], perCycle: 70 },
    { id: 'school_based_training', name: '校本研修', forms: ['school_based'], perYear: 10, perCycle: 50 },
  ],
  levelMinimums: [],
  rulesText: [
    '根据《广西中小学教师培训学分认定和管理办法》，中小学教师每五年一个周期内须完成不少于 120 学分（360 学时）的培训，' +
      '其中集中培训和远程培训不少于 70 学分，校本研修不少于 50 学分。',
    '教师每年须取得不少于 16 学分，其中校本研修不少于 10 学分。新入职教师入职当年不作考核要求。',
    '学分实行“谁组织、谁认定”：培训项目的学分由组织单位认定，校本研修学分由学校认定，学分申报由区县审核认定。学分在本周期内有效。',
  ].join('\n\n'),
  // 学分申报: a conversion table in the style of the provincial rules (research, degree study, giving training …)
  claimTypes: [
    {
      id: 'paper',
      name: '公开发表教育教学论文',
      category: 'self_elective',
      form: 'other',
      amount: 4,
      maxPerYear: 8,
      reviewLevel: 'county',
      evidence: '刊物封面、目录及论文页扫描件',
    },
    {
      id: 'research',
      name: '主持或参与市级以上课题研究（结题）',
      category: 'professional_elective',
      form: 'other',
      amount: 6,
      maxPerYear: 12,
      reviewLevel: 'county',
      evidence: '立项书和结题证书',
    },
    {
      id: 'degree',
      name: '学历提升（取得高一层次学历，当年）',
      category: 'professional_elective',
      form: 'other',
      amount: 10,
      maxPerYear: 10,
      reviewLevel: 'county',
      evidence: '毕业证书、学位证书',
    },
    {
      id: 'giving_training',
      name: '承担县级以上培训授课',
      category: 'self_elective',
      form: 'other',
      amount: 2,
      maxPerYear: 8,
      reviewLevel: 'county',
      evidence: '培训通知和课表',
    },
    {
      id: 'public_lesson',
      name: '县级以上公开课、示范课',
      category: 'self_elective',
      form: 'other',
      amount: 2,
      maxPerYear: 6,
      reviewLevel: 'school',
      evidence: '活动通知或证书',
    },
    {
      id: 'enterprise_practice',
      name: '职业学校教师企业实践（每满 1 个月）',
      category: 'professional_elective',
      form: 'other',
      amount: 4,
      maxPerYear: 12,
      reviewLevel: 'county',
      evidence: '企业实践考核表',
    },
  ],
  // 在职专任教师 are assessed, and so are 借调 teachers; those who left or retired are not. 调出 stays
  // assessed: the teacher moved unit, not out of the teaching profession.
  notAssessed: { newHireYears: 1, statuses: ['退休', '离职'] },
};
