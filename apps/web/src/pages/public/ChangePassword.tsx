import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { homeFor, ME_KEY, useLogout, useMe } from '../../api/session.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { PageLoading } from '../../components/guards.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';

/** The forced password change (初始密码 or a password reset by an admin); also reachable by any logged-in user. */
export default function ChangePassword() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  if (me.isPending) return <PageLoading />;
  const user = me.data;
  if (!user) return <Navigate to="/login" replace />;
  return (
    <PublicShell title="修改密码">
      {user.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="must-change-notice"
          title="请先修改密码"
          description="您正在使用初始密码或管理员重置的临时密码。为保护您的个人信息和培训记录，修改密码后才能继续使用平台。"
        />
      )}
      <ChangePasswordForm
        onDone={async () => {
          message.success('密码已修改');
          await qc.invalidateQueries({ queryKey: ME_KEY });
          const fresh = qc.getQueryData<typeof user>(ME_KEY);
          navigate(homeFor((fresh ?? user).role), { replace: true });
        }}
      />
      <div style={{ marginTop: 16, textAlign: 'right' }}>
        <Button type="link" onClick={logout}>
          退出登录
        </Button>
      </div>
    </PublicShell>
  );
}
