import { useState } from 'react';
import { App, Button, Card, Cascader, Empty, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ADMIN_ROLES, ROLE_LABELS, type Role } from '@shixun/domain';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, get, post } from '../../api/client.ts';
import type { AdminAccountRow, Paged, SchoolRow } from '../../api/types.ts';
import { ACCOUNT_STATUS } from '../../format.ts';
import { useRegionOptions } from './useRegionOptions.ts';

const REGION_ROLES: Role[] = ['province_admin', 'city_admin', 'county_admin'];

function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const role: Role | undefined = Form.useWatch('role', form);
  const regions = useRegionOptions();
  const [q, setQ] = useState('');
  const schools = useQuery({
    queryKey: ['schools', '', q],
    queryFn: () => get<Paged<SchoolRow>>('/api/schools', { q, pageSize: 50 }),
    enabled: open && role === 'school_admin',
    placeholderData: keepPreviousData,
  });

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = { loginName: v.loginName.trim(), name: v.name.trim(), role: v.role };
    if (REGION_ROLES.includes(v.role)) body.regionCode = v.region[v.region.length - 1];
    if (v.role === 'school_admin') body.schoolId = v.schoolId;
    if (v.role === 'institution_admin') body.institutionId = v.institutionId;
    setBusy(true);
    try {
      const r = await post<{ id: number; temporaryPassword: string }>('/api/admin-accounts', body);
      await qc.invalidateQueries({ queryKey: ['admin-accounts'] });
      onClose();
      form.resetFields();
      modal.success({
        title: '管理员账号已创建',
        content: (
          <div>
            <p>账号 {String(body.loginName)} 的临时密码（仅显示这一次，首次登录须修改）：</p>
            <Typography.Paragraph copyable style={{ fontSize: 20, fontFamily: 'monospace' }} data-testid="temporary-password">
              {r.temporaryPassword}
            </Typography.Paragraph>
          </div>
        ),
        okText: '我已记下',
      });
    } catch (e) {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, m]) => ({ name, errors: [m] })));
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="新建管理员账号" open={open} onCancel={onClose} onOk={submit} okText="提交" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="用户名" name="loginName" rules={[{ required: true, whitespace: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9_.-]{3,40}$/, message: '用户名为 3–40 位字母、数字、下划线、点或短横线' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={ADMIN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role && REGION_ROLES.includes(role) && (
          <Form.Item label="管辖地区" name="region" rules={[{ required: true, message: '请选择管辖地区' }]}>
            <Cascader changeOnSelect options={regions.options} loadData={(s) => regions.loadData(s as never)} placeholder="省 / 市 / 区县" />
          </Form.Item>
        )}
        {role === 'school_admin' && (
          <Form.Item label="学校" name="schoolId" rules={[{ required: true, message: '请选择学校' }]}>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} loading={schools.isFetching} placeholder="输入学校名称搜索"
              options={schools.data?.items.map((s) => ({ value: s.id, label: `${s.name}（${s.countyName ?? ''}）` }))} />
          </Form.Item>
        )}
        {role === 'institution_admin' && (
          <Form.Item label="承培机构编号" name="institutionId" rules={[{ required: true, message: '请输入承培机构编号' }]}>
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** 管理员账号 (sys_admin). */
export default function AdminAccounts() {
  const [role, setRole] = useState<Role | undefined>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['admin-accounts', role, page],
    queryFn: () => get<Paged<AdminAccountRow>>('/api/admin-accounts', { role, page }),
    placeholderData: keepPreviousData,
  });
  return (
    <Card title="管理员账号" extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建管理员</Button>}>
      <Space style={{ marginBottom: 16 }}>
        <Select aria-label="角色" allowClear placeholder="角色" style={{ width: 180 }} value={role}
          options={ADMIN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} onChange={(v) => { setRole(v); setPage(1); }} />
      </Space>
      <Table<AdminAccountRow>
        data-testid="admin-accounts-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '暂无管理员账号'} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个` }}
        columns={[
          { title: '用户名', dataIndex: 'loginName' },
          { title: '姓名', dataIndex: 'name' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABELS[r] ?? r },
          { title: '管辖范围', key: 'scope', render: (_, a) => a.schoolName ?? a.institutionName ?? a.regionName ?? '全平台' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag color={ACCOUNT_STATUS[s]?.color}>{ACCOUNT_STATUS[s]?.text ?? s}</Tag> },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
