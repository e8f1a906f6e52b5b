// 工作台: the admin's landing page — what waits in each of their queues (each count opens the queue)
// and the key figures of their area. A cycle still running is shown as progress, never as 达标.
import { Link } from 'react-router-dom';
import { Card, Col, Empty, Progress, Row, Space, Statistic, Typography } from 'antd';
import { home } from '@shixun/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { QUEUE_PATHS } from './useQueueCounts.ts';

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function QueueTile({ q }: { q: { key: keyof typeof QUEUE_PATHS; label: string; count: number } }) {
  return (
    <Link to={`/admin/${QUEUE_PATHS[q.key]}`} data-testid={`queue-${q.key}`}>
      <Card hoverable size="small">
        <Statistic title={q.label} value={q.count} suffix="条" styles={{ content: { color: q.count ? '#cf1322' : undefined } }} />
        <Typography.Text>{q.count ? '去处理 →' : '暂无待办'}</Typography.Text>
      </Card>
    </Link>
  );
}

export default function WorkbenchPage() {
  const wb = useQuery({ queryKey: ['admin', 'workbench'], queryFn: () => call(home.workbench), refetchOnWindowFocus: true });
  if (wb.isPending) return <PageLoading />;
  if (wb.isError) return <LoadError message={wb.error.message} onRetry={() => wb.refetch()} />;
  const { node, queues, figures, compliance: c } = wb.data;
  const waiting = queues.reduce((n, q) => n + q.count, 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        工作台 · {node.name}
      </Typography.Title>
      <Card title={`待办事项${waiting ? `（共 ${waiting} 条）` : ''}`} data-testid="workbench-queues">
        {queues.length === 0 ? (
          <Empty description="您的角色没有审核事项" />
        ) : (
          <Row gutter={[16, 16]}>
            {queues.map((q) => (
              <Col key={q.key} xs={24} sm={12} lg={6}>
                <QueueTile q={q} />
              </Col>
            ))}
          </Row>
        )}
      </Card>
      <Card title={`${node.levelLabel}概况`} data-testid="workbench-figures">
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Link to="/admin/teachers">
              <Statistic title="教师" value={figures.teachers} suffix="人" />
            </Link>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="学校" value={figures.schools} suffix="所" />
          </Col>
          <Col xs={12} md={6}>
            <Link to="/admin/projects">
              <Statistic title="进行中的培训项目" value={figures.runningProjects} suffix="个" />
            </Link>
          </Col>
          <Col xs={12} md={6}>
            <Link to="/admin/projects">
              <Statistic title="已发布的培训项目" value={figures.publishedProjects} suffix="个" />
            </Link>
          </Col>
        </Row>
      </Card>
      <Card
        title={`学分${c.inProgress ? '进度' : '达标'} · ${c.cycleName}（${c.startYear}—${c.endYear} 年${c.inProgress ? '，进行中' : ''}）`}
        extra={<Link to="/admin/credit-reports">学分达标统计</Link>}
        data-testid="workbench-compliance"
      >
        {c.assessed === 0 ? (
          <Empty description="本周期暂无需考核的教师" />
        ) : c.inProgress ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {`周期尚未结束，以下为进度而非达标结果。需考核教师 ${c.assessed} 人，已完成整个周期学分要求 ${c.completed} 人（${pct(c.completionRate)}）`}
              {new Date().getFullYear() > c.startYear ? `；已结束的年度均完成要求 ${c.compliant} 人` : ''}。
            </Typography.Text>
            <Progress
              percent={c.completionRate === null ? 0 : Math.round(c.completionRate * 1000) / 10}
              strokeColor="#0958d9"
              aria-label={`已完成周期学分要求的教师比例 ${pct(c.completionRate)}`}
            />
          </Space>
        ) : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              需考核教师 {c.assessed} 人，达标 {c.compliant} 人，达标率 {pct(c.rate)}。
            </Typography.Text>
            <Progress
              percent={c.rate === null ? 0 : Math.round(c.rate * 1000) / 10}
              strokeColor={c.rate === 1 ? '#237804' : '#0958d9'}
              aria-label={`达标率 ${pct(c.rate)}`}
            />
          </Space>
        )}
      </Card>
    </Space>
  );
}
