// 待办事项: what waits for the teacher, each with where to do it.
import { Link } from 'react-router-dom';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { formatTime } from '../../../format.ts';
import type { MyHome } from './useHome.ts';

type Todo = MyHome['todos'][number];

const KIND: Record<Todo['kind'], { tag: string; color: string; action: string; to: (id: number | null) => string }> = {
  checkin: { tag: '签到', color: 'processing', action: '去签到', to: (id) => `/space/projects/${id}` },
  evaluation: { tag: '训后评估', color: 'processing', action: '去填写', to: (id) => `/space/projects/${id}` },
  returnedEnrollment: { tag: '申报退回', color: 'error', action: '查看', to: () => '/space/projects?tab=returned' },
  rejectedClaim: { tag: '学分申报', color: 'error', action: '查看', to: () => '/space/credits/claims' },
  rejectedChange: { tag: '信息变更', color: 'error', action: '查看', to: () => '/space/profile' },
  profile: { tag: '基本信息', color: 'warning', action: '去完善', to: () => '/space/profile' },
};

export function TodoCard({ todos }: { todos: Todo[] }) {
  return (
    <Card title={`待办事项${todos.length ? `（${todos.length}）` : ''}`} data-testid="home-todos">
      {todos.length === 0 ? (
        <Empty description="暂无待办事项" />
      ) : (
        <List
          dataSource={todos}
          rowKey={(t) => `${t.kind}-${t.targetId ?? ''}`}
          renderItem={(t) => {
            const k = KIND[t.kind];
            return (
              <List.Item
                actions={[
                  <Link key="go" to={k.to(t.targetId)} aria-label={`${k.action}：${t.title}`}>
                    {k.action}
                  </Link>,
                ]}
              >
                <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                  <Space wrap size={[8, 4]}>
                    <Tag color={k.color}>{k.tag}</Tag>
                    <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                      {t.title}
                    </Typography.Text>
                  </Space>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                    {t.detail}
                    {t.at && t.kind !== 'checkin' ? `（${formatTime(t.at)}）` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
