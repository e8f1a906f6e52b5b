import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../api/session.ts';
import type { Me } from '../../api/types.ts';

/** What /api/auth/me adds about two-factor authentication. */
export type TwoFactorMe = Me & { mustEnrollTotp?: boolean; totpEnabled?: boolean };

/** Sends a user whose role requires 2FA and who has not enrolled yet to the enrolment page (a password change comes first). */
export function TwoFactorGate({ children }: { children: ReactNode }) {
  const me = useMe().data as TwoFactorMe | null | undefined;
  if (me?.mustEnrollTotp && !me.mustChangePassword) return <Navigate to="/two-factor/setup" replace />;
  return <>{children}</>;
}
