// Shapes of /api/admin-accounts and /api/admin-account-requests as this page reads them.
import type { Role } from '@shixun/domain';

export interface AdminAccount {
  id: number;
  loginName: string;
  name: string;
  role: Role;
  status: 'active' | 'disabled' | 'pending' | 'rejected';
  mustChangePassword: boolean;
  createdAt: string;
  regionCode: string | null;
  regionName: string | null;
  schoolName: string | null;
  institutionName: string | null;
}

/** What the server will honour for this admin: the page shows only these buttons. */
export interface AdminAbilities {
  creatableRoles: Role[];
  manage: boolean;
  propose: boolean;
  approve: boolean;
  scopeRegionCode: string | null;
}

export interface AdminAccountPage {
  items: AdminAccount[];
  total: number;
  page: number;
  pageSize: number;
  abilities: AdminAbilities;
}

export type RequestAction = 'create' | 'reset_password' | 'disable' | 'enable';
export interface PlatformRequest {
  id: number;
  action: RequestAction;
  actionLabel: string;
  role: Role | null;
  loginName: string | null;
  name: string | null;
  targetUserId: number | null;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  version: number;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  canDecide: boolean;
}

export const PLATFORM_ROLES: Role[] = ['province_admin', 'sys_admin', 'security_admin', 'audit_admin'];
