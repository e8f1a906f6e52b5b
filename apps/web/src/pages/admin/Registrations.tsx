import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { registrations } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import type { RegistrationRow } from '../../api/types.ts';
import { formatTime, REVIEW_STATUS } from '../../format.ts';
import { RejectModal } from '../../components/RejectModal.tsx';

/** 注册审核 (school admin): teachers who registered themselves wait here. */
export default function Registrations() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<RegistrationRow | null>(null);
  const list = useQuery({
    queryKey: ['registrations', status, page],
    queryFn: () => call(registrations.list, { query: { status, page } }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['registrations'] });

  const approve = useMutation({
    mutationFn: (r: RegistrationRow) => call(registrations.approve, { params: { id: r.id } }),
    onSuccess: (_, r) => message.success(`已通过 ${r.name} 的注册申请`),
    onError: (e) => message.error(e.message),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call(registrations.reject, { params: { id: v.id }, body: { reason: v.reason } }),
    onSuccess: () => {
      message.success('已驳回');
      setRejecting(null);
    },
    onError: (e) => message.error(e.message),
    onSettled: refresh,
  });

  return (
    <Card title="注册审核">
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage(1);
        }}
        options={[
          { value: 'pending', label: '待审核' },
          { value: 'approved', label: '已通过' },
          { value: 'rejected', label: '未通过' },
        ]}
      />
      <Table<RegistrationRow>
        data-testid="registrations-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={list.isError ? list.error.message : status === 'pending' ? '暂无待审核的注册申请' : '暂无记录'} />,
        }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber' },
          { title: '手机号', dataIndex: 'phone' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '申请时间', dataIndex: 'createdAt', render: formatTime },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={REVIEW_STATUS[s]?.color}>{REVIEW_STATUS[s]?.text ?? s}</Tag>,
          },
          {
            title: '操作',
            key: 'op',
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space>
                  <Popconfirm
                    title={`通过 ${r.name} 的注册申请？`}
                    description="通过后该教师即可登录平台。"
                    okText="通过"
                    cancelText="取消"
                    onConfirm={() => approve.mutate(r)}
                  >
                    <Button type="primary" size="small" loading={approve.isPending && approve.variables?.id === r.id}>
                      通过
                    </Button>
                  </Popconfirm>
                  <Button danger size="small" onClick={() => setRejecting(r)}>
                    驳回
                  </Button>
                </Space>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <RejectModal
        open={!!rejecting}
        title={`驳回 ${rejecting?.name ?? ''} 的注册申请`}
        onCancel={() => setRejecting(null)}
        onSubmit={(reason) =>
          reject.mutateAsync({ id: rejecting!.id, reason }).then(
            () => undefined,
            () => undefined, // shown by onError
          )
        }
      />
    </Card>
  );
}
