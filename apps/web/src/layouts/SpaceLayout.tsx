import { useMe } from '../api/session.ts';
import { AppShell } from './AppShell.tsx';
import { SPACE_MENU } from './menus.tsx';

export default function SpaceLayout() {
  const me = useMe().data;
  return <AppShell base="/space" area="教师个人空间" menu={SPACE_MENU} userLabel={me?.name ?? ''} />;
}
