import { Suspense, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Layout, Menu } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useLogout } from '../api/session.ts';
import { usePlatformTitle } from '../components/PublicShell.tsx';
import { PageLoading } from '../components/guards.tsx';
import type { MenuEntry } from './menus.tsx';

/** Header (platform title, area name, user, 退出登录) + left menu + the routed page. */
export function AppShell({ base, area, menu, userLabel }: { base: string; area: string; menu: MenuEntry[]; userLabel: ReactNode }) {
  const title = usePlatformTitle();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const rest = pathname.slice(base.length + 1);
  const selected = menu.find((m) => rest === m.path || rest.startsWith(`${m.path}/`))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <div className="brand">
          {title}
          <small>{area}</small>
        </div>
        <div className="user">
          <Avatar size="small" icon={<UserOutlined />} />
          <span data-testid="current-user">{userLabel}</span>
          <Button size="small" ghost icon={<LogoutOutlined />} onClick={logout}>
            退出登录
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
          <Menu
            mode="inline"
            aria-label={`${area}菜单`}
            selectedKeys={selected ? [selected] : []}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            items={menu.map((m) => ({ key: m.path, icon: m.icon, label: m.label }))}
            onClick={(e) => navigate(`${base}/${e.key}`)}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
