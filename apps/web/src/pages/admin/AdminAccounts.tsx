// 管理员账号 (三员分立): each level creates and looks after the level below it; the platform's own
// accounts change only by two people (the security admin proposes, an audit admin approves); the
// system admin reads the directory. The server answers with the actor's abilities; the page shows
// only what it will honour.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Select, Space, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ADMIN_ROLES, ROLE_LABELS, type Role } from '@shixun/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminAccounts } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { ACCOUNT_STATUS, formatTime } from '../../format.ts';
import { CreateAdminModal } from './admin-accounts/CreateAdminModal.tsx';
import { PlatformRequests, ProposeChangeModal, ProposeCreateModal } from './admin-accounts/PlatformRequests.tsx';
import { showTemporaryPassword } from './admin-accounts/showPassword.tsx';
import { PLATFORM_ROLES, type AdminAbilities, type AdminAccount, type RequestAction } from './admin-accounts/types.ts';

function explain(a: AdminAbilities): string {
  if (a.manage)
    return `您负责创建和管理${a.creatableRoles.map((r) => ROLE_LABELS[r]).join('、')}账号（仅限您的管辖范围）。临时密码只在创建或重置时向您显示一次，请当面交给账号持有人。`;
  if (a.propose) return '省级项目管理员和系统、安全、审计管理员账号的创建、重置密码、停用须两人办理：由您提出申请，审计管理员批准后生效。';
  if (a.approve)
    return '安全管理员提出的平台账号变更须经您批准后才生效；您不能审批自己提出的申请。批准创建或重置密码时，临时密码只向您显示一次。';
  return '系统管理员只能查看管理员名录，不能创建或修改管理员账号：市、区县、学校和承培机构管理员由上一级管理员创建；省级及三员账号由安全管理员提出、审计管理员批准。';
}

function AccountsTable({ abilities }: { abilities: AdminAbilities }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [role, setRole] = useState<Role | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [proposing, setProposing] = useState<{ target: AdminAccount; action: Exclude<RequestAction, 'create'> } | null>(null);
  const list = useQuery({
    queryKey: ['admin-accounts', role, q, page],
    queryFn: () => call(adminAccounts.list, { query: { role: role as AdminAccount['role'] | undefined, q, page } }),
    placeholderData: keepPreviousData,
  });
  const roleChoices: readonly Role[] = abilities.manage
    ? abilities.creatableRoles
    : abilities.propose || abilities.approve
      ? PLATFORM_ROLES
      : ADMIN_ROLES;
  const refresh = () => qc.invalidateQueries({ queryKey: ['admin-accounts'] });
  const reset = useMutation({
    mutationFn: (a: AdminAccount) => call(adminAccounts.resetPassword, { params: { id: a.id } }),
    onSuccess: (r, a) => {
      void refresh();
      showTemporaryPassword(modal, '密码已重置', a.loginName ?? '', r.temporaryPassword);
    },
    onError: (e) => message.error(e.message),
  });
  const setStatus = useMutation({
    mutationFn: (v: { a: AdminAccount; status: 'active' | 'disabled' }) =>
      call(adminAccounts.setStatus, { params: { id: v.a.id }, body: { status: v.status } }),
    onSuccess: (_r, v) => {
      void refresh();
      message.success(`${v.a.name} 已${v.status === 'disabled' ? '停用' : '启用'}`);
    },
    onError: (e) => message.error(e.message),
  });

  const operations = (a: AdminAccount) => {
    const disabled = a.status === 'disabled';
    if (abilities.manage)
      return (
        <Space>
          <Popconfirm
            title={`重置 ${a.name} 的密码？`}
            description="原密码立即失效，该账号已登录的会话随即结束。"
            okText="重置"
            cancelText="取消"
            onConfirm={() => reset.mutateAsync(a)}
          >
            <Button size="small">重置密码</Button>
          </Popconfirm>
          <Popconfirm
            title={`${disabled ? '启用' : '停用'} ${a.name} 的账号？`}
            description={disabled ? undefined : '停用后该账号立即退出，不能再登录。'}
            okText={disabled ? '启用' : '停用'}
            okButtonProps={{ danger: !disabled }}
            cancelText="取消"
            onConfirm={() => setStatus.mutateAsync({ a, status: disabled ? 'active' : 'disabled' })}
          >
            <Button size="small" danger={!disabled}>
              {disabled ? '启用' : '停用'}
            </Button>
          </Popconfirm>
        </Space>
      );
    if (abilities.propose)
      return (
        <Space>
          <Button size="small" onClick={() => setProposing({ target: a, action: 'reset_password' })}>
            申请重置密码
          </Button>
          <Button size="small" danger={!disabled} onClick={() => setProposing({ target: a, action: disabled ? 'enable' : 'disable' })}>
            {disabled ? '申请启用' : '申请停用'}
          </Button>
        </Space>
      );
    return null;
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select
          aria-label="角色"
          allowClear
          placeholder="全部角色"
          style={{ width: 180 }}
          value={role}
          options={roleChoices.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(v) => {
            setRole(v);
            setPage(1);
          }}
        />
        <Input.Search
          aria-label="搜索"
          allowClear
          placeholder="登录名或姓名"
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </Space>
      <Table<AdminAccount>
        data-testid="admin-accounts-table"
        rowKey={(a) => `${a.id}-${a.role}`}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: (
            <Empty description={list.isError ? list.error.message : abilities.manage ? '您还没有创建下一级管理员账号' : '暂无管理员账号'} />
          ),
        }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showTotal: (t) => `共 ${t} 个`,
          showSizeChanger: false,
        }}
        columns={[
          { title: '登录名', dataIndex: 'loginName' },
          { title: '姓名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] ?? r },
          { title: '管辖范围', key: 'scope', render: (_, a) => a.schoolName ?? a.institutionName ?? a.regionName ?? '全平台' },
          {
            title: '状态',
            key: 'status',
            render: (_, a) => (
              <Space size={4}>
                <Tag color={ACCOUNT_STATUS[a.status]?.color}>{ACCOUNT_STATUS[a.status]?.text ?? a.status}</Tag>
                {a.mustChangePassword && a.status === 'active' && <Tag>待首次改密</Tag>}
              </Space>
            ),
          },
          { title: '创建时间', dataIndex: 'createdAt', render: formatTime },
          ...(abilities.manage || abilities.propose
            ? [{ title: '操作', key: 'op', render: (_: unknown, a: AdminAccount) => operations(a) }]
            : []),
        ]}
      />
      {proposing && <ProposeChangeModal target={proposing.target} action={proposing.action} onClose={() => setProposing(null)} />}
    </>
  );
}

export default function AdminAccounts() {
  const [creating, setCreating] = useState(false);
  // what this admin may do, from the server (the same answer the list carries)
  const probe = useQuery({
    queryKey: ['admin-accounts', 'abilities'],
    queryFn: () => call(adminAccounts.list, { query: { pageSize: 1 } }),
  });
  const abilities = probe.data?.abilities;
  const twoPerson = abilities && (abilities.propose || abilities.approve);
  const extra = abilities?.creatableRoles.length ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      新建管理员
    </Button>
  ) : abilities?.propose ? (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
      申请创建平台账号
    </Button>
  ) : null;
  return (
    <Card title="管理员账号" extra={extra}>
      {abilities && (
        <Alert
          type={abilities.manage ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={explain(abilities)}
          data-testid="admin-accounts-rule"
        />
      )}
      {twoPerson ? (
        <Tabs
          defaultActiveKey={abilities.approve ? 'requests' : 'accounts'}
          items={[
            { key: 'requests', label: '变更申请', children: <PlatformRequests /> },
            { key: 'accounts', label: '平台账号', children: <AccountsTable abilities={abilities} /> },
          ]}
        />
      ) : abilities ? (
        <AccountsTable abilities={abilities} />
      ) : (
        <Empty description={probe.isError ? probe.error.message : '加载中…'} />
      )}
      {abilities?.manage && <CreateAdminModal open={creating} onClose={() => setCreating(false)} abilities={abilities} />}
      {abilities?.propose && <ProposeCreateModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
