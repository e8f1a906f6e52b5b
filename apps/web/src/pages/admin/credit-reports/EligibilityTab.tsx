import { useState } from 'react';
import { Alert, Segmented, Space } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { TeachersTable } from './TeachersTable.tsx';
import type { EligibilityStatus, ScopeParams } from './types.ts';
import { creditReports } from '@shixun/contracts';

const LABELS: Record<EligibilityStatus, string> = { eligible: '符合学分条件', ineligible: '不符合', not_assessed: '不纳入考核' };

/** 定期注册: who meets the credit condition of the current cycle, who does not, who is not assessed. */
export function EligibilityTab({ scope, unit }: { scope: ScopeParams; unit: string }) {
  const [status, setStatus] = useState<EligibilityStatus>('ineligible');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: ['credit-eligibility', scope, status, paging],
    queryFn: () => call(creditReports.eligibility, { query: { ...scope, status, ...paging } }),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;
  const c = list.data?.cycle;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Alert
        type="info"
        showIcon
        title={
          c
            ? `按${c.name}周期（${c.startYear}–${c.endYear}）截至 ${list.data!.asOf} 的学分情况判断：本周期没有未完成项的教师符合定期注册的学分条件。`
            : '正在加载…'
        }
      />
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
      <TeachersTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={paging.page}
        pageSize={paging.pageSize}
        loading={list.isFetching}
        error={list.isError ? list.error.message : null}
        unit={unit}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
        emptyText={`没有${LABELS[status]}的教师`}
      />
    </Space>
  );
}
