import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { auth, platform } from '@shixun/contracts';
import { ADMIN_ROLES, type Role } from '@shixun/domain';
import { call } from './call.ts';
import { App } from 'antd';
import { ApiError, SESSION_EXPIRED, api, rememberCsrf, setLoginNotice } from './client.ts';
import type { MeResponse } from './types.ts';
import { setTimeZone } from '../format.ts';

export const ME_KEY = ['me'] as const;

/** The logged-in user, or null when there is no session. */
export function useMe() {
  const qc = useQueryClient();
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        // no redirect to the login page: a visitor without a session is simply logged out
        const r = await api<MeResponse>(auth.currentUser.path, { noRedirect: true });
        rememberCsrf(r.csrfToken);
        return r.user;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          // someone was logged in a moment ago: their session ended (idle or absolute timeout, ended elsewhere)
          if (qc.getQueryData(ME_KEY)) setLoginNotice(SESSION_EXPIRED);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function usePublicConfig() {
  return useQuery({
    queryKey: ['public-config'],
    queryFn: async () => {
      const c = await call(platform.publicConfig);
      setTimeZone(c.timeZone);
      return c;
    },
    staleTime: Infinity,
  });
}

export function isAdmin(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}

/** Where a user lands after login. */
export function homeFor(role: Role): string {
  return isAdmin(role) ? '/admin' : '/space/home';
}

export const LOGGED_OUT = '您已安全退出登录';

/**
 * 退出登录: the page says logged out only once the server has ended the session. A failed request (no
 * network, server error) leaves the user logged in and says so, with 重试 — on a shared school computer the
 * next person must not find themselves inside this account. A 401 means the session is already gone.
 */
export function useLogout() {
  const { modal, message } = App.useApp();
  // a full load of the login page drops every cached answer of this user; no in-app redirect before it
  // (that would be a second navigation racing the first)
  const done = () => {
    setLoginNotice(LOGGED_OUT);
    window.location.assign('/login');
  };
  const m = useMutation({
    mutationFn: () => call(auth.logout, { noRedirect: true }),
    onSuccess: done,
    onError: (e) => {
      if (e instanceof ApiError && e.status === 401) return done(); // the session had already ended
      modal.confirm({
        title: '退出登录失败',
        content: `${e.message}。您仍处于登录状态，请重试；在公用电脑上，请确认退出成功后再离开。`,
        okText: '重试',
        cancelText: '取消',
        onOk: () => m.mutate(),
      });
    },
  });
  return () => {
    if (m.isPending) return;
    void message.loading({ content: '正在退出登录…', key: 'logout', duration: 1 });
    m.mutate();
  };
}
