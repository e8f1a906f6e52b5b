// 可验证学习记录: the whole record and each certificate as a signed credential file (Open Badges 3.0 /
// CLR 2.0, a JWT) that any employer or platform can check — on /verify here, or with the published keys.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { certificates, credentials } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { downloadFile } from '../../../api/files.ts';

export function CredentialsCard() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const certs = useQuery({ queryKey: ['certificates', 'mine'], queryFn: () => call(certificates.myCertificates) });

  const download = async (key: string, url: string, name: string) => {
    setBusy(key);
    try {
      await downloadFile(url, name);
      message.success('已下载可验证凭证');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      title={
        <Space>
          <SafetyCertificateOutlined />
          可验证学习记录
        </Space>
      }
      style={{ marginTop: 16 }}
    >
      <Typography.Paragraph type="secondary">
        下载经平台数字签名的学习记录文件（国际通行的 Open Badges 3.0 / CLR 2.0 格式），可交给新单位或其他平台。任何人都可以在{' '}
        <Link to="/verify" target="_blank">
          证书验证
        </Link>{' '}
        页面上传该文件核验真伪；文件被改动过一个字也会被识别出来。完整学习记录凭证有效期一年。
      </Typography.Paragraph>
      <Button
        type="primary"
        loading={busy === 'transcript'}
        onClick={() => download('transcript', credentials.downloadTranscriptCredential.path, '学分银行学习记录.jwt')}
        style={{ marginBottom: 12 }}
      >
        下载完整学习记录凭证
      </Button>
      <List
        data-testid="credential-certificates"
        size="small"
        loading={certs.isPending}
        locale={{ emptyText: certs.isError ? certs.error.message : '还没有证书。生成学分证书或结业证书后，可在这里下载它的可验证凭证。' }}
        dataSource={certs.data?.items ?? []}
        renderItem={(c) => (
          <List.Item
            actions={[
              c.status === 'valid' ? (
                <Button
                  key="dl"
                  size="small"
                  loading={busy === `c${c.id}`}
                  onClick={() =>
                    download(`c${c.id}`, credentials.downloadCertificateCredential.path.replace(':id', String(c.id)), `${c.title}.jwt`)
                  }
                >
                  下载凭证
                </Button>
              ) : (
                <Tag key="revoked" color="red">
                  {c.statusLabel}
                </Tag>
              ),
            ]}
          >
            <List.Item.Meta title={c.title} description={`${c.kindLabel} · ${c.code}`} />
          </List.Item>
        )}
      />
    </Card>
  );
}
