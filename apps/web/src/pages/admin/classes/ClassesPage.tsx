import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { classes } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import type { ClassListItem } from './types.ts';
import { todayInZone } from '../../../format.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

const today = todayInZone;

function phase(c: ClassListItem) {
  const d = today();
  if (d < c.startDate) return <Tag>未开始</Tag>;
  if (d > c.endDate) return <Tag color="default">已结束</Tag>;
  return <Tag color="processing">进行中</Tag>;
}

/** 我的班级: the classes the province assigned to this institution. */
export default function ClassesPage() {
  const [q, setQ] = useState('');
  const list = useQuery({ queryKey: ['classes'], queryFn: () => call(classes.listClasses) });
  const term = q.trim();
  const items = (list.data?.items ?? []).filter((c) => !term || c.projectName.includes(term) || c.name.includes(term));
  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          我的班级
        </Space>
      }
      extra={<Input.Search allowClear placeholder="项目或班级名称" onSearch={setQ} style={{ width: 240 }} />}
    >
      <Typography.Paragraph type="secondary">
        这里是省级项目管理员分配给本机构的培训班级。进入班级后可发布开班通知、安排课程、组织签到、录入成绩并查看训后评估。
      </Typography.Paragraph>
      <PhoneTable<ClassListItem>
        data-testid="classes-table"
        rowKey="id"
        loading={list.isFetching}
        dataSource={items}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个班级` }}
        locale={{
          emptyText: <Empty description={list.isError ? list.error.message : term ? '没有符合条件的班级' : '暂无分配给本机构的班级'} />,
        }}
        columns={[
          {
            title: '项目 / 班级',
            key: 'name',
            render: (_, c) => (
              <>
                <Link to={`/admin/classes/${c.id}`}>{c.projectName}</Link>
                <div>
                  <Typography.Text type="secondary">
                    {c.name} · {c.year} 年 · {c.levelLabel} · {c.organiserName}
                  </Typography.Text>
                </div>
              </>
            ),
          },
          { title: '培训时间', responsive: FROM_MD, key: 'dates', width: 210, render: (_, c) => `${c.startDate} 至 ${c.endDate}` },
          { title: '状态', key: 'phase', width: 90, render: (_, c) => phase(c) },
          { title: '学员', responsive: FROM_MD, dataIndex: 'trainees', width: 80, render: (n: number) => `${n} 人` },
          { title: '课程', responsive: FROM_MD, dataIndex: 'sessions', width: 80, render: (n: number) => `${n} 次` },
          {
            title: '开班通知',
            responsive: FROM_MD,
            dataIndex: 'noticePublished',
            width: 100,
            render: (p: boolean) => (p ? <Tag color="green">已发布</Tag> : <Tag color="orange">未发布</Tag>),
          },
          { title: '操作', key: 'op', width: 90, render: (_, c) => <Link to={`/admin/classes/${c.id}`}>进入班级</Link> },
        ]}
      />
    </Card>
  );
}
