// Shared by the admin-account test files: an account holder's first login with a temporary password.
import { expect } from 'vitest';
import { Client, type TestServer } from './harness.ts';

/** The password an account holder sets at first login (not containing the login name, not common). */
export const OWN = 'Kq7#vLm2pXz9-Own';
/** Logs in with a temporary password and sets a real one, as the account holder would. */
export async function firstLogin(server: TestServer, loginName: string, temporary: string) {
  const c = new Client(server);
  const r = await c.login(loginName, temporary);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(r.body.user.mustChangePassword).toBe(true);
  expect((await c.post('/api/auth/password', { oldPassword: temporary, newPassword: OWN })).status).toBe(200);
  return c;
}
