import { App, Button, Empty, Popconfirm, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { creditClaims } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { CLAIM_STATUS_COLORS, type Claim } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

/** 我的申报: status, what the reviewer said, the evidence, and 撤回 while it waits. */
export function MyClaims({
  items,
  unit,
  loading,
  error,
  onChanged,
  onResubmit,
}: {
  items: Claim[];
  unit: string;
  loading: boolean;
  error?: string;
  onChanged: () => Promise<unknown>;
  /** 重新申报 of a returned claim */
  onResubmit: (c: Claim) => void;
}) {
  const { message } = App.useApp();
  const withdraw = useMutation({
    mutationFn: (c: Claim) => call(creditClaims.withdrawClaim, { params: { id: c.id } }),
    onSuccess: () => message.success('申报已撤回'),
    onError: (e) => message.error(e.message),
    onSettled: () => onChanged(),
  });
  return (
    <PhoneTable<Claim>
      data-testid="my-claims-table"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, showTotal: (t) => `共 ${t} 条` } : false}
      locale={{ emptyText: <Empty description={error ?? '还没有学分申报。可按上方折算表点击“申报”提交。'} /> }}
      expandable={{
        rowExpandable: (c) => !!c.description,
        expandedRowRender: (c) => (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>说明：{c.description}</Typography.Paragraph>
        ),
      }}
      columns={[
        {
          title: '申报名称',
          key: 'title',
          render: (_, c) => (
            <Space orientation="vertical" size={0}>
              <span>{c.title}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.claimTypeName} · {c.categoryName}
              </Typography.Text>
            </Space>
          ),
        },
        { title: '年度', responsive: FROM_MD, dataIndex: 'year', width: 64 },
        { title: '折算学分', responsive: FROM_MD, key: 'amount', width: 120, render: (_, c) => `${c.amount} ${unit}（${c.quantity} 项）` },
        {
          title: '状态',
          key: 'status',
          width: 100,
          render: (_, c) => (
            <Space orientation="vertical" size={0}>
              <Tag color={CLAIM_STATUS_COLORS[c.status]} data-testid={`claim-status-${c.id}`}>
                {c.statusLabel}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.reviewLevelLabel}审核
              </Typography.Text>
            </Space>
          ),
        },
        {
          title: '审核意见',
          responsive: FROM_MD,
          key: 'review',
          width: 220,
          render: (_, c) =>
            c.status === 'rejected' || c.status === 'approved' ? (
              <Space orientation="vertical" size={0}>
                {c.reviewReason ? (
                  <Typography.Text type={c.status === 'rejected' ? 'danger' : undefined}>{c.reviewReason}</Typography.Text>
                ) : (
                  <span>审核通过，已计入我的学分</span>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.reviewerName ?? ''} {formatTime(c.reviewedAt)}
                </Typography.Text>
              </Space>
            ) : c.status === 'withdrawn' ? (
              <Typography.Text type="secondary">{formatTime(c.withdrawnAt)} 撤回</Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: '证明材料',
          responsive: FROM_MD,
          key: 'files',
          width: 160,
          render: (_, c) => (
            <Space orientation="vertical" size={0}>
              {c.files.map((f) => (
                <a key={f.id} href={f.url} target="_blank" rel="noreferrer">
                  <PaperClipOutlined /> {f.name}
                </a>
              ))}
            </Space>
          ),
        },
        { title: '提交时间', responsive: FROM_MD, dataIndex: 'createdAt', width: 110, render: formatTime },
        {
          title: '操作',
          key: 'op',
          width: 76,
          render: (_, c) =>
            c.status === 'pending' ? (
              <Popconfirm
                title="撤回这条学分申报？"
                description="撤回后不再审核，如需要可重新申报。"
                okText="撤回"
                cancelText="取消"
                onConfirm={() => withdraw.mutateAsync(c).catch(() => undefined)}
              >
                <Button size="small" danger>
                  撤回
                </Button>
              </Popconfirm>
            ) : c.canResubmit ? (
              <Button size="small" type="primary" ghost onClick={() => onResubmit(c)} data-testid="resubmit-claim">
                重新申报
              </Button>
            ) : c.resubmittedAs ? (
              <Typography.Text type="secondary">已重新申报</Typography.Text>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
