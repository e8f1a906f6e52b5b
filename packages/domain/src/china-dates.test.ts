import { describe, expect, test } from 'vitest';
import { chinaClock, chinaDate } from './china-dates.ts';

describe('dates in China', () => {
  test('the year turns at 00:00 in Beijing, 16:00 UTC on 31 December', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
  test('before 08:00 in Beijing the UTC date is still yesterday', () => {
    const at = new Date('2026-11-29T23:30:00Z');
    expect(at.toISOString().slice(0, 10)).toBe('2026-11-29');
    expect(chinaDate(at)).toBe('2026-11-30');
    expect(chinaClock(at)).toBe('07:30');
  });
});
