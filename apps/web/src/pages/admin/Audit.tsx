import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { ROLE_LABELS, type Role } from '@shixun/domain';
import { type ResponseOf, audit } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { withQuery } from '../../api/client.ts';
import { downloadFile } from '../../api/files.ts';
import { formatTime } from '../../format.ts';
import { type AuditFilter, AuditFilters } from './AuditFilters.tsx';

type AuditRow = ResponseOf<typeof audit.auditLog>['items'][number];

const RESULT: Record<string, { text: string; color: string }> = {
  success: { text: '成功', color: 'green' },
  ok: { text: '成功', color: 'green' },
  failure: { text: '失败', color: 'red' },
  denied: { text: '拒绝', color: 'red' },
};

/** 审计日志 (audit admin, read-only) with the hash-chain check. */
export default function Audit() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [filter, setFilter] = useState<AuditFilter>({});
  const { message } = App.useApp();
  const list = useQuery({
    queryKey: ['audit', page, pageSize, filter],
    queryFn: () => call(audit.auditLog, { query: { page, pageSize, ...filter } }),
    placeholderData: keepPreviousData,
  });
  const check = useMutation({ mutationFn: () => call(audit.verifyChain) });
  // the export is a file download, not JSON: the same filters, the server streams the xlsx and records the export
  const exporting = useMutation({
    mutationFn: () => downloadFile(withQuery(audit.exportLog.path, filter), '审计日志.xlsx'),
    onSuccess: () => message.success('已导出审计日志'),
    onError: (e) => message.error(e.message),
  });
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
      <AuditFilters
        exporting={exporting.isPending}
        onExport={() => exporting.mutate()}
        onSearch={(f) => {
          setFilter(f);
          setPage(1);
        }}
      />
      <Table<AuditRow>
        data-testid="audit-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1000 }}
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
          {
            title: '操作人',
            key: 'actor',
            width: 150,
            render: (_, r) => (
              <>
                {r.actorName || '—'}
                {r.actorRole && (
                  <div style={{ color: '#595959', fontSize: 12 }}>
                    {ROLE_LABELS[r.actorRole as Role] ?? r.actorRole}
                    {r.actorScope ? ` · ${r.actorScope}` : ''}
                  </div>
                )}
              </>
            ),
          },
          {
            title: '操作与对象',
            key: 'summary',
            render: (_, r) => (
              <span title={r.action} data-testid="audit-summary">
                {r.summary}
              </span>
            ),
          },
          {
            title: '结果',
            dataIndex: 'result',
            width: 80,
            render: (v: string) => <Tag color={RESULT[v]?.color ?? 'default'}>{RESULT[v]?.text ?? v}</Tag>,
          },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (v) => v || '—' },
          {
            title: '请求 ID',
            dataIndex: 'requestId',
            width: 150,
            render: (v: string | null) =>
              v ? (
                <Typography.Text
                  code
                  style={{ fontSize: 12, whiteSpace: 'nowrap' }}
                  copyable={{ text: v, tooltips: ['复制请求 ID', '已复制'] }}
                  title={v}
                >
                  {v.length > 12 ? `${v.slice(0, 8)}…` : v}
                </Typography.Text>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
}
