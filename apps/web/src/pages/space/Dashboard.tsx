// 我的主页: what a teacher opens the site for — what waits for them, this year's credits against the
// rules and what is still missing, the training they are in now or soon, and where to go next.
import { Link } from 'react-router-dom';
import { Avatar, Card, Progress, Space, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { useMe } from '../../api/session.ts';
import { LoadError, PageLoading } from '../../components/guards.tsx';
import { CreditProgressCard } from './home/CreditProgressCard.tsx';
import { QuickLinks } from './home/QuickLinks.tsx';
import { TodoCard } from './home/TodoCard.tsx';
import { TrainingCard } from './home/TrainingCard.tsx';
import { useMyHome } from './home/useHome.ts';
import './home/home.css';

function greeting(): string {
  const h = new Date().getHours();
  return h < 11 ? '上午好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
}

export default function Dashboard() {
  const me = useMe().data;
  const home = useMyHome();
  if (home.isPending) return <PageLoading />;
  if (home.isError) return <LoadError message={home.error.message} onRetry={() => home.refetch()} />;
  const h = home.data;
  const scope = me?.scope;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={16} align="center" wrap>
          <Avatar size={56} icon={<UserOutlined />} />
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {me?.name}老师，{greeting()}！
            </Typography.Title>
            <Typography.Text>{[scope?.regionName, scope?.schoolName].filter(Boolean).join(' · ')}</Typography.Text>
          </div>
        </Space>
      </Card>
      <div className="home-grid">
        <Space orientation="vertical" size={16} style={{ gridArea: 'main', width: '100%' }}>
          <CreditProgressCard credits={h.credits} />
          <TrainingCard items={h.training} counts={h.projectCounts} />
        </Space>
        <div style={{ gridArea: 'todos' }}>
          <TodoCard todos={h.todos} />
        </div>
        <Space orientation="vertical" size={16} style={{ gridArea: 'side', width: '100%' }}>
          <Card title="基本信息">
            <Space size={16} align="center">
              <Progress type="circle" percent={h.profile.percent} size={72} aria-label={`基本信息完整度 ${h.profile.percent}%`} />
              <Space orientation="vertical" size={2}>
                <span>
                  已填写 {h.profile.filled} / {h.profile.total} 项
                </span>
                {h.profile.pendingChanges > 0 && <span>信息变更申请待审核 {h.profile.pendingChanges} 条</span>}
                <Link to="/space/profile">查看基本信息</Link>
              </Space>
            </Space>
          </Card>
          <QuickLinks />
        </Space>
      </div>
    </Space>
  );
}
