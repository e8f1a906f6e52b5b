// 我的主页's one read: GET /api/me/home (credits, training, todos, profile), refreshed when the teacher returns to the tab.
import { home } from '@shixun/contracts';
import type { ResponseOf } from '@shixun/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';

export type MyHome = ResponseOf<typeof home.myHome>;
export const MY_HOME_KEY = ['me', 'home'] as const;

export function useMyHome() {
  return useQuery({ queryKey: MY_HOME_KEY, queryFn: () => call(home.myHome), refetchOnWindowFocus: true });
}
