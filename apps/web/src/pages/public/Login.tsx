import { useEffect, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { Alert, Button, Form, Input, Space } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { auth } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { ApiError, SESSION_EXPIRED, clearLoginNotice, peekLoginNotice, rememberCsrf } from '../../api/client.ts';
import { homeFor, ME_KEY, useMe } from '../../api/session.ts';
import type { MeResponse } from '../../api/types.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { PageLoading } from '../../components/guards.tsx';
import { TwoFactorCodeStep } from './TwoFactorCodeStep.tsx';

/** Where a user goes after logging in: a forced password change, then a due 2FA enrolment, then home. */
function nextPage(user: MeResponse['user']) {
  if (user.mustChangePassword) return '/change-password';
  if (user.mustEnrollTotp) return '/two-factor/setup';
  return homeFor(user.role);
}

export default function Login() {
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  /** set once the session exists: the page navigates away and must not redirect on its own meanwhile */
  const [leaving, setLeaving] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);
  const [account, setAccount] = useState('');
  // «登录已过期» or «已安全退出»: left by the API client or the logout, shown once
  const [notice] = useState(peekLoginNotice);
  useEffect(clearLoginNotice, []);

  const loggedIn = (r: MeResponse) => {
    setLeaving(true);
    rememberCsrf(r.csrfToken);
    qc.setQueryData(ME_KEY, r.user);
    navigate(nextPage(r.user), { replace: true });
  };
  const signIn = useMutation({
    mutationFn: (v: { account: string; password: string }) => call(auth.login, { body: v }),
    onMutate: () => setError(null),
    onSuccess: (r, v) => {
      if ('twoFactorRequired' in r) {
        setAccount(v.account); // kept for the password form if the second step has to start over
        setTicket(r.ticket);
      } else loggedIn(r);
    },
    onError: (e) => setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e))),
  });
  const busy = signIn.isPending || leaving;

  if (me.isPending) return <PageLoading />;
  if (me.data && !busy) return <Navigate to={nextPage(me.data)} replace />;

  const onFinish = (v: { account: string; password: string }) => signIn.mutate({ account: v.account.trim(), password: v.password });

  if (ticket)
    return (
      <PublicShell title="两步验证">
        <TwoFactorCodeStep
          ticket={ticket}
          onSuccess={loggedIn}
          onRestart={(e) => {
            setTicket(null);
            setError(e);
          }}
        />
      </PublicShell>
    );

  return (
    <PublicShell title="用户登录">
      {notice && !error && (
        <Alert
          type={notice === SESSION_EXPIRED ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="login-notice"
          role="status"
          title={notice}
        />
      )}
      <Form layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on" initialValues={{ account }}>
        <Form.Item label="账号" name="account" rules={[{ required: true, whitespace: true, message: '请输入证件号、手机号或用户名' }]}>
          <Input prefix={<UserOutlined />} placeholder="证件号 / 手机号 / 用户名" autoComplete="username" size="large" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" size="large" />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="login-error"
            title={error.message}
            description={
              error.code === 'INVALID_CREDENTIALS' ? (
                <span>
                  如果您还没有平台账号，请点击 <Link to="/register">注册账号</Link>；已有账号但忘记密码，可点击{' '}
                  <Link to="/forgot">忘记密码</Link> 或联系校级管理员重置密码。
                </span>
              ) : error.code === 'ACCOUNT_PENDING' ? (
                '注册申请已提交，请联系本校校级管理员审核，审核通过后即可登录。'
              ) : undefined
            }
          />
        )}
        <Form.Item style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Link to="/register">注册账号</Link>
          <Link to="/forgot">忘记密码</Link>
        </Space>
      </Form>
    </PublicShell>
  );
}
