import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { certificates } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { downloadFile } from '../../../api/files.ts';
import { formatDate } from '../../../format.ts';
import { IssueCreditModal } from './IssueCreditModal.tsx';
import type { CertificateItem } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

// the manual's two kinds of 我的证书 (自主选学 / 专项培训) for completion certificates, beside the credit certificates
type Shelf = 'credit' | 'elective' | 'project';
const EMPTY: Record<Shelf, string> = {
  credit: '还没有学分证书。点击右上角“生成学分证书”，按培训周期或年度生成。',
  elective: '暂无自主选学证书。自主选学课程考核合格后，平台颁发的结业证书会列在这里。',
  project: '暂无专项培训结业证书。专项培训考核合格后，平台颁发的结业证书会列在这里。',
};
const onShelf = (c: CertificateItem, k: Shelf) =>
  k === 'credit' ? c.kind === 'credit' : c.kind === 'completion' && (c.source === 'elective') === (k === 'elective');

/** 我的证书: 学分证书 and 结业证书, each downloadable as PDF and verifiable by anyone with its code. */
export default function CertificatesPage() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [kind, setKind] = useState<Shelf>('credit');
  const [issuing, setIssuing] = useState(false);
  const [downloading, setDownloading] = useState<number | null>(null);
  const list = useQuery({ queryKey: ['certificates', 'mine'], queryFn: () => call(certificates.myCertificates) });
  const items = list.data?.items ?? [];

  const download = async (c: CertificateItem) => {
    setDownloading(c.id);
    try {
      await downloadFile(certificates.certificatePdf.path.replace(':id', String(c.id)), `${c.title}-${c.code}.pdf`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setDownloading(null);
    }
  };

  const table = (k: Shelf) => (
    <PhoneTable<CertificateItem>
      data-testid={`certificates-${k}`}
      rowKey="id"
      loading={list.isFetching}
      dataSource={items.filter((c) => onShelf(c, k))}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 张` }}
      locale={{ emptyText: <Empty description={list.isError ? list.error.message : EMPTY[k]} /> }}
      columns={[
        {
          title: '证书名称',
          dataIndex: 'title',
          render: (t: string, c) => (
            <>
              <div>{t}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.subject}
              </Typography.Text>
            </>
          ),
        },
        { title: '结果', responsive: FROM_MD, dataIndex: 'result' },
        {
          title: '验证码',
          responsive: FROM_MD,
          dataIndex: 'code',
          width: 250,
          render: (code: string) => (
            <Typography.Text style={{ whiteSpace: 'nowrap' }} copyable={{ text: code, tooltips: ['复制', '已复制'] }}>
              {code}
            </Typography.Text>
          ),
        },
        { title: '发证日期', responsive: FROM_MD, dataIndex: 'issuedAt', render: formatDate, width: 110 },
        {
          title: '状态',
          dataIndex: 'status',
          width: 90,
          render: (s: string, c) => <Tag color={s === 'valid' ? 'green' : 'red'}>{c.statusLabel}</Tag>,
        },
        {
          title: '操作',
          key: 'op',
          width: 200,
          render: (_, c) => (
            <Space>
              <Button size="small" icon={<DownloadOutlined />} loading={downloading === c.id} onClick={() => download(c)}>
                下载 PDF
              </Button>
              <Link to={c.verifyPath} target="_blank" rel="noopener">
                验证
              </Link>
            </Space>
          ),
        },
      ]}
    />
  );

  const count = (k: Shelf) => items.filter((c) => onShelf(c, k)).length;
  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          我的证书
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
          生成学分证书
        </Button>
      }
    >
      <Tabs
        activeKey={kind}
        onChange={(k) => setKind(k as Shelf)}
        items={[
          { key: 'credit', label: `学分证书（${count('credit')}）`, children: table('credit') },
          { key: 'elective', label: `自主选学（${count('elective')}）`, children: table('elective') },
          { key: 'project', label: `专项培训（${count('project')}）`, children: table('project') },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        每张证书都有唯一的验证码和二维码；任何人无需登录即可在{' '}
        <Link to="/verify" target="_blank">
          证书验证
        </Link>{' '}
        页面核验真伪。
      </Typography.Paragraph>
      <IssueCreditModal
        open={issuing}
        onClose={() => setIssuing(false)}
        onIssued={() => {
          setIssuing(false);
          setKind('credit');
          void qc.invalidateQueries({ queryKey: ['certificates', 'mine'] });
        }}
      />
    </Card>
  );
}
