import { useState } from 'react';
import { App, Button, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { enrollments, type QueryOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { withQuery } from '../../../api/client.ts';
import { AssignModal } from './AssignModal.tsx';
import { downloadFile } from '../../../api/files.ts';
import { STATUS_COLOR, type ProjectDetail, type Trainee } from './types.ts';

const STATUSES = [
  { value: 'reviewing', label: '审核中' },
  { value: 'returned', label: '未通过' },
  { value: 'approved', label: '审核通过' },
  { value: 'assigned', label: '已分配' },
];
const RESULTS = [
  { value: 'passed', label: '合格' },
  { value: 'failed', label: '不合格' },
  { value: 'none', label: '未考核' },
];

/** 学员名单 of my scope, with filters and the export; the organiser assigns approved trainees from here. */
export function TraineesTab({ detail }: { detail: ProjectDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = detail.project.id;
  const [f, setF] = useState<Pick<QueryOf<typeof enrollments.trainees>, 'status' | 'result' | 'origin' | 'q'>>({});
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<number[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useQuery({
    queryKey: ['project-trainees', id, f, page],
    queryFn: () => call(enrollments.trainees, { params: { id }, query: { ...f, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: typeof f) => {
    setF({ ...f, ...patch });
    setPage(1);
    setPicked([]);
  };
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadFile(withQuery(enrollments.exportTrainees.path.replace(':id', String(id)), f), '学员名单.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const canAssign = detail.abilities.assign;
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={STATUSES}
          onChange={(v) => set({ status: v })}
        />
        <Select
          aria-label="报名方式"
          placeholder="报名方式"
          allowClear
          style={{ width: 120 }}
          options={[
            { value: 'selected', label: '遴选' },
            { value: 'applied', label: '个人申报' },
          ]}
          onChange={(v) => set({ origin: v })}
        />
        <Select
          aria-label="考核结果"
          placeholder="考核结果"
          allowClear
          style={{ width: 120 }}
          options={RESULTS}
          onChange={(v) => set({ result: v })}
        />
        <Input.Search placeholder="姓名或证件号" allowClear style={{ width: 220 }} onSearch={(v) => set({ q: v.trim() || undefined })} />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportList}>
          导出
        </Button>
        {canAssign && (
          <Button type="primary" disabled={!picked.length} onClick={() => setAssigning(true)}>
            分配至承培机构（{picked.length}）
          </Button>
        )}
      </Space>
      <Table<Trainee>
        data-testid="trainees-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        rowSelection={
          canAssign
            ? {
                selectedRowKeys: picked,
                onChange: (k) => setPicked(k as number[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'approved' && r.status !== 'assigned' }),
              }
            : undefined
        }
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '暂无学员'} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber' },
          { title: '区县', dataIndex: 'countyName' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '方式', dataIndex: 'originLabel' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string, r) => <Tag color={STATUS_COLOR[s]}>{s === 'reviewing' ? `待${r.stageLabel}审核` : r.statusLabel}</Tag>,
          },
          { title: '班级', key: 'class', render: (_, r) => (r.className ? `${r.institutionName ?? ''} · ${r.className}` : '—') },
          { title: '签到', dataIndex: 'checkins' },
          { title: '总成绩', dataIndex: 'totalScore', render: (v: number | null) => v ?? '—' },
          {
            title: '结果',
            dataIndex: 'resultLabel',
            render: (v: string | null, r) => (v ? <Tag color={r.result === 'passed' ? 'green' : 'red'}>{v}</Tag> : '—'),
          },
        ]}
      />
      <AssignModal
        project={detail.project}
        enrollmentIds={picked}
        open={assigning}
        onClose={() => setAssigning(false)}
        onDone={async () => {
          setAssigning(false);
          setPicked([]);
          await qc.invalidateQueries({ queryKey: ['project-trainees', id] });
          await qc.invalidateQueries({ queryKey: ['project-stats', id] });
        }}
      />
    </>
  );
}
