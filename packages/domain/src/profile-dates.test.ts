import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEY_FIELDS, isCalendarDate, profileDateErrors } from './profile.ts';

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
