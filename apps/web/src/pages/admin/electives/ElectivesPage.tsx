import { useState } from 'react';
import { Alert, Button, Card, Empty, Input, Space, Table, Tabs, Tag } from 'antd';
import { BookOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { rolesMay } from '@shixun/domain';
import { electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { useMe } from '../../../api/session.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';
import { ElectiveDetail } from './ElectiveDetail.tsx';
import { ElectiveForm } from './ElectiveForm.tsx';
import type { ElectiveRow } from './types.ts';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  pending: 'orange',
  published: 'green',
  returned: 'red',
  closed: 'default',
};

/** 自主选学 for institutions and region admins: the courses, the approval queue of the organising level, the figures. */
export default function ElectivesPage() {
  const me = useMe().data;
  const reviewer = !!me && rolesMay(me.roles, 'elective.review');
  const [tab, setTab] = useState('list');
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['admin-electives', q, page],
    queryFn: () => call(electives.listElectives, { query: { q, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const pending = useQuery({ queryKey: ['elective-pending'], queryFn: () => call(electives.pendingElectives), enabled: reviewer });
  const stats = useQuery({ queryKey: ['elective-stats'], queryFn: () => call(electives.stats), enabled: tab === 'stats' });
  const columns = [
    { title: '课程名称', dataIndex: 'name', render: (t: string, r: ElectiveRow) => <a onClick={() => setOpen(r.id)}>{t}</a> },
    { title: '提供机构', dataIndex: 'providerName', responsive: FROM_MD },
    { title: '学分', dataIndex: 'credits', responsive: FROM_MD, render: (x: number, r: ElectiveRow) => `${r.categoryName} ${x}` },
    {
      title: '学习时间',
      dataIndex: 'startDate',
      responsive: FROM_MD,
      render: (_: string, r: ElectiveRow) => `${r.startDate} ~ ${r.endDate}`,
    },
    {
      title: '名额',
      dataIndex: 'capacity',
      responsive: FROM_MD,
      render: (c: number | null, r: ElectiveRow) => (c === null ? `${r.taken} / 不限` : `${r.taken} / ${c}`),
    },
    { title: '费用', dataIndex: 'priceLabel', responsive: FROM_MD },
    {
      title: '状态',
      dataIndex: 'reviewStatusLabel',
      render: (t: string, r: ElectiveRow) => <Tag color={STATUS_COLOR[r.reviewStatus]}>{t}</Tag>,
    },
  ];
  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          自主选学
        </Space>
      }
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建课程
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'list',
            label: '课程列表',
            children: (
              <>
                <Input.Search
                  aria-label="搜索课程"
                  placeholder="课程名称、机构"
                  allowClear
                  onSearch={(x) => {
                    setQ(x || undefined);
                    setPage(1);
                  }}
                  style={{ width: 240, marginBottom: 12 }}
                />
                {list.isError && <Alert type="error" showIcon title={list.error.message} />}
                <PhoneTable<ElectiveRow>
                  data-testid="admin-electives"
                  rowKey="id"
                  loading={list.isFetching}
                  dataSource={list.data?.items ?? []}
                  columns={columns}
                  locale={{ emptyText: <Empty description="还没有自主选学课程，点击“新建课程”" /> }}
                  pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
                />
              </>
            ),
          },
          ...(reviewer
            ? [
                {
                  key: 'pending',
                  label: `待审核（${pending.data?.items.length ?? 0}）`,
                  children: (
                    <PhoneTable<ElectiveRow>
                      data-testid="elective-pending"
                      rowKey="id"
                      loading={pending.isFetching}
                      dataSource={pending.data?.items ?? []}
                      columns={columns}
                      locale={{ emptyText: <Empty description="没有待本级审核的课程" /> }}
                      pagination={false}
                    />
                  ),
                },
              ]
            : []),
          {
            key: 'stats',
            label: '报名统计',
            children: (
              <Table
                data-testid="elective-stats"
                rowKey="id"
                size="small"
                scroll={{ x: 640 }}
                loading={stats.isFetching}
                dataSource={stats.data?.items ?? []}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                locale={{ emptyText: <Empty description="还没有上架的课程" /> }}
                columns={[
                  { title: '课程名称', dataIndex: 'name' },
                  { title: '提供机构', dataIndex: 'providerName' },
                  { title: '名额', dataIndex: 'capacity', render: (c: number | null) => c ?? '不限' },
                  { title: '报名', dataIndex: 'enrolled' },
                  { title: '取消', dataIndex: 'cancelled' },
                  { title: '通过', dataIndex: 'passed' },
                  { title: '未通过', dataIndex: 'failed' },
                  { title: '通过率', dataIndex: 'passRate', render: (r: number | null) => (r === null ? '—' : `${r}%`) },
                ]}
                summary={() =>
                  stats.data ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={3}>
                        合计
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={3}>{stats.data.totals.enrolled}</Table.Summary.Cell>
                      <Table.Summary.Cell index={4}>{stats.data.totals.cancelled}</Table.Summary.Cell>
                      <Table.Summary.Cell index={5}>{stats.data.totals.passed}</Table.Summary.Cell>
                      <Table.Summary.Cell index={6} colSpan={2}>
                        {stats.data.totals.failed}
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : null
                }
              />
            ),
          },
        ]}
      />
      <ElectiveDetail id={open} onClose={() => setOpen(null)} />
      <ElectiveForm
        open={creating}
        editing={null}
        onClose={(id) => {
          setCreating(false);
          if (id) setOpen(id);
        }}
      />
    </Card>
  );
}
