import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Drawer, Dropdown, Grid, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { PageLoading } from '../../ui/PageLoading';
import { logout, useMe } from '../auth/auth-api';
import { navItemsFor, selectedNavPath } from './nav-items';

function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navItemsFor(me);
  return (
    <Menu
      mode="inline"
      data-testid="app-menu"
      selectedKeys={[selectedNavPath(items, location.pathname)]}
      items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) }))}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}

function UserMenu({ me }: { me: Me }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      void navigate('/', { replace: true });
    },
  });
  const roleLabel = t(`roles.${me.role}`);
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'who',
            disabled: true,
            // Shown as information, not as a greyed-out action.
            label: (
              <div
                style={{ maxWidth: 260, whiteSpace: 'normal', cursor: 'default', color: 'rgba(0,0,0,0.88)' }}
              >
                <strong>{me.displayName}</strong>
                <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 12 }}>{roleLabel}</div>
              </div>
            ),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout">{t('nav.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') mutation.mutate();
        },
      }}
    >
      <Button
        type="text"
        icon={<UserOutlined />}
        data-testid="user-menu"
        aria-label={me.displayName}
        style={{ maxWidth: 320 }}
      >
        {screens.md ? (
          <span
            style={{
              display: 'inline-flex',
              flexDirection: 'column',
              alignItems: 'flex-start',
              lineHeight: 1.2,
              overflow: 'hidden',
            }}
          >
            <span data-testid="user-display-name">{me.displayName}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 260 }} ellipsis>
              {roleLabel}
            </Typography.Text>
          </span>
        ) : null}
      </Button>
    </Dropdown>
  );
}

/** The logged-in frame: header, role-based menu (Sider on wide screens, Drawer on phones) and the page. */
export default function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const me = useMe();

  if (me.isPending) return <PageLoading />;
  if (me.error)
    return (
      <div style={{ padding: 16 }}>
        <ErrorAlert error={me.error} />
      </div>
    );
  if (!me.data)
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.data.mustChangePassword && location.pathname !== '/app/password')
    return <Navigate to="/app/password" replace />;

  const isWide = screens.lg ?? false;
  // AntApp (message, modal hooks) lives here rather than in main.tsx so public pages do not load it.
  return (
    <AntApp>
      <Layout style={{ minHeight: '100vh' }}>
        <header className="kps-header" style={{ height: 56 }}>
          {!isWide ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-toggle"
            />
          ) : null}
          <Link to="/app" className="kps-brand">
            <img src="/favicon.svg" alt="" />
            {t('app.name')}
          </Link>
          <span className="kps-header-spacer" />
          <LanguageSwitch />
          <UserMenu me={me.data} />
        </header>
        <Layout>
          {isWide ? (
            <Layout.Sider width={240} theme="light" style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
              <SideMenu me={me.data} />
            </Layout.Sider>
          ) : (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={260}
              title={t('app.name')}
              styles={{ body: { padding: 0 } }}
            >
              <SideMenu me={me.data} onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          )}
          <Layout.Content>
            <main className="kps-content">
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
