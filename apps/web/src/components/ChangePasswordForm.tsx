import { Alert, Button, Form, Input } from 'antd';
import { auth } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../api/call.ts';
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
  const change = useMutation({
    mutationFn: (v: Values) => call(auth.changePassword, { body: { oldPassword: v.oldPassword, newPassword: v.newPassword } }),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
  });
  const error = change.error?.message ?? null;
  const onFinish = (v: Values) => change.mutate(v);
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
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        提交
      </Button>
    </Form>
  );
}
