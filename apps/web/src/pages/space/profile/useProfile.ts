import { useQuery } from '@tanstack/react-query';
import { get } from '../../../api/client.ts';
import type { ProfileChange, ProfileResponse } from '../../../api/types.ts';

export const PROFILE_KEY = ['profile'] as const;
export const MY_CHANGES_KEY = ['profile-changes', 'mine'] as const;

export const useProfile = () => useQuery({ queryKey: PROFILE_KEY, queryFn: () => get<ProfileResponse>('/api/profile') });
export const useMyChanges = () =>
  useQuery({ queryKey: MY_CHANGES_KEY, queryFn: () => get<{ items: ProfileChange[] }>('/api/profile/changes') });
