// 平台账号变更申请: the security admin proposes, an audit admin approves (两人规则). The approver
// sees a new temporary password once, at the moment of approval.
import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { ROLE_LABELS, type Role } from '@shixun/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminAccounts, type BodyOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import { formatTime } from '../../../format.ts';
import { showTemporaryPassword } from './showPassword.tsx';
import { PLATFORM_ROLES, type AdminAccount, type PlatformRequest, type RequestAction } from './types.ts';

const STATUS = {
  pending: { text: '待审批', color: 'orange' },
  approved: { text: '已批准', color: 'green' },
  rejected: { text: '已驳回', color: 'red' },
} as const;
const ACTION_WORD: Record<Exclude<RequestAction, 'create'>, string> = {
  reset_password: '重置密码',
  disable: '停用账号',
  enable: '启用账号',
};

function useProposal(onDone: () => void) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: BodyOf<typeof adminAccounts.propose>) => call(adminAccounts.propose, { body }),
    onSuccess: async () => {
      message.success('申请已提交，待审计管理员批准后生效');
      await qc.invalidateQueries({ queryKey: ['admin-account-requests'] });
      onDone();
    },
    onError: (e) => message.error(e.message),
  });
}

/** 提出申请：创建平台账号 (security admin). */
export function ProposeCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const propose = useProposal(() => {
    onClose();
    form.resetFields();
  });
  const submit = async () => propose.mutate({ action: 'create', ...(await form.validateFields()) });
  return (
    <Modal
      title="申请创建平台账号"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="提交申请"
      cancelText="取消"
      confirmLoading={propose.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        省级项目管理员和系统、安全、审计管理员账号须两人办理：您提出申请，审计管理员批准后账号才会创建，临时密码由批准人领取并交给账号持有人。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select aria-label="角色" options={PLATFORM_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item
          label="登录名"
          name="loginName"
          rules={[
            { required: true, whitespace: true, message: '请输入登录名' },
            { pattern: adminAccounts.LOGIN_NAME_RE, message: '登录名为 3–32 位字母、数字、下划线或短横线，以字母开头' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="申请理由" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请写明申请理由' }]}>
          <Input.TextArea rows={3} maxLength={adminAccounts.REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 提出申请：重置密码 / 停用 / 启用 one platform account (security admin). */
export function ProposeChangeModal({
  target,
  action,
  onClose,
}: {
  target: AdminAccount | null;
  action: Exclude<RequestAction, 'create'>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const propose = useProposal(() => {
    onClose();
    form.resetFields();
  });
  const submit = async () => propose.mutate({ action, userId: target!.id, reason: (await form.validateFields()).reason });
  return (
    <Modal
      title={target ? `申请${ACTION_WORD[action]}：${target.name}（${target.loginName}）` : ''}
      open={!!target}
      onCancel={onClose}
      onOk={submit}
      okText="提交申请"
      okButtonProps={{ danger: action === 'disable' }}
      cancelText="取消"
      confirmLoading={propose.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        审计管理员批准后立即生效{action === 'disable' ? '：该账号的登录会话随即结束' : ''}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="申请理由" name="reason" rules={[{ required: true, whitespace: true, min: 2, message: '请写明申请理由' }]}>
          <Input.TextArea rows={3} maxLength={adminAccounts.REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function DecisionModal({ request, approve, onClose }: { request: PlatformRequest | null; approve: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const decide = useMutation({
    mutationFn: (body: { version: number; approve: boolean; reason?: string }) =>
      call(adminAccounts.decide, { params: { id: request!.id }, body }),
    onSuccess: async (r) => {
      onClose();
      form.resetFields();
      await qc.invalidateQueries({ queryKey: ['admin-account-requests'] });
      await qc.invalidateQueries({ queryKey: ['admin-accounts'] });
      if (r.temporaryPassword) showTemporaryPassword(modal, '已批准，变更已生效', request!.loginName ?? '', r.temporaryPassword);
      else message.success(approve ? '已批准，变更已生效' : '已驳回');
    },
    onError: async (e) => {
      message.error(e.message);
      if (e instanceof ApiError && e.status === 409) {
        onClose();
        await qc.invalidateQueries({ queryKey: ['admin-account-requests'] });
      }
    },
  });
  const submit = async () => {
    const v = await form.validateFields();
    decide.mutate({ version: request!.version, approve, reason: v.reason?.trim() || undefined });
  };
  return (
    <Modal
      title={request ? `${approve ? '批准' : '驳回'}：${request.actionLabel} ${request.name ?? ''}（${request.loginName ?? ''}）` : ''}
      open={!!request}
      onCancel={onClose}
      onOk={submit}
      okText={approve ? '确认批准' : '确认驳回'}
      okButtonProps={{ danger: !approve }}
      cancelText="取消"
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {request && (
        <Typography.Paragraph>
          申请人 {request.requestedBy}：{request.reason}
        </Typography.Paragraph>
      )}
      {approve && (
        <Typography.Paragraph type="warning">
          批准后立即生效。{request?.action === 'create' || request?.action === 'reset_password' ? '临时密码只向您显示这一次。' : ''}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={approve ? '备注（可选）' : '驳回理由'}
          name="reason"
          rules={approve ? [] : [{ required: true, whitespace: true, message: '请填写驳回理由' }]}
        >
          <Input.TextArea rows={2} maxLength={adminAccounts.REASON_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The requests list: the security admin follows its own, the audit admin decides. */
export function PlatformRequests() {
  const [status, setStatus] = useState<PlatformRequest['status'] | undefined>('pending');
  const [page, setPage] = useState(1);
  const [deciding, setDeciding] = useState<{ request: PlatformRequest; approve: boolean } | null>(null);
  const list = useQuery({
    queryKey: ['admin-account-requests', status, page],
    queryFn: () => call(adminAccounts.requests, { query: { status, page } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          style={{ width: 140 }}
          allowClear
          placeholder="全部"
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={Object.entries(STATUS).map(([value, s]) => ({ value, label: s.text }))}
        />
      </Space>
      <Table<PlatformRequest>
        data-testid="admin-requests-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: <Empty description={list.isError ? list.error.message : status === 'pending' ? '没有待审批的申请' : '暂无申请'} />,
        }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '申请', dataIndex: 'actionLabel', width: 100 },
          {
            title: '账号',
            key: 'who',
            render: (_, r) => `${r.name ?? ''}（${r.loginName ?? ''}）${r.role ? ` · ${ROLE_LABELS[r.role as Role]}` : ''}`,
          },
          { title: '理由', dataIndex: 'reason' },
          {
            title: '申请人',
            key: 'by',
            render: (_, r) => (
              <>
                {r.requestedBy}
                <br />
                <Typography.Text type="secondary">{formatTime(r.requestedAt)}</Typography.Text>
              </>
            ),
          },
          {
            title: '状态',
            key: 'status',
            render: (_, r) => (
              <>
                <Tag color={STATUS[r.status].color}>{STATUS[r.status].text}</Tag>
                {r.decidedBy && (
                  <div>
                    {r.decidedBy} {formatTime(r.decidedAt)}
                  </div>
                )}
                {r.decisionReason && <Typography.Text type="secondary">{r.decisionReason}</Typography.Text>}
              </>
            ),
          },
          {
            title: '操作',
            key: 'op',
            width: 150,
            render: (_, r) =>
              r.canDecide ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setDeciding({ request: r, approve: true })}>
                    批准
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ request: r, approve: false })}>
                    驳回
                  </Button>
                </Space>
              ) : r.status === 'pending' ? (
                <Typography.Text type="secondary">待他人审批</Typography.Text>
              ) : null,
          },
        ]}
      />
      <DecisionModal request={deciding?.request ?? null} approve={deciding?.approve ?? true} onClose={() => setDeciding(null)} />
    </>
  );
}
