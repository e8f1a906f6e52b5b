import { useState } from 'react';
import { Alert, AutoComplete, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type Role } from '@shixun/domain';
import { type ResponseOf, audit } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { formatTime } from '../../format.ts';

/** Chinese names of the audited actions; an unknown code is shown as is. */
const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.register': '注册账号',
  'auth.forgot.code': '找回密码·发送验证码',
  'auth.forgot.reset': '找回密码·重置',
  'auth.password.change': '修改密码',
  'account.phone.code': '修改手机号·发送验证码',
  'account.phone.change': '修改手机号',
  'account.email.code': '修改邮箱·发送验证码',
  'account.email.change': '修改邮箱',
  'profile.update': '修改个人资料',
  'profileChange.create': '提交信息变更申请',
  'profileChange.approve': '通过信息变更申请',
  'profileChange.reject': '驳回信息变更申请',
  'registration.approve': '通过注册申请',
  'registration.reject': '驳回注册申请',
  'teacher.reveal': '查看完整证件号',
  'teacher.keyFields.update': '修改关键字段',
  'teacher.password.reset': '重置密码',
  'teacher.disable': '停用账号',
  'teacher.enable': '启用账号',
  'adminAccount.create': '新建管理员账号',
  'security.unlock': '解锁账号',
  'audit.verify': '校验日志链',
  'access.denied': '访问被拒绝',
};

type AuditRow = ResponseOf<typeof audit.auditLog>['items'][number];

/** 审计日志 (audit admin, read-only) with the hash-chain check. */
export default function Audit() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [filter, setFilter] = useState({ action: '', actor: '' });
  const [draft, setDraft] = useState(filter);
  const list = useQuery({
    queryKey: ['audit', page, pageSize, filter],
    queryFn: () => call(audit.auditLog, { query: { page, pageSize, ...filter } }),
    placeholderData: keepPreviousData,
  });
  const check = useMutation({ mutationFn: () => call(audit.verifyChain) });
  const verify = check.isError ? { error: check.error.message } : (check.data ?? null);

  return (
    <Card
      title="审计日志"
      extra={
        <Button icon={<SafetyOutlined />} loading={check.isPending} onClick={() => check.mutate()} data-testid="audit-verify">
          校验日志链
        </Button>
      }
    >
      {verify && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => check.reset() }}
          data-testid="audit-verify-result"
          type={'error' in verify ? 'error' : verify.ok ? 'success' : 'error'}
          title={
            'error' in verify
              ? verify.error
              : verify.ok
                ? `日志链完整：已校验 ${verify.checked} 条记录，未发现篡改；${verify.checkpoint.message}。`
                : verify.brokenAt
                  ? `日志链断裂：在第 ${verify.brokenAt} 条记录处校验失败（已校验 ${verify.checked} 条），请立即上报。`
                  : `日志与签名检查点不符：${verify.checkpoint.message}。请立即上报。`
          }
        />
      )}
      <Typography.Paragraph type="secondary" data-testid="audit-checkpoint">
        {(() => {
          const cp = (verify && !('error' in verify) ? verify.lastCheckpoint : null) ?? list.data?.lastCheckpoint;
          return cp
            ? `最近的签名检查点：${formatTime(cp.at)}，共 ${cp.rows} 条记录（至第 ${cp.headId} 条）。检查点保存在数据库之外，用于发现被删除的日志尾部。`
            : '尚无签名检查点。';
        })()}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <AutoComplete
          aria-label="操作"
          placeholder="操作（如 auth.login）"
          allowClear
          style={{ width: 240 }}
          value={draft.action}
          options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
          filterOption={(input, o) =>
            String(o?.label ?? '')
              .toLowerCase()
              .includes(input.toLowerCase())
          }
          onChange={(v) => setDraft({ ...draft, action: v ?? '' })}
        />
        <Input
          aria-label="操作人"
          placeholder="操作人"
          allowClear
          style={{ width: 180 }}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          onPressEnter={() => {
            setFilter(draft);
            setPage(1);
          }}
        />
        <Button
          type="primary"
          onClick={() => {
            setFilter({ action: draft.action.trim(), actor: draft.actor.trim() });
            setPage(1);
          }}
        >
          查询
        </Button>
        <Button
          onClick={() => {
            const empty = { action: '', actor: '' };
            setDraft(empty);
            setFilter(empty);
            setPage(1);
          }}
        >
          重置
        </Button>
      </Space>
      <Table<AuditRow>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1400 }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '没有符合条件的日志'} /> }}
        expandable={{
          rowExpandable: (r) => r.detail !== null && r.detail !== undefined,
          expandedRowRender: (r) => (
            <Typography.Paragraph style={{ margin: 0 }}>
              <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(r.detail, null, 2)}</pre>
            </Typography.Paragraph>
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: (p, s) => {
            setPage(p);
            setPageSize(s);
          },
        }}
        columns={[
          { title: '时间', dataIndex: 'at', width: 170, render: formatTime },
          { title: '操作人', dataIndex: 'actorName', width: 120, render: (v) => v || '—' },
          { title: '角色', dataIndex: 'actorRole', width: 120, render: (r: string | null) => (r ? (ROLE_LABELS[r as Role] ?? r) : '—') },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (v) => v || '—' },
          {
            title: '操作',
            dataIndex: 'action',
            width: 220,
            render: (a: string) =>
              ACTION_LABELS[a] ? (
                <span title={a}>
                  {ACTION_LABELS[a]}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a}
                  </Typography.Text>
                </span>
              ) : (
                a
              ),
          },
          {
            title: '对象',
            key: 'object',
            width: 150,
            render: (_, r) =>
              r.objectType ? `${r.objectType}${r.objectId !== null && r.objectId !== undefined ? ` #${r.objectId}` : ''}` : '—',
          },
          {
            title: '结果',
            dataIndex: 'result',
            width: 90,
            render: (v: string) => (
              <Tag color={v === 'success' || v === 'ok' ? 'green' : 'red'}>
                {v === 'success' || v === 'ok' ? '成功' : v === 'failure' || v === 'denied' ? '失败' : v}
              </Tag>
            ),
          },
          {
            title: '请求 ID',
            dataIndex: 'requestId',
            width: 320,
            render: (v) => (
              <Typography.Text code style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {v || '—'}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
