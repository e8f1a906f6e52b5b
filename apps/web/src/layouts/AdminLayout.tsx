import { ROLE_LABELS } from '@shixun/domain';
import { useMe } from '../api/session.ts';
import { QueueBadge } from '../pages/admin/workbench/QueueBadge.tsx';
import { useQueueCounts } from '../pages/admin/workbench/useQueueCounts.ts';
import { AppShell } from './AppShell.tsx';
import { adminMenuFor } from './menus.tsx';

export function scopeName(s: { regionName?: string; schoolName?: string; institutionName?: string }): string {
  return s.schoolName ?? s.institutionName ?? s.regionName ?? '';
}

export default function AdminLayout() {
  const me = useMe().data;
  const { byPath } = useQueueCounts();
  if (!me) return null;
  // what waits in each review queue shows beside its menu entry
  const menu = adminMenuFor(me.roles).map((m) => (byPath[m.path] ? { ...m, badge: <QueueBadge count={byPath[m.path]} /> } : m));
  const where = scopeName(me.scope);
  return (
    <AppShell base="/admin" area="管理平台" menu={menu} userLabel={`${me.name}（${ROLE_LABELS[me.role]}${where ? ' · ' + where : ''}）`} />
  );
}
