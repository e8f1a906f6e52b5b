import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Empty, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { creditClaims } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { ClaimDrawer } from './ClaimDrawer.tsx';
import { CLAIM_STATUS_COLORS, type ReviewClaim } from './types.ts';

type Tab = 'pending' | 'approved' | 'rejected';
const TABS: Array<{ value: Tab; label: string }> = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
];

/** 学分申报审核: the claims of the admin's review level from teachers in their scope ("谁组织、谁认定"). */
export default function CreditClaimReview() {
  const qc = useQueryClient();
  const [status, setStatus] = useState<Tab>('pending');
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['credit-claims', 'review', status, page, search],
    queryFn: () => call(creditClaims.reviewQueue, { query: { status, page, q: search } }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['credit-claims', 'review'] });
  const d = list.data;
  const unit = d?.unitLabel ?? '学分';

  return (
    <Card
      title="学分申报审核"
      extra={d && <Typography.Text type="secondary">审核{d.levelLabel}级申报（管辖范围内的教师）</Typography.Text>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={status}
          onChange={(v) => {
            setStatus(v as Tab);
            setPage(1);
          }}
          options={TABS.map((t) => ({ value: t.value, label: d ? `${t.label}（${d.counts[t.value]}）` : t.label }))}
        />
        <Input.Search
          aria-label="搜索学分申报"
          placeholder="教师姓名 / 证件号 / 申报名称"
          allowClear
          style={{ width: 300 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
        />
      </Space>
      <Table<ReviewClaim>
        data-testid="claim-review-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        locale={{
          emptyText: <Empty description={list.isError ? list.error.message : status === 'pending' ? '暂无待审核的学分申报' : '暂无记录'} />,
        }}
        pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        onRow={(c) => ({ onDoubleClick: () => setOpen(c.id) })}
        columns={[
          {
            title: '教师',
            key: 'teacher',
            width: 170,
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <Link to={`/admin/teachers/${c.teacher.id}`}>{c.teacher.name}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {c.teacher.idNumber}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '学校', key: 'school', width: 160, render: (_, c) => c.teacher.school },
          {
            title: '申报',
            key: 'title',
            render: (_, c) => (
              <Space orientation="vertical" size={0}>
                <span>{c.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.claimTypeName}
                </Typography.Text>
              </Space>
            ),
          },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '折算学分', key: 'amount', width: 110, render: (_, c) => `${c.amount} ${unit}` },
          { title: '材料', key: 'files', width: 70, render: (_, c) => `${c.files.length} 个` },
          { title: '提交时间', dataIndex: 'createdAt', width: 170, render: formatTime },
          ...(status === 'pending'
            ? []
            : [
                {
                  title: '审核',
                  key: 'review',
                  render: (_: unknown, c: ReviewClaim) => (
                    <Space orientation="vertical" size={0}>
                      <Tag color={CLAIM_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
                      {c.reviewReason && <Typography.Text type="danger">{c.reviewReason}</Typography.Text>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {c.reviewerName} {formatTime(c.reviewedAt)}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]),
          {
            title: '操作',
            key: 'op',
            width: 90,
            render: (_, c) => (
              <Button size="small" type={c.status === 'pending' ? 'primary' : 'default'} onClick={() => setOpen(c.id)}>
                {c.status === 'pending' ? '审核' : '查看'}
              </Button>
            ),
          },
        ]}
      />
      <ClaimDrawer id={open} onClose={() => setOpen(null)} onDecided={refresh} />
    </Card>
  );
}
