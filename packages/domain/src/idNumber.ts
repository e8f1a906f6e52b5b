// GB 11643-1999 citizen ID number: 17 digits + check character (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Returns null when valid, otherwise a Chinese sentence saying what is wrong. */
export function checkIdNumber(raw: string): string | null {
  const id = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(id)) return '证件号码应为 18 位，前 17 位为数字，最后一位为数字或 X';
  const y = Number(id.slice(6, 10)),
    m = Number(id.slice(10, 12)),
    d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return '证件号码中的出生日期无效';
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '证件号码校验位不正确，请核对';
  return null;
}

export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function isIdNumber(raw: string): boolean {
  return checkIdNumber(raw) === null;
}

/** Birth date (YYYY-MM-DD) and gender encoded in a valid ID number. */
export function idNumberFacts(id: string): { birthDate: string; gender: '男' | '女' } {
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return { birthDate, gender: Number(id[16]) % 2 === 1 ? '男' : '女' };
}

/** Default password of an imported account: the last six characters of the ID number. */
export function defaultPasswordFor(idNumber: string): string {
  return normalizeIdNumber(idNumber).slice(-6);
}

/** Builds a valid ID number from a region code, a birth date and a sequence (demo data, tests). */
export function makeIdNumber(regionCode6: string, birth: string, seq: number): string {
  const first17 = regionCode6 + birth.replaceAll('-', '') + String(seq % 1000).padStart(3, '0');
  return first17 + idNumberCheckChar(first17);
}

export const PHONE_RE = /^1[3-9]\d{9}$/;
