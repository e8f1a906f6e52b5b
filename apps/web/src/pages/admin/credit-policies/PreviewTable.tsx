import { Alert, Space, Table, Typography } from 'antd';
import type { PreviewResult, PreviewTally } from './types.ts';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

interface Line {
  key: string;
  label: string;
  now: string | number;
  draft: string | number;
  diff?: number;
}

/** 预览影响: the same teachers counted under the active policy and under the draft. */
export function PreviewTable({ result }: { result: Extract<PreviewResult, { valid: true }> }) {
  const { current: a, draft: b } = result;
  const line = (key: string, label: string, f: (t: PreviewTally) => number): Line => ({
    key,
    label,
    now: f(a),
    draft: f(b),
    diff: f(b) - f(a),
  });
  const metOf = (t: PreviewTally, id: string) => t.byCategory.find((c) => c.id === id)?.met;
  const lines: Line[] = [
    { key: 'cycle', label: '判断所依据的周期', now: a.cycle, draft: b.cycle },
    line('assessed', '纳入考核（人）', (t) => t.assessed),
    line('compliant', '达标（人）', (t) => t.compliant),
    { key: 'rate', label: '达标率', now: pct(a.rate), draft: pct(b.rate) },
    line('completed', '已完成周期要求（人）', (t) => t.completed),
    // categories of the draft; a category only one side knows shows a dash on the other
    ...b.byCategory.map((c) => {
      const before = metOf(a, c.id);
      return {
        key: `cat-${c.id}`,
        label: `${c.name}达到周期要求（人）`,
        now: before ?? '—',
        draft: c.met,
        diff: before === undefined ? undefined : c.met - before,
      };
    }),
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title={
          result.sampled
            ? `按随机抽样的 ${result.evaluated} 名教师计算（全省共 ${result.population} 人），截至 ${result.asOf}；比例可代表全省，人数为样本中的人数。`
            : `按全部 ${result.evaluated} 名教师计算，截至 ${result.asOf}。`
        }
      />
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: '', dataIndex: 'label' },
          { title: `当前政策（第 ${a.version} 版）`, dataIndex: 'now', align: 'right' },
          { title: '草稿', dataIndex: 'draft', align: 'right' },
          {
            title: '变化',
            dataIndex: 'diff',
            align: 'right',
            render: (d?: number) =>
              d === undefined || d === 0 ? (
                '—'
              ) : (
                <Typography.Text type={d > 0 ? 'success' : 'danger'}>{d > 0 ? `+${d}` : d}</Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Text>
        由达标变为未达标 <b>{result.becameNonCompliant}</b> 人，由未达标变为达标 <b>{result.becameCompliant}</b> 人。
      </Typography.Text>
    </Space>
  );
}
