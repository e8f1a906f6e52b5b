import { describe, expect, it } from 'vitest';
import {
  checkIdNumber,
  checkPassword,
  characterClasses,
  defaultPasswordFor,
  idNumberCheckChar,
  idNumberFacts,
  makeIdNumber,
  maskEmail,
  maskIdNumber,
  maskPhone,
  violatesSeparation,
  DEFAULT_PASSWORD_POLICY,
  KEY_FIELDS,
  ORDINARY_FIELDS,
  PROFILE_FIELDS,
} from './index.ts';

describe('ID number (GB 11643)', () => {
  it('accepts the standard example and computes its check character', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(checkIdNumber('11010519491231002x')).toBeNull(); // lower-case x is normalised
  });
  it('refuses a wrong check character, a bad date and a wrong length, saying why', () => {
    expect(checkIdNumber('110105194912310021')).toMatch(/校验位/);
    expect(checkIdNumber('110105194902300023')).toMatch(/出生日期/);
    expect(checkIdNumber('11010519491231002')).toMatch(/18 位/);
    expect(checkIdNumber('1101051949123100AX')).toMatch(/18 位/);
  });
  it('makes valid numbers for demo data and reads birth date and gender back', () => {
    const id = makeIdNumber('450102', '1986-04-12', 11);
    expect(checkIdNumber(id)).toBeNull();
    expect(idNumberFacts(id).birthDate).toBe('1986-04-12');
    expect(idNumberFacts('11010519491231002X').gender).toBe('女');
    expect(defaultPasswordFor('11010519491231002x')).toBe('31002X');
  });
});

describe('password policy', () => {
  const p = DEFAULT_PASSWORD_POLICY;
  it('counts character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('aB3!')).toBe(4);
  });
  it('needs 8 characters and 3 of 4 classes', () => {
    expect(checkPassword('Ab1!', p)).toMatch(/至少需要 8 位/);
    expect(checkPassword('abcdefgh1', p)).toMatch(/至少 3 类/);
    expect(checkPassword('Abcdefg1', p)).toBeNull();
  });
  it('is configurable', () => {
    expect(checkPassword('abcdefghij', { minLength: 10, minClasses: 1 })).toBeNull();
    expect(checkPassword('Abcdefg1', { minLength: 10, minClasses: 1 })).toMatch(/10 位/);
  });
  it('refuses the default password and one containing the ID number', () => {
    const id = '11010519491231002X';
    expect(checkPassword('Xx' + id, p, { idNumber: id })).toMatch(/证件号码/);
    expect(checkPassword('31002X', { minLength: 6, minClasses: 1 }, { idNumber: id, defaultPassword: '31002X' })).toMatch(/初始密码/);
  });
});

describe('masking', () => {
  it('keeps region and last four of an ID number', () => {
    expect(maskIdNumber('450102198604120117')).toBe('450102********0117');
  });
  it('masks phones and e-mails', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskEmail('teacher@example.com')).toBe('t***@example.com');
    expect(maskIdNumber(null)).toBeNull();
  });
});

describe('roles and profile fields', () => {
  it('forbids holding two of the three separated admin roles', () => {
    expect(violatesSeparation(['sys_admin', 'audit_admin'])).toBe(true);
    expect(violatesSeparation(['sys_admin', 'teacher'])).toBe(false);
  });
  it('has more than thirty profile fields, with the key fields of PRODUCT.md', () => {
    expect(PROFILE_FIELDS.length).toBeGreaterThan(30);
    for (const k of ['name', 'gender', 'idNumber', 'birthDate', 'schoolId', 'qualificationNumber', 'personnelStatus'])
      expect(KEY_FIELDS).toContain(k);
    expect(ORDINARY_FIELDS.some((k) => KEY_FIELDS.includes(k))).toBe(false);
  });
});
