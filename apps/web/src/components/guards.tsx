import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { homeFor, isAdmin, useMe } from '../api/session.ts';

export function PageLoading() {
  return (
    <div style={{ padding: 80, textAlign: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

export function LoadError({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <Result status="error" title="加载失败" subTitle={message} extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined} />
  );
}

/** Only a logged-in user whose role belongs to the area gets in; a due password change comes first. */
export function RequireUser({ area, children }: { area: 'space' | 'admin'; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError message={me.error.message} onRetry={() => me.refetch()} />;
  const user = me.data;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  const admin = isAdmin(user.role);
  if ((area === 'admin') !== admin) return <Navigate to={homeFor(user.role)} replace />;
  return <>{children}</>;
}

export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <PageLoading />;
  const user = me.data;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <Navigate to={homeFor(user.role)} replace />;
}
