import { useState } from 'react';
import { Alert, Button, Card, Empty, Table, Tag } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ResponseOf, outbox } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { formatTime } from '../../format.ts';

type OutboxRow = ResponseOf<typeof outbox.outbox>['items'][number];

const STATUS_COLOR = { queued: 'default', sent: 'green', failed: 'red' } as const;

/** 通知发件箱: what the built-in notifier sent, with masked recipients; message texts only on a development outbox. */
export default function Outbox() {
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['outbox', page],
    queryFn: () => call(outbox.outbox, { query: { page } }),
    placeholderData: keepPreviousData,
  });
  const dev = list.data?.devOutbox === true;
  return (
    <Card
      title="通知发件箱"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => list.refetch()}>
          刷新
        </Button>
      }
    >
      {dev ? (
        <Alert
          type="error"
          showIcon
          banner
          style={{ marginBottom: 16 }}
          data-testid="dev-outbox-warning"
          message="开发用发件箱：显示验证码，仅供演示，生产环境必须关闭"
          description="此服务器以 DEV_OUTBOX=true 运行，发件箱显示短信和邮件的全文（含验证码）。正式部署请关闭该设置并接入短信 / 邮件网关。"
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="这里只显示发送状态和脱敏后的接收人；短信和邮件的内容（含验证码）不在平台上显示。"
        />
      )}
      <Table<OutboxRow>
        data-testid="outbox-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '发件箱为空'} /> }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 条`,
          showSizeChanger: false,
        }}
        columns={[
          { title: '时间', dataIndex: 'createdAt', width: 180, render: formatTime },
          {
            title: '渠道',
            dataIndex: 'channel',
            width: 80,
            render: (c: string) => <Tag color={c === 'sms' ? 'blue' : 'purple'}>{c === 'sms' ? '短信' : '邮件'}</Tag>,
          },
          { title: '接收人', dataIndex: 'recipient', width: 200 },
          { title: '主题', dataIndex: 'subject', width: 200, render: (s) => s || '—' },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: OutboxRow['status'], r) => <Tag color={STATUS_COLOR[s]}>{r.statusLabel}</Tag>,
          },
          ...(dev ? [{ title: '内容（开发用）', dataIndex: 'body' }] : []),
        ]}
      />
    </Card>
  );
}
