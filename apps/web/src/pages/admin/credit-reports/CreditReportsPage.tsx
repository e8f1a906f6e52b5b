import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Progress, Row, Segmented, Select, Space, Spin, Table, Tabs, Typography } from 'antd';
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
import { Num, SummaryCards } from './SummaryCards.tsx';
import type { ComplianceRow, GroupBy, ReportBasis, ReportParams, TeacherFilter } from './types.ts';
import { creditReports } from '@shixun/contracts';

const GROUP_LABEL: Record<GroupBy, string> = { city: '市', county: '区县', school: '学校' };
const GROUPS_FOR: Record<ReportBasis['scope']['level'], GroupBy[]> = {
  province: ['city', 'county', 'school'],
  city: ['county', 'school'],
  county: ['school'],
  school: ['school'],
};

export default function CreditReportsPage() {
  const me = useMe().data!;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const cycleId = params.get('cycleId') ?? undefined;
  // the cycle goes with the scope into every list and the export: each number opens its own teachers
  const scope: ReportParams = { regionCode: params.get('regionCode') ?? undefined, schoolId: params.get('schoolId') ?? undefined, cycleId };
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

  const rowScope = (row: ComplianceRow): ReportParams =>
    r?.groupBy === 'school' ? { regionCode: scope.regionCode, schoolId: String(row.id), cycleId } : { regionCode: row.code, cycleId };
  const open = (title: string, s: ReportParams, filter: TeacherFilter) => setDrawer({ title, scope: s, filter });
  const drill = (row: ComplianceRow) => {
    if (r?.scope.level === 'school') return;
    set({ ...rowScope(row), cycleId, groupBy: undefined });
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
  const running = r.cycle.phase === 'current';
  // only a 学分类型 with a cycle amount has a «达到» number: without one every teacher would «reach» it
  const requiredCats = r.categories.filter((c) => c.requiredPerCycle !== null);
  const catColumns = requiredCats.map((c) => ({
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
      {running && (
        <Alert
          type="info"
          showIcon
          title={`${r.cycle.name}周期（${r.cycle.startYear}–${r.cycle.endYear}）进行中：以下数字是截至 ${r.asOf} 的进度，不是达标结论；“暂无未完成项”只表示还没有哪一年未完成。`}
        />
      )}
      <SummaryCards running={running} t={r.totals} open={(title, f) => open(`${r.scope.name} · ${title}`, scope, f)} />
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
            {requiredCats.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={`${r.policy.name}对学分类型没有单独要求：达标看${unit}合计和各分项要求（如集中培训和远程培训、校本研修）。`}
              />
            ) : (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={requiredCats}
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
                        aria-label={`${c.name}达到周期要求的比例`}
                      />
                    ),
                  },
                ]}
              />
            )}
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
              title: running ? '暂无未完成项' : '达标',
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
              title: running ? '进度（暂无未完成项占比）' : '达标率',
              key: 'rate',
              width: 150,
              render: (_, row) =>
                row.rate === null ? (
                  '—'
                ) : (
                  <Progress size="small" percent={Math.round(row.rate * 1000) / 10} aria-label={`${row.name}达标率`} />
                ),
            },
            {
              title: running ? '已有未完成项' : '未达标',
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
      <Space wrap style={{ marginBottom: 12 }}>
        <span>培训周期</span>
        <Select
          aria-label="培训周期"
          style={{ minWidth: 220 }}
          value={r.cycle.id}
          onChange={(v) => set({ cycleId: v })}
          options={r.cycles.map((c) => ({
            value: c.id,
            label: `${c.name}周期（${c.startYear}–${c.endYear}）${c.phase === 'current' ? '· 进行中' : '· 已结束'}`,
          }))}
        />
      </Space>
      <Typography.Paragraph type="secondary">
        {r.policy.name}（第 {r.policy.version} 版）· {r.cycle.name}周期 {r.cycle.startYear}–{r.cycle.endYear}
        {running ? '（进行中）' : '（已结束）'} · 截至 {r.asOf}
        {r.live ? '' : `（统计于 ${formatTime(r.countedAt)}${r.refreshing ? '，正在更新，稍后刷新可看到最新数字' : ''}）`}。 达标 =
        纳入考核且本周期没有未完成项；已完成周期要求 = 本周期{unit}合计已达到要求。点击任一数字查看名单。
      </Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'compliance' ? undefined : k })}
        items={[
          { key: 'compliance', label: '达标统计', children: compliance },
          {
            key: 'eligibility',
            label: '定期注册',
            children: <EligibilityTab scope={{ regionCode: scope.regionCode, schoolId: scope.schoolId }} />,
          },
        ]}
      />
      <TeachersDrawer target={drawer} unit={unit} onClose={() => setDrawer(null)} />
    </Card>
  );
}
