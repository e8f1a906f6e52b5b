export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) a password must use. */
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

export function characterClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
}

/** Returns null when acceptable, otherwise the reason in Chinese. */
export function checkPassword(
  pw: string,
  policy: PasswordPolicy,
  ctx: { idNumber?: string | null; defaultPassword?: string | null } = {},
): string | null {
  if (pw.length < policy.minLength) return `密码至少需要 ${policy.minLength} 位`;
  if (pw.length > 128) return '密码不能超过 128 位';
  if (characterClasses(pw) < policy.minClasses)
    return `密码需包含大写字母、小写字母、数字、符号中的至少 ${policy.minClasses} 类`;
  if (ctx.defaultPassword && pw === ctx.defaultPassword) return '新密码不能与初始密码相同';
  if (ctx.idNumber && pw.toUpperCase().includes(ctx.idNumber.toUpperCase()))
    return '密码不能包含证件号码';
  return null;
}
