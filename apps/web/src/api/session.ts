import { useQuery, useQueryClient } from '@tanstack/react-query';
import { auth, platform } from '@shixun/contracts';
import { ADMIN_ROLES, type Role } from '@shixun/domain';
import { call } from './call.ts';
import { ApiError, api, rememberCsrf } from './client.ts';
import type { MeResponse } from './types.ts';

export const ME_KEY = ['me'] as const;

/** The logged-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        // no redirect to the login page: a visitor without a session is simply logged out
        const r = await api<MeResponse>(auth.currentUser.path, { noRedirect: true });
        rememberCsrf(r.csrfToken);
        return r.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function usePublicConfig() {
  return useQuery({ queryKey: ['public-config'], queryFn: () => call(platform.publicConfig), staleTime: Infinity });
}

export function isAdmin(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/** Where a user lands after login. */
export function homeFor(role: Role): string {
  return isAdmin(role) ? '/admin' : '/space/home';
}

export function useLogout() {
  const qc = useQueryClient();
  return async () => {
    try {
      await call(auth.logout);
    } catch {
      /* the session may already be gone */
    }
    qc.clear();
    qc.setQueryData(ME_KEY, null);
    window.location.assign('/login');
  };
}
