import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Tag } from 'antd';
import { EditOutlined, FormOutlined } from '@ant-design/icons';
import type { ProfileResponse } from '../../../api/types.ts';
import { formatTime, REVIEW_STATUS } from '../../../format.ts';
import { ProfileDescriptions } from '../../../components/ProfileDescriptions.tsx';
import { ChangeSummary } from '../../../components/ChangeSummary.tsx';
import { ProfileEditForm } from './ProfileEditForm.tsx';
import { ChangeRequestModal } from './ChangeRequestModal.tsx';
import { useMyChanges } from './useProfile.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

export function ProfileInfoTab({ data }: { data: ProfileResponse }) {
  const [editing, setEditing] = useState(false);
  const [requesting, setRequesting] = useState(false);
  const changes = useMyChanges();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {editing ? (
        <ProfileEditForm profile={data.profile} onClose={() => setEditing(false)} />
      ) : (
        <>
          <ProfileDescriptions profile={data.profile} testId="profile-descriptions" />
          {data.pendingChange && <Alert type="info" showIcon title="您有一条信息变更申请正在等待区县管理员审核。" />}
          <Space>
            <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
              修改
            </Button>
            <Button icon={<FormOutlined />} onClick={() => setRequesting(true)} disabled={data.pendingChange} data-testid="request-change">
              申请修改
            </Button>
            <span style={{ color: '#5c6b80' }}>标有“关键”的字段（姓名、证件号码、单位等）请通过“申请修改”由区县管理员审核。</span>
          </Space>
        </>
      )}
      <Card title="我的信息变更申请" size="small">
        <PhoneTable
          data-testid="my-changes-table"
          rowKey="id"
          size="small"
          loading={changes.isLoading}
          dataSource={changes.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={changes.isError ? changes.error.message : '暂无变更申请'} /> }}
          columns={[
            { title: '提交时间', responsive: FROM_MD, dataIndex: 'createdAt', width: 170, render: formatTime },
            { title: '修改内容', dataIndex: 'changes', render: (c) => <ChangeSummary changes={c} /> },
            { title: '修改原因', responsive: FROM_MD, dataIndex: 'reason' },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: string) => <Tag color={REVIEW_STATUS[s]?.color}>{REVIEW_STATUS[s]?.text ?? s}</Tag>,
            },
            { title: '审核意见', responsive: FROM_MD, dataIndex: 'reviewReason', render: (r) => r || '—' },
            { title: '审核人', responsive: FROM_MD, dataIndex: 'reviewerName', width: 110, render: (r) => r || '—' },
            { title: '审核时间', responsive: FROM_MD, dataIndex: 'reviewedAt', width: 170, render: formatTime },
          ]}
        />
      </Card>
      <ChangeRequestModal open={requesting} profile={data.profile} onClose={() => setRequesting(false)} />
    </Space>
  );
}
