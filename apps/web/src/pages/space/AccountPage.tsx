import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, Space, Tabs, Typography } from 'antd';
import { account } from '@shixun/contracts';
import { PHONE_RE } from '@shixun/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { isAdmin, ME_KEY, useMe } from '../../api/session.ts';
import { CodeButton } from '../../components/CodeButton.tsx';
import { ChangePasswordForm } from '../../components/ChangePasswordForm.tsx';
import { SupportContact } from '../../components/SupportContact.tsx';
import { TwoFactorPanel } from './TwoFactorPanel.tsx';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 修改手机号 / 修改邮箱: the code goes to the NEW address. */
function ContactForm({ kind, current }: { kind: 'phone' | 'email'; current: string | null }) {
  const [form] = Form.useForm<{ value: string; code: string }>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const label = kind === 'phone' ? '新手机号' : '新邮箱';
  const sendCode = (value: string) =>
    kind === 'phone' ? call(account.phoneCode, { body: { phone: value } }) : call(account.emailCode, { body: { email: value } });
  const change = useMutation({
    mutationFn: ({ value, code }: { value: string; code: string }) =>
      kind === 'phone'
        ? call(account.changePhone, { body: { phone: value, code } })
        : call(account.changeEmail, { body: { email: value, code } }),
    onSuccess: async () => {
      message.success(kind === 'phone' ? '手机号已修改' : '邮箱已修改');
      form.resetFields();
      setSentTo(null);
      await qc.invalidateQueries({ queryKey: ME_KEY });
      await qc.invalidateQueries({ queryKey: ['profile'] });
    },
    onError: (e) => message.error(e.message),
  });

  const send = async () => {
    try {
      await form.validateFields(['value']);
    } catch {
      return false;
    }
    try {
      const r = await sendCode(form.getFieldValue('value').trim());
      setSentTo(r.sentTo);
      return true;
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return false;
    }
  };

  const onFinish = (v: { value: string; code: string }) => change.mutate({ value: v.value.trim(), code: v.code.trim() });

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 420 }} autoComplete="off">
      <Typography.Paragraph>
        当前{kind === 'phone' ? '手机号' : '邮箱'}：{current ?? '未设置'}
      </Typography.Paragraph>
      <Form.Item
        label={label}
        name="value"
        rules={[
          { required: true, whitespace: true, message: `请输入${label}` },
          kind === 'phone'
            ? { pattern: PHONE_RE, message: '请输入 11 位手机号码' }
            : { pattern: EMAIL_RE, message: '请输入正确的邮箱地址' },
        ]}
      >
        <Input maxLength={kind === 'phone' ? 11 : account.EMAIL_MAX} />
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
          <CodeButton send={send} testId={`${kind}-send-code`} />
        </Space.Compact>
      </Form.Item>
      {sentTo && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={`验证码已发送至 ${sentTo}，10 分钟内有效。`} />}
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        提交
      </Button>
    </Form>
  );
}

/** 我的账户: 修改密码 · 修改手机号 · 修改邮箱 (used by teachers and admins). */
export default function AccountPage() {
  const me = useMe().data;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'password';
  return (
    <Card title="我的账户" extra={<SupportContact />}>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          {
            key: 'password',
            label: '修改密码',
            children: <ChangePasswordForm onDone={() => message.success('密码已修改，您在其他设备上的登录已失效')} />,
          },
          { key: 'phone', label: '修改手机号', children: <ContactForm kind="phone" current={me?.phone ?? null} /> },
          { key: 'email', label: '修改邮箱', children: <ContactForm kind="email" current={me?.email ?? null} /> },
          // admins, and anyone who switched it on, manage two-factor authentication here
          ...(me && (isAdmin(me.role) || me.totpEnabled) ? [{ key: 'two-factor', label: '两步验证', children: <TwoFactorPanel /> }] : []),
        ]}
      />
    </Card>
  );
}
