import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, App, Button, Form, Input, Result, Space } from 'antd';
import { auth } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { usePublicConfig } from '../../api/session.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { CodeButton } from '../../components/CodeButton.tsx';
import { confirmRules, newPasswordRules, policyHint } from '../../components/passwordRules.ts';

interface Values {
  account: string;
  code: string;
  newPassword: string;
  confirm: string;
}

export default function Forgot() {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const policy = usePublicConfig().data?.passwordPolicy;
  // the server answers the same for every account (it does not say whether one exists): its sentence is shown as is
  const [sent, setSent] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (v: Values) =>
      call(auth.forgotReset, { body: { account: v.account.trim(), code: v.code.trim(), newPassword: v.newPassword } }),
  });

  const sendCode = async () => {
    try {
      await form.validateFields(['account']);
    } catch {
      return false;
    }
    try {
      const r = await call(auth.forgotCode, { body: { account: form.getFieldValue('account').trim() } });
      setSent(r.message);
      reset.reset();
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  const error = reset.error?.message ?? null;

  if (reset.isSuccess)
    return (
      <PublicShell title="找回密码">
        <Result
          status="success"
          title="密码已重置"
          subTitle="请使用新密码登录。"
          extra={
            <Link to="/login">
              <Button type="primary">返回登录</Button>
            </Link>
          }
        />
      </PublicShell>
    );

  return (
    <PublicShell title="找回密码">
      <Form form={form} layout="vertical" onFinish={(v) => reset.mutate(v)} autoComplete="off">
        <Form.Item label="账号" name="account" rules={[{ required: true, whitespace: true, message: '请输入证件号、手机号或用户名' }]}>
          <Input placeholder="证件号 / 手机号 / 用户名" maxLength={auth.ACCOUNT_MAX} />
        </Form.Item>
        <Form.Item label="验证码" required>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item
              name="code"
              noStyle
              rules={[
                { required: true, message: '请输入验证码' },
                { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
              ]}
            >
              <Input placeholder="6 位数字验证码" maxLength={6} aria-label="验证码" />
            </Form.Item>
            <CodeButton send={sendCode} testId="forgot-send-code" />
          </Space.Compact>
        </Form.Item>
        {sent !== null && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={sent} data-testid="forgot-sent" />}
        <Form.Item label="新密码" name="newPassword" rules={newPasswordRules(policy)} extra={policyHint(policy)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={confirmRules(form)}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={reset.isPending}>
          提交
        </Button>
        <div style={{ marginTop: 12, textAlign: 'center' }}>
          <Link to="/login">返回登录</Link>　如多次找回失败，请联系区县管理员或校级管理员重置密码。
        </div>
      </Form>
    </PublicShell>
  );
}
