// 验证可验证凭证: someone holding a credential file a teacher gave them (.jwt, or .json holding one)
// uploads it; the platform checks its signature against its published keys and says, in Chinese,
// 有效 / 已撤销 / 已被篡改 / 签名密钥未知 / 已过期 — with the holder's name masked, as for a code.
import { useState } from 'react';
import { Button, Descriptions, Result, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { credentials, type ResponseOf } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { formatDateLong as date } from '../../format.ts';

type Verdict = ResponseOf<typeof credentials.verify>;

const TITLES: Record<Verdict['status'], string> = {
  valid: '凭证有效',
  revoked: '凭证对应的证书已撤销',
  tampered: '凭证已被篡改',
  unknown_key: '无法确认凭证来源',
  expired: '凭证已过期',
};
const STATUS: Record<Verdict['status'], 'success' | 'error' | 'warning'> = {
  valid: 'success',
  revoked: 'error',
  tampered: 'error',
  unknown_key: 'error',
  expired: 'warning',
};

export function CredentialVerify() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [tooBig, setTooBig] = useState(false);
  const check = useMutation({ mutationFn: (credential: string) => call(credentials.verify, { body: { credential } }) });

  const pick = async (file: File) => {
    setFileName(file.name);
    check.reset();
    setTooBig(file.size > credentials.MAX_CREDENTIAL_CHARS);
    if (file.size <= credentials.MAX_CREDENTIAL_CHARS) check.mutate(await file.text());
    return false; // read here, never uploaded by the component itself
  };

  const v = check.data;
  return (
    <div>
      <Typography.Paragraph type="secondary">
        上传教师提供的可验证学习记录文件（.jwt 或
        .json，在平台“学分银行”中下载），平台用公布的签名公钥核验其真伪和当前状态。文件只用于本次核验，不会保存。
      </Typography.Paragraph>
      <Upload accept=".jwt,.json,.txt,application/jwt,application/json" maxCount={1} showUploadList={false} beforeUpload={pick}>
        <Button icon={<UploadOutlined />} loading={check.isPending}>
          选择凭证文件
        </Button>
      </Upload>
      {fileName && (
        <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
          {fileName}
        </Typography.Text>
      )}
      <div data-testid="credential-result" style={{ marginTop: 12 }}>
        {tooBig && (
          <Result status="warning" title="文件过大" subTitle="平台签发的凭证不超过 512 KB，请确认选择的是下载的 .jwt 或 .json 文件。" />
        )}
        {check.isError && <Result status="warning" title="无法核验该文件" subTitle={check.error.message} />}
        {v && (
          <>
            <Result status={STATUS[v.status]} title={TITLES[v.status]} subTitle={v.message} style={{ paddingBottom: 8 }} />
            {v.kind && (
              <Descriptions column={1} bordered size="small" styles={{ label: { width: 110 } }}>
                <Descriptions.Item label="凭证类型">{v.kindLabel}</Descriptions.Item>
                <Descriptions.Item label="名称">{v.title}</Descriptions.Item>
                <Descriptions.Item label="持有人">{v.name ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="签发方">{v.issuer ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="签发日期">{v.issuedAt ? date(v.issuedAt) : '—'}</Descriptions.Item>
                {v.validUntil && <Descriptions.Item label="有效期至">{date(v.validUntil)}</Descriptions.Item>}
                {v.revokedAt && <Descriptions.Item label="撤销日期">{date(v.revokedAt)}</Descriptions.Item>}
                {v.code && <Descriptions.Item label="证书验证码">{v.code}</Descriptions.Item>}
                {v.summary && <Descriptions.Item label="学分合计">{v.summary}</Descriptions.Item>}
              </Descriptions>
            )}
          </>
        )}
      </div>
    </div>
  );
}
