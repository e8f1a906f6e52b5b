import { useState } from 'react';
import { Drawer } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { TeachersTable } from './TeachersTable.tsx';
import type { ReportParams, TeacherFilter } from './types.ts';
import { creditReports } from '@shixun/contracts';

export interface DrawerTarget {
  title: string;
  scope: ReportParams;
  filter: TeacherFilter;
}

/** The list behind a clicked number, in a drawer over the report. */
export function TeachersDrawer({ target, unit, onClose }: { target: DrawerTarget | null; unit: string; onClose: () => void }) {
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [shown, setShown] = useState<DrawerTarget | null>(null);
  if (target !== shown) {
    setShown(target);
    setPaging({ page: 1, pageSize: 20 });
  }
  const list = useQuery({
    queryKey: ['credit-report-teachers', target, paging],
    queryFn: () => call(creditReports.teachers, { query: { ...target!.scope, ...target!.filter, ...paging } }),
    enabled: !!target,
    placeholderData: keepPreviousData,
  });
  return (
    <Drawer open={!!target} onClose={onClose} title={target?.title} size="min(1100px, 96vw)" destroyOnHidden>
      <TeachersTable
        items={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={paging.page}
        pageSize={paging.pageSize}
        loading={list.isFetching}
        error={list.isError ? list.error.message : null}
        unit={unit}
        onPage={(page, pageSize) => setPaging({ page, pageSize })}
      />
    </Drawer>
  );
}
