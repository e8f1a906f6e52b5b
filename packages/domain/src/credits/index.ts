// 学分 (credits): the policy document, its validation, and the engine behind 我的学分 and 达标.
import { GUANGXI_POLICY } from './policies/guangxi.ts';
import { NATIONAL_HOURS_POLICY } from './policies/national-hours.ts';
import { SHANGHAI_STYLE_POLICY } from './policies/shanghai-style.ts';

export * from './policy.ts';
export * from './types.ts';
export { evaluateCredits } from './engine.ts';
export { creditEffect, type CreditEffect } from './effect.ts';
export { formatHundredths } from './amounts.ts';
export { firstAssessedYear } from './assessment.ts';
export { addYears, addDays } from './dates.ts';
export { REGISTRATION_STATUS_LABELS, type CreditRegistrationResult, type RegistrationStatus } from './windows.ts';
export { GUANGXI_POLICY, NATIONAL_HOURS_POLICY, SHANGHAI_STYLE_POLICY };
/** The policies shipped with Shixun; a deployment picks one (or publishes its own version). */
export const CREDIT_POLICIES = [GUANGXI_POLICY, NATIONAL_HOURS_POLICY, SHANGHAI_STYLE_POLICY] as const;
