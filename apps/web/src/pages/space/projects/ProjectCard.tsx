import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EnrollmentTimeline } from './Timeline.tsx';
import type { ProjectCardData } from './types.ts';

const STATUS_COLOR: Record<string, string> = { reviewing: 'orange', returned: 'red', approved: 'green', assigned: 'blue' };

/** One project as on the Guangxi card: name, year, level, region, the seven lines, 已签到 / 合格 and the links. */
export function ProjectCard({ data }: { data: ProjectCardData }) {
  const { enrollment: e, project: p, timeline } = data;
  const [open, setOpen] = useState(e.status === 'returned');
  const inClass = e.status === 'assigned' && e.className !== null;
  const canStudy = (e.status === 'approved' || e.status === 'assigned') && !!p.learningUrl;
  const institution = e.institutionName ?? (p.institutions.map((i) => i.name).join('、') || '—');
  return (
    <Card
      size="small"
      data-testid="project-card"
      style={{ marginBottom: 12 }}
      title={
        <Space orientation="vertical" size={0}>
          <Link to={`/space/projects/${e.id}`} style={{ fontSize: 16 }}>
            {p.name}
          </Link>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {p.year}{' '}
            <Tag color="geekblue" style={{ marginInline: 4 }}>
              {p.levelLabel}
            </Tag>{' '}
            {p.organiserRegionName ?? p.organiserName}
          </Typography.Text>
        </Space>
      }
      extra={<Tag color={STATUS_COLOR[e.status]}>{e.status === 'reviewing' ? `审核中 · 待${e.stageLabel}审核` : e.statusLabel}</Tag>}
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 130 } }}
        items={[
          { key: 'type', label: '项目类型', children: p.typeLabel },
          { key: 'mode', label: '培训方式及经费', children: `${p.modeLabel}${p.funding ? ` · ${p.funding}` : ''}` },
          { key: 'credit', label: '学分类型及标准', children: p.creditLabel },
          { key: 'subject', label: '学科领域(区域)', children: p.subjectArea },
          {
            key: 'info',
            label: '培训信息',
            children: `培训机构：${institution}${e.className ? `（${e.className}）` : ''}　培训地点：${p.place || '-'}　培训时间：${p.startDate} ~ ${p.endDate}`,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        <Tag color={e.checkins > 0 ? 'green' : 'default'}>
          {e.checkins > 0 ? `已签到 ${e.checkins}${e.sessions ? `/${e.sessions}` : ''}` : '未签到'}
        </Tag>
        {e.result ? (
          <Tag color={e.result === 'passed' ? 'green' : 'red'}>
            {e.resultLabel}
            {e.totalScore !== null ? ` · 总成绩 ${e.totalScore}` : ''}
          </Tag>
        ) : (
          <Tag>未考核</Tag>
        )}
      </Space>
      <Space wrap style={{ marginTop: 12 }}>
        <Link to={`/space/projects/${e.id}#notice`}>
          <Button size="small" disabled={!inClass || !e.noticePublished}>
            开班通知
          </Button>
        </Link>
        <Link to={`/space/projects/${e.id}#schedule`}>
          <Button size="small" disabled={!inClass}>
            课程安排
          </Button>
        </Link>
        <Button
          size="small"
          type="primary"
          disabled={!canStudy}
          href={canStudy ? p.learningUrl! : undefined}
          target="_blank"
          rel="noopener noreferrer"
        >
          去学习
        </Button>
        <Button size="small" type="link" onClick={() => setOpen(!open)}>
          {open ? '收起进度' : '查看进度'}
        </Button>
      </Space>
      {open && <EnrollmentTimeline items={timeline} />}
    </Card>
  );
}
