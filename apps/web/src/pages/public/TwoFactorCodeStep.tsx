import { useState } from 'react';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { auth } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { ApiError } from '../../api/client.ts';
import type { MeResponse } from '../../api/types.ts';

/**
 * 登录第二步: the 6-digit code of the authenticator app, or one of the recovery codes. A wrong code
 * may be tried again a few times; when the ticket is gone (timeout, too many tries, lock) the user
 * starts over from the password.
 */
export function TwoFactorCodeStep({
  ticket,
  onSuccess,
  onRestart,
}: {
  ticket: string;
  onSuccess: (r: MeResponse) => void;
  onRestart: (e: ApiError) => void;
}) {
  const [form] = Form.useForm<{ code: string }>();
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (code: string) => call(auth.loginTotp, { body: { ticket, code } }),
    onMutate: () => setError(null),
    onSuccess: (r) => onSuccess(r),
    onError: (e) => {
      const err = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
      if (err.code === 'INVALID_TOTP' || err.code === 'VALIDATION') {
        setError(err.message);
        form.setFieldsValue({ code: '' });
      } else onRestart(err);
    },
  });
  // after a right code the page navigates away: the button stays busy until then
  const busy = verify.isPending || verify.isSuccess;

  const onFinish = (v: { code: string }) => verify.mutate(v.code.trim());

  const toggle = () => {
    setRecovery(!recovery);
    setError(null);
    form.resetFields();
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="off" data-testid="totp-step">
      <Typography.Paragraph>
        <SafetyCertificateOutlined style={{ color: '#1677ff', marginRight: 6 }} />
        {recovery
          ? '请输入一个未使用过的恢复码（启用两步验证时保存的 10 个恢复码之一，每个只能用一次）。'
          : '您的账号已启用两步验证。请打开手机上的验证器（如微信小程序“腾讯身份验证器”、Google Authenticator），输入“师训”下显示的 6 位数字。'}
      </Typography.Paragraph>
      {recovery ? (
        <Form.Item label="恢复码" name="code" rules={[{ required: true, whitespace: true, message: '请输入恢复码' }]}>
          <Input placeholder="XXXXX-XXXXX" size="large" maxLength={20} autoFocus style={{ fontFamily: 'monospace', letterSpacing: 1 }} />
        </Form.Item>
      ) : (
        <Form.Item
          label="验证码"
          name="code"
          rules={[
            { required: true, message: '请输入 6 位验证码' },
            { pattern: /^\s*\d{6}\s*$/, message: '验证码为 6 位数字' },
          ]}
        >
          <Input
            placeholder="6 位数字"
            size="large"
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            style={{ fontSize: 20, letterSpacing: 6, textAlign: 'center' }}
          />
        </Form.Item>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-error" />}
      <Form.Item style={{ marginBottom: 12 }}>
        <Button type="primary" htmlType="submit" block size="large" loading={busy}>
          验证并登录
        </Button>
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {recovery ? '找到手机了？' : '手机不在身边或验证器被删除？'}
        <Button type="link" size="small" onClick={toggle} style={{ padding: '0 4px' }}>
          {recovery ? '使用验证器验证码' : '使用恢复码'}
        </Button>
        {recovery ? '' : '恢复码也丢失时，请联系系统管理员。'}
      </Typography.Text>
    </Form>
  );
}
