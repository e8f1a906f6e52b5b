// 广西中小学教师培训学分认定和管理办法, as shown on the 我的学分 page of the Guangxi teacher manual
// (seed 000). The rules text is the law; compliance under this policy follows the text only:
//
// - 第 3 条: per five-year cycle 120 学分 (360 学时), of which 集中培训 + 远程培训 ≥ 70 and 校本研修 ≥ 50;
//   each year ≥ 16, of which 校本研修 ≥ 10; credits are valid within their cycle. 集中培训 / 远程培训 /
//   校本研修 are forms of training (第 2 条: 主要形式), so the group minimums select entries by form;
//   学分申报 credits (form other) count toward the 120 and the 16 only.
// - The categories (公共必修, 专业选修, 自主选修, 校本研修课程) are the 学分类型 each entry carries; the
//   text sets no amount for any of them, so they have none here. The manual's category × year table
//   (公共必修 0/6 … 合计 0/7.2 a year, 0/36 a cycle) is a test account's 十三五 tab: another scheme
//   (36 学分 at 10 学时 each) whose cycle column does not even agree with its yearly one. It is not
//   modelled; a deployment that must show 十三五 publishes it as a policy of its own.
// - 第 4 条: 新录用的、教龄在一年内的新任教师 … 不纳入教师培训学分登记管理范畴: the exemption runs twelve
//   months from the hire date; a year is assessed only when the teacher was past them for more than
//   half of it (newHireCounting 'from_hire_date', see assessment.ts), and the cycle minimums are
//   reduced pro rata by the years not assessed (the text is silent on mid-cycle hires; requiring the
//   full 120 in fewer years would make compliance impossible).
// - 第 5 条 "谁组织、谁负责" names who certifies credits; it sets no minimum by level.
// - 定期注册 (national rule, 教师〔2013〕9号; 360 学时 in five years, 教师〔2011〕1号) is judged on each
//   teacher's own window from their 注册日期; 1 学分 = 3 学时 (第 3 条: 120 学分 = 360 学时).
import type { CreditPolicy } from '../policy.ts';

export const GUANGXI_POLICY: CreditPolicy = {
  id: 'guangxi',
  version: 1,
  name: '广西中小学教师培训学分认定和管理办法',
  source: '广西中小学教师培训管理信息系统 学员操作手册 2.3 我的学分（管理办法第 1–5 条）',
  unit: 'credit',
  hoursPerCredit: 3,
  validity: 'cycle',
  proration: 'by_assessed_years',
  cyclesFrom: 'fixed',
  registration: { years: 5, hours: 360 },
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
  total: { perYear: 16, perCycle: 120 },
  requirements: {},
  caps: {},
  groups: [
    { id: 'onsite_online', name: '集中培训和远程培训', forms: ['onsite', 'online'], perCycle: 70 },
    { id: 'school_based_training', name: '校本研修', forms: ['school_based'], perYear: 10, perCycle: 50 },
  ],
  levelMinimums: [],
  // the 办法's wording, as the manual's page shows it (seed 000); the page links 培训学分换算说明 to the 学分申报 table
  rulesText: [
    '1. 学分认定对象为全区幼儿园、普通中小学、中等职业学校全体在职专任教师；市县教师进修学校、特殊教育学校、教研电教等机构的教师；参照中小学教师管理的其他部门专业技术人员。',
    '2. 教师培训学分认定范围包括各级教育行政部门批准组织的培训（主要形式为集中培训、远程培训、校本研修），以及教师在教育教学实践过程中形成的教育科研成果、实施学历提升教育、承担教师培训任务、企业实践、人社等部门安排的公需课培训等。',
    '3. 每位教师每五年一个培训周期内，须累计修满120学分（360学时）的培训课程，其中集中培训和远程培训须修满70学分，校本研修须修满50学分。教师可自主安排学习进度，但每位教师每年所修学分最低不得少于16学分，其中校本研修每年度必修10学分。教师参加培训所获得的学分在本培训周期内有效。',
    '4. 新录用的、教龄在一年内的新任教师须参加至少120学时的试用期培训，但不纳入教师培训学分登记管理范畴。',
    '5. 教师培训学分认定实行“自治区、市、县（市、区）、学校”四级管理，按“谁组织、谁负责”的原则进行认定。自治区统筹实施的教师培训，学分由广西壮族自治区教师培训中心认定；市级统筹实施的教师培训，学分由市级教育行政部门或其指定的有关职能部门认定；县（市、区）级统筹实施的教师培训，学分由县（市、区）级教育行政部门或其指定的有关职能部门认定；学校经由县级教育行政部门审批实施的校本研修活动，学分由学校直接认定。具体规则参见培训学分换算说明。',
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
  notAssessed: { newHireYears: 1, newHireCounting: 'from_hire_date', statuses: ['退休', '离职'] },
};
