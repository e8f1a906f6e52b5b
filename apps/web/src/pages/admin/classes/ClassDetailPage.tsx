import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Breadcrumb, Card, Descriptions, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { classes } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { CheckinTab } from './CheckinTab.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';
import { NoticeTab } from './NoticeTab.tsx';
import { ScheduleTab } from './ScheduleTab.tsx';
import { ScoresTab } from './ScoresTab.tsx';
import { TraineesTab } from './TraineesTab.tsx';

const TABS = ['trainees', 'notice', 'schedule', 'checkin', 'scores', 'evaluation'] as const;
type TabKey = (typeof TABS)[number];

export const classKey = (id: number) => ['class', id] as const;

/** One class: 学员 · 开班通知 · 课程安排 · 签到 · 成绩 · 训后评估 (the tab is kept in the address). */
export default function ClassDetailPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const tab: TabKey = TABS.includes(params.get('tab') as TabKey) ? (params.get('tab') as TabKey) : 'trainees';
  const q = useQuery({
    queryKey: classKey(id),
    queryFn: () => call(classes.classDetail, { params: { id } }),
    enabled: Number.isInteger(id) && id > 0,
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <LoadError message={q.error.message} onRetry={() => q.refetch()} />;
  const d = q.data;
  const p = d.project;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/admin/classes">我的班级</Link> }, { title: `${p.name} · ${d.class.name}` }]}
      />
      <Card title={`${p.name} · ${d.class.name}`} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="年度 / 级别">
            {p.year} 年 · {p.levelLabel}
          </Descriptions.Item>
          <Descriptions.Item label="组织单位">{p.organiserName}</Descriptions.Item>
          <Descriptions.Item label="培训方式">{p.modeLabel}</Descriptions.Item>
          <Descriptions.Item label="培训时间">
            {p.startDate} 至 {p.endDate}
          </Descriptions.Item>
          <Descriptions.Item label="培训地点">{p.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="学时 / 学分">
            {p.hours} 学时 · {p.creditCategoryName} {p.credits} 学分
          </Descriptions.Item>
          <Descriptions.Item label="考核">
            集中学习 {p.onsiteWeight}% + 网络学习 {p.onlineWeight}%，{p.passMark} 分合格
          </Descriptions.Item>
          <Descriptions.Item label="学员">
            {d.stats.trainees} 人（合格 {d.stats.passed}，不合格 {d.stats.failed}）
          </Descriptions.Item>
          <Descriptions.Item label="开班通知">{d.class.notice.publishedAt ? '已发布' : '未发布'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams({ tab: k }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'trainees', label: `学员（${d.stats.trainees}）`, children: <TraineesTab detail={d} /> },
            { key: 'notice', label: '开班通知', children: <NoticeTab detail={d} /> },
            { key: 'schedule', label: `课程安排（${d.stats.sessions}）`, children: <ScheduleTab classId={id} /> },
            { key: 'checkin', label: '签到', children: <CheckinTab classId={id} /> },
            { key: 'scores', label: '成绩', children: <ScoresTab detail={d} /> },
            { key: 'evaluation', label: '训后评估', children: <EvaluationTab classId={id} /> },
          ]}
        />
      </Card>
    </>
  );
}
