export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must use. */
  minClasses: number;
  /** A new password may not be any of the account's last N passwords (the current one included). */
  historyCount?: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, historyCount: 5 };

export function characterClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** Facts about the account the password is for, and the common-password list (injected: no I/O here). */
export interface PasswordContext {
  idNumber?: string | null;
  defaultPassword?: string | null;
  loginName?: string | null;
  name?: string | null;
  phone?: string | null;
  /** True when a lower-case word is on a list of common or breached passwords. */
  isCommon?: (word: string) => boolean;
}

const LEET: Record<string, string> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '(': 'c',
  '3': 'e',
  '6': 'g',
  '9': 'g',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};
const deleet = (s: string) => [...s].map((c) => LEET[c] ?? c).join('');
/** Digits and symbols around the word: "Password1!" and "2026@password" are "password" dressed up. */
const trim = (s: string) => s.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');

/**
 * The forms of a password that are looked up in a common-password list: lower case as typed, without
 * the digits and symbols around it, with leetspeak undone (P@ssw0rd → password), and both.
 * Forms shorter than 4 letters are left out (they would refuse almost anything).
 */
export function dictionaryForms(pw: string): string[] {
  const lower = pw.toLowerCase();
  const forms = new Set([lower]);
  for (const f of [trim(lower), deleet(lower), trim(deleet(lower)), deleet(trim(lower))]) if (f.length >= 4) forms.add(f);
  return [...forms].filter(Boolean);
}

const contains = (pw: string, part: string | null | undefined, min: number) =>
  !!part && part.trim().length >= min && pw.toLowerCase().includes(part.trim().toLowerCase());

/** Returns null when acceptable, otherwise the reason in Chinese. */
export function checkPassword(pw: string, policy: PasswordPolicy, ctx: PasswordContext = {}): string | null {
  if (pw.length < policy.minLength) return `密码至少需要 ${policy.minLength} 位`;
  if (pw.length > 128) return '密码不能超过 128 位';
  if (characterClasses(pw) < policy.minClasses) return `密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`;
  if (ctx.defaultPassword && pw === ctx.defaultPassword) return '新密码不能与初始密码相同';
  if (ctx.idNumber && pw.toUpperCase().includes(ctx.idNumber.toUpperCase())) return '密码不能包含证件号码';
  if (contains(pw, ctx.loginName, 3)) return '密码不能包含登录用户名，请换一个别人猜不到的密码';
  if (contains(pw, ctx.name, 2)) return '密码不能包含您的姓名，请换一个别人猜不到的密码';
  if (contains(pw, ctx.phone, 11)) return '密码不能包含手机号码';
  if (ctx.isCommon && dictionaryForms(pw).some((f) => ctx.isCommon!(f)))
    return '该密码过于常见或已在泄露的密码中出现，很容易被猜到。请换一个不常见的密码，例如由几个无关的词和数字、符号组合而成';
  return null;
}
