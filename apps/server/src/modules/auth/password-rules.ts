// What a NEW password must pass (register, change, forgot-password reset): the policy of
// @shixun/domain, a list of common and breached passwords, and the account's last passwords.
// Logins never run these checks: a demo account still logs in with the demo password.
import { verify } from '@node-rs/argon2';
import { checkPassword as checkPolicy, DEFAULT_PASSWORD_POLICY, defaultPasswordFor } from '@shixun/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { Config } from '../../config.ts';
import type { Executor } from '../../context.ts';
import { addPasswordHistory, recentPasswordHashes } from './password-history.repository.ts';

/**
 * Words common *here*, on top of zxcvbn-ts's list of ~49,000 common and breached passwords: the
 * platform's own name (the demo password is Shixun@2026) and everyday Chinese pinyin passwords.
 */
const LOCAL_WORDS = [
  'shixun',
  'shixunpingtai',
  'peixun',
  'jiaoshi',
  'jiaoyu',
  'laoshi',
  'xuexiao',
  'guangxi',
  'nanning',
  'woaini',
  'wodemima',
  'mima',
  'zhongguo',
  'china',
  'admin',
  'administrator',
  'welcome',
];

let common: Set<string> | undefined;
/** Built on first use (≈ 50 ms), then kept for the life of the process. */
export function isCommonPassword(word: string): boolean {
  common ??= new Set([...dictionary['passwords-common'], ...LOCAL_WORDS].map((w) => w.toLowerCase()));
  return common.has(word);
}

export interface PasswordOwner {
  id_number: string | null;
  login_name: string | null;
  name: string | null;
  phone: string | null;
}

/** Null when the password may be set, else the reason in Chinese (pure checks only; history is separate). */
export function newPasswordProblem(config: Config, pw: string, owner: PasswordOwner): string | null {
  return checkPolicy(pw, config.passwordPolicy, {
    idNumber: owner.id_number,
    defaultPassword: owner.id_number ? defaultPasswordFor(owner.id_number) : null,
    loginName: owner.login_name,
    name: owner.name,
    phone: owner.phone,
    isCommon: isCommonPassword,
  });
}

const historyCount = (config: Config) => config.passwordPolicy.historyCount ?? DEFAULT_PASSWORD_POLICY.historyCount ?? 5;

/** True when `pw` is one of the account's last N passwords (N = passwordPolicy.historyCount, the current one included). */
export async function isRecentPassword(db: Executor, config: Config, userId: number, currentHash: string | null, pw: string) {
  const n = historyCount(config);
  const rows = await recentPasswordHashes(db, userId, n);
  // the current hash is normally the newest history row (the same string); accounts from before the history have none
  const hashes = [...new Set([currentHash, ...rows])].filter((h): h is string => !!h).slice(0, n);
  for (const h of hashes) if (await verify(h, pw).catch(() => false)) return true;
  return false;
}

export const REUSED_MESSAGE = (config: Config) => `新密码不能与最近 ${historyCount(config)} 次使用过的密码相同，请换一个新密码`;

/** Keeps the new hash and forgets all but the last N. */
export async function rememberPassword(db: Executor, config: Config, userId: number, hash: string) {
  await addPasswordHistory(db, userId, hash, historyCount(config));
}
