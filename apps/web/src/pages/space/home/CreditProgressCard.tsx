// This year's and this cycle's credits against the policy, and the engine's «还差…» sentences. A cycle in
// progress is progress: only a met requirement is shown in green.
import { Link } from 'react-router-dom';
import { Alert, Card, Col, Progress, Row, Space, Tag, Typography } from 'antd';
import type { MyHome } from './useHome.ts';

type Cell = MyHome['credits']['cycle'];
const fmt = (x: number) => String(Math.round(x * 100) / 100);
const percent = (c: { counted: number; required: number }) =>
  c.required > 0 ? Math.min(100, Math.round((c.counted / c.required) * 100)) : 100;
/** green only when met; blue while counting; red once a finished period fell short */
const colour = (c: { status: Cell['status'] }) =>
  c.status === 'completed' ? '#237804' : c.status === 'incomplete' ? '#cf1322' : '#0958d9';
const STATUS_TEXT: Record<Cell['status'], string> = {
  completed: '已完成',
  in_progress: '学习中',
  incomplete: '未完成',
  not_required: '无考核要求',
  not_started: '未开始',
};
const TAG: Record<Cell['status'], string> = {
  completed: 'success',
  in_progress: 'processing',
  incomplete: 'error',
  not_required: 'default',
  not_started: 'default',
};

function Meter({
  label,
  cell,
  unit,
}: {
  label: string;
  cell: { counted: number; required: number; status: Cell['status'] };
  unit: string;
}) {
  const noRequirement = cell.required === 0;
  return (
    <div style={{ marginBottom: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        <Typography.Text>
          {noRequirement ? `已获 ${fmt(cell.counted)} ${unit}` : `${fmt(cell.counted)} / ${fmt(cell.required)} ${unit}`}{' '}
          <Tag color={TAG[cell.status]}>{STATUS_TEXT[cell.status]}</Tag>
        </Typography.Text>
      </Space>
      {!noRequirement && (
        <Progress
          percent={percent(cell)}
          strokeColor={colour(cell)}
          showInfo={false}
          aria-label={`${label}：已获 ${fmt(cell.counted)} ${unit}，要求 ${fmt(cell.required)} ${unit}`}
        />
      )}
    </div>
  );
}

export function CreditProgressCard({ credits }: { credits: MyHome['credits'] }) {
  const { unit, cycle, year } = credits;
  return (
    <Card title="学分进度" extra={<Link to="/space/credits">查看我的学分</Link>} data-testid="home-credits">
      <Typography.Paragraph style={{ marginTop: 0 }}>
        {credits.policyName} · {cycle.name}（{cycle.startYear}—{cycle.endYear} 年）
      </Typography.Paragraph>
      {!credits.assessed ? (
        <Alert type="info" showIcon title="本周期您无学分考核要求" description={credits.notes.join('；') || undefined} />
      ) : (
        <Row gutter={24}>
          <Col xs={24} md={12}>
            {year ? (
              <>
                <Meter label={`${year.year} 年度`} cell={year.total} unit={unit} />
                {year.groups.map((g) => (
                  <Meter key={g.name} label={`${year.year} 年${g.name}`} cell={g} unit={unit} />
                ))}
              </>
            ) : (
              <Typography.Text>今年不在当前培训周期内。</Typography.Text>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Meter label={`${cycle.name}周期合计`} cell={cycle} unit={unit} />
          </Col>
        </Row>
      )}
      {credits.assessed && credits.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="还需完成"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="home-missing">
              {credits.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      )}
      {credits.assessed && credits.missing.length === 0 && credits.compliant && cycle.status === 'completed' && (
        <Alert type="success" showIcon title="本周期学分要求已全部完成" />
      )}
    </Card>
  );
}
