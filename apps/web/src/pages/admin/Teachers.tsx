import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Cascader, Empty, Form, Input, Select, Space, Table, Tag } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMe } from '../../api/session.ts';
import { regions, teachers } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import type { TeacherRow } from '../../api/types.ts';
import { ACCOUNT_STATUS, fieldByKey } from '../../format.ts';
import { useRegionOptions } from './useRegionOptions.ts';

const FILTER_KEYS = ['q', 'regionCode', 'schoolId', 'subject', 'stage', 'status', 'page', 'pageSize'] as const;

/** 450102 → [45, 4501, 450102] cut to the viewer's root level. */
function regionPath(code: string | undefined, rootLen: number): string[] {
  if (!code) return [];
  return [2, 4, 6].filter((n) => n >= rootLen && n <= code.length).map((n) => code.slice(0, n));
}

function SchoolSelect({ regionCode, value, onChange }: { regionCode?: string; value?: string; onChange: (v?: string) => void }) {
  const [q, setQ] = useState('');
  const schools = useQuery({
    queryKey: ['schools', regionCode ?? '', q],
    queryFn: () => call(regions.schoolsInScope, { query: { regionCode, q, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      aria-label="学校"
      style={{ width: 220 }}
      allowClear
      placeholder="学校"
      value={value ? Number(value) : undefined}
      loading={schools.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={schools.data?.items.map((s) => ({ value: s.id, label: s.name }))}
      onChange={(v) => onChange(v === undefined ? undefined : String(v))}
      notFoundContent={schools.isError ? schools.error.message : '没有找到学校'}
    />
  );
}

export default function Teachers() {
  const me = useMe().data!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const f = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Record<
    (typeof FILTER_KEYS)[number],
    string | undefined
  >;
  const page = Number(f.page ?? 1);
  const pageSize = Number(f.pageSize ?? 20);
  const [q, setQ] = useState(f.q ?? '');
  const regions = useRegionOptions();
  const rootLen = regions.options[0]?.value.length ?? 2;
  const isSchoolAdmin = me.role === 'school_admin';

  const set = (patch: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const list = useQuery({
    queryKey: ['teachers', f],
    queryFn: () => call(teachers.list, { query: { ...f, status: f.status as TeacherRow['accountStatus'] | undefined, page, pageSize } }),
    placeholderData: keepPreviousData,
  });

  const subject = fieldByKey('subject')!;
  const stage = fieldByKey('stage')!;

  return (
    <Card title="教师管理">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="搜索教师"
          placeholder="姓名 / 证件号 / 手机号"
          allowClear
          style={{ width: 320 }}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          enterButton={
            <Button type="primary" icon={<SearchOutlined />}>
              搜索
            </Button>
          }
        />
        {!isSchoolAdmin && (
          <Cascader
            aria-label="所在地区"
            style={{ width: 220 }}
            placeholder="所在地区"
            changeOnSelect
            options={regions.options}
            loadData={(sel) => regions.loadData(sel as never)}
            value={regionPath(f.regionCode, rootLen)}
            onChange={(v) => set({ regionCode: v?.length ? String(v[v.length - 1]) : undefined, schoolId: undefined })}
          />
        )}
        {!isSchoolAdmin && <SchoolSelect regionCode={f.regionCode} value={f.schoolId} onChange={(v) => set({ schoolId: v })} />}
        <Select
          aria-label="学科"
          allowClear
          placeholder="学科"
          style={{ width: 130 }}
          value={f.subject}
          options={subject.options!.map((o) => ({ value: o, label: o }))}
          onChange={(v) => set({ subject: v })}
        />
        <Select
          aria-label="学段"
          allowClear
          placeholder="学段"
          style={{ width: 130 }}
          value={f.stage}
          options={stage.options!.map((o) => ({ value: o, label: o }))}
          onChange={(v) => set({ stage: v })}
        />
        <Select
          aria-label="账号状态"
          allowClear
          placeholder="账号状态"
          style={{ width: 120 }}
          value={f.status}
          options={Object.entries(ACCOUNT_STATUS)
            .filter(([k]) => k !== 'rejected')
            .map(([k, s]) => ({ value: k, label: s.text }))}
          onChange={(v) => set({ status: v })}
        />
        <Button
          onClick={() => {
            setQ('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        >
          重置
        </Button>
      </Space>
      <Form.ErrorList errors={regions.error ? [regions.error] : []} />
      <Table<TeacherRow>
        data-testid="teachers-table"
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '没有符合条件的教师'} /> }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/admin/teachers/${r.id}`) })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 人`,
          onChange: (p, s) => set({ page: String(p), pageSize: String(s) }),
        }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n, r) => <Link to={`/admin/teachers/${r.id}`}>{n}</Link> },
          { title: '性别', dataIndex: 'gender', width: 60 },
          { title: '证件号码', dataIndex: 'idNumber' },
          { title: '手机号', dataIndex: 'phone' },
          { title: '单位', dataIndex: 'schoolName' },
          { title: '区县', dataIndex: 'countyName' },
          { title: '学段', dataIndex: 'stage', width: 80 },
          { title: '学科', dataIndex: 'subject', width: 80 },
          { title: '人员状态', dataIndex: 'personnelStatus', width: 90 },
          {
            title: '账号状态',
            dataIndex: 'accountStatus',
            width: 90,
            render: (s: string) => <Tag color={ACCOUNT_STATUS[s]?.color}>{ACCOUNT_STATUS[s]?.text ?? s}</Tag>,
          },
          { title: '操作', key: 'op', width: 70, render: (_, r) => <Link to={`/admin/teachers/${r.id}`}>查看</Link> },
        ]}
      />
    </Card>
  );
}
