import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Empty, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { FilePdfOutlined, LinkOutlined, PaperClipOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { myClass, myProjects } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { formatTime } from '../../../format.ts';
import { downloadFile, openPdf } from '../../../api/files.ts';
import { EvaluationForm } from './EvaluationForm.tsx';
import type { MyClass } from './types.ts';

const PHASE_COLOR = { reviewing: 'orange', returned: 'red', upcoming: 'default', ongoing: 'processing', ended: 'default' } as const;
const show = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** 我的专项培训 → one project: the Hebei detail fields, the timeline, 开班通知, 课程安排, 训后评估. */
export default function ProjectDetailPage() {
  const id = Number(useParams().enrollmentId);
  const { hash } = useLocation();
  const { message } = App.useApp();
  const [printing, setPrinting] = useState<'cert' | 'notice' | null>(null);
  const mine = useQuery({ queryKey: ['my-class', id], queryFn: () => call(myClass.myClass, { params: { id } }), enabled: id > 0 });
  // the timeline comes from the enrolment itself (PLAN's endpoint); the page stands without it
  const plan = useQuery({
    queryKey: ['my-enrollment', id],
    queryFn: () => call(myProjects.myEnrollment, { params: { id } }),
    enabled: id > 0,
    retry: false,
  });
  useEffect(() => {
    if (hash && mine.data) document.getElementById(hash.slice(1))?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [hash, mine.data]);
  if (mine.isPending) return <PageLoading />;
  if (mine.isError) return <LoadError message={mine.error.message} onRetry={() => mine.refetch()} />;
  const d = mine.data;
  const p = d.project;
  const e = d.enrollment;
  const institution = d.class?.institutionName ?? plan.data?.project.institutions?.map((i) => i.name).join('、') ?? '';

  const print = async (what: 'cert' | 'notice') => {
    setPrinting(what);
    try {
      await openPdf(what === 'cert' ? `/api/my/enrollments/${id}/certificate.pdf` : `/api/classes/${d.class!.id}/notice.pdf`);
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setPrinting(null);
    }
  };
  const certUsable = d.certificate?.status === 'valid';
  const learning = d.learning;
  const learn = learning.open ? (
    <Button type="primary" size="small" icon={<LinkOutlined />} href={learning.url!} target="_blank" rel="noopener noreferrer">
      进入远程学习
    </Button>
  ) : (
    <LearningClosed learning={learning} />
  );
  const printCert = (
    <Button
      type="primary"
      size="small"
      icon={<PrinterOutlined />}
      disabled={!certUsable}
      loading={printing === 'cert'}
      onClick={() => print('cert')}
      data-testid="print-certificate"
    >
      打印证书
    </Button>
  );
  // Hebei: 8 items for a running project, 9 for an ended one
  const running = [
    { title: '项目名称', dataIndex: 'name' },
    { title: '年份', dataIndex: 'year', width: 70 },
    { title: '培训性质', dataIndex: 'typeName' },
    { title: '培训机构', key: 'inst', render: () => show(institution) },
    { title: '开始时间', dataIndex: 'startDate', width: 110 },
    { title: '结束时间', dataIndex: 'endDate', width: 110 },
    { title: '学时', dataIndex: 'hours', width: 70 },
    { title: '操作', key: 'op', width: 130, render: () => learn },
  ];
  const ended = [
    { title: '项目名称', dataIndex: 'name' },
    { title: '承培机构', key: 'inst', render: () => show(institution) },
    { title: '开始时间', dataIndex: 'startDate', width: 110 },
    { title: '结束时间', dataIndex: 'endDate', width: 110 },
    { title: '学时', dataIndex: 'hours', width: 70 },
    { title: '集中学习', key: 'on', width: 90, render: () => show(e.onsiteScore) },
    { title: '网络学习', key: 'ol', width: 90, render: () => show(e.onlineScore) },
    { title: '总成绩', key: 'tot', width: 80, render: () => show(e.totalScore) },
    { title: '操作', key: 'op', width: 110, render: () => printCert },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/space/projects">我的专项培训</Link> }, { title: p.name }]} />
      <Card
        title={
          <Space wrap>
            {p.name}
            <Tag color={PHASE_COLOR[e.phase]} data-testid="enrollment-phase">
              {e.phase === 'reviewing' ? `审核中 · 待${e.stageLabel}审核` : e.phaseLabel}
            </Tag>
            {e.result && <Tag color={e.result === 'passed' ? 'green' : 'red'}>{e.resultLabel}</Tag>}
          </Space>
        }
      >
        <Table
          data-testid="project-detail-table"
          rowKey="id"
          size="middle"
          pagination={false}
          bordered
          dataSource={[p]}
          columns={e.phase === 'ended' ? ended : running}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {p.levelLabel} · {p.organiserName} · {p.modeLabel}
          {p.funding ? `（${p.funding}）` : ''} · {p.creditCategoryName} {p.credits} 学分 · 培训地点：{show(p.place)}
          {d.class && ` · 班级：${d.class.name}`} · 考核：集中学习 {p.onsiteWeight}% + 网络学习 {p.onlineWeight}%，{p.passMark} 分合格
        </Typography.Paragraph>
        {e.phase !== 'ended' && e.totalScore !== null && (
          <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
            集中学习 {show(e.onsiteScore)} · 网络学习 {show(e.onlineScore)} · 总成绩 {show(e.totalScore)}
          </Typography.Paragraph>
        )}
        <Completion d={d} />
      </Card>

      <Card title="培训流程" id="timeline">
        {plan.isError ? (
          <Typography.Text type="secondary">流程记录暂时无法加载：{plan.error.message}</Typography.Text>
        ) : !plan.data ? (
          <Typography.Text type="secondary">加载中…</Typography.Text>
        ) : plan.data.timeline.length === 0 ? (
          <Empty description="暂无流程记录" />
        ) : (
          <Timeline
            items={plan.data.timeline.map((t) => ({
              color:
                t.action === 'returned' || t.action === 'failed'
                  ? 'red'
                  : t.action === 'passed' || t.action === 'certified'
                    ? 'green'
                    : 'blue',
              content: (
                <>
                  <b>{t.actionLabel}</b> · {t.actorName}
                  {t.levelLabel ? `（${t.levelLabel}）` : ''}
                  <div>
                    <Typography.Text type="secondary">{formatTime(t.at)}</Typography.Text>
                  </div>
                  {t.reason && <div>{t.reason}</div>}
                </>
              ),
            }))}
          />
        )}
      </Card>

      <Card
        title="开班通知"
        id="notice"
        extra={
          d.notice && (
            <Button icon={<FilePdfOutlined />} loading={printing === 'notice'} onClick={() => print('notice')}>
              打印开班通知
            </Button>
          )
        }
      >
        {d.notice ? (
          <>
            <Typography.Title level={4} style={{ textAlign: 'center' }}>
              {d.notice.title}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.notice.body}</Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ textAlign: 'right' }}>
              {d.class?.institutionName} · 发布于 {formatTime(d.notice.publishedAt)}
            </Typography.Paragraph>
            {d.files.length > 0 && (
              <List
                size="small"
                header="附件"
                bordered
                dataSource={d.files}
                renderItem={(f) => (
                  <List.Item>
                    <a
                      onClick={() =>
                        downloadFile(`/api/classes/${d.class!.id}/notice/files/${f.id}`, f.fileName).catch((err: Error) =>
                          message.error(err.message),
                        )
                      }
                    >
                      <PaperClipOutlined /> {f.fileName}
                    </a>
                  </List.Item>
                )}
              />
            )}
          </>
        ) : (
          <Empty description={d.class ? '承培机构尚未发布开班通知' : '分配到承培机构的班级后，开班通知会显示在这里'} />
        )}
      </Card>

      <Card title={`课程安排${d.sessions.length ? `（已签到 ${d.checkins.done} / ${d.checkins.total}）` : ''}`} id="schedule">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.sessions}
          locale={{ emptyText: <Empty description={d.class ? '承培机构尚未安排课程' : '分配到班级后，课程安排会显示在这里'} /> }}
          columns={[
            { title: '时间', dataIndex: 'when', width: 190 },
            { title: '地点', dataIndex: 'place', render: show },
            { title: '主题', dataIndex: 'topic' },
            { title: '主讲', dataIndex: 'lecturer', render: show },
            {
              title: '我的签到',
              key: 'me',
              width: 110,
              render: (_, s) => (s.checkedIn ? <Tag color="green">已签到</Tag> : <Tag>未签到</Tag>),
            },
          ]}
        />
        {d.sessions.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            到场后用手机扫描现场大屏上的签到二维码即可签到（手机需已登录本平台）。
          </Typography.Paragraph>
        )}
      </Card>

      <Card title="训后评估" id="evaluation">
        <EvaluationForm enrollmentId={id} evaluation={d.evaluation} onDone={() => mine.refetch()} />
      </Card>
    </Space>
  );
}

/**
 * In place of a 进入远程学习 button that cannot go anywhere: why, and (when the platform address is
 * missing) whom to contact — the class's institution, else the project's organiser.
 */
function LearningClosed({ learning }: { learning: MyClass['learning'] }) {
  const { contact } = learning;
  if (learning.reason === NO_URL)
    return (
      <Typography.Text style={{ fontSize: 13 }} data-testid="learning-contact">
        远程学习请联系{contact.role}：{contact.name}
        {contact.contact ? `（${contact.contact}）` : ''}
      </Typography.Text>
    );
  return (
    <Space orientation="vertical" size={2} data-testid="learning-closed">
      <Button size="small" icon={<LinkOutlined />} disabled>
        进入远程学习
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {learning.reason}
      </Typography.Text>
    </Space>
  );
}
const NO_URL = '该项目未提供远程学习平台地址';

/** 合格 → the certificate and credits; a pass taken back is said plainly. */
function Completion({ d }: { d: MyClass }) {
  const c = d.certificate;
  if (d.enrollment.result === 'passed' && c?.status === 'valid') {
    return (
      <Alert
        style={{ marginTop: 12 }}
        type="success"
        showIcon
        title="考核合格，已颁发结业证书"
        description={
          <>
            证书验证码 <Typography.Text copyable>{c.code}</Typography.Text>，
            <Link to={c.verifyPath} target="_blank">
              在线验证
            </Link>
            。
            {d.credit.posted
              ? `${d.project.creditCategoryName} ${d.project.credits} 学分已记入“我的学分”（由${d.project.organiserName}认定）。`
              : ''}
          </>
        }
      />
    );
  }
  if (c?.status === 'revoked' && d.enrollment.result !== 'passed') {
    return (
      <Alert
        style={{ marginTop: 12 }}
        type="error"
        showIcon
        title="成绩已更正为不合格"
        description={`原结业证书（${c.code}）已撤销${d.credit.reversed ? '，已记入的学分已冲销' : ''}。如有疑问请联系承培机构。`}
      />
    );
  }
  if (d.enrollment.result === 'failed')
    return (
      <Alert
        style={{ marginTop: 12 }}
        type="warning"
        showIcon
        title={`考核不合格（总成绩 ${d.enrollment.totalScore}，${d.project.passMark} 分合格）`}
      />
    );
  return null;
}
