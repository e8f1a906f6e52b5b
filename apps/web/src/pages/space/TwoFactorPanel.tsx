import { Alert, App, Button, Descriptions, Form, Input, Popconfirm, Spin, Tag, Typography } from 'antd';
import { account } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { ME_KEY } from '../../api/session.ts';
import { formatTime } from '../../format.ts';
import { TwoFactorEnrolment } from './TwoFactorEnrolment.tsx';

const STATUS_KEY = ['totp-status'];

/** 我的账户 → 两步验证: the state, enrolment, and switching it off. */
export function TwoFactorPanel() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: () => call(account.totpStatus) });
  const [form] = Form.useForm<{ password: string; code: string }>();

  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: STATUS_KEY });
    await qc.invalidateQueries({ queryKey: ME_KEY });
  };

  const switchOff = useMutation({
    mutationFn: (v: { password: string; code: string }) =>
      call(account.totpDisable, { body: { password: v.password, code: v.code.trim() } }),
    onSuccess: async () => {
      message.success('两步验证已停用');
      form.resetFields();
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const disable = async () => {
    let v: { password: string; code: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    await switchOff.mutateAsync(v).catch(() => undefined);
  };

  if (status.isPending) return <Spin />;
  if (status.isError) return <Alert type="error" showIcon title={status.error.message} />;
  const s = status.data;
  if (!s.enabled)
    return (
      <>
        {s.required && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16, maxWidth: 560 }}
            title="您的角色须启用两步验证，绑定完成后才能继续使用管理功能。"
          />
        )}
        <TwoFactorEnrolment
          onDone={async () => {
            message.success('两步验证已启用');
            await refresh();
          }}
        />
      </>
    );
  return (
    <div style={{ maxWidth: 560 }}>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 20 }}>
        <Descriptions.Item label="状态">
          <Tag color="green">已启用</Tag>
          {s.required && <Tag>您的角色要求启用</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="启用时间">{s.enabledAt ? formatTime(s.enabledAt) : '—'}</Descriptions.Item>
        <Descriptions.Item label="剩余恢复码">
          {s.recoveryCodesLeft} 个{s.recoveryCodesLeft <= 3 && '（所剩不多：可停用后重新绑定，以获得新的恢复码）'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>停用两步验证</Typography.Title>
      <Typography.Paragraph type="secondary">
        更换手机时，请先停用，再用新手机重新绑定。
        {s.required && '您的角色要求启用两步验证：停用后须立即重新绑定，才能继续使用平台。'}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false} autoComplete="off" style={{ maxWidth: 360 }}>
        <Form.Item label="登录密码" name="password" rules={[{ required: true, message: '请输入登录密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="验证码或恢复码"
          name="code"
          rules={[{ required: true, whitespace: true, message: '请输入验证器中的 6 位数字或一个恢复码' }]}
        >
          <Input maxLength={20} placeholder="6 位数字或 XXXXX-XXXXX" />
        </Form.Item>
        <Popconfirm
          title="确定停用两步验证？"
          description="停用后登录只需密码，账号安全性会降低。"
          okText="停用"
          cancelText="取消"
          onConfirm={disable}
        >
          <Button danger>停用两步验证</Button>
        </Popconfirm>
      </Form>
    </div>
  );
}
