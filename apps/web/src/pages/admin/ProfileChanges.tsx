import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag } from 'antd';
import { profile } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import type { ProfileChange } from '../../api/types.ts';
import { formatTime, REVIEW_STATUS } from '../../format.ts';
import { ChangeSummary } from '../../components/ChangeSummary.tsx';
import { RejectModal } from '../../components/RejectModal.tsx';

/** 信息变更审核 (county admin and above): teachers' requests to change key fields. */
export default function ProfileChanges() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [status, setStatus] = useState<'pending' | 'approved' | 'rejected'>('pending');
  const [page, setPage] = useState(1);
  const [rejecting, setRejecting] = useState<ProfileChange | null>(null);
  const list = useQuery({
    queryKey: ['profile-changes', 'review', status, page],
    queryFn: () => call(profile.changesInScope, { query: { status, page } }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['profile-changes', 'review'] });

  const approve = useMutation({
    mutationFn: (c: ProfileChange) => call(profile.approveChange, { params: { id: c.id } }),
    onSuccess: () => message.success('已通过，修改已生效'),
    onError: (e) => message.error(e.message),
    onSettled: refresh,
  });
  const reject = useMutation({
    mutationFn: (v: { id: number; reason: string }) => call(profile.rejectChange, { params: { id: v.id }, body: { reason: v.reason } }),
    onSuccess: () => {
      message.success('已驳回');
      setRejecting(null);
    },
    onError: (e) => message.error(e.message),
    onSettled: refresh,
  });

  return (
    <Card title="信息变更审核">
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
      <Table<ProfileChange>
        data-testid="profile-changes-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={list.isError ? list.error.message : status === 'pending' ? '暂无待审核的信息变更申请' : '暂无记录'} />
          ),
        }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '教师', dataIndex: 'teacherName', render: (n, c) => <Link to={`/admin/teachers/${c.teacherId}`}>{n}</Link> },
          { title: '修改内容', dataIndex: 'changes', render: (ch) => <ChangeSummary changes={ch} /> },
          { title: '修改原因', dataIndex: 'reason' },
          { title: '提交时间', dataIndex: 'createdAt', render: formatTime },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <Tag color={REVIEW_STATUS[s]?.color}>{REVIEW_STATUS[s]?.text ?? s}</Tag>,
          },
          ...(status === 'pending'
            ? []
            : [
                { title: '审核意见', dataIndex: 'reviewReason', render: (r: string | null) => r || '—' },
                { title: '审核人', dataIndex: 'reviewerName', render: (r: string | null) => r || '—' },
              ]),
          {
            title: '操作',
            key: 'op',
            render: (_: unknown, c: ProfileChange) =>
              c.status === 'pending' ? (
                <Space>
                  <Popconfirm
                    title="通过这条信息变更申请？"
                    description="通过后教师的关键字段将立即修改。"
                    okText="通过"
                    cancelText="取消"
                    onConfirm={() => approve.mutate(c)}
                  >
                    <Button type="primary" size="small" loading={approve.isPending && approve.variables?.id === c.id}>
                      通过
                    </Button>
                  </Popconfirm>
                  <Button danger size="small" onClick={() => setRejecting(c)}>
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
        title={`驳回 ${rejecting?.teacherName ?? ''} 的信息变更申请`}
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
