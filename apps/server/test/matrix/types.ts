// Shared shape of the scope matrix. Each feature adds its routes in its own file in this folder
// (exporting `part: MatrixPart`); scope-matrix.test.ts loads every file here.
import type { Role } from '@shixun/domain';
import type { Client, TestServer } from '../harness.ts';

export const ADMINS_OF_TEACHERS: Role[] = ['school_admin', 'county_admin', 'city_admin', 'province_admin'];
export const REGION_ADMINS: Role[] = ['county_admin', 'city_admin', 'province_admin'];
export const ALL: Role[] = [
  'teacher',
  'school_admin',
  'county_admin',
  'city_admin',
  'province_admin',
  'institution_admin',
  'sys_admin',
  'security_admin',
  'audit_admin',
];
export const PUBLIC = 'public' as const;

/**
 * allow: who may call. obj: what the route's :id stands for, so the matrix can try an object on
 * each side (ids[obj][0] belongs to demo-school / demo-county / demo-city, ids[obj][1] to the
 * *2 accounts); an allowed admin must get 404 for the other side's object. body: what to send.
 */
export interface Entry {
  allow: Role[] | typeof PUBLIC;
  obj?: string;
  body?: unknown /** values for route params other than :id */;
  params?: Record<string, string>;
}

export interface MatrixContext {
  s: TestServer;
  /** logged-in clients by demo account name (demo-teacher, demo-teacher2, demo-school, demo-school2 …) */
  client(account: string): Promise<Client>;
}

export interface MatrixPart {
  entries: Record<string, Entry>;
  /** Creates the objects the entries' `obj` refers to: one on each side. */
  setup?(ctx: MatrixContext): Promise<Record<string, [number, number]>>;
}
