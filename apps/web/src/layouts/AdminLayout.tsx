import { ROLE_LABELS } from '@shixun/domain';
import { useMe } from '../api/session.ts';
import { AppShell } from './AppShell.tsx';
import { adminMenuFor } from './menus.tsx';

export function scopeName(s: { regionName?: string; schoolName?: string; institutionName?: string }): string {
  return s.schoolName ?? s.institutionName ?? s.regionName ?? '';
}

export default function AdminLayout() {
  const me = useMe().data;
  if (!me) return null;
  const where = scopeName(me.scope);
  return (
    <AppShell
      base="/admin"
      area="管理平台"
      menu={adminMenuFor(me.roles)}
      userLabel={`${me.name}（${ROLE_LABELS[me.role]}${where ? ' · ' + where : ''}）`}
    />
  );
}
