import type { ResponseOf, auth, platform, profile, regions, registrations, teachers } from '@shixun/contracts';

/** From the contract (packages/contracts/src/auth.ts): the session's user and CSRF token. */
export type MeResponse = ResponseOf<typeof auth.currentUser>;
export type Me = MeResponse['user'];

/** From the contract (packages/contracts/src/platform.ts). */
export type PublicConfig = ResponseOf<typeof platform.publicConfig>;

/** From the contract (packages/contracts/src/regions.ts). */
export type Region = ResponseOf<typeof regions.regionsInScope>['items'][number];

export type ProfileValue = string | number | boolean | null | undefined;
/** From the contract (packages/contracts/src/teachers.ts), readable field by field with PROFILE_FIELDS keys. */
export type Profile = ResponseOf<typeof teachers.detail>['profile'] & Record<string, ProfileValue>;

/** From the contract (packages/contracts/src/profile.ts). */
export type ProfileResponse = ResponseOf<typeof profile.mine> & { profile: Profile };
export type ProfileChange = ResponseOf<typeof profile.changesInScope>['items'][number];

/** A school as the scoped list answers it (the registration list gives only id and name). */
export type SchoolRow = ResponseOf<typeof regions.schoolsInScope>['items'][number];

/** From the contracts (packages/contracts/src/teachers.ts, registrations.ts). */
export type TeacherRow = ResponseOf<typeof teachers.list>['items'][number];
export type TeacherDetail = ResponseOf<typeof teachers.detail> & { profile: Profile };
export type RegistrationRow = ResponseOf<typeof registrations.list>['items'][number];
