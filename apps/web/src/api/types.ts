import type { ResponseOf, regions } from '@shixun/contracts';
import type { Role } from '@shixun/domain';

export interface Me {
  id: number;
  name: string;
  loginName: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  roles: Role[];
  role: Role;
  scope: {
    regionCode?: string;
    regionName?: string;
    schoolId?: number;
    schoolName?: string;
    institutionId?: number;
    institutionName?: string;
  };
  mustChangePassword: boolean;
}
export interface MeResponse {
  user: Me;
  csrfToken: string;
}

export interface PublicConfig {
  title: string;
  provinceCode: string;
  provinceName: string;
  passwordPolicy: { minLength: number; minClasses: number };
}

/** From the contract (packages/contracts/src/regions.ts). */
export type Region = ResponseOf<typeof regions.regionsInScope>['items'][number];

export interface Paged<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export type ProfileValue = string | number | boolean | null | undefined;
export type Profile = Record<string, ProfileValue> & {
  id?: number;
  name?: string;
  schoolName?: string;
  regionName?: string;
  countyName?: string;
  regionCode?: string;
};

export interface ProfileResponse {
  profile: Profile;
  photos: { cert: boolean; avatar: boolean };
  pendingChange: boolean;
}

export interface ProfileChange {
  id: number;
  teacherId: number;
  teacherName: string;
  changes: Record<string, { from: ProfileValue; to: ProfileValue }>;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected';
  reviewReason: string | null;
  reviewerName: string | null;
  createdAt: string | number;
  reviewedAt: string | number | null;
}

/** A school as the scoped list answers it (the registration list gives only id and name). */
export type SchoolRow = ResponseOf<typeof regions.schoolsInScope>['items'][number];

export type AccountStatus = 'active' | 'pending' | 'disabled' | string;

export interface TeacherRow {
  id: number;
  name: string;
  gender: string | null;
  idNumber: string | null;
  phone: string | null;
  schoolName: string | null;
  countyName: string | null;
  stage: string | null;
  subject: string | null;
  personnelStatus: string | null;
  accountStatus: AccountStatus;
}

export interface TeacherDetail {
  profile: Profile;
  accountStatus: AccountStatus;
  abilities: { editKeyFields: boolean; revealSensitive: boolean; resetPassword: boolean; setStatus?: boolean };
}

export interface RegistrationRow {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  schoolName: string | null;
  createdAt: string | number;
  status: 'pending' | 'approved' | 'rejected';
}

export interface OutboxRow {
  id: number;
  channel: 'sms' | 'email';
  recipient: string;
  subject: string | null;
  body: string;
  createdAt: string | number;
}

export interface AuditRow {
  id: number;
  at: number;
  actorName: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | number | null;
  result: string;
  detail: unknown;
}

export interface LockedAccount {
  id: number;
  name: string;
  loginName: string | null;
  lockedUntil: string | number;
}

export interface AdminAccountRow {
  id: number;
  loginName: string;
  name: string;
  role: Role;
  status: string;
  regionName: string | null;
  schoolName: string | null;
  institutionName: string | null;
}
