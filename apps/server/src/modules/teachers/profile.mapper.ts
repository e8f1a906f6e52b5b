// Profile fields (camelCase, as in @shixun/domain PROFILE_FIELDS) ↔ columns; and their validation.
import { z } from 'zod';
import {
  PROFILE_FIELDS,
  chinaDate,
  checkIdNumber,
  isCalendarDate,
  normalizeIdNumber,
  profileRuleErrors,
  type ProfileDates,
  type ProfileEducation,
  type ProfileField,
} from '@shixun/domain';
import { invalid } from '../../http/errors.ts';

/** Fields stored on the teachers row, by profile key. Account fields (name, idNumber…) live on users. */
export const TEACHER_COLUMNS: Record<string, string> = Object.fromEntries(
  PROFILE_FIELDS.filter((f) => !f.account && !f.readOnly).map((f) => [f.key, f.key === 'schoolId' ? 'school_id' : snake(f.key)]),
);

function snake(k: string) {
  return k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function fieldSchema(f: ProfileField): z.ZodType {
  const label = f.label;
  switch (f.type) {
    case 'bool':
      return z.boolean({ error: `${label}应为是或否` }).nullable();
    case 'date':
      return z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}应为 YYYY-MM-DD 格式的日期`)
        .refine(isCalendarDate, `${label}不是有效的日期`)
        .nullable();
    case 'select':
      if (f.key === 'schoolId')
        return z.coerce
          .number({ error: `请选择${label}` })
          .int()
          .positive(`请选择${label}`);
      return z.enum(f.options as [string, ...string[]], { error: `${label}的取值不在可选范围内` }).nullable();
    default:
      if (f.key === 'idNumber')
        return z
          .string()
          .transform(normalizeIdNumber)
          .superRefine((v, ctx) => {
            const e = checkIdNumber(v);
            if (e) ctx.addIssue({ code: 'custom', message: e });
          });
      if (f.key === 'name')
        return z
          .string()
          .trim()
          .min(1, '姓名不能为空')
          .max(f.max ?? 50, `${label}过长`);
      return z
        .string()
        .trim()
        .max(f.max ?? 100, `${label}不能超过 ${f.max ?? 100} 个字`)
        .nullable();
  }
}

/** A strict object schema of the given fields, all optional: unknown keys are refused with their names. */
export function profilePatchSchema(keys: readonly string[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const k of keys) shape[k] = fieldSchema(PROFILE_FIELDS.find((f) => f.key === k)!).optional();
  return z.object(shape).strict();
}

export function parsePatch(
  keys: readonly string[],
  body: unknown,
): { ok: true; data: Record<string, unknown> } | { ok: false; message: string; fields: Record<string, string> } {
  const r = profilePatchSchema(keys).safeParse(body);
  if (r.success) return { ok: true, data: r.data as Record<string, unknown> };
  const fields: Record<string, string> = {};
  for (const i of r.error.issues) {
    if (i.code === 'unrecognized_keys') for (const k of i.keys) fields[k] = '该字段不能在此修改';
    else fields[String(i.path[0])] = i.message;
  }
  const [k, m] = Object.entries(fields)[0]!;
  const label = PROFILE_FIELDS.find((f) => f.key === k)?.label ?? k;
  return { ok: false, message: m === '该字段不能在此修改' ? `「${label}」不能在此修改` : m, fields };
}

/** Today in China (the platform's calendar), as 'YYYY-MM-DD'. */

/** The fields the cross-field rules read (the dates, 初始学历 / 最高学历). */
export const RULE_FIELDS = ['birthDate', 'workStartDate', 'hireDate', 'initialEducation', 'highestEducation'] as const;

/** The profile's dates and 学历 after a patch, checked against today and each other (the domain's rules); throws a 400 naming the field. */
export function assertProfileDates(current: ProfileDates & ProfileEducation, patch: Record<string, unknown>) {
  const merged: ProfileDates & ProfileEducation = { ...current };
  for (const k of RULE_FIELDS) if (k in patch) merged[k] = patch[k] as string | null;
  const errors = profileRuleErrors(merged, chinaDate());
  // only the dates this patch touches, or those it makes inconsistent, are reported
  const [first] = Object.entries(errors);
  if (first) throw invalid(first[1], errors);
}
