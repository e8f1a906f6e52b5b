import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_FIELDS, isCalendarDate, profileDateErrors, profileEducationErrors, profileRuleErrors } from './profile.ts';

const TODAY = '2026-11-29';

describe('profile dates (入职时间, 参加工作时间, 出生日期)', () => {
  it('are key fields: a teacher cannot change them without review', () => {
    expect(KEY_FIELDS).toEqual(expect.arrayContaining(['hireDate', 'workStartDate', 'birthDate', 'personnelStatus', 'schoolId']));
  });

  it('refuses a future hire date (the self-exemption the outside test found)', () => {
    expect(profileDateErrors({ hireDate: '2099-01-01' }, TODAY)).toEqual({ hireDate: '入职时间不能晚于今天' });
    expect(profileDateErrors({ hireDate: '2026-11-30' }, TODAY).hireDate).toBeDefined();
    expect(profileDateErrors({ hireDate: TODAY }, TODAY)).toEqual({});
  });

  it('refuses impossible calendar dates and dates before 1900', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(profileDateErrors({ workStartDate: '1899-12-31' }, TODAY).workStartDate).toMatch('1900');
  });

  it('checks the dates against each other', () => {
    expect(profileDateErrors({ birthDate: '1990-05-01', hireDate: '2005-01-01' }, TODAY).hireDate).toMatch('16 年之后');
    expect(profileDateErrors({ birthDate: '1990-05-01', workStartDate: '2012-09-01', hireDate: '2010-09-01' }, TODAY).hireDate).toBe(
      '入职时间不能早于参加工作时间',
    );
    expect(profileDateErrors({ birthDate: '1990-05-01', workStartDate: '2012-09-01', hireDate: '2015-09-01' }, TODAY)).toEqual({});
  });

  it('never accepts a date after today, whatever the others are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80_000 }), (days) => {
        const future = new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        return Object.keys(profileDateErrors({ birthDate: '1980-01-01', hireDate: future }, TODAY)).includes('hireDate');
      }),
    );
  });
});

describe('学历 rules (初始学历 ≤ 最高学历)', () => {
  it('refuses 最高学历 below 初始学历, with a Chinese message naming both', () => {
    expect(profileEducationErrors({ initialEducation: '研究生', highestEducation: '大学本科' })).toEqual({
      highestEducation: '最高学历（大学本科）不能低于初始学历（研究生）',
    });
    expect(profileRuleErrors({ initialEducation: '大学专科', highestEducation: '高中' }, TODAY).highestEducation).toMatch('不能低于');
  });

  it('accepts equal or higher, parallel levels and missing values', () => {
    expect(profileEducationErrors({ initialEducation: '大学本科', highestEducation: '研究生' })).toEqual({});
    expect(profileEducationErrors({ initialEducation: '研究生', highestEducation: '研究生' })).toEqual({});
    expect(profileEducationErrors({ initialEducation: '中专', highestEducation: '高中' })).toEqual({});
    expect(profileEducationErrors({ initialEducation: '研究生', highestEducation: null })).toEqual({});
  });
});
