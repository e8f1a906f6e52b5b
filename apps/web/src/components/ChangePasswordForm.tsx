import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { post } from '../api/client.ts';
import { usePublicConfig } from '../api/session.ts';
import { confirmRules, newPasswordRules, policyHint } from './passwordRules.ts';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: 原密码 → 新密码 → 确认新密码. Other sessions of the user end on the server. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const policy = usePublicConfig().data?.passwordPolicy;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await post('/api/auth/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} autoComplete="off">
      <Form.Item label="原密码" name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item label="新密码" name="newPassword" rules={newPasswordRules(policy)} extra={policyHint(policy)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label="确认新密码" name="confirm" dependencies={['newPassword']} rules={confirmRules(form)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Button type="primary" htmlType="submit" loading={busy}>
        提交
      </Button>
    </Form>
  );
}
