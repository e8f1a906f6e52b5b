// Shapes of /api/admin-accounts and /api/admin-account-requests: from the contract
// (packages/contracts/src/admin-accounts.ts).
import type { ResponseOf, adminAccounts } from '@shixun/contracts';
import type { Role } from '@shixun/domain';

export type AdminAccountPage = ResponseOf<typeof adminAccounts.list>;
export type AdminAccount = AdminAccountPage['items'][number];
/** What the server will honour for this admin: the page shows only these buttons. */
export type AdminAbilities = AdminAccountPage['abilities'];
export type PlatformRequest = ResponseOf<typeof adminAccounts.requests>['items'][number];
export type RequestAction = PlatformRequest['action'];

export const PLATFORM_ROLES: Role[] = ['province_admin', 'sys_admin', 'security_admin', 'audit_admin'];
