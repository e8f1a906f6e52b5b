import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Segmented, Space, Spin, Statistic, Table, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { withQuery } from '../../../api/client.ts';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';
import { useMe } from '../../../api/session.ts';
import { downloadFile } from '../../../api/files.ts';
import { EligibilityTab } from './EligibilityTab.tsx';
import { percent, RateBars } from './RateBars.tsx';
import { TeachersDrawer, type DrawerTarget } from './TeachersDrawer.tsx';
import type { ComplianceNumbers, ComplianceRow, GroupBy, ReportBasis, ScopeParams, TeacherFilter } from './types.ts';
import { creditReports } from '@shixun/contracts';

const GROUP_LABEL: Record<GroupBy, string> = { city: '市', county: '区县', school: '学校' };
const GROUPS_FOR: Record<ReportBasis['scope']['level'], GroupBy[]> = {
  province: ['city', 'county', 'school'],
  city: ['county', 'school'],
  county: ['school'],
  school: ['school'],
};

/** A number that opens the list of teachers behind it. */
function Num({ value, onOpen, label }: { value: number; onOpen: () => void; label: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onOpen} aria-label={`${label}：${value} 人，查看名单`}>
      {value}
    </Button>
  );
}

function SummaryCards({ t, open }: { t: ComplianceNumbers; open: (title: string, f: TeacherFilter) => void }) {
  const card = (title: string, value: number, f: TeacherFilter, suffix?: ReactNode, color?: string) => (
    <Col xs={12} md={8} lg={4} key={title}>
      <Card size="small" hoverable onClick={() => open(title, f)} role="button" aria-label={`${title} ${value} 人，查看名单`}>
        <Statistic title={title} value={value} suffix={suffix} styles={{ content: color ? { color } : undefined }} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]}>
      {card('教师总数', t.teachers, {})}
      {card('纳入考核', t.assessed, { assessed: 'true' })}
      {card('达标', t.compliant, { compliant: 'true' }, <span style={{ fontSize: 14 }}>人 · {percent(t.rate)}</span>, '#389e0d')}
      {card('未达标', t.assessed - t.compliant, { compliant: 'false' }, '人', '#cf1322')}
      {card('已完成周期要求', t.completed, { completed: 'true' }, <span style={{ fontSize: 14 }}>人 · {percent(t.completionRate)}</span>)}
      {card('不纳入考核', t.teachers - t.assessed, { assessed: 'false' }, '人')}
    </Row>
  );
}

export default function CreditReportsPage() {
  const me = useMe().data!;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const scope: ScopeParams = { regionCode: params.get('regionCode') ?? undefined, schoolId: params.get('schoolId') ?? undefined };
  const groupBy = (params.get('groupBy') ?? undefined) as GroupBy | undefined;
  const tab = params.get('tab') ?? 'compliance';
  const [drawer, setDrawer] = useState<DrawerTarget | null>(null);
  const [exporting, setExporting] = useState(false);

  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v) next.set(k, v);
      else next.delete(k);
    setParams(next);
  };
  const report = useQuery({
    queryKey: ['credit-compliance', scope, groupBy],
    queryFn: () => call(creditReports.compliance, { query: { ...scope, groupBy } }),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  const unit = r?.policy.unit ?? '学分';

  const rowScope = (row: ComplianceRow): ScopeParams =>
    r?.groupBy === 'school' ? { regionCode: scope.regionCode, schoolId: String(row.id) } : { regionCode: row.code };
  const open = (title: string, s: ScopeParams, filter: TeacherFilter) => setDrawer({ title, scope: s, filter });
  const drill = (row: ComplianceRow) => {
    if (r?.scope.level === 'school') return;
    set({ ...rowScope(row), groupBy: undefined });
  };
  const rootLen = me.scope.regionCode?.length ?? 6;
  const up = () => {
    if (scope.schoolId) return set({ schoolId: undefined, groupBy: undefined });
    const parent = scope.regionCode?.slice(0, -2);
    set({ regionCode: parent && parent.length >= rootLen && parent.length >= 2 ? parent : undefined, groupBy: undefined });
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(withQuery(creditReports.exportXlsx.path, { ...scope, groupBy: r?.groupBy }), '学分达标统计.xlsx');
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setExporting(false);
    }
  };

  if (report.isPending)
    return (
      <Card title="学分达标统计">
        <Spin />
      </Card>
    );
  if (!r)
    return (
      <Card title="学分达标统计">
        <Empty description={report.error?.message ?? '无法加载统计'} />
      </Card>
    );

  const groupOptions = GROUPS_FOR[r.scope.level];
  const catColumns = r.categories.map((c) => ({
    title: `${c.name}达到周期要求`,
    key: c.id,
    align: 'right' as const,
    render: (_: unknown, row: ComplianceRow) => (
      <Num
        label={`${row.name}${c.name}达到要求`}
        value={row.byCategory[c.id] ?? 0}
        onOpen={() => open(`${row.name} · ${c.name}达到周期要求的教师`, rowScope(row), { category: c.id, compliant: 'true' })}
      />
    ),
  }));

  const compliance = (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      {r.stale > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`${r.stale} 名教师的学分状态按旧版政策或往年日期计算，正在或有待重新计算；统计中暂按原结果计入。`}
        />
      )}
      <SummaryCards t={r.totals} open={(title, f) => open(`${r.scope.name} · ${title}`, scope, f)} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card size="small" title={`达标率（按${GROUP_LABEL[r.groupBy]}）`}>
            {r.rows.length ? (
              <RateBars rows={r.rows} onOpen={r.scope.level === 'school' ? undefined : drill} />
            ) : (
              <Empty description="没有下级单位" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="按学分类型（纳入考核的教师中达到本周期该类型要求的人数）">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.categories}
              columns={[
                { title: '学分类型', dataIndex: 'name' },
                { title: `周期要求（${unit}）`, dataIndex: 'requiredPerCycle', align: 'right', render: (v: number | null) => v ?? '无' },
                {
                  title: '达到',
                  key: 'met',
                  align: 'right',
                  render: (_, c) => (
                    <Num
                      label={`${c.name}达到`}
                      value={r.totals.byCategory[c.id] ?? 0}
                      onOpen={() => open(`${r.scope.name} · ${c.name}达到周期要求`, scope, { category: c.id, compliant: 'true' })}
                    />
                  ),
                },
                {
                  title: '未达到',
                  key: 'unmet',
                  align: 'right',
                  render: (_, c) => (
                    <Num
                      label={`${c.name}未达到`}
                      value={r.totals.assessed - (r.totals.byCategory[c.id] ?? 0)}
                      onOpen={() => open(`${r.scope.name} · ${c.name}未达到周期要求`, scope, { category: c.id, compliant: 'false' })}
                    />
                  ),
                },
                {
                  title: '比例',
                  key: 'share',
                  width: 160,
                  render: (_, c) => (
                    <Progress
                      size="small"
                      percent={r.totals.assessed ? Math.round(((r.totals.byCategory[c.id] ?? 0) / r.totals.assessed) * 1000) / 10 : 0}
                    />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={`各${GROUP_LABEL[r.groupBy]}达标情况`}
        extra={
          groupOptions.length > 1 && (
            <Segmented
              size="small"
              value={r.groupBy}
              onChange={(v) => set({ groupBy: v as string })}
              options={groupOptions.map((g) => ({ value: g, label: `按${GROUP_LABEL[g]}` }))}
            />
          )
        }
      >
        <Table<ComplianceRow>
          data-testid="compliance-table"
          size="small"
          rowKey={(row) => String(row.id ?? row.code)}
          loading={report.isFetching}
          dataSource={r.rows}
          pagination={r.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 1100 }}
          locale={{ emptyText: <Empty description="没有下级单位" /> }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <b>合计</b>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {r.totals.teachers}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {r.totals.assessed}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {r.totals.compliant}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4}>{percent(r.totals.rate)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {r.totals.assessed - r.totals.compliant}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {r.totals.completed}
              </Table.Summary.Cell>
              {r.categories.map((c, i) => (
                <Table.Summary.Cell key={c.id} index={7 + i} align="right">
                  {r.totals.byCategory[c.id]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
          columns={[
            {
              title: GROUP_LABEL[r.groupBy],
              dataIndex: 'name',
              fixed: 'left',
              width: 160,
              render: (name: string, row) =>
                r.scope.level === 'school' ? (
                  name
                ) : (
                  <Button
                    type="link"
                    size="small"
                    autoInsertSpace={false}
                    style={{ padding: 0, height: 'auto' }}
                    onClick={() => drill(row)}
                  >
                    {name}
                  </Button>
                ),
            },
            {
              title: '教师数',
              key: 't',
              align: 'right',
              render: (_, row) => (
                <Num label={`${row.name}教师数`} value={row.teachers} onOpen={() => open(`${row.name} · 全部教师`, rowScope(row), {})} />
              ),
            },
            {
              title: '纳入考核',
              key: 'a',
              align: 'right',
              render: (_, row) => (
                <Num
                  label={`${row.name}纳入考核`}
                  value={row.assessed}
                  onOpen={() => open(`${row.name} · 纳入考核`, rowScope(row), { assessed: 'true' })}
                />
              ),
            },
            {
              title: '达标',
              key: 'c',
              align: 'right',
              render: (_, row) => (
                <Num
                  label={`${row.name}达标`}
                  value={row.compliant}
                  onOpen={() => open(`${row.name} · 达标`, rowScope(row), { compliant: 'true' })}
                />
              ),
            },
            {
              title: '达标率',
              key: 'rate',
              width: 150,
              render: (_, row) => (row.rate === null ? '—' : <Progress size="small" percent={Math.round(row.rate * 1000) / 10} />),
            },
            {
              title: '未达标',
              key: 'n',
              align: 'right',
              render: (_, row) => (
                <Num
                  label={`${row.name}未达标`}
                  value={row.assessed - row.compliant}
                  onOpen={() => open(`${row.name} · 未达标`, rowScope(row), { compliant: 'false' })}
                />
              ),
            },
            {
              title: '已完成周期要求',
              key: 'done',
              align: 'right',
              render: (_, row) => (
                <Num
                  label={`${row.name}已完成周期要求`}
                  value={row.completed}
                  onOpen={() => open(`${row.name} · 已完成周期要求`, rowScope(row), { completed: 'true' })}
                />
              ),
            },
            ...catColumns,
          ]}
        />
      </Card>
    </Space>
  );

  return (
    <Card
      title={
        <Space>
          {(scope.regionCode || scope.schoolId) && (
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={up}>
              返回上一级
            </Button>
          )}
          <span>学分达标统计 · {r.scope.name}</span>
        </Space>
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx}>
          导出 Excel
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {r.policy.name}（第 {r.policy.version} 版）· {r.cycle.name}周期 {r.cycle.startYear}–{r.cycle.endYear} · 截至 {r.asOf}
        {r.live ? '' : `（统计于 ${formatTime(r.countedAt)}${r.refreshing ? '，正在更新，稍后刷新可看到最新数字' : ''}）`}。 达标 =
        纳入考核且本周期没有未完成项；已完成周期要求 = 本周期{unit}合计已达到要求。点击任一数字查看名单。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'compliance' ? undefined : k })}
        items={[
          { key: 'compliance', label: '达标统计', children: compliance },
          { key: 'eligibility', label: '定期注册', children: <EligibilityTab scope={scope} unit={unit} /> },
        ]}
      />
      <TeachersDrawer target={drawer} unit={unit} onClose={() => setDrawer(null)} />
    </Card>
  );
}
