import { useState } from 'react';
import { Alert, App, Button, Checkbox, Form, Input, Space, Steps, Typography } from 'antd';
import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { account } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/call.ts';

/** The secret in groups of four, easier to type into an app by hand. */
const grouped = (s: string) => s.match(/.{1,4}/g)?.join(' ') ?? s;

/**
 * 绑定验证器: get a QR code, confirm with the first code, then see the 10 recovery codes once and
 * say "我已保存". `onDone` runs after that confirmation.
 */
export function TwoFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  const [saved, setSaved] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const begin = useMutation({ mutationFn: () => call(account.totpSetup) });
  const enable = useMutation({
    mutationFn: (code: string) => call(account.totpEnable, { body: { code } }),
    onError: () => form.setFieldsValue({ code: '' }),
  });
  const setup = begin.data ?? null;
  const codes = enable.data?.recoveryCodes ?? null;
  const busy = begin.isPending || enable.isPending;
  const error = (enable.error ?? begin.error)?.message ?? null;

  const start = () => {
    enable.reset();
    begin.mutate();
  };
  const confirm = (v: { code: string }) => enable.mutate(v.code.trim());

  const text = () => `师训平台两步验证恢复码（每个只能使用一次，请妥善保管）\n\n${(codes ?? []).join('\n')}\n`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      message.success('恢复码已复制');
    } catch {
      message.warning('浏览器不允许复制，请手动抄写或下载');
    }
  };
  const download = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text()], { type: 'text/plain;charset=utf-8' }));
    a.download = '师训-两步验证恢复码.txt';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const step = codes ? 2 : setup ? 1 : 0;
  return (
    <div className="two-factor-enrolment" style={{ maxWidth: 560 }}>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 20 }}
        items={[{ title: '获取二维码' }, { title: '扫码并验证' }, { title: '保存恢复码' }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="totp-enrol-error" />}

      {step === 0 && (
        <>
          <Typography.Paragraph>
            两步验证在密码之外再加一道保护：登录时除了密码，还要输入手机验证器上每 30 秒变化一次的 6
            位数字。即使密码泄露，他人也无法登录您的账号。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            请先在手机上准备一个验证器：Google Authenticator、Microsoft Authenticator，或微信小程序“腾讯身份验证器”均可。
          </Typography.Paragraph>
          <Button type="primary" onClick={start} loading={busy}>
            开始绑定
          </Button>
        </>
      )}

      {step === 1 && setup && (
        <>
          <Typography.Paragraph>用验证器扫描下面的二维码（在验证器中选择“添加账号 / 扫描二维码”）：</Typography.Paragraph>
          <div style={{ textAlign: 'center', marginBottom: 12 }}>
            <img
              src={setup.qrDataUrl}
              alt="两步验证二维码"
              width={200}
              height={200}
              data-testid="totp-qr"
              style={{ border: '1px solid #f0f0f0', borderRadius: 8 }}
            />
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            无法扫码时，可在验证器中手动输入密钥（基于时间）：
            <br />
            <Typography.Text
              code
              copyable={{ text: setup.secret }}
              data-testid="totp-secret"
              style={{ fontSize: 14, wordBreak: 'break-all' }}
            >
              {grouped(setup.secret)}
            </Typography.Text>
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={confirm} requiredMark={false} autoComplete="off">
            <Form.Item
              label="验证器中显示的 6 位数字"
              name="code"
              rules={[
                { required: true, message: '请输入 6 位验证码' },
                { pattern: /^\s*\d{6}\s*$/, message: '验证码为 6 位数字' },
              ]}
            >
              <Input
                maxLength={6}
                inputMode="numeric"
                autoComplete="one-time-code"
                aria-label="验证码"
                style={{ maxWidth: 200, fontSize: 18, letterSpacing: 4 }}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              验证并启用
            </Button>
          </Form>
        </>
      )}

      {step === 2 && codes && (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="请立即保存以下 10 个恢复码"
            description="手机丢失或验证器被删除时，可用恢复码代替验证码登录，每个只能使用一次。恢复码只显示这一次，关闭后无法再查看。"
          />
          <div
            data-testid="recovery-codes"
            style={{
              display: 'grid',
              gridTemplateColumns: 'repeat(2, minmax(0, 1fr))',
              gap: '6px 24px',
              padding: 16,
              background: '#fafafa',
              border: '1px solid #f0f0f0',
              borderRadius: 8,
              marginBottom: 12,
              fontFamily: 'monospace',
              fontSize: 16,
            }}
          >
            {codes.map((c) => (
              <span key={c}>{c}</span>
            ))}
          </div>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button icon={<CopyOutlined />} onClick={copy}>
              复制
            </Button>
            <Button icon={<DownloadOutlined />} onClick={download}>
              下载为文本文件
            </Button>
          </Space>
          <div style={{ marginBottom: 16 }}>
            <Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)}>
              我已把恢复码保存在安全的地方（不要存放在同一部手机上）
            </Checkbox>
          </div>
          <Button type="primary" disabled={!saved} onClick={onDone}>
            我已保存，完成
          </Button>
        </>
      )}
    </div>
  );
}
