import { useState } from 'react';
import { Button, Card, Empty, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { OutboxRow, Paged } from '../../api/types.ts';
import { formatTime } from '../../format.ts';

/** 通知发件箱: what the built-in notifier "sent" (verification codes, notices). */
export default function Outbox() {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outbox', page],
    queryFn: () => get<Paged<OutboxRow>>('/api/outbox', { page }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="通知发件箱" extra={<Button icon={<ReloadOutlined />} onClick={() => list.refetch()}>刷新</Button>}>
      <Table<OutboxRow>
        data-testid="outbox-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '发件箱为空'} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 180, render: formatTime },
          { title: '渠道', dataIndex: 'channel', width: 80, render: (c: string) => <Tag color={c === 'sms' ? 'blue' : 'purple'}>{c === 'sms' ? '短信' : '邮件'}</Tag> },
          { title: '接收人', dataIndex: 'recipient', width: 200 },
          { title: '主题', dataIndex: 'subject', width: 180, render: (s) => s || '—' },
          { title: '内容', dataIndex: 'body' },
        ]}
      />
    </Card>
  );
}
