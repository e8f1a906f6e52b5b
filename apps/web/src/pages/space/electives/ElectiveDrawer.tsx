import { Alert, App, Button, Drawer, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { electives, orders } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ElectiveFacts } from './ElectiveFacts.tsx';

/** A course's detail: what it is, its pass rule, what it does for my credits (the credit engine), and 报名. */
export function ElectiveDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const detail = useQuery({
    queryKey: ['elective-detail', id],
    queryFn: () => call(electives.catalogueDetail, { params: { id: id ?? 0 } }),
    enabled: id !== null,
  });
  const enrol = useMutation({
    mutationFn: () => call(electives.enrol, { params: { id: id ?? 0 } }),
    onSuccess: async () => {
      message.success('报名成功，已加入“学习中”');
      await qc.invalidateQueries({ queryKey: ['my-electives'] });
      await qc.invalidateQueries({ queryKey: ['elective-catalogue'] });
      await qc.invalidateQueries({ queryKey: ['elective-detail', id] });
    },
    onError: async (err) => {
      message.error(err.message);
      await qc.invalidateQueries({ queryKey: ['elective-detail', id] });
    },
  });
  const navigate = useNavigate();
  // a paid course: the place is held by a pending order, paid at the gateway's page (我的订单)
  const order = useMutation({
    mutationFn: () => call(orders.orderElective, { params: { id: id ?? 0 } }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['my-orders'] });
      navigate(r.payUrl);
    },
    onError: async (err) => {
      message.error(err.message);
      await qc.invalidateQueries({ queryKey: ['elective-detail', id] });
    },
  });
  const d = detail.data;
  const paid = (d?.elective.priceFen ?? 0) > 0;
  return (
    <Drawer open={id !== null} onClose={onClose} title={d?.elective.name ?? '课程详情'} size="large" destroyOnHidden>
      {detail.isLoading && <Skeleton active />}
      {detail.isError && <Alert type="error" showIcon title={detail.error.message} />}
      {d && (
        <div data-testid="elective-detail">
          <ElectiveFacts
            e={d.elective}
            extra={[
              { key: 'organiser', label: '组织单位', children: d.elective.organiserName },
              { key: 'rule', label: '合格标准', children: d.elective.passRule },
              ...(d.elective.targetStages.length
                ? [{ key: 'stages', label: '适用学段', children: d.elective.targetStages.join('、') }]
                : []),
              ...(d.elective.targetSubjects.length
                ? [{ key: 'subjects', label: '适用学科', children: d.elective.targetSubjects.join('、') }]
                : []),
            ]}
          />
          <Alert
            data-testid="credit-effect"
            type="info"
            showIcon
            style={{ margin: '12px 0' }}
            title="对我的学分的作用（按当前学分政策计算）"
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {d.creditEffect.statements.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            }
          />
          {d.elective.description && (
            <>
              <Typography.Title level={5}>课程简介</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.elective.description}</Typography.Paragraph>
            </>
          )}
          {d.elective.syllabus && (
            <>
              <Typography.Title level={5}>课程大纲</Typography.Title>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.elective.syllabus}</Typography.Paragraph>
            </>
          )}
          {d.mine && (
            <Alert
              type="success"
              showIcon
              title={`您已报名该课程（${d.mine.statusLabel}）`}
              description={`学习进度 ${d.mine.progress ?? 0}%；考核成绩 ${d.mine.score ?? '尚未登记'}`}
            />
          )}
          {!d.mine && d.refusal && <Alert type="warning" showIcon title={d.refusal} />}
          {d.canEnrol && (
            <Space style={{ marginTop: 12 }}>
              <Popconfirm
                title="确认报名"
                description={`报名「${d.elective.name}」，${d.elective.priceLabel}。确定报名吗？`}
                okText="报名"
                cancelText="取消"
                onConfirm={() => (paid ? order.mutate() : enrol.mutate())}
              >
                <Button type="primary" loading={enrol.isPending || order.isPending}>
                  {paid ? '报名并支付' : '报名'}
                </Button>
              </Popconfirm>
            </Space>
          )}
        </div>
      )}
    </Drawer>
  );
}
