import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Image, List, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, FilePdfOutlined } from '@ant-design/icons';
import { creditClaims } from '@shixun/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import { formatTime } from '../../../format.ts';
import { RejectModal } from '../../../components/RejectModal.tsx';
import { CLAIM_STATUS_COLORS, formatSize } from './types.ts';

/** One claim for review: who, what, how much, the evidence to open, and 通过 / 退回 (the teacher may answer a returned claim with 重新申报). */
export function ClaimDrawer({ id, onClose, onDecided }: { id: number | null; onClose: () => void; onDecided: () => Promise<unknown> }) {
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const detail = useQuery({
    queryKey: ['credit-claims', 'review', 'detail', id],
    queryFn: () => call(creditClaims.reviewClaimDetail, { params: { id: id as number } }).then((r) => r.claim),
    enabled: id !== null,
  });
  const c = detail.data;

  /** Someone else was faster (409): say so, and show what they decided. */
  const after = async (e?: unknown) => {
    if (e instanceof ApiError && e.status === 409) message.warning(e.message);
    else if (e) message.error((e as Error).message);
    await Promise.all([detail.refetch(), onDecided()]);
  };

  const approve = useMutation({
    mutationFn: () => call(creditClaims.approveClaim, { params: { id: id as number } }),
    onSuccess: () => message.success('已通过，学分已计入该教师的学分明细'),
    onSettled: (_, e) => after(e ?? undefined),
  });
  const reject = useMutation({
    mutationFn: (reason: string) => call(creditClaims.rejectClaim, { params: { id: id as number }, body: { reason } }),
    onSuccess: () => message.success('已退回，教师将看到退回原因并可重新申报'),
    onSettled: async (_, e) => {
      setRejecting(false);
      await after(e ?? undefined);
    },
  });

  const unit = c?.unitLabel ?? '学分';
  return (
    <Drawer
      title="学分申报详情"
      size={640}
      open={id !== null}
      onClose={onClose}
      destroyOnHidden
      footer={
        c?.status === 'pending' ? (
          <Space>
            <Popconfirm
              title="通过这条学分申报？"
              description={`通过后将为 ${c.teacher.name} 计入 ${c.amount} ${unit}。`}
              okText="通过"
              cancelText="取消"
              onConfirm={() => approve.mutateAsync().catch(() => undefined)}
            >
              <Button type="primary" loading={approve.isPending}>
                通过
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setRejecting(true)}>
              退回
            </Button>
          </Space>
        ) : null
      }
    >
      {detail.isLoading ? (
        <Spin />
      ) : detail.isError ? (
        <Alert type="error" showIcon title="加载失败" description={detail.error.message} />
      ) : c ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
            <Descriptions.Item label="教师">
              {c.teacher.name}（{c.teacher.idNumber ?? '—'}）
            </Descriptions.Item>
            <Descriptions.Item label="单位">
              {c.teacher.county} · {c.teacher.school}
            </Descriptions.Item>
            <Descriptions.Item label="申报类型">
              {c.claimTypeName}（{c.categoryName}）
            </Descriptions.Item>
            <Descriptions.Item label="申报名称">{c.title}</Descriptions.Item>
            <Descriptions.Item label="年度">{c.year} 年</Descriptions.Item>
            <Descriptions.Item label="折算学分">
              <b>
                {c.amount} {unit}
              </b>
              （{c.quantity} 项 × {c.unitAmount} {unit}）
            </Descriptions.Item>
            <Descriptions.Item label="说明">
              <span style={{ whiteSpace: 'pre-wrap' }}>{c.description || '—'}</span>
            </Descriptions.Item>
            <Descriptions.Item label="提交时间">{formatTime(c.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={CLAIM_STATUS_COLORS[c.status]}>{c.statusLabel}</Tag>
            </Descriptions.Item>
            {c.status !== 'pending' && c.status !== 'withdrawn' && (
              <Descriptions.Item label="审核">
                {c.reviewerName ?? '—'} · {formatTime(c.reviewedAt)}
                {c.reviewReason ? `：${c.reviewReason}` : ''}
              </Descriptions.Item>
            )}
            {c.entryId !== null && (
              <Descriptions.Item label="学分记录">
                已记入{c.teacher.name}的学分：{c.year} 年 · {c.categoryName} {c.amount} {unit}
              </Descriptions.Item>
            )}
            {c.resubmitOf && (
              <Descriptions.Item label="重新申报">
                <span data-testid="resubmit-of">
                  原申报被{c.resubmitOf.reviewerName ?? '审核人'}于 {formatTime(c.resubmitOf.reviewedAt)} 退回：
                  {c.resubmitOf.reviewReason ?? '—'}
                </span>
              </Descriptions.Item>
            )}
          </Descriptions>
          {c.typeInfo.maxPerYear !== null && (
            <Alert
              type="info"
              showIcon
              title={`该教师 ${c.year} 年本类型已申报（含待审核）${c.typeInfo.claimedThisYear} ${unit}，每年上限 ${c.typeInfo.maxPerYear} ${unit}`}
            />
          )}
          <div>
            <Typography.Title level={5}>证明材料</Typography.Title>
            {c.typeInfo.evidence && <Typography.Paragraph type="secondary">要求：{c.typeInfo.evidence}</Typography.Paragraph>}
            <Image.PreviewGroup>
              <List
                size="small"
                bordered
                dataSource={c.files}
                locale={{ emptyText: '没有证明材料' }}
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <a key="open" href={f.url} target="_blank" rel="noreferrer">
                        <EyeOutlined /> 查看
                      </a>,
                      <a key="dl" href={`${f.url}?download=1`}>
                        <DownloadOutlined /> 下载
                      </a>,
                    ]}
                  >
                    <Space>
                      {f.mime === 'application/pdf' ? (
                        <FilePdfOutlined />
                      ) : (
                        <Image src={f.url} width={40} height={40} style={{ objectFit: 'cover' }} alt={f.name} />
                      )}
                      <span>{f.name}</span>
                      <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
                    </Space>
                  </List.Item>
                )}
              />
            </Image.PreviewGroup>
          </div>
        </Space>
      ) : null}
      <RejectModal
        open={rejecting}
        verb="退回"
        title={`退回 ${c?.teacher.name ?? ''} 的学分申报`}
        onCancel={() => setRejecting(false)}
        onSubmit={async (reason) => {
          await reject.mutateAsync(reason).catch(() => undefined);
        }}
      />
    </Drawer>
  );
}
