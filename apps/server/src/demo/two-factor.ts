// The demo province admin (demo-province) has two-factor authentication switched on with this fixed,
// published secret, so that a demo (and the browser tests) can log in with a code computed from it:
// add it to any authenticator app, or `await generate({ secret: DEMO_TOTP_SECRET })` with otplib.
// It is enrolled at each start of a demo deployment that requires 2FA for province admins (TWO_FACTOR_ROLES)
// while it is not enrolled; the other demo admins are not, so they are led to enrolment where 2FA is
// required for them.
import type { Deps } from '../context.ts';
import { encrypt } from '../security/pii.ts';

export const DEMO_TOTP_SECRET = 'SHIXUNDEMOPROVINCE2FA7TOTP234567';

export async function seedDemoTotp(deps: Deps) {
  if (!deps.config.twoFactor.requiredRoles.includes('province_admin')) return;
  await deps.db
    .updateTable('users')
    .set({ totp_secret: encrypt(deps.keys, DEMO_TOTP_SECRET), totp_enabled_at: new Date() })
    .where('login_name', '=', 'demo-province')
    .where('totp_enabled_at', 'is', null)
    .execute();
}
