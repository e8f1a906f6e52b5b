import { Empty, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { enrollments } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import type { Figures } from './types.ts';

/** 各环节人数 by the next level under me, and the total of my area. */
export function StatsTab({ projectId }: { projectId: number }) {
  const stats = useQuery({
    queryKey: ['project-stats', projectId],
    queryFn: () => call(enrollments.projectStats, { params: { id: projectId } }),
  });
  const rows = stats.data ? [...stats.data.items, stats.data.total] : [];
  const n = (v: number | null) => (v === null ? '—' : v);
  return (
    <Table<Figures>
      data-testid="project-stats"
      rowKey="holder"
      size="small"
      loading={stats.isFetching}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty description={stats.isError ? stats.error.message : '暂无数据'} /> }}
      columns={[
        {
          title: stats.data?.groupLabel ?? '地区',
          dataIndex: 'name',
          render: (v: string, r) => (r === stats.data?.total ? <b>{v}</b> : v),
        },
        { title: '名额', dataIndex: 'quota', render: n },
        { title: '报名', dataIndex: 'enrolled' },
        { title: '其中个人申报', dataIndex: 'applied' },
        { title: '审核中', dataIndex: 'reviewing' },
        { title: '未通过', dataIndex: 'returned' },
        { title: '审核通过', dataIndex: 'approved' },
        { title: '已分配', dataIndex: 'assigned' },
        { title: '已签到', dataIndex: 'checkedIn' },
        { title: '合格', dataIndex: 'passed' },
        { title: '不合格', dataIndex: 'failed' },
      ]}
    />
  );
}
