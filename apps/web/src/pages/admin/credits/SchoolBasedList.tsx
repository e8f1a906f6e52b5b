// 本校校本研修记录: what the school has certified, newest first, with 冲销 for a mistaken entry.
import { useState } from 'react';
import { Empty, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { credits, type ResponseOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { fmt } from '../../space/credits/labels.ts';
import { ReverseButton } from './ReverseButton.tsx';

type Row = ResponseOf<typeof credits.schoolBasedList>['items'][number];
export const SCHOOL_BASED_KEY = ['credits', 'school-based'] as const;

export function SchoolBasedList() {
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const thisYear = new Date().getFullYear();
  const list = useQuery({
    queryKey: [...SCHOOL_BASED_KEY, q, year, page],
    queryFn: () => call(credits.schoolBasedList, { query: { q, year, page } }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索"
          allowClear
          placeholder="教师姓名 / 研修内容"
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Select
          aria-label="年度"
          allowClear
          placeholder="年度"
          style={{ width: 120 }}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
          options={Array.from({ length: 11 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))}
        />
      </Space>
      <Table<Row>
        data-testid="school-based-list"
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        // fits at 1440 px with the side menu; narrower, it scrolls inside its box with 状态 and 冲销 kept in view
        scroll={{ x: 1080 }}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '本校还没有认定过校本研修'} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '教师', dataIndex: 'teacherName', width: 90 },
          { title: '证件号码', dataIndex: 'idNumber', width: 180 },
          { title: '年度', dataIndex: 'year', width: 64 },
          { title: '认定日期', dataIndex: 'date', width: 110 },
          {
            title: '研修内容',
            dataIndex: 'title',
            render: (t: string, r) => <span style={{ textDecoration: r.reversed ? 'line-through' : undefined }}>{t}</span>,
          },
          { title: '学分', dataIndex: 'amount', align: 'right', width: 64, render: fmt },
          { title: '学时', dataIndex: 'hours', align: 'right', width: 64, render: fmt },
          { title: '认定人', dataIndex: 'certifierName', width: 90 },
          { title: '录入时间', dataIndex: 'createdAt', width: 170, render: formatTime },
          {
            title: '状态',
            key: 'state',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.reversed ? (
                <Tooltip title={r.reversedReason ? `原因：${r.reversedReason}` : undefined}>
                  <Tag>已冲销</Tag>
                </Tooltip>
              ) : (
                <Tag color="green">有效</Tag>
              ),
          },
          {
            title: '操作',
            key: 'op',
            width: 80,
            fixed: 'right',
            render: (_, r) =>
              r.reversed ? (
                '—'
              ) : (
                <ReverseButton entryId={r.id} title={r.title} onDone={() => qc.invalidateQueries({ queryKey: SCHOOL_BASED_KEY })} />
              ),
          },
        ]}
      />
    </>
  );
}
