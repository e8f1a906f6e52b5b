import { checkPassword, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@shixun/domain';
import type { FormInstance, FormRule } from 'antd';

export function policyHint(p: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string {
  return `至少 ${p.minLength} 位，包含大写字母、小写字母、数字、符号中的至少 ${p.minClasses} 类`;
}

export function newPasswordRules(policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): FormRule[] {
  return [
    { required: true, message: '请输入新密码' },
    {
      validator: async (_r, v: string | undefined) => {
        if (!v) return;
        const why = checkPassword(v, policy);
        if (why) throw new Error(why);
      },
    },
  ];
}

export function confirmRules(form: FormInstance, field = 'newPassword'): FormRule[] {
  return [
    { required: true, message: '请再次输入新密码' },
    {
      validator: async (_r, v: string | undefined) => {
        if (v && v !== form.getFieldValue(field)) throw new Error('两次输入的密码不一致');
      },
    },
  ];
}
