// The policy's codes in the users' words, and the server's error paths (cycles.1.endYear) read as
// the form's sections and labels, so an admin who never opens the JSON can find what to fix.
import { CREDIT_FORMS, CREDIT_LEVELS, CREDIT_UNIT_LABELS } from '@shixun/domain';
import { asRows, asText, type Doc } from './draft.ts';

type Option<T extends string = string> = { value: T; label: string };

const FORM_WORDS: Record<(typeof CREDIT_FORMS)[number], string> = {
  onsite: '集中培训',
  online: '远程培训',
  school_based: '校本研修',
  other: '其他',
};
const LEVEL_WORDS: Record<(typeof CREDIT_LEVELS)[number], string> = {
  national: '国家',
  province: '省',
  city: '市',
  county: '县',
  school: '校',
};
export const FORM_OPTIONS: Option[] = CREDIT_FORMS.map((value) => ({ value, label: FORM_WORDS[value] }));
export const LEVEL_OPTIONS: Option[] = CREDIT_LEVELS.map((value) => ({ value, label: LEVEL_WORDS[value] }));
export const REVIEW_LEVEL_OPTIONS: Option[] = [
  { value: 'school', label: '校' },
  { value: 'county', label: '县' },
  { value: 'city', label: '市' },
  { value: 'province', label: '省' },
];
export const UNIT_OPTIONS: Option[] = [
  { value: 'credit', label: CREDIT_UNIT_LABELS.credit },
  { value: 'hour', label: CREDIT_UNIT_LABELS.hour },
];
export const CYCLES_FROM_OPTIONS: Option[] = [
  { value: 'fixed', label: '固定周期' },
  { value: 'registration', label: '按注册日期滚动' },
];
export const PRORATION_OPTIONS: Option[] = [
  { value: 'by_assessed_years', label: '按考核年数折算（新任教师只考核部分年份时，周期要求按比例减少）' },
  { value: 'none', label: '不折算（周期要求全额计算）' },
];
export const NEW_HIRE_COUNTING_OPTIONS: Option[] = [
  { value: 'from_hire_date', label: '自入职之日起' },
  { value: 'calendar_years', label: '按自然年' },
];

/** 学分 or 学时, as the draft's unit says (学分 while it says nothing usable). */
export const unitWord = (doc: Doc) => (doc.unit === 'hour' ? CREDIT_UNIT_LABELS.hour : CREDIT_UNIT_LABELS.credit);

/** The form's sections: the tab keys, and the first segment of an error's path. */
export const SECTIONS = {
  basic: '基本信息',
  cycles: '周期',
  categories: '学分类型',
  requirements: '总量与分类要求',
  groups: '分组要求',
  levelMinimums: '级别要求',
  notAssessed: '不考核',
  claimTypes: '申报折算',
  rulesText: '规则说明',
} as const;
export type SectionKey = keyof typeof SECTIONS;

const TOP: Record<string, [string, SectionKey]> = {
  id: ['政策标识', 'basic'],
  version: ['版本号', 'basic'],
  name: ['名称', 'basic'],
  source: ['依据文件', 'basic'],
  unit: ['计量单位', 'basic'],
  hoursPerCredit: ['1 学分折合学时', 'basic'],
  cyclesFrom: ['周期来源', 'basic'],
  registration: ['定期注册', 'basic'],
  validity: ['学分有效期', 'basic'],
  proration: ['折算方式', 'basic'],
  cycles: ['周期', 'cycles'],
  categories: ['学分类型', 'categories'],
  total: ['总学分', 'requirements'],
  requirements: ['分类最低要求', 'requirements'],
  caps: ['分类上限', 'requirements'],
  groups: ['分组要求', 'groups'],
  levelMinimums: ['级别要求', 'levelMinimums'],
  notAssessed: ['不考核', 'notAssessed'],
  claimTypes: ['申报折算', 'claimTypes'],
  rulesText: ['规则说明', 'rulesText'],
};

const FIELDS: Record<string, string> = {
  id: '标识',
  name: '名称',
  startYear: '起始年',
  endYear: '结束年',
  shownStartYear: '显示起始年',
  perYear: '每年',
  perCycle: '每周期',
  forms: '培训形式',
  categories: '学分类型',
  levels: '级别',
  category: '学分类型',
  form: '培训形式',
  amount: '每项折算',
  maxPerYear: '每年上限',
  reviewLevel: '审核级别',
  evidence: '所需材料',
  years: '注册周期（年）',
  hours: '周期内学时',
  newHireYears: '新任教师不考核年数',
  newHireCounting: '计算方式',
  statuses: '不考核的人员状态',
};

/** The semantic checks' sentences (policy-checks.ts), by how they begin: the tab that fixes them. */
const SENTENCES: [RegExp, SectionKey][] = [
  [/^(培训周期标识|周期“|至少要有一个培训周期)/, 'cycles'],
  [/^周期按注册日期滚动/, 'basic'],
  [/^学分类型标识/, 'categories'],
  [/^(分组标识|分组“)/, 'groups'],
  [/^(级别要求标识|各级别最低要求|级别“)/, 'levelMinimums'],
  [/^(申报类型标识|申报类型“)/, 'claimTypes'],
  [/^(学分要求中|学分上限中|总学分|“)/, 'requirements'],
];

export interface ReadableError {
  text: string;
  section?: SectionKey;
}

/**
 * "cycles.1.endYear：结束年…" → "周期 · 第 2 行 · 结束年：结束年…"; a sentence without a path (the
 * semantic checks already speak Chinese) is kept as the server wrote it.
 */
export function readableError(error: string, doc: Doc | null): ReadableError {
  const m = /^([A-Za-z][\w]*(?:\.[\w]+)*)：(.*)$/s.exec(error);
  const top = m?.[1] ? TOP[m[1].split('.')[0] ?? ''] : undefined;
  if (!m?.[1] || !top) return { text: error, section: SENTENCES.find(([re]) => re.test(error))?.[1] };
  const [first, ...rest] = m[1].split('.');
  const categoryName = (key: string) => asText(asRows(doc?.categories).find((c) => c.id === key)?.name) || key;
  const parts = [top[0]];
  rest.forEach((seg, i) => {
    if (/^\d+$/.test(seg)) parts.push(`第 ${Number(seg) + 1} 行`);
    else if ((first === 'requirements' || first === 'caps') && i === 0) parts.push(categoryName(seg));
    else parts.push(FIELDS[seg] ?? seg);
  });
  return { text: `${parts.join(' · ')}：${m[2]}`, section: top[1] };
}

/** The category ids the draft declares, with names, for the multi-selects. */
export function categoryOptions(doc: Doc): Option[] {
  return asRows(doc.categories)
    .filter((c) => asText(c.id))
    .map((c) => ({ value: asText(c.id), label: asText(c.name) || asText(c.id) }));
}
