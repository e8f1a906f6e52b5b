import { Descriptions, Result, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { certificates } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { ApiError } from '../../api/client.ts';
import { formatDateLong } from '../../format.ts';

const date = formatDateLong;

/** The answer card: 证书有效, or 证书无效或已撤销, or not found. */
export function VerifyResult({ code }: { code: string }) {
  const q = useQuery({
    queryKey: ['verify', code],
    queryFn: () => call(certificates.verifyCertificate, { params: { code } }),
    retry: false,
  });
  if (q.isPending) return <Spin style={{ display: 'block', padding: 32 }} />;
  if (q.isError) {
    const notFound = q.error instanceof ApiError && q.error.status === 404;
    return (
      <Result
        status={notFound ? 'warning' : 'error'}
        title={notFound ? '未找到该证书' : '暂时无法验证'}
        subTitle={q.error.message}
        data-testid="verify-result"
      />
    );
  }
  const v = q.data;
  return (
    <div data-testid="verify-result">
      <Result
        status={v.valid ? 'success' : 'error'}
        title={v.valid ? '证书有效' : '证书无效或已撤销'}
        subTitle={
          v.valid ? '该证书由本平台颁发，内容如下。' : `该证书已于 ${v.revokedAt ? date(v.revokedAt) : '—'} 撤销，不能作为证明使用。`
        }
        style={{ paddingBottom: 8 }}
      />
      <Descriptions column={1} bordered size="small" styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="证书类型">{v.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="证书名称">{v.title}</Descriptions.Item>
        <Descriptions.Item label="持证人">{v.name}</Descriptions.Item>
        <Descriptions.Item label="证明事项">{v.subject}</Descriptions.Item>
        <Descriptions.Item label="结果">{v.result}</Descriptions.Item>
        <Descriptions.Item label="发证日期">{date(v.issuedAt)}</Descriptions.Item>
        <Descriptions.Item label="验证码">{v.code}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}
