import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../api/session.ts';

/** Sends a user whose role requires 2FA and who has not enrolled yet to the enrolment page (a password change comes first). */
export function TwoFactorGate({ children }: { children: ReactNode }) {
  const me = useMe().data;
  if (me?.mustEnrollTotp && !me.mustChangePassword) return <Navigate to="/two-factor/setup" replace />;
  return <>{children}</>;
}
