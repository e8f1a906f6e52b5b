import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, DatePicker, Empty, Input, Pagination, Select, Space, Spin, Tabs } from 'antd';
import { ProjectOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { myProjects } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ApplyDrawer } from './ApplyDrawer.tsx';
import { ProjectCard } from './ProjectCard.tsx';
import type { TeacherTab } from './types.ts';

const TABS: { key: TeacherTab; label: string; empty: string }[] = [
  { key: 'ongoing', label: '进行中', empty: '没有正在进行的培训' },
  { key: 'upcoming', label: '未开始', empty: '没有即将开始的培训' },
  { key: 'ended', label: '已结束', empty: '没有已结束的培训' },
  { key: 'reviewing', label: '审核中', empty: '没有正在审核的申报或遴选' },
  { key: 'returned', label: '未通过', empty: '没有未通过的申报' },
];
const PAGE_SIZE = 10;

/** 我的专项培训: the tabs with counts, the filters 培训时间 / 考核结果 / 关键字检索, 去申报, and the cards. */
export default function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TeacherTab | null) ?? 'ongoing';
  const [range, setRange] = useState<[string, string] | null>(null);
  const [result, setResult] = useState<'passed' | 'failed' | 'none' | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [applying, setApplying] = useState(false);
  const list = useQuery({
    queryKey: ['my-projects', tab, range, result, q, page],
    queryFn: () => call(myProjects.myProjects, { query: { tab, from: range?.[0], to: range?.[1], result, q, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const counts = list.data?.counts;
  const current = TABS.find((t) => t.key === tab)!;

  return (
    <Card
      title={
        <Space>
          <ProjectOutlined />
          我的专项培训
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setParams({ tab: k }, { replace: true });
          setPage(1);
        }}
        items={TABS.map((t) => ({ key: t.key, label: `${t.label}·${counts?.[t.key] ?? 0}` }))}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        {/* allowEmpty: an empty range picker sends Tab back to its first field (a keyboard trap); a filter may be left empty */}
        <DatePicker.RangePicker
          aria-label="培训时间"
          allowEmpty={[true, true]}
          placeholder={['培训开始', '培训结束']}
          onChange={(v) => {
            setRange(v?.[0] && v[1] ? [v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')] : null);
            setPage(1);
          }}
        />
        <Select
          aria-label="考核结果"
          style={{ width: 140 }}
          allowClear
          placeholder="考核结果"
          value={result}
          onChange={(v) => {
            setResult(v);
            setPage(1);
          }}
          options={[
            { value: 'passed', label: '合格' },
            { value: 'failed', label: '不合格' },
            { value: 'none', label: '未考核' },
          ]}
        />
        <Input.Search
          aria-label="关键字检索"
          placeholder="关键字检索（项目名称）"
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
        <Button type="primary" icon={<SendOutlined />} onClick={() => setApplying(true)}>
          去申报
        </Button>
      </Space>
      {list.isPending ? (
        <div style={{ textAlign: 'center', padding: 40 }}>
          <Spin />
        </div>
      ) : list.isError ? (
        <Empty description={list.error.message} />
      ) : list.data.items.length === 0 ? (
        <Empty description={range || result || q ? '没有符合筛选条件的项目' : current.empty} />
      ) : (
        <Spin spinning={list.isFetching}>
          {list.data.items.map((d) => (
            <ProjectCard key={d.enrollment.id} data={d} />
          ))}
          <Pagination
            align="end"
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            hideOnSinglePage
            onChange={setPage}
            showTotal={(t) => `共 ${t} 项`}
          />
        </Spin>
      )}
      <ApplyDrawer
        open={applying}
        onClose={() => setApplying(false)}
        onApplied={() => {
          setApplying(false);
          setParams({ tab: 'reviewing' }, { replace: true });
        }}
      />
    </Card>
  );
}
