// The totals of the whole account: 累计, then per cycle, per year and per source (net of 冲销).
import { useState } from 'react';
import { Card, Col, Row, Segmented, Statistic, Table } from 'antd';
import type { BankView } from './types.ts';
import { fmt } from './types.ts';

type By = 'cycle' | 'year' | 'source';

interface Line {
  key: string;
  label: string;
  amount: number;
  hours: number;
  entries: number;
}

function lines(v: BankView, by: By): Line[] {
  if (by === 'cycle')
    return v.cycles.map((c) => ({ key: c.id, label: c.startYear ? `${c.name}（${c.startYear}–${c.endYear}）` : c.name, ...c }));
  if (by === 'year') return v.years.map((y) => ({ key: String(y.year), label: `${y.year} 年`, ...y }));
  return v.sources.map((s) => ({ ...s, key: s.source }));
}

export function BankTotals({ view }: { view: BankView }) {
  const [by, setBy] = useState<By>('cycle');
  const current = view.cycles.find((c) => c.startYear !== null) ?? null;
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="累计学分" value={fmt(view.total.amount)} data-testid="bank-total" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="累计学时" value={fmt(view.total.hours)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="学习记录" value={view.total.entries} suffix="条" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={current ? `${current.name}周期` : '最近周期'} value={current ? fmt(current.amount) : '—'} suffix="学分" />
          </Card>
        </Col>
      </Row>
      <Segmented<By>
        value={by}
        onChange={setBy}
        options={[
          { value: 'cycle', label: '按培训周期' },
          { value: 'year', label: '按年度' },
          { value: 'source', label: '按来源' },
        ]}
        style={{ marginBottom: 8 }}
      />
      <Table<Line>
        data-testid={`bank-totals-${by}`}
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines(view, by)}
        columns={[
          { title: by === 'cycle' ? '培训周期' : by === 'year' ? '年度' : '来源', dataIndex: 'label' },
          { title: '学分', dataIndex: 'amount', align: 'right', render: fmt, width: 90 },
          { title: '学时', dataIndex: 'hours', align: 'right', render: fmt, width: 90 },
          { title: '记录', dataIndex: 'entries', align: 'right', width: 70 },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {fmt(view.total.amount)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {fmt(view.total.hours)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              {view.total.entries}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </>
  );
}
