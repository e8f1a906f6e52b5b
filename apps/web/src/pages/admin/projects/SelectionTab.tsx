import { useState } from 'react';
import { App, Button, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import { enrollments } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { Candidate, ProjectDetail } from './types.ts';

/** 遴选: teachers of my scope; the picked ones take places of my quota, all of them or none. */
export function SelectionTab({ detail }: { detail: ProjectDetail }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const id = detail.project.id;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<number[]>([]);
  const selection = useMutation({
    mutationFn: (teacherIds: number[]) => call(enrollments.selectTeachers, { params: { id }, body: { teacherIds } }),
  });
  const list = useQuery({
    queryKey: ['project-candidates', id, q, page],
    queryFn: () => call(enrollments.candidates, { params: { id }, query: { q, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const free = detail.myQuota?.free ?? 0;
  const submit = async () => {
    try {
      const r = await selection.mutateAsync(picked);
      message.success(`已遴选 ${r.selected} 名教师，${r.stageLabel === '已完成' ? '已审核通过' : `等待${r.stageLabel}审核`}`);
      setPicked([]);
      await Promise.all(
        ['project-candidates', 'project', 'project-trainees', 'project-stats'].map((k) => qc.invalidateQueries({ queryKey: [k] })),
      );
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="教师姓名"
          allowClear
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Typography.Text>
          本单位剩余名额：<b data-testid="selection-free">{free}</b>，已选 {picked.length} 人
        </Typography.Text>
        <Button type="primary" disabled={!picked.length || picked.length > free} loading={selection.isPending} onClick={submit}>
          遴选并提交
        </Button>
        {picked.length > free && <Typography.Text type="danger">超出剩余名额</Typography.Text>}
      </Space>
      <Table<Candidate>
        data-testid="candidates-table"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: picked,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setPicked(keys as number[]),
          getCheckboxProps: (r) => ({ disabled: r.enrolled }),
        }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '没有找到教师'} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '证件号码', dataIndex: 'idNumber' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '学段', dataIndex: 'stage' },
          { title: '学科', dataIndex: 'subject' },
          {
            title: '',
            key: 'flag',
            render: (_, r) =>
              r.enrolled ? <Tag color="blue">已报名</Tag> : r.matches ? null : <Tag color="orange">与项目面向的学段/学科不符</Tag>,
          },
        ]}
      />
    </>
  );
}
