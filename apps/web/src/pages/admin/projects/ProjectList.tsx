import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { projects, type QueryOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { PROJECT_STATUS, STATUS_COLOR, type ProjectRow } from './types.ts';

const LEVELS = [
  { value: 'national', label: '国家级' },
  { value: 'province', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县级' },
  { value: 'school', label: '校级' },
];

/** 培训项目: the projects organised in or aimed at my area, with filters; the levels I plan at may create. */
export default function ProjectList() {
  const navigate = useNavigate();
  const [f, setF] = useState<Omit<QueryOf<typeof projects.listProjects>, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['projects', f, page],
    queryFn: () => call(projects.listProjects, { query: { ...f, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  const set = (patch: typeof f) => {
    setF({ ...f, ...patch });
    setPage(1);
  };
  return (
    <Card
      title="培训项目"
      extra={
        list.data?.node.levels.length ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/admin/projects/new')}>
            新建项目
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          aria-label="年度"
          placeholder="年度"
          min={2000}
          max={2100}
          style={{ width: 110 }}
          onChange={(v) => set({ year: v ?? undefined })}
        />
        <Select
          aria-label="项目级别"
          placeholder="项目级别"
          allowClear
          style={{ width: 130 }}
          options={LEVELS}
          onChange={(v) => set({ level: v })}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 120 }}
          options={Object.entries(PROJECT_STATUS).map(([value, label]) => ({ value, label }))}
          onChange={(v) => set({ status: v })}
        />
        <Input.Search
          aria-label="关键字"
          placeholder="项目名称"
          allowClear
          style={{ width: 240 }}
          onSearch={(v) => set({ q: v.trim() || undefined })}
        />
      </Space>
      <Table<ProjectRow>
        data-testid="projects-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '暂无培训项目'} /> }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个项目` }}
        columns={[
          { title: '项目名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/admin/projects/${r.id}`}>{n}</Link> },
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '级别', dataIndex: 'levelLabel', width: 80 },
          {
            title: '组织单位',
            dataIndex: 'organiserName',
            render: (n: string, r) => (
              <>
                {n}
                {r.mine && (
                  <Tag color="blue" style={{ marginLeft: 6 }}>
                    本单位
                  </Tag>
                )}
              </>
            ),
          },
          { title: '类型', dataIndex: 'typeName', width: 100 },
          { title: '培训时间', key: 'dates', width: 200, render: (_, r) => `${r.startDate} ~ ${r.endDate}` },
          { title: '名额', dataIndex: 'quota', width: 70 },
          { title: '报名', dataIndex: 'enrolled', width: 70 },
          { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={STATUS_COLOR[s]}>{PROJECT_STATUS[s]}</Tag> },
        ]}
      />
    </Card>
  );
}
