// 进行中 and 未开始 training: the project, the class and institution, the 开班通知 and the next session.
import { Link } from 'react-router-dom';
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, NotificationOutlined } from '@ant-design/icons';
import { formatTime } from '../../../format.ts';
import type { MyHome } from './useHome.ts';

type Item = MyHome['training'][number];

function Training({ t }: { t: Item }) {
  const s = t.nextSession;
  return (
    <List.Item data-testid="home-training-item">
      <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
        <Space wrap size={[8, 4]}>
          <Tag color={t.tab === 'ongoing' ? 'processing' : 'default'}>{t.tabLabel}</Tag>
          <Link to={`/space/projects/${t.enrollmentId}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {t.projectName}
          </Link>
        </Space>
        <Typography.Text>
          {t.levelLabel} · {t.modeLabel} · {t.startDate} 至 {t.endDate}
          {t.place ? ` · ${t.place}` : ''}
        </Typography.Text>
        {t.className && (
          <Typography.Text>
            班级：{t.className}
            {t.institutionName ? `（${t.institutionName}）` : ''}
            {t.checkins.total > 0 ? ` · 已签到 ${t.checkins.done}/${t.checkins.total}` : ''}
          </Typography.Text>
        )}
        {t.notice ? (
          <Link to={`/space/projects/${t.enrollmentId}`}>
            <NotificationOutlined /> 开班通知：{t.notice.title}
            {t.notice.publishedAt ? `（${formatTime(t.notice.publishedAt)} 发布）` : ''}
          </Link>
        ) : (
          <Typography.Text>开班通知：{t.className ? '承培机构尚未发布' : '待分配班级后发布'}</Typography.Text>
        )}
        {s && (
          <Typography.Text strong={s.today}>
            <CalendarOutlined /> {s.today ? '今天' : '下次课程'}：{s.when} {s.topic}
            {s.place ? ` · ${s.place}` : ''}
            {s.today && (s.checkedIn ? ' · 已签到' : ' · 请按时签到')}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}

export function TrainingCard({ items, counts }: { items: Item[]; counts: MyHome['projectCounts'] }) {
  return (
    <Card
      title="我的培训"
      extra={
        <Link to="/space/projects">
          全部培训（进行中 {counts.ongoing} · 未开始 {counts.upcoming}）
        </Link>
      }
      data-testid="home-training"
    >
      {items.length === 0 ? (
        <Empty description="暂无进行中或未开始的培训">
          <Link to="/space/projects">去申报培训项目</Link>
        </Empty>
      ) : (
        <List dataSource={items} rowKey="enrollmentId" renderItem={(t) => <Training t={t} />} />
      )}
    </Card>
  );
}
