// Chinese words for the ledger's codes, and the legend's colours (as the Guangxi 我的学分 page).
import type { CreditStatus } from '@shixun/domain';

export const FORM_LABELS: Record<string, string> = { onsite: '集中培训', online: '远程培训', school_based: '校本研修', other: '其他' };
export const LEVEL_LABELS: Record<string, string> = { national: '国家级', province: '省级', city: '市级', county: '县级', school: '校级' };
export const SOURCE_LABELS: Record<string, string> = {
  project: '专项培训',
  elective: '自主选学',
  school_based: '校本研修',
  claim: '学分申报',
  import: '导入',
  adjustment: '学分调整',
  reversal: '冲销',
};

/** Legend order of the manual: 已完成 · 学习中 · 未完成 · 无考核要求 · 未开始. */
export const STATUS_ORDER: CreditStatus[] = ['completed', 'in_progress', 'incomplete', 'not_required', 'not_started'];
export const STATUS_STYLE: Record<CreditStatus, { color: string; background: string; tag: string }> = {
  completed: { color: '#237804', background: '#d9f7be', tag: 'success' },
  in_progress: { color: '#0958d9', background: '#d6e4ff', tag: 'processing' },
  incomplete: { color: '#a8071a', background: '#ffccc7', tag: 'error' },
  not_required: { color: '#595959', background: 'transparent', tag: 'default' },
  // text 6.1:1 on its grey (#8c8c8c was 3.0:1)
  not_started: { color: '#595959', background: '#f0f0f0', tag: 'default' },
};

/** 12 → "12", 7.2 → "7.2", 1.25 → "1.25". */
export const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100));
