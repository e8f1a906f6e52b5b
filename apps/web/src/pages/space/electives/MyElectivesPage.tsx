import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Empty, Space, Spin, Tabs } from 'antd';
import { BookOutlined, SendOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ElectiveDrawer } from './ElectiveDrawer.tsx';
import { MyElectiveCard } from './MyElectiveCard.tsx';
import type { MyTab } from './types.ts';

const TABS: { key: MyTab; label: string; empty: string }[] = [
  { key: 'learning', label: '学习中', empty: '没有正在学习的课程，点击“去报名”选择课程' },
  { key: 'passed', label: '已通过', empty: '还没有通过的课程' },
  { key: 'failed', label: '未通过', empty: '没有未通过的课程' },
];

/** 我的自主选学 (Guangxi manual 2.1): the tabs 学习中 · 已通过 · 未通过 with counts, and 去报名 into the catalogue. */
export default function MyElectivesPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab = (params.get('tab') as MyTab | null) ?? 'learning';
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({
    queryKey: ['my-electives', tab],
    queryFn: () => call(electives.myElectives, { query: { tab } }),
    placeholderData: keepPreviousData,
  });
  const current = TABS.find((t) => t.key === tab) ?? TABS[0];
  return (
    <Card
      title={
        <Space>
          <BookOutlined />
          我的自主选学
        </Space>
      }
      extra={
        <Button type="primary" icon={<SendOutlined />} onClick={() => navigate('/space/electives/catalogue')}>
          去报名
        </Button>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={TABS.map((t) => ({ key: t.key, label: `${t.label}·${list.data?.counts[t.key] ?? 0}` }))}
      />
      {list.isError && <Alert type="error" showIcon title={list.error.message} />}
      <Spin spinning={list.isFetching}>
        {list.data?.items.length === 0 && <Empty description={current?.empty} />}
        {list.data?.items.map((m) => (
          <MyElectiveCard key={m.enrollmentId} m={m} onOpen={setOpen} />
        ))}
      </Spin>
      <ElectiveDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
