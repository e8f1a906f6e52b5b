import { useState } from 'react';
import { App, Button, Empty, InputNumber, Space, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { classScores, electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';
import type { Learner } from './types.ts';

type Draft = Record<number, { progress?: number | null; score?: number | null }>;

/** 学员名单: progress and scores; the provider records them here (through its class's score entry, the same rules). */
export function Learners({ id }: { id: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const list = useQuery({ queryKey: ['elective-learners', id], queryFn: () => call(electives.learners, { params: { id } }) });
  const save = useMutation({
    mutationFn: () => {
      const items = Object.entries(draft).map(([k, v]) => ({
        enrollmentId: Number(k),
        ...(v.progress !== undefined && { progress: v.progress }),
        ...(v.score !== undefined && { onlineScore: v.score }),
      }));
      return call(classScores.saveScores, { params: { id: list.data?.classId ?? 0 }, body: { items } });
    },
    onSuccess: async (r) => {
      message.success(`已保存 ${r.updated} 名学员${r.passed ? `，${r.passed} 名合格（已记入学分、颁发证书）` : ''}`);
      setDraft({});
      await qc.invalidateQueries({ queryKey: ['elective-learners', id] });
    },
    onError: (e) => message.error(e.message),
  });
  const canRecord = !!list.data?.canRecord;
  const edit = (row: Learner, k: 'progress' | 'score', v: number | null) =>
    setDraft((d) => ({ ...d, [row.enrollmentId]: { ...d[row.enrollmentId], [k]: v } }));
  return (
    <>
      <PhoneTable<Learner>
        data-testid="elective-learners"
        rowKey="enrollmentId"
        size="small"
        detailsByClick={false}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="还没有学员报名" /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '学校', dataIndex: 'schoolName', responsive: FROM_MD },
          {
            title: '学习进度（%）',
            dataIndex: 'progress',
            render: (v: number | null, row) =>
              canRecord ? (
                <InputNumber
                  aria-label={`${row.name}学习进度`}
                  min={0}
                  max={100}
                  precision={0}
                  defaultValue={v ?? undefined}
                  onChange={(x) => edit(row, 'progress', x)}
                />
              ) : (
                (v ?? '—')
              ),
          },
          {
            title: '考核成绩',
            dataIndex: 'score',
            render: (v: number | null, row) =>
              canRecord ? (
                <InputNumber
                  aria-label={`${row.name}考核成绩`}
                  min={0}
                  max={100}
                  precision={2}
                  defaultValue={v ?? undefined}
                  onChange={(x) => edit(row, 'score', x)}
                />
              ) : (
                (v ?? '—')
              ),
          },
          {
            title: '结果',
            dataIndex: 'resultLabel',
            render: (t: string, row) => <Tag color={row.result === 'passed' ? 'green' : row.result === 'failed' ? 'red' : 'blue'}>{t}</Tag>,
          },
        ]}
      />
      {canRecord && (
        <Space style={{ marginTop: 8 }}>
          <Button type="primary" disabled={!Object.keys(draft).length} loading={save.isPending} onClick={() => save.mutate()}>
            保存学习进度和成绩
          </Button>
        </Space>
      )}
    </>
  );
}
