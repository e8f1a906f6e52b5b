import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Empty, Input, Pagination, Select, Space, Spin, Tag, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ElectiveDrawer } from './ElectiveDrawer.tsx';
import { ElectiveFacts } from './ElectiveFacts.tsx';

type Sort = 'newest' | 'start' | 'credits' | 'price';
type Mode = 'online' | 'onsite' | 'blended';
interface Filters {
  q?: string;
  stage?: string;
  subject?: string;
  category?: string;
  mode?: Mode;
  price?: 'free' | 'paid';
  providerId?: number;
  sort: Sort;
}
const PAGE_SIZE = 10;
const MODES: { value: Mode; label: string }[] = [
  { value: 'online', label: '远程培训（线上）' },
  { value: 'onsite', label: '集中培训' },
  { value: 'blended', label: '混合式培训' },
];

/** 自主选学项目: the courses this teacher may take now, with filters, search, sorting and a detail drawer. */
export default function CataloguePage() {
  const [f, setF] = useState<Filters>({ sort: 'newest' });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<number | null>(null);
  const set = (patch: Partial<Filters>) => {
    setF((x) => ({ ...x, ...patch }));
    setPage(1);
  };
  const list = useQuery({
    queryKey: ['elective-catalogue', f, page],
    queryFn: () => call(electives.catalogue, { query: { ...f, page, pageSize: PAGE_SIZE } }),
    placeholderData: keepPreviousData,
  });
  const d = list.data;
  const options = (xs: string[] | undefined) => (xs ?? []).map((x) => ({ value: x, label: x }));
  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          自主选学项目
        </Space>
      }
      extra={<Link to="/space/electives">返回我的自主选学</Link>}
    >
      <Space wrap style={{ marginBottom: 16 }} data-testid="catalogue-filters">
        <Input.Search
          aria-label="关键字检索"
          placeholder="课程名称、机构"
          allowClear
          onSearch={(q) => set({ q: q || undefined })}
          style={{ width: 220 }}
        />
        <Select
          aria-label="学段"
          placeholder="学段"
          allowClear
          style={{ width: 110 }}
          options={options(d?.stages)}
          onChange={(stage) => set({ stage })}
        />
        <Select
          aria-label="学科"
          placeholder="学科"
          allowClear
          style={{ width: 110 }}
          options={options(d?.subjects)}
          onChange={(subject) => set({ subject })}
        />
        <Select
          aria-label="学分类型"
          placeholder="学分类型"
          allowClear
          style={{ width: 130 }}
          options={(d?.categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(category) => set({ category })}
        />
        <Select
          aria-label="学习形式"
          placeholder="学习形式"
          allowClear
          style={{ width: 150 }}
          options={MODES}
          onChange={(mode) => set({ mode })}
        />
        <Select
          aria-label="费用"
          placeholder="费用"
          allowClear
          style={{ width: 100 }}
          options={[
            { value: 'free', label: '免费' },
            { value: 'paid', label: '付费' },
          ]}
          onChange={(price) => set({ price })}
        />
        <Select
          aria-label="提供机构"
          placeholder="提供机构"
          allowClear
          style={{ width: 180 }}
          options={(d?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))}
          onChange={(providerId) => set({ providerId })}
        />
        <Select
          aria-label="排序"
          value={f.sort}
          style={{ width: 130 }}
          options={[
            { value: 'newest', label: '最新上架' },
            { value: 'start', label: '开课时间' },
            { value: 'credits', label: '学分从高到低' },
            { value: 'price', label: '价格从低到高' },
          ]}
          onChange={(sort) => set({ sort })}
        />
      </Space>
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Spin spinning={list.isFetching}>
        {d?.items.length === 0 && <Empty description="没有符合条件、可以报名的课程" />}
        {d?.items.map((e) => (
          <Card
            key={e.id}
            size="small"
            data-testid="catalogue-card"
            style={{ marginBottom: 12 }}
            title={
              <Typography.Link onClick={() => setOpen(e.id)} style={{ fontSize: 16 }}>
                {e.name}
              </Typography.Link>
            }
            extra={<Tag color="geekblue">{e.categoryName}</Tag>}
          >
            <ElectiveFacts e={e} />
            <Button type="primary" style={{ marginTop: 8 }} onClick={() => setOpen(e.id)}>
              查看详情并报名
            </Button>
          </Card>
        ))}
      </Spin>
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={d?.total ?? 0}
        onChange={setPage}
        hideOnSinglePage
        showTotal={(t) => `共 ${t} 门课程`}
        style={{ marginTop: 8 }}
      />
      <ElectiveDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
