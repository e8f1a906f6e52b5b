import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Button, Drawer, Layout, Menu, type MenuProps } from 'antd';
import { AppstoreOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useLogout } from '../api/session.ts';
import { usePlatformTitle } from '../components/PublicShell.tsx';
import { PageLoading } from '../components/guards.tsx';
import type { MenuEntry } from './menus.tsx';
import { useCompact } from './responsive.ts';

const MORE_KEY = '__more';

/** One menu line: the label, then the entry's badge (queue counts) when it has one. */
function entryLabel(m: MenuEntry): ReactNode {
  if (m.badge === undefined || m.badge === null) return m.label;
  return (
    <span className="menu-entry">
      <span className="menu-entry-label">{m.label}</span>
      <span className="menu-entry-badge">{m.badge}</span>
    </span>
  );
}

/** The menu's items: the built pages in order, then the pages still 建设中 under one «更多» entry. */
function menuItems(menu: MenuEntry[]): NonNullable<MenuProps['items']> {
  const item = (m: MenuEntry) => ({ key: m.path, icon: m.icon, label: entryLabel(m) });
  const building = menu.filter((m) => m.building);
  if (building.length < 2) return menu.map(item);
  return [
    ...menu.filter((m) => !m.building).map(item),
    { key: MORE_KEY, icon: <AppstoreOutlined />, label: '更多', children: building.map(item) },
  ];
}

/**
 * Header (platform title, area name, user, 退出登录) + menu + the routed page. From `lg` (992 px) up the
 * menu is a side bar; below, a button in the header opens it in a drawer and the page gets the whole width.
 */
export function AppShell({
  base,
  area,
  menu,
  userLabel,
  footer,
}: {
  base: string;
  area: string;
  menu: MenuEntry[];
  userLabel: ReactNode /** under every page (the 客服 line) */;
  footer?: ReactNode;
}) {
  const title = usePlatformTitle();
  const logout = useLogout();
  const navigate = useNavigate();
  const compact = useCompact();
  const [drawer, setDrawer] = useState(false);
  const { pathname } = useLocation();
  const rest = pathname.slice(base.length + 1);
  const current = menu.find((m) => rest === m.path || rest.startsWith(`${m.path}/`));
  const selected = current?.path;
  const [openKeys, setOpenKeys] = useState<string[]>(current?.building ? [MORE_KEY] : []);
  useEffect(() => {
    // a page of «更多» opened from elsewhere (a link, the address bar) shows where it sits in the menu
    if (current?.building) setOpenKeys((k) => (k.includes(MORE_KEY) ? k : [...k, MORE_KEY]));
  }, [current?.building]);
  // the drawer closes when the page changes (a menu click, a link, the back button)
  useEffect(() => setDrawer(false), [pathname]);
  // back on a wide screen, a drawer left open would cover the side menu
  useEffect(() => {
    if (!compact) setDrawer(false);
  }, [compact]);

  const nav = (
    <Menu
      mode="inline"
      aria-label={`${area}菜单`}
      selectedKeys={selected ? [selected] : []}
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      style={{ borderInlineEnd: 0, paddingTop: 8 }}
      items={menuItems(menu)}
      onClick={(e) => {
        navigate(`${base}/${e.key}`);
        setDrawer(false);
      }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className={`app-header${compact ? ' compact' : ''}`}>
        {compact && (
          <Button
            type="text"
            className="menu-button"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            aria-expanded={drawer}
            data-testid="menu-button"
            onClick={() => setDrawer(true)}
          />
        )}
        <div className="brand">
          {title}
          <small>{area}</small>
        </div>
        <div className="user">
          <Avatar size="small" icon={<UserOutlined />} />
          <span data-testid="current-user" className="user-label">
            {userLabel}
          </span>
          <Button
            size="small"
            ghost
            icon={<LogoutOutlined />}
            onClick={logout}
            aria-label={compact ? '退出登录' : undefined}
            title={compact ? '退出登录' : undefined}
          >
            {compact ? null : '退出登录'}
          </Button>
        </div>
      </Layout.Header>
      <Layout>
        {compact ? (
          <Drawer
            open={drawer}
            onClose={() => setDrawer(false)}
            placement="left"
            size={280}
            title={
              <div className="drawer-title">
                <div>{area}</div>
                <small>{userLabel}</small>
              </div>
            }
            rootClassName="app-menu-drawer"
            styles={{ body: { padding: 0 } }}
          >
            {nav}
          </Drawer>
        ) : (
          <Layout.Sider width={208} theme="light" style={{ borderRight: '1px solid #eef0f3' }}>
            {nav}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
          {footer && <div className="app-footer">{footer}</div>}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
