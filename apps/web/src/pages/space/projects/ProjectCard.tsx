import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { myProjects } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { EnrollmentTimeline } from './Timeline.tsx';
import type { ProjectCardData } from './types.ts';

const STATUS_COLOR: Record<string, string> = { reviewing: 'orange', returned: 'red', approved: 'green', assigned: 'blue' };

/** One project as on the Guangxi card: name, year, level, region, the seven lines, 已签到 / 合格 and the links. */
export function ProjectCard({ data }: { data: ProjectCardData }) {
  const { enrollment: e, project: p, timeline } = data;
  const [open, setOpen] = useState(e.status === 'returned');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const withdraw = useMutation({
    mutationFn: () => call(myProjects.withdraw, { params: { id: e.id }, body: { version: e.version } }),
    onSuccess: async () => {
      message.success('已撤回申报；申报时间内可以重新申报');
      await qc.invalidateQueries({ queryKey: ['my-projects'] });
    },
    onError: async (err) => {
      message.error(err.message);
      await qc.invalidateQueries({ queryKey: ['my-projects'] });
    },
  });
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
        {(e.status === 'approved' || e.status === 'assigned') && !p.learningUrl ? (
          // no platform to go to: the detail page names whom to contact instead of a dead button
          <Link to={`/space/projects/${e.id}`} data-testid="learning-contact-link">
            <Button size="small">远程学习联系方式</Button>
          </Link>
        ) : (
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
        )}
        {e.canWithdraw && (
          <Popconfirm
            title="撤回这份申报？"
            description="撤回后学校不再审核；申报时间内可以重新申报。"
            okText="撤回"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => withdraw.mutateAsync().catch(() => undefined)}
          >
            <Button size="small" danger loading={withdraw.isPending} data-testid="withdraw-application">
              撤回
            </Button>
          </Popconfirm>
        )}
        <Button size="small" type="link" onClick={() => setOpen(!open)}>
          {open ? '收起进度' : '查看进度'}
        </Button>
      </Space>
      {open && <EnrollmentTimeline items={timeline} />}
    </Card>
  );
}
