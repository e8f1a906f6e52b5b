import { useMe } from '../api/session.ts';
import { SupportContact } from '../components/SupportContact.tsx';
import { AppShell } from './AppShell.tsx';
import { SPACE_MENU } from './menus.tsx';

export default function SpaceLayout() {
  const me = useMe().data;
  // 客服 under every page of the teacher's space: where to turn when something does not work
  return (
    <AppShell
      base="/space"
      area="教师个人空间"
      menu={SPACE_MENU}
      userLabel={me?.name ?? ''}
      footer={<SupportContact style={{ fontSize: 13 }} />}
    />
  );
}
