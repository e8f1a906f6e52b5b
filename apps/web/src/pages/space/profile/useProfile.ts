import { useQuery } from '@tanstack/react-query';
import { profile } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import type { ProfileResponse } from '../../../api/types.ts';

export const PROFILE_KEY = ['profile'] as const;
export const MY_CHANGES_KEY = ['profile-changes', 'mine'] as const;

export const useProfile = () => useQuery({ queryKey: PROFILE_KEY, queryFn: () => call(profile.mine) as Promise<ProfileResponse> });
export const useMyChanges = () => useQuery({ queryKey: MY_CHANGES_KEY, queryFn: () => call(profile.myChanges) });
