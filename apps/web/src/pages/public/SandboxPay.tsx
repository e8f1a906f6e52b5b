import { useSearchParams, useNavigate } from 'react-router-dom';
import { Alert, Button, Descriptions, Result, Space, Spin, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { orders } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { PublicShell } from '../../components/PublicShell.tsx';
import { formatMinute } from '../../format.ts';

/**
 * 模拟支付 (the sandbox gateway's cashier page): it plays the payer. It shows the pay request the platform
 * signed; 确认支付 has the sandbox send its signed notification to the platform, exactly as a real gateway
 * would after the payer paid; 取消 goes back without paying.
 */
export default function SandboxPay() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = {
    out_trade_no: params.get('out_trade_no') ?? '',
    total_fen: Number(params.get('total_fen') ?? 0),
    subject: params.get('subject') ?? '',
    expires: Number(params.get('expires') ?? 0),
    sign: params.get('sign') ?? '',
  };
  const checkout = useQuery({
    queryKey: ['sandbox-checkout', params.toString()],
    queryFn: () => call(orders.sandboxCheckout, { query: q }),
    retry: false,
  });
  const pay = useMutation({ mutationFn: () => call(orders.sandboxPay, { body: q }) });
  const back = () => navigate('/space/orders?tab=paid');
  const c = checkout.data;
  return (
    <PublicShell title="模拟支付（沙箱）">
      <div data-testid="sandbox-pay">
        <Alert type="warning" showIcon title="这是演示与测试用的模拟支付渠道，不会产生真实扣款" style={{ marginBottom: 16 }} />
        {checkout.isLoading && <Spin />}
        {checkout.isError && <Alert type="error" showIcon title={checkout.error.message} />}
        {pay.data ? (
          <Result
            status={pay.data.status === 'paid' ? 'success' : 'warning'}
            title={pay.data.status === 'paid' ? '支付成功' : '支付结果已通知平台'}
            subTitle={pay.data.status === 'paid' ? '订单已支付，课程已加入“学习中”' : `平台回复：${pay.data.answer}`}
            extra={
              <Button type="primary" onClick={back}>
                返回我的订单
              </Button>
            }
          />
        ) : (
          c && (
            <>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'subject', label: '商品', children: c.subject },
                  { key: 'no', label: '订单号', children: c.outTradeNo },
                  { key: 'expires', label: '支付截止', children: formatMinute(c.expiresAt) },
                ]}
              />
              <Typography.Title level={2} style={{ textAlign: 'center' }} data-testid="sandbox-amount">
                {orders.formatYuan(c.amountFen)}
              </Typography.Title>
              {c.message && <Alert type="info" showIcon title={c.message} style={{ marginBottom: 12 }} />}
              {pay.isError && <Alert type="error" showIcon title={pay.error.message} style={{ marginBottom: 12 }} />}
              <Space style={{ width: '100%', justifyContent: 'center' }}>
                <Button type="primary" size="large" disabled={!c.payable} loading={pay.isPending} onClick={() => pay.mutate()}>
                  确认支付
                </Button>
                <Button size="large" onClick={() => navigate('/space/orders?tab=pending')}>
                  取消
                </Button>
              </Space>
            </>
          )
        )}
      </div>
    </PublicShell>
  );
}
