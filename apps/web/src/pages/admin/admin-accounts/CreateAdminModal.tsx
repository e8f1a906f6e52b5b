import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { ROLE_LABELS, type Role } from '@shixun/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminAccounts, projects, regions as regionRoutes, type BodyOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import { showTemporaryPassword } from './showPassword.tsx';
import type { AdminAbilities } from './types.ts';

const REGION_ROLES: Role[] = ['city_admin', 'county_admin'];
const LOGIN_RULE = { pattern: adminAccounts.LOGIN_NAME_RE, message: '登录名为 3–32 位字母、数字、下划线或短横线，以字母开头' };

/** 新建下一级管理员: only the roles this admin creates, pickers only inside its own node. */
export function CreateAdminModal({ open, onClose, abilities }: { open: boolean; onClose: () => void; abilities: AdminAbilities }) {
  const [form] = Form.useForm();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const role: Role | undefined = Form.useWatch('role', form);
  const [q, setQ] = useState('');
  const regions = useQuery({
    queryKey: ['regions', abilities.scopeRegionCode],
    queryFn: () => call(regionRoutes.regionsInScope, { query: { parent: abilities.scopeRegionCode ?? undefined } }),
    enabled: open && !!role && REGION_ROLES.includes(role) && !!abilities.scopeRegionCode,
  });
  const schools = useQuery({
    queryKey: ['schools', '', q],
    queryFn: () => call(regionRoutes.schoolsInScope, { query: { q, pageSize: 50 } }),
    enabled: open && role === 'school_admin',
    placeholderData: keepPreviousData,
  });
  const institutions = useQuery({
    queryKey: ['institutions'],
    queryFn: () => call(projects.institutions),
    enabled: open && role === 'institution_admin',
  });
  const create = useMutation({
    mutationFn: (body: BodyOf<typeof adminAccounts.create>) => call(adminAccounts.create, { body }),
    onSuccess: async (r, body) => {
      await qc.invalidateQueries({ queryKey: ['admin-accounts'] });
      onClose();
      form.resetFields();
      showTemporaryPassword(modal, '管理员账号已创建', String(body.loginName), r.temporaryPassword);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, m]) => ({ name, errors: [m] })));
      message.error(e.message);
    },
  });

  const submit = async () => {
    const v = await form.validateFields();
    const body: BodyOf<typeof adminAccounts.create> = { loginName: v.loginName.trim(), name: v.name.trim(), role: v.role };
    if (REGION_ROLES.includes(v.role)) body.regionCode = v.regionCode;
    if (v.role === 'school_admin') body.schoolId = v.schoolId;
    if (v.role === 'institution_admin') body.institutionId = v.institutionId;
    create.mutate(body);
  };

  return (
    <Modal
      title="新建管理员账号"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="创建"
      cancelText="取消"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ role: abilities.creatableRoles.length === 1 ? abilities.creatableRoles[0] : undefined }}
      >
        <Form.Item
          label="角色"
          name="role"
          rules={[{ required: true, message: '请选择角色' }]}
          extra="您只能创建下一级管理员；省级及系统、安全、审计管理员账号须由安全管理员提出、审计管理员批准。"
        >
          <Select aria-label="角色" options={abilities.creatableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="登录名" name="loginName" rules={[{ required: true, whitespace: true, message: '请输入登录名' }, LOGIN_RULE]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: adminAccounts.PERSON_NAME_MAX, message: `最多 ${adminAccounts.PERSON_NAME_MAX} 个字` },
          ]}
        >
          <Input />
        </Form.Item>
        {role && REGION_ROLES.includes(role) && (
          <Form.Item
            label={role === 'city_admin' ? '管辖的市' : '管辖的区县'}
            name="regionCode"
            rules={[{ required: true, message: '请选择管辖地区' }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={regions.isFetching}
              placeholder="请选择"
              options={regions.data?.items.map((r) => ({ value: r.code, label: r.name }))}
              notFoundContent={regions.isError ? regions.error.message : '没有可选的地区'}
            />
          </Form.Item>
        )}
        {role === 'school_admin' && (
          <Form.Item label="学校" name="schoolId" rules={[{ required: true, message: '请选择学校' }]}>
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              loading={schools.isFetching}
              placeholder="输入学校名称搜索"
              options={schools.data?.items.map((s) => ({ value: s.id, label: `${s.name}（${s.countyName ?? ''}）` }))}
              notFoundContent={schools.isError ? schools.error.message : '本区县没有匹配的学校'}
            />
          </Form.Item>
        )}
        {role === 'institution_admin' && (
          <Form.Item label="承培机构" name="institutionId" rules={[{ required: true, message: '请选择承培机构' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={institutions.isFetching}
              placeholder="请选择"
              options={institutions.data?.items.map((i) => ({ value: i.id, label: i.name }))}
              notFoundContent={institutions.isError ? institutions.error.message : '暂无承培机构'}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
