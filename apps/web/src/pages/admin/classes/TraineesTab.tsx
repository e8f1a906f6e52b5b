import { useState } from 'react';
import { Empty, Input, Tag, Typography } from 'antd';
import type { ClassDetail, Trainee } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

export function resultTag(t: Pick<Trainee, 'result' | 'resultLabel'>) {
  if (!t.result) return <Tag>待评定</Tag>;
  return <Tag color={t.result === 'passed' ? 'green' : 'red'}>{t.resultLabel}</Tag>;
}

/** What completion produced, said plainly — including a pass taken back. */
export function completionText(t: Trainee) {
  if (t.result === 'passed' && t.certificate?.status === 'valid')
    return <Typography.Text type="success">已记入学分、已颁发结业证书</Typography.Text>;
  if (t.certificate?.status === 'revoked' && t.result !== 'passed')
    return <Typography.Text type="danger">成绩改为不合格：学分已冲销，结业证书已撤销</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

/** 学员: the trainees with masked ID numbers, check-ins, scores and result. */
export function TraineesTab({ detail }: { detail: ClassDetail }) {
  const [q, setQ] = useState('');
  const term = q.trim();
  const rows = detail.trainees.filter(
    (t) => !term || t.name.includes(term) || t.schoolName.includes(term) || String(t.enrollmentId) === term,
  );
  return (
    <>
      <Input.Search allowClear placeholder="姓名、单位或学员编号" onSearch={setQ} style={{ width: 260, marginBottom: 12 }} />
      <PhoneTable<Trainee>
        data-testid="trainees-table"
        rowKey="enrollmentId"
        size="middle"
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 人` }}
        locale={{ emptyText: <Empty description={term ? '没有符合条件的学员' : '本班暂无学员'} /> }}
        columns={[
          { title: '学员编号', responsive: FROM_MD, dataIndex: 'enrollmentId', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '证件号码', responsive: FROM_MD, dataIndex: 'idNumber', width: 190, render: (v: string | null) => v ?? '—' },
          { title: '单位', responsive: FROM_MD, dataIndex: 'schoolName' },
          { title: '签到', dataIndex: 'checkins', width: 80, render: (n: number) => `${n} 次` },
          { title: '集中学习', responsive: FROM_MD, dataIndex: 'onsiteScore', width: 90, render: (v: number | null) => v ?? '—' },
          { title: '网络学习', responsive: FROM_MD, dataIndex: 'onlineScore', width: 90, render: (v: number | null) => v ?? '—' },
          { title: '总成绩', responsive: FROM_MD, dataIndex: 'totalScore', width: 80, render: (v: number | null) => v ?? '—' },
          { title: '考核结果', key: 'result', width: 90, render: (_, t) => resultTag(t) },
          { title: '结业', responsive: FROM_MD, key: 'completion', render: (_, t) => completionText(t) },
        ]}
      />
    </>
  );
}
