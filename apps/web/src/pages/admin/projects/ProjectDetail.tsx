import { useNavigate, useParams } from 'react-router-dom';
import { App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tabs, Tag } from 'antd';
import { projects } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { LoadError } from '../../../components/guards.tsx';
import { EvaluationTab } from './EvaluationTab.tsx';
import { QuotaTab } from './QuotaTab.tsx';
import { SelectionTab } from './SelectionTab.tsx';
import { StatsTab } from './StatsTab.tsx';
import { TraineesTab } from './TraineesTab.tsx';
import { STATUS_COLOR } from './types.ts';

/** A project: its fields, figures per stage, quota split, selection, trainees; publish / close / edit for the organiser. */
export default function ProjectDetail() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['project', id], queryFn: () => call(projects.getProject, { params: { id: Number(id) } }) });
  const change = useMutation({
    mutationFn: ({ what, projectId }: { what: 'publish' | 'close'; projectId: number }) =>
      call(what === 'publish' ? projects.publishProject : projects.closeProject, { params: { id: projectId } }),
  });
  if (q.isPending) return <Spin style={{ margin: 80 }} />;
  if (q.isError) return <LoadError message={q.error.message} onRetry={() => q.refetch()} />;
  const d = q.data;
  const p = d.project;
  const act = async (what: 'publish' | 'close', done: string) => {
    try {
      await change.mutateAsync({ what, projectId: p.id });
      message.success(done);
      await qc.invalidateQueries({ queryKey: ['project', id] });
      await qc.invalidateQueries({ queryKey: ['projects'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const list = (xs: string[]) => (xs.length ? xs.join('、') : '不限');
  return (
    <Card
      title={
        <Space>
          {p.name}
          <Tag color={STATUS_COLOR[p.status]}>{p.statusLabel}</Tag>
        </Space>
      }
      extra={
        <Space>
          {d.abilities.edit && <Button onClick={() => navigate(`/admin/projects/${p.id}/edit`)}>修改</Button>}
          {d.abilities.publish && (
            <Popconfirm
              title="发布该项目？"
              description="发布后不能再修改，名额将由本单位持有并可向下分配。"
              okText="发布"
              cancelText="取消"
              onConfirm={() => act('publish', '已发布')}
            >
              <Button type="primary">发布</Button>
            </Popconfirm>
          )}
          {d.abilities.close && (
            <Popconfirm
              title="关闭该项目？"
              description="关闭后不能再遴选、申报或审核。"
              okText="关闭"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => act('close', '已关闭')}
            >
              <Button danger>关闭项目</Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'info',
            label: '项目信息',
            children: (
              <Descriptions
                bordered
                size="small"
                column={2}
                items={[
                  { key: 'y', label: '年度 / 级别', children: `${p.year} · ${p.levelLabel}` },
                  { key: 'o', label: '组织单位', children: p.organiserName },
                  { key: 't', label: '项目类型', children: p.typeLabel },
                  { key: 'm', label: '培训方式及经费', children: `${p.modeLabel}${p.funding ? ` · ${p.funding}` : ''}` },
                  { key: 'c', label: '学分类型及标准', children: p.creditLabel },
                  { key: 'q', label: '名额', children: p.quota },
                  { key: 'qf', label: '名额不足时', children: p.quotaFallbackLabel },
                  { key: 'cp', label: '证书打印证件照', children: p.certificatePhoto ? '是' : '否' },
                  { key: 'st', label: '面向学段 / 学科', children: `${list(p.targetStages)} / ${list(p.targetSubjects)}` },
                  {
                    key: 'r',
                    label: '面向地区',
                    children: p.targetRegions.length
                      ? p.targetRegions.map((r) => r.name).join('、')
                      : `${p.organiserRegionName ?? p.organiserName}（全部）`,
                  },
                  { key: 'd', label: '培训时间', children: `${p.startDate} ~ ${p.endDate}` },
                  { key: 'pl', label: '培训地点', children: p.place || '—' },
                  { key: 'i', label: '承培机构', children: p.institutions.map((i) => i.name).join('、') || '—' },
                  {
                    key: 'a',
                    label: '教师申报',
                    children: p.allowApplication ? `允许（${p.applyStart} ~ ${p.applyEnd}）` : '不接受个人申报',
                  },
                  { key: 'w', label: '考核', children: `集中学习 ${p.onsiteWeight}% + 网络学习 ${p.onlineWeight}%，${p.passMark} 分合格` },
                  {
                    key: 'u',
                    label: '学习网址',
                    children: p.learningUrl ? (
                      <a href={p.learningUrl} target="_blank" rel="noopener noreferrer">
                        {p.learningUrl}
                      </a>
                    ) : (
                      '—'
                    ),
                  },
                  {
                    key: 'e',
                    label: '训后评估问题',
                    span: 2,
                    children: p.evaluationQuestions.length
                      ? p.evaluationQuestions.map((x) => `${x.text}（${x.kind === 'rating' ? '评分' : '文字'}）`).join('；')
                      : '—',
                  },
                ]}
              />
            ),
          },
          ...(p.status === 'draft'
            ? []
            : [
                { key: 'stats', label: '各环节统计', children: <StatsTab projectId={p.id} /> },
                { key: 'quota', label: '名额分配', children: <QuotaTab projectId={p.id} canGrant={d.abilities.grant} /> },
                ...(d.abilities.select ? [{ key: 'select', label: '遴选教师', children: <SelectionTab detail={d} /> }] : []),
                { key: 'trainees', label: '学员名单', children: <TraineesTab detail={d} /> },
                ...(d.abilities.evaluation && p.evaluationQuestions.length
                  ? [{ key: 'evaluation', label: '训后评估', children: <EvaluationTab projectId={p.id} /> }]
                  : []),
              ]),
        ]}
      />
    </Card>
  );
}
