import { Navigate, useNavigate } from 'react-router-dom';
import { Alert, App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { homeFor, ME_KEY, useLogout, useMe } from '../../api/session.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { PageLoading } from '../../components/guards.tsx';
import { TwoFactorEnrolment } from '../space/TwoFactorEnrolment.tsx';

/** The forced enrolment: an admin whose role requires 2FA binds an authenticator before anything else. */
export default function TwoFactorSetup() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  if (me.isPending) return <PageLoading />;
  const user = me.data;
  if (!user) return <Navigate to="/login" replace />;
  if (user.mustChangePassword) return <Navigate to="/change-password" replace />;
  if (user.totpEnabled && !user.mustEnrollTotp) return <Navigate to={homeFor(user.role)} replace />;
  return (
    <PublicShell title="启用两步验证" wide>
      {user.mustEnrollTotp && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="must-enrol-notice"
          title="请先启用两步验证"
          description="按照平台安全要求，管理员账号须启用两步验证。绑定手机验证器后即可继续使用平台，整个过程约需 2 分钟。"
        />
      )}
      <TwoFactorEnrolment
        onDone={async () => {
          message.success('两步验证已启用，下次登录时请输入验证器中的验证码');
          await qc.invalidateQueries({ queryKey: ME_KEY });
          navigate(homeFor(user.role), { replace: true });
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
