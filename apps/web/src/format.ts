import { PROFILE_FIELDS, type ProfileField } from '@shixun/domain';
import type { ProfileValue } from './api/types.ts';

export function formatTime(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return String(v);
  return d.toLocaleString('zh-CN', { hour12: false });
}

export function formatValue(field: ProfileField | undefined, v: ProfileValue): string {
  if (v === null || v === undefined || v === '') return '—';
  if (field?.type === 'bool' || typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

export const fieldByKey = (key: string) => PROFILE_FIELDS.find((f) => f.key === key);

export const ACCOUNT_STATUS: Record<string, { text: string; color: string }> = {
  active: { text: '正常', color: 'green' },
  pending: { text: '待审核', color: 'orange' },
  disabled: { text: '已停用', color: 'red' },
  rejected: { text: '未通过', color: 'red' },
};

export const REVIEW_STATUS: Record<string, { text: string; color: string }> = {
  pending: { text: '待审核', color: 'orange' },
  approved: { text: '已通过', color: 'green' },
  rejected: { text: '未通过', color: 'red' },
};
