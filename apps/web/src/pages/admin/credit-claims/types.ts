// The review side of 学分申报, as the contract (packages/contracts/src/credit-claims.ts) describes it.
import type { ResponseOf, creditClaims } from '@shixun/contracts';

export { CLAIM_STATUS_COLORS, formatSize } from '../../space/credit-claims/types.ts';

export type ReviewClaim = ResponseOf<typeof creditClaims.reviewQueue>['items'][number];
