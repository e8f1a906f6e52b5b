import { useState } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Popover, Select, Space, Table, Tag } from 'antd';
import { enrollments } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { RejectModal } from '../../../components/RejectModal.tsx';
import { EnrollmentTimeline } from '../../space/projects/Timeline.tsx';
import type { BatchResult, PendingItem } from './types.ts';

/** 项目审核: enrolments waiting for my level; approve (moves up a level) or return with a reason, one or many. */
export default function ReviewQueue() {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [projectId, setProjectId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<PendingItem[]>([]);
  const [returning, setReturning] = useState<PendingItem[] | null>(null);
  const ref = (items: PendingItem[]) => items.map((i) => ({ id: i.id, version: i.version }));
  /** One item by its own route (its answer names the conflict), several in one batch. */
  const approval = useMutation({
    mutationFn: (items: PendingItem[]) =>
      items.length === 1
        ? call(enrollments.approve, { params: { id: items[0]!.id }, body: { version: items[0]!.version } }).then(() => null)
        : call(enrollments.approveMany, { body: { items: ref(items) } }),
  });
  const giveBack = useMutation({
    mutationFn: ({ items, reason }: { items: PendingItem[]; reason: string }) =>
      items.length === 1
        ? call(enrollments.returnOne, { params: { id: items[0]!.id }, body: { version: items[0]!.version, reason } }).then(() => null)
        : call(enrollments.returnMany, { body: { items: ref(items), reason } }),
  });
  const busy = approval.isPending;
  const list = useQuery({
    queryKey: ['project-reviews', projectId, q, page],
    queryFn: () => call(enrollments.pending, { query: { projectId, q, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const refresh = async () => {
    setPicked([]);
    await qc.invalidateQueries({ queryKey: ['project-reviews'] });
  };
  const report = (r: BatchResult, what: string) => {
    if (!r.failed.length) message.success(`已${what} ${r.done} 条`);
    else
      modal.warning({
        title: `已${what} ${r.done} 条，${r.failed.length} 条未处理`,
        content: (
          <ul>
            {r.failed.map((f) => (
              <li key={f.id}>{f.message}</li>
            ))}
          </ul>
        ),
      });
  };
  const approve = async (items: PendingItem[]) => {
    try {
      const r = await approval.mutateAsync(items);
      if (r) report(r, '通过');
      else message.success(`已通过 ${items[0]!.name} 的报名`);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      await refresh();
    }
  };
  const d = list.data;
  return (
    <Card title={`项目审核${d ? `（${d.nodeName} · ${d.levelLabel}审核）` : ''}`}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="项目"
          placeholder="全部项目"
          allowClear
          style={{ width: 320 }}
          value={projectId}
          options={d?.byProject.map((p) => ({ value: p.projectId, label: `${p.name}（${p.pending}）` }))}
          onChange={(v) => {
            setProjectId(v);
            setPage(1);
          }}
        />
        <Input.Search
          placeholder="教师姓名或项目名称"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Button
          type="primary"
          disabled={!picked.length}
          loading={busy}
          onClick={() =>
            modal.confirm({
              title: `通过选中的 ${picked.length} 条报名？`,
              content: `${picked
                .slice(0, 5)
                .map((p) => p.name)
                .join('、')}${picked.length > 5 ? ` 等 ${picked.length} 人` : ''}的报名将通过本级审核${
                picked.some((p) => p.willTakeQuota) ? '，其中部分报名通过后将占用名额' : ''
              }。`,
              okText: '通过',
              cancelText: '取消',
              onOk: () => approve(picked),
            })
          }
        >
          批量通过（{picked.length}）
        </Button>
        <Button danger disabled={!picked.length} onClick={() => setReturning(picked)}>
          批量退回
        </Button>
      </Space>
      <Table<PendingItem>
        data-testid="reviews-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        rowSelection={{ selectedRowKeys: picked.map((p) => p.id), onChange: (_, rows) => setPicked(rows) }}
        pagination={{ current: page, pageSize: 20, total: d?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条待审核` }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '暂无待本级审核的报名'} /> }}
        columns={[
          {
            title: '项目',
            dataIndex: 'projectName',
            render: (n: string, r) => (
              <>
                {n}
                <div style={{ color: '#595959', fontSize: 12 }}>
                  {r.projectYear} · {r.projectLevelLabel}
                </div>
              </>
            ),
          },
          {
            title: '教师',
            dataIndex: 'name',
            render: (n: string, r) => (
              <>
                {n}
                <div style={{ color: '#595959', fontSize: 12 }}>{r.idNumber}</div>
              </>
            ),
          },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '学段/学科', key: 'ss', render: (_, r) => `${r.stageLabel ?? '—'} / ${r.subject ?? '—'}` },
          {
            title: '方式',
            dataIndex: 'originLabel',
            render: (v: string, r) => (
              <>
                {v}
                {r.willTakeQuota && (
                  <Tag color="orange" style={{ marginLeft: 4 }}>
                    通过将占用名额
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: '进度',
            key: 'tl',
            render: (_, r) => (
              <Popover
                title="审核进度"
                content={
                  <div style={{ maxWidth: 420 }}>
                    <EnrollmentTimeline items={r.timeline} />
                  </div>
                }
              >
                <a>查看</a>
              </Popover>
            ),
          },
          {
            title: '操作',
            key: 'op',
            render: (_, r) => (
              <Space>
                <Popconfirm
                  title={`通过 ${r.name} 的报名？`}
                  description={r.willTakeQuota ? '通过后将占用一个名额。' : '报名将通过本级审核。'}
                  okText="通过"
                  cancelText="取消"
                  onConfirm={() => approve([r])}
                >
                  <Button size="small" type="primary" loading={busy && picked.length === 0}>
                    通过
                  </Button>
                </Popconfirm>
                <Button size="small" danger onClick={() => setReturning([r])}>
                  退回
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RejectModal
        verb="退回"
        open={!!returning}
        title={returning?.length === 1 ? `退回 ${returning[0]!.name} 的报名` : `退回 ${returning?.length ?? 0} 条报名`}
        onCancel={() => setReturning(null)}
        onSubmit={async (reason) => {
          try {
            const r = await giveBack.mutateAsync({ items: returning!, reason });
            if (r) report(r, '退回');
            else message.success('已退回');
            setReturning(null);
          } catch (e) {
            message.error((e as Error).message);
            throw e; // the dialog stays open
          } finally {
            await refresh();
          }
        }}
      />
    </Card>
  );
}
