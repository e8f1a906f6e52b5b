// Throttles for the public forms that could be used to probe which accounts exist: registration
// (per client IP, with an arithmetic challenge after a few tries) and forgot-password codes (per
// account as typed, the same for accounts that exist and those that do not).
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Executor } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { countAttempts, insertChallenge, recordAttempt, useChallenge } from './challenge.repository.ts';

/** Registrations from one IP in an hour before a challenge is asked, and the hard limit. */
export const REGISTER_FREE_TRIES = 3;
export const REGISTER_MAX_PER_HOUR = 20;
const CHALLENGE_MINUTES = 10;

const hashAnswer = (id: string, answer: string) => createHash('sha256').update(`${id}:${answer}`).digest('hex');

/** A question only a person is expected to answer; the answer is kept hashed and can be used once. */
export async function issueChallenge(db: Executor): Promise<{ id: string; question: string }> {
  const id = randomBytes(18).toString('base64url');
  const a = randomInt(2, 20),
    b = randomInt(2, 10);
  const minus = randomInt(0, 2) === 1;
  const question = minus ? `${a + b} 减 ${b} 等于多少？` : `${a} 加 ${b} 等于多少？`;
  const answer = String(minus ? a : a + b);
  await insertChallenge(db, { id, answerHash: hashAnswer(id, answer), expires: new Date(Date.now() + CHALLENGE_MINUTES * 60_000) });
  return { id, question: `请计算：${question}` };
}

/** Uses up the challenge whatever the answer: a wrong answer needs a new question. */
export async function consumeChallenge(db: Executor, id: string, answer: string): Promise<boolean> {
  const stored = await useChallenge(db, id);
  return !!stored && stored === hashAnswer(id, answer.trim());
}

/**
 * Registration gate, per client IP: the first tries pass, then each needs a fresh challenge answer,
 * and past the hourly limit the IP waits. Counts the attempt when it lets it through.
 */
export async function guardRegistration(db: Executor, ip: string, challenge: { id?: string; answer?: string }) {
  const n = await countAttempts(db, 'register', ip, 3600);
  if (n >= REGISTER_MAX_PER_HOUR) throw new AppError(429, 'RATE_LIMITED', '注册尝试过于频繁，请一小时后再试；如确需帮助，请联系学校管理员');
  if (n >= REGISTER_FREE_TRIES) {
    if (!challenge.id || !challenge.answer) throw new AppError(428, 'CHALLENGE_REQUIRED', '提交次数较多，请先回答下方的验证题，再提交注册');
    if (!(await consumeChallenge(db, challenge.id, challenge.answer)))
      throw new AppError(428, 'CHALLENGE_FAILED', '验证题答案不正确或已过期，请回答新的验证题后重新提交');
  }
  await recordAttempt(db, 'register', ip);
}

/** Forgot-password codes, per account as typed: 60 seconds apart and `perHour` an hour, whether it exists or not. */
export async function guardForgotCode(db: Executor, key: string, perHour: number) {
  if ((await countAttempts(db, 'forgot', key, 60)) > 0) throw new AppError(429, 'RATE_LIMITED', '验证码已发送，请 60 秒后再试');
  if ((await countAttempts(db, 'forgot', key, 3600)) >= perHour)
    throw new AppError(429, 'RATE_LIMITED', '验证码发送过于频繁，请一小时后再试');
  await recordAttempt(db, 'forgot', key);
}
