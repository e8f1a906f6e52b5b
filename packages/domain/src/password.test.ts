import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY as p, dictionaryForms } from './password.ts';

const common = new Set(['password', 'dragon', 'shixun']);
const isCommon = (w: string) => common.has(w);

describe('common passwords and personal facts', () => {
  it('looks a password up as typed, without the digits and symbols around it, and with leetspeak undone', () => {
    expect(dictionaryForms('Password1')).toContain('password');
    expect(dictionaryForms('P@ssw0rd')).toContain('password');
    expect(dictionaryForms('Passw0rd!2026')).toContain('password');
    expect(dictionaryForms('2026@Dragon')).toContain('dragon');
    expect(dictionaryForms('Shixun@2026')).toContain('shixun');
    // a word in the middle stays a word in the middle: only whole forms are compared
    expect(dictionaryForms('Xq#password#Lm9').some(isCommon)).toBe(false);
  });

  it('refuses common words, the login name, the name and the phone number, with the reason', () => {
    expect(checkPassword('P@ssw0rd', p, { isCommon })).toMatch(/常见/);
    expect(checkPassword('Dragon#2026', p, { isCommon })).toMatch(/常见/);
    expect(checkPassword('Vk3#Rt8qLm', p, { isCommon })).toBeNull();
    expect(checkPassword('X9#Zhangwei-admin', p, { loginName: 'zhangwei-admin' })).toMatch(/用户名/);
    expect(checkPassword('X9#ZHANGWEI-ADMIN', p, { loginName: 'zhangwei-admin' })).toMatch(/用户名/);
    expect(checkPassword('Ab#9xQ张伟', p, { name: '张伟' })).toMatch(/姓名/);
    expect(checkPassword('Ab#13800001111', p, { phone: '13800001111' })).toMatch(/手机号/);
    expect(checkPassword('Vk3#Rt8qLm', p, { loginName: 'ab', name: '' })).toBeNull(); // too short to mean anything
  });
});
