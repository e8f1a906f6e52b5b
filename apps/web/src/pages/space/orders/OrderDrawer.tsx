import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Modal, Popconfirm, Skeleton, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { orders, type BodyOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { formatMinute } from '../../../format.ts';
import { STATUS_COLORS } from './statusColors.ts';

type Invoice = BodyOf<typeof orders.requestInvoice>;

/** An order's detail and what may be done with it now (the server says which: canPay, canCancel …). */
export function OrderDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [invoiceOpen, setInvoiceOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [form] = Form.useForm<Invoice>();
  const detail = useQuery({
    queryKey: ['my-order', id],
    queryFn: () => call(orders.myOrder, { params: { id: id ?? 0 } }),
    enabled: id !== null,
  });
  const o = detail.data?.order;
  const refresh = async () => {
    await qc.invalidateQueries({ queryKey: ['my-orders'] });
    await qc.invalidateQueries({ queryKey: ['my-order', id] });
    await qc.invalidateQueries({ queryKey: ['my-electives'] });
  };
  const onError = async (e: Error) => {
    message.error(e.message);
    await refresh();
  };
  const pay = useMutation({
    mutationFn: () => call(orders.payOrder, { params: { id: id ?? 0 } }),
    onSuccess: (r) => navigate(r.payUrl),
    onError,
  });
  const cancel = useMutation({
    mutationFn: () => call(orders.cancelOrder, { params: { id: id ?? 0 }, body: { version: o?.version ?? 0 } }),
    onSuccess: async () => {
      message.success('订单已取消，名额已释放');
      await refresh();
    },
    onError,
  });
  const refund = useMutation({
    mutationFn: () => call(orders.refundOrder, { params: { id: id ?? 0 }, body: { version: o?.version ?? 0, reason } }),
    onSuccess: async (r) => {
      message.success(r.order.status === 'refunded' ? '退款成功，报名已取消' : '已申请退款，请等待退款完成');
      await refresh();
    },
    onError,
  });
  const invoice = useMutation({
    mutationFn: (body: Invoice) => call(orders.requestInvoice, { params: { id: id ?? 0 }, body }),
    onSuccess: async () => {
      message.success('发票申请已提交，电子发票将发送到您的邮箱');
      setInvoiceOpen(false);
      await refresh();
    },
    onError,
  });
  return (
    <Drawer open={id !== null} onClose={onClose} title="订单详情" size="large" destroyOnHidden>
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {o && (
        <div data-testid="order-detail">
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'item', label: '商品', children: `${o.itemName}（${o.itemKindLabel}）` },
              { key: 'amount', label: '金额', children: <strong>{orders.formatYuan(o.amountFen)}</strong> },
              { key: 'status', label: '状态', children: <Tag color={STATUS_COLORS[o.status]}>{o.statusLabel}</Tag> },
              { key: 'no', label: '订单号', children: o.outTradeNo },
              { key: 'created', label: '下单时间', children: formatMinute(o.createdAt) },
              ...(o.status === 'pending' ? [{ key: 'expires', label: '支付截止', children: formatMinute(o.expiresAt) }] : []),
              ...(o.paidAt
                ? [
                    { key: 'paid', label: '支付时间', children: formatMinute(o.paidAt) },
                    {
                      key: 'channel',
                      label: '支付方式',
                      children: `${o.providerLabel}${o.providerTradeNo ? `（交易号 ${o.providerTradeNo}）` : ''}`,
                    },
                  ]
                : []),
              ...(o.endReason ? [{ key: 'end', label: '说明', children: o.endReason }] : []),
              ...(o.refund
                ? [
                    {
                      key: 'refund',
                      label: '退款',
                      children: `${o.refund.reason}（${o.refund.status === 'succeeded' ? '已退回' : o.refund.status === 'failed' ? '退款失败' : '处理中'}）`,
                    },
                  ]
                : []),
              {
                key: 'invoice',
                label: '发票',
                children: o.invoice.status === 'requested' ? `已申请（${o.invoice.title}，发送至 ${o.invoice.email}）` : '未申请',
              },
            ]}
          />
          {o.status === 'paid' && o.refundRefusal && (
            <Alert style={{ marginTop: 12 }} type="info" showIcon title={`不能退款：${o.refundRefusal}`} />
          )}
          <Space wrap style={{ marginTop: 16 }}>
            {o.canPay && (
              <Button type="primary" loading={pay.isPending} onClick={() => pay.mutate()}>
                去支付
              </Button>
            )}
            {o.canCancel && (
              <Popconfirm
                title="取消订单"
                description="取消后名额将释放，确定取消吗？"
                okText="取消订单"
                cancelText="再想想"
                onConfirm={() => cancel.mutate()}
              >
                <Button danger loading={cancel.isPending}>
                  取消订单
                </Button>
              </Popconfirm>
            )}
            {o.canRefund && (
              <Popconfirm
                title="申请退款"
                description={
                  <Input.TextArea
                    aria-label="退款原因"
                    placeholder="请填写退款原因"
                    maxLength={200}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                }
                okText="申请退款"
                cancelText="再想想"
                okButtonProps={{ disabled: !reason.trim() }}
                onConfirm={() => refund.mutate()}
              >
                <Button loading={refund.isPending}>申请退款</Button>
              </Popconfirm>
            )}
            {o.canRequestInvoice && <Button onClick={() => setInvoiceOpen(true)}>申请发票</Button>}
          </Space>
          <Modal
            open={invoiceOpen}
            title="申请发票"
            okText="提交"
            cancelText="取消"
            confirmLoading={invoice.isPending}
            onCancel={() => setInvoiceOpen(false)}
            onOk={() => form.validateFields().then((v) => invoice.mutate(v))}
            destroyOnHidden
          >
            <Form form={form} layout="vertical" initialValues={{ taxNo: '' }}>
              <Form.Item name="title" label="发票抬头" rules={[{ required: true, message: '请填写发票抬头' }]}>
                <Input maxLength={100} placeholder="个人姓名或单位名称" />
              </Form.Item>
              <Form.Item name="taxNo" label="纳税人识别号（单位抬头时填写）">
                <Input maxLength={20} />
              </Form.Item>
              <Form.Item name="email" label="接收邮箱" rules={[{ required: true, type: 'email', message: '请填写正确的电子邮箱' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Form>
          </Modal>
        </div>
      )}
    </Drawer>
  );
}
