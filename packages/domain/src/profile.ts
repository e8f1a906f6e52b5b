// The teacher profile (基本信息): field definitions shared by the server (validation) and the web app (forms).
export type FieldType = 'text' | 'date' | 'select' | 'bool';
export interface ProfileField {
  key: string;
  label: string;
  type: FieldType;
  options?: readonly string[];
  /** Key fields (关键字段) are changed only by a county admin or above, or through a change request. */
  keyField?: boolean;
  /** Lives on the account, not the profile row. */
  account?: boolean;
  /** Not editable through the profile form at all (derived or changed elsewhere). */
  readOnly?: boolean;
  max?: number;
}

const STAGES = ['幼儿园', '小学', '初中', '高中', '中等职业学校', '特殊教育'] as const;
const SUBJECTS = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '历史',
  '地理',
  '道德与法治',
  '思想政治',
  '科学',
  '信息技术',
  '音乐',
  '美术',
  '体育与健康',
  '心理健康',
  '劳动',
  '综合实践',
  '学前教育',
  '特殊教育',
  '其他',
] as const;
const EDUCATION = ['研究生', '大学本科', '大学专科', '中专', '高中', '高中以下'] as const;

export const PROFILE_FIELDS: readonly ProfileField[] = [
  { key: 'name', label: '姓名', type: 'text', keyField: true, account: true, max: 50 },
  { key: 'gender', label: '性别', type: 'select', options: ['男', '女'], keyField: true },
  { key: 'ethnicity', label: '民族', type: 'text', max: 20 },
  { key: 'birthDate', label: '出生日期', type: 'date', keyField: true },
  { key: 'idType', label: '证件类型', type: 'select', options: ['居民身份证', '港澳台居民居住证', '护照'], keyField: true },
  { key: 'idNumber', label: '证件号码', type: 'text', keyField: true, account: true },
  { key: 'politicalStatus', label: '政治面貌', type: 'select', options: ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'] },
  { key: 'phone', label: '手机号', type: 'text', account: true, readOnly: true },
  { key: 'email', label: '邮箱', type: 'text', account: true, readOnly: true },
  { key: 'regionName', label: '所在地区', type: 'text', readOnly: true },
  { key: 'countyName', label: '所在区县', type: 'text', readOnly: true },
  { key: 'schoolId', label: '单位', type: 'select', keyField: true },
  { key: 'schoolAreaType', label: '学校所在区域', type: 'text', readOnly: true },
  { key: 'schoolCategory', label: '学校类别', type: 'text', readOnly: true },
  { key: 'stage', label: '主要任教学段', type: 'select', options: STAGES },
  { key: 'subject', label: '主要任教学科', type: 'select', options: SUBJECTS },
  { key: 'initialEducation', label: '初始学历', type: 'select', options: EDUCATION },
  { key: 'highestEducation', label: '最高学历', type: 'select', options: EDUCATION },
  { key: 'highestDegree', label: '最高学位', type: 'select', options: ['博士', '硕士', '学士', '无'] },
  { key: 'graduateSchool', label: '毕业院校', type: 'text', max: 100 },
  { key: 'major', label: '所学专业', type: 'text', max: 100 },
  // the dates that decide whether and how a teacher is assessed (新任教师, 教龄) are key fields: changed only through review
  { key: 'workStartDate', label: '参加工作时间', type: 'date', keyField: true },
  {
    key: 'professionalTitle',
    label: '专业技术职务',
    type: 'select',
    options: ['正高级教师', '高级教师', '一级教师', '二级教师', '三级教师', '未评'],
  },
  { key: 'postCategory', label: '岗位类别', type: 'select', options: ['专任教师', '管理人员', '教辅人员', '工勤人员'] },
  { key: 'adminPosition', label: '行政职务', type: 'text', max: 50 },
  { key: 'isEstablishment', label: '是否在编', type: 'bool' },
  { key: 'isPublicFundedNormal', label: '公费师范生', type: 'bool' },
  { key: 'isSpecialPost', label: '特岗教师', type: 'bool' },
  {
    key: 'qualificationType',
    label: '教师资格证种类',
    type: 'select',
    options: ['幼儿园', '小学', '初级中学', '高级中学', '中等职业学校', '中等职业学校实习指导', '无'],
  },
  { key: 'qualificationNumber', label: '教师资格证号', type: 'text', keyField: true, max: 40 },
  { key: 'backboneLevel', label: '骨干教师级别', type: 'select', options: ['无', '校级', '县级', '市级', '省级', '国家级'] },
  { key: 'isHeadTeacher', label: '是否班主任', type: 'bool' },
  { key: 'hireDate', label: '入职时间', type: 'date', keyField: true },
  { key: 'personnelStatus', label: '人员状态', type: 'select', options: ['在职', '调出', '退休', '离职', '借调'], keyField: true },
];

export const KEY_FIELDS = PROFILE_FIELDS.filter((f) => f.keyField).map((f) => f.key);
/** Fields a teacher edits directly. */
export const ORDINARY_FIELDS = PROFILE_FIELDS.filter((f) => !f.keyField && !f.readOnly).map((f) => f.key);

export function fieldLabel(key: string): string {
  return PROFILE_FIELDS.find((f) => f.key === key)?.label ?? key;
}

/** A real calendar date 'YYYY-MM-DD' (2024-02-30 is not). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** The earliest date any profile date may carry. */
export const EARLIEST_PROFILE_DATE = '1900-01-01';
/** Nobody starts work before this age. */
export const MIN_WORKING_AGE = 16;

export interface ProfileDates {
  birthDate?: string | null;
  workStartDate?: string | null;
  hireDate?: string | null;
}

/** How high each 学历 is: 中专 and 高中 are both upper-secondary. */
export const EDUCATION_RANK: Readonly<Record<string, number>> = {
  研究生: 5,
  大学本科: 4,
  大学专科: 3,
  中专: 2,
  高中: 2,
  高中以下: 1,
};

export interface ProfileEducation {
  initialEducation?: string | null;
  highestEducation?: string | null;
}

/** 最高学历 is never below 初始学历 (研究生 first, 本科 highest cannot be). */
export function profileEducationErrors(d: ProfileEducation): Record<string, string> {
  const initial = d.initialEducation ? EDUCATION_RANK[d.initialEducation] : undefined;
  const highest = d.highestEducation ? EDUCATION_RANK[d.highestEducation] : undefined;
  if (initial !== undefined && highest !== undefined && highest < initial)
    return { highestEducation: `最高学历（${d.highestEducation}）不能低于初始学历（${d.initialEducation}）` };
  return {};
}

/** Every rule across profile fields (dates, 学历), field → message; empty when they hold. Server and web use this one. */
export function profileRuleErrors(d: ProfileDates & ProfileEducation, today: string): Record<string, string> {
  return { ...profileDateErrors(d, today), ...profileEducationErrors(d) };
}

/**
 * The profile's dates checked against today and against each other (field → message); empty when
 * they hold. A future 入职时间 would make anyone a 新任教师 who is not assessed, so none may lie ahead.
 */
export function profileDateErrors(d: ProfileDates, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const k of ['birthDate', 'workStartDate', 'hireDate'] as const) {
    const v = d[k];
    if (v == null) continue;
    const label = fieldLabel(k);
    if (!isCalendarDate(v)) errors[k] = `${label}不是有效的日期`;
    else if (v > today) errors[k] = `${label}不能晚于今天`;
    else if (v < EARLIEST_PROFILE_DATE) errors[k] = `${label}不能早于 1900 年`;
  }
  const birth = d.birthDate && !errors.birthDate ? d.birthDate : null;
  if (birth) {
    const adult = `${Number(birth.slice(0, 4)) + MIN_WORKING_AGE}${birth.slice(4)}`;
    for (const k of ['workStartDate', 'hireDate'] as const) {
      const v = d[k];
      if (v && !errors[k] && v < adult) errors[k] = `${fieldLabel(k)}应在出生日期 ${MIN_WORKING_AGE} 年之后`;
    }
  }
  if (d.workStartDate && d.hireDate && !errors.workStartDate && !errors.hireDate && d.hireDate < d.workStartDate)
    errors.hireDate = '入职时间不能早于参加工作时间';
  return errors;
}
