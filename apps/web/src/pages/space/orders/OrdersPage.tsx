import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Space, Tabs, Tag, Typography } from 'antd';
import { ShoppingCartOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { orders, type ResponseOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { formatMinute } from '../../../format.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';
import { OrderDrawer } from './OrderDrawer.tsx';
import { STATUS_COLORS } from './statusColors.ts';

type Order = ResponseOf<typeof orders.myOrders>['items'][number];
type Tab = (typeof orders.ORDER_TABS)[number];

const TABS: { key: Tab; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'pending', label: '待支付' },
  { key: 'paid', label: '已支付' },
  { key: 'ended', label: '已取消/已关闭' },
  { key: 'refund', label: '退款' },
];

/** 我的订单: the teacher's orders by state, each opening its detail (去支付, 取消订单, 申请退款, 申请发票). */
export default function OrdersPage() {
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'all';
  const page = Number(params.get('page') ?? 1);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['my-orders', tab, page],
    queryFn: () => call(orders.myOrders, { query: { tab, page, pageSize: 10 } }),
    placeholderData: keepPreviousData,
  });
  const columns = [
    {
      title: '订单',
      key: 'item',
      render: (_: unknown, o: Order) => (
        <Space direction="vertical" size={0}>
          <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpen(o.id)}>
            {o.itemName}
          </Button>
          <Typography.Text type="secondary">{o.itemKindLabel}</Typography.Text>
        </Space>
      ),
    },
    { title: '金额', dataIndex: 'amountFen', key: 'amount', render: (f: number) => orders.formatYuan(f) },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (_: unknown, o: Order) => (
        <Tag color={STATUS_COLORS[o.status]} data-testid="order-status">
          {o.statusLabel}
        </Tag>
      ),
    },
    { title: '订单号', dataIndex: 'outTradeNo', key: 'no', responsive: FROM_MD },
    { title: '下单时间', dataIndex: 'createdAt', key: 'created', responsive: FROM_MD, render: (v: string) => formatMinute(v) },
    {
      title: '操作',
      key: 'ops',
      responsive: FROM_MD,
      render: (_: unknown, o: Order) => (
        <Button size="small" type={o.canPay ? 'primary' : 'default'} onClick={() => setOpen(o.id)}>
          {o.canPay ? '去支付' : '查看'}
        </Button>
      ),
    },
  ];
  return (
    <Card
      title={
        <Space>
          <ShoppingCartOutlined />
          我的订单
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={TABS.map((t) => ({ key: t.key, label: `${t.label}·${list.data?.counts[t.key] ?? 0}` }))}
      />
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <PhoneTable<Order>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: '暂无订单' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: list.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (p) => setParams({ tab, page: String(p) }, { replace: true }),
        }}
      />
      <OrderDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
