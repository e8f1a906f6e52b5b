// Shapes of /api/credit-policies/*, derived from the contracts (packages/contracts/src/credit-policies.ts).
import type { creditPolicies, ResponseOf } from '@shixun/contracts';

export type PolicyVersionRow = ResponseOf<typeof creditPolicies.listVersions>['items'][number];
export type PolicyDocument = ResponseOf<typeof creditPolicies.version>;
export type ValidateResult = ResponseOf<typeof creditPolicies.validate>;
export type PreviewResult = ResponseOf<typeof creditPolicies.preview>;
export type PreviewTally = Extract<PreviewResult, { valid: true }>['current'];
