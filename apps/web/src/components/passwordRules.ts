import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@shixun/domain';
import type { FormInstance, FormRule } from 'antd';

export function policyHint(p: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string {
  return `至少 ${p.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类`;
}

/** 'change': a new password for an existing account (修改 / 找回); 'set': the first one of a new account (注册). */
export type PasswordPurpose = 'change' | 'set';

export function newPasswordRules(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY, purpose: PasswordPurpose = 'change'): FormRule[] {
  return [
    { required: true, message: purpose === 'set' ? '请设置登录密码' : '请输入新密码' },
    {
      validator: async (_r, v: string | undefined) => {
        if (!v) return;
        const why = checkPassword(v, policy);
        if (why) throw new Error(why);
      },
    },
  ];
}

export function confirmRules(form: FormInstance, field = 'newPassword', purpose: PasswordPurpose = 'change'): FormRule[] {
  return [
    { required: true, message: purpose === 'set' ? '请再次输入设置的密码' : '请再次输入新密码' },
    {
      validator: async (_r, v: string | undefined) => {
        if (v && v !== form.getFieldValue(field)) throw new Error('两次输入的密码不一致');
      },
    },
  ];
}
