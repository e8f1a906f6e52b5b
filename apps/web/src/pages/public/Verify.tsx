import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Form, Input, Space, Tabs, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { PublicShell } from '../../components/PublicShell.tsx';
import { CredentialVerify } from './CredentialVerify.tsx';
import { VerifyResult } from './VerifyResult.tsx';

/** Letters and digits only, upper case; with or without the SX prefix. */
function cleanCode(input: string): string | null {
  const s = input.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const body = s.length === 18 && s.startsWith('SX') ? s.slice(2) : s;
  if (body.length !== 16) return null;
  return `SX-${[0, 4, 8, 12].map((i) => body.slice(i, i + 4)).join('-')}`;
}

/** 证书验证 (public, no login): /verify asks for a code, /verify/:code shows what the platform knows of it;
 *  the second tab checks an uploaded verifiable credential file (CredentialVerify). */
export default function Verify() {
  const { code } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ code: string }>();
  const [tab, setTab] = useState<'code' | 'file'>('code');
  useEffect(() => {
    form.setFieldsValue({ code: code ?? '' });
  }, [code, form]);

  return (
    <PublicShell
      title={
        <Space>
          <SafetyCertificateOutlined />
          证书验证
        </Space>
      }
      wide
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'code' | 'file')}
        items={[
          {
            key: 'code',
            label: '输入验证码',
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  输入证书上的验证码（或用手机扫描证书上的二维码），核验学分证书、结业证书的真伪。无需登录。
                </Typography.Paragraph>
                <Form form={form} layout="inline" style={{ marginBottom: 16 }} onFinish={(v) => navigate(`/verify/${cleanCode(v.code)}`)}>
                  <Form.Item
                    name="code"
                    style={{ flex: 1 }}
                    rules={[
                      { required: true, whitespace: true, message: '请输入证书验证码' },
                      {
                        validator: (_, v: string) =>
                          !v || cleanCode(v)
                            ? Promise.resolve()
                            : Promise.reject(new Error('验证码为 16 位字母和数字，形如 SX-XXXX-XXXX-XXXX-XXXX')),
                      },
                    ]}
                  >
                    <Input placeholder="SX-XXXX-XXXX-XXXX-XXXX" allowClear aria-label="证书验证码" maxLength={40} />
                  </Form.Item>
                  <Form.Item style={{ marginInlineEnd: 0 }}>
                    <Button type="primary" htmlType="submit">
                      验证
                    </Button>
                  </Form.Item>
                </Form>
                {code && <VerifyResult code={code} />}
              </>
            ),
          },
          { key: 'file', label: '上传凭证文件', children: <CredentialVerify /> },
        ]}
      />
      <div style={{ textAlign: 'center', marginTop: 8 }}>
        <Link to="/login">登录平台</Link>
      </div>
    </PublicShell>
  );
}
