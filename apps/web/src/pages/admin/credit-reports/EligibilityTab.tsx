import { useState } from 'react';
import { Alert, Segmented, Space, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { EligibilityStatus, RegistrationTeacher, ScopeParams } from './types.ts';
import { creditReports } from '@shixun/contracts';

const LABELS: Record<EligibilityStatus, string> = {
  eligible: '学时已满',
  in_progress: '进行中',
  ineligible: '学时不足',
  not_assessed: '不纳入',
};
const COLORS: Record<EligibilityStatus, string | undefined> = {
  eligible: 'green',
  in_progress: 'blue',
  ineligible: 'red',
  not_assessed: undefined,
};

/** 定期注册: each teacher on their own window, from their latest 注册日期 (the hire date while none is recorded). */
export function EligibilityTab({ scope }: { scope: ScopeParams }) {
  const [status, setStatus] = useState<EligibilityStatus>('ineligible');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['credit-eligibility', scope, status, paging],
    queryFn: () => call(creditReports.eligibility, { query: { ...scope, status, ...paging } }),
    placeholderData: keepPreviousData,
  });
  const d = list.data;
  const counts = d?.counts;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Alert
        type="info"
        showIcon
        title={
          d
            ? d.rule
              ? `教师资格每 ${d.rule.years} 年定期注册一次，注册周期从本人最近一次注册日期起算（没有登记注册日期的，从入职时间起算），周期内须完成不少于 ${d.rule.hours} 学时培训。截至 ${d.asOf}：“学时已满”可申请注册；“进行中”的周期尚未结束；“学时不足”的周期已结束而学时未满。`
              : '当前学分政策没有定期注册的学时要求。'
            : '正在加载…'
        }
      />
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as EligibilityStatus);
          setPaging((p) => ({ ...p, page: 1 }));
        }}
        options={(Object.keys(LABELS) as EligibilityStatus[]).map((k) => ({
          value: k,
          label: `${LABELS[k]}${counts ? `（${counts[k]}）` : ''}`,
        }))}
      />
      <Table<RegistrationTeacher>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={d?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: `没有${LABELS[status]}的教师` }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: d?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => `共 ${n} 人`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: '学校', dataIndex: 'schoolName' },
          { title: '区县', dataIndex: 'countyName' },
          {
            title: '注册周期',
            key: 'window',
            render: (_, t) =>
              t.startDate ? `${t.startDate} 至 ${t.endDate}${t.anchor === 'hire' ? '（未登记注册日期，按入职时间）' : ''}` : '—',
          },
          {
            title: '周期内学时',
            key: 'hours',
            align: 'right',
            render: (_, t) => (t.requiredHours === null ? t.hours : `${t.hours} / ${t.requiredHours}`),
          },
          { title: '状态', dataIndex: 'status', render: (s: EligibilityStatus) => <Tag color={COLORS[s]}>{LABELS[s]}</Tag> },
          { title: '说明', dataIndex: 'missing', render: (m: string[]) => m.join('；') || '—' },
        ]}
      />
    </Space>
  );
}
