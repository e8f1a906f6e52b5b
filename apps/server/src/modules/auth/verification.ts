// 6-digit single-use codes, 10 minutes, rate-limited per target; stored only as hashes.
import { createHash, randomInt } from 'node:crypto';
import type { Deps, Executor } from '../../context.ts';
import { AppError, invalid } from '../../http/errors.ts';
import { phoneIndex } from '../../security/pii.ts';
import {
  codeSentLastMinute,
  codesSentLastHour,
  insertCode,
  latestLiveCode,
  markCodeUsed,
  setCodeAttempts,
} from './verification.repository.ts';

export type CodePurpose = 'forgot' | 'change_phone' | 'change_email';
const PURPOSE_LABEL: Record<CodePurpose, string> = { forgot: '找回密码', change_phone: '修改手机号', change_email: '修改邮箱' };
const hashCode = (target: string, code: string) => createHash('sha256').update(`${target}:${code}`).digest('hex');
const MAX_ATTEMPTS = 5;
/** What the codes table keeps of a target: a phone number only as its blind index (it is personal data). */
const stored = (target: string) => (target.includes('@') ? target : `phone:${phoneIndex(target)}`);

export async function sendCode(deps: Deps, trx: Executor, purpose: CodePurpose, target: string, userId: number) {
  if ((await codesSentLastHour(trx, stored(target))) >= deps.config.rateLimit.codesPerHourPerTarget)
    throw new AppError(429, 'RATE_LIMITED', '验证码发送过于频繁，请一小时后再试');
  if (await codeSentLastMinute(trx, stored(target))) throw new AppError(429, 'RATE_LIMITED', '验证码已发送，请 60 秒后再试');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const minutes = deps.config.verificationCodeMinutes;
  await insertCode(trx, {
    purpose,
    target: stored(target),
    userId,
    codeHash: hashCode(target, code),
    expires: new Date(Date.now() + minutes * 60_000),
  });
  const channel = target.includes('@') ? 'email' : 'sms';
  await deps.notifier.send(trx, {
    channel,
    recipient: target,
    subject: `【师训】${PURPOSE_LABEL[purpose]}验证码`,
    body: `您的验证码是 ${code}，${minutes} 分钟内有效，仅可使用一次。如非本人操作请忽略。`,
  });
}

export type CodeCheck = 'ok' | 'wrong' | 'expired';

/**
 * Consumes a code; wrong codes count against the latest one, which dies after 5 tries. Returns
 * instead of throwing so that the caller's transaction commits the attempt count.
 */
export async function consumeCode(trx: Executor, purpose: CodePurpose, target: string, userId: number, code: string): Promise<CodeCheck> {
  const row = await latestLiveCode(trx, purpose, stored(target), userId);
  if (!row || row.attempts >= MAX_ATTEMPTS) return 'expired';
  if (row.code_hash !== hashCode(target, code.trim())) {
    await setCodeAttempts(trx, row.id, row.attempts + 1);
    return 'wrong';
  }
  await markCodeUsed(trx, row.id);
  return 'ok';
}

export function codeError(check: CodeCheck): AppError {
  return check === 'wrong' ? invalid('验证码不正确') : invalid('验证码已过期或无效，请重新获取');
}
