// The report's headline numbers, each opening the teachers behind it. A cycle in progress shows
// «暂无未完成项» (no year failed yet) instead of 达标, never in green.
import { Button, Card, Col, Row, Statistic } from 'antd';
import { percent } from './RateBars.tsx';
import type { ComplianceNumbers, TeacherFilter } from './types.ts';

/** A number that opens the list of teachers behind it. */
export function Num({ value, onOpen, label }: { value: number; onOpen: () => void; label: string }) {
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={onOpen} aria-label={`${label}：${value} 人，查看名单`}>
      {value}
    </Button>
  );
}

export function SummaryCards({
  t,
  open,
  running,
}: {
  t: ComplianceNumbers;
  open: (title: string, f: TeacherFilter) => void;
  running: boolean;
}) {
  // a card's name holds what it shows (WCAG 2.5.3: a voice user says what they see), then «查看名单»; reachable with
  // Tab and opened with Enter or Space like a button
  const card = (title: string, value: number, f: TeacherFilter, shown: { unit?: string; rate?: number | null; color?: string } = {}) => {
    const rate = shown.rate === undefined ? '' : ` · ${percent(shown.rate)}`;
    const suffix = rate ? <span style={{ fontSize: 14 }}>人{rate}</span> : shown.unit;
    return (
      <Col xs={12} md={8} lg={4} key={title}>
        <Card
          size="small"
          hoverable
          onClick={() => open(title, f)}
          role="button"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              open(title, f);
            }
          }}
          aria-label={`${title} ${value} 人${rate}，查看名单`}
        >
          <Statistic title={title} value={value} suffix={suffix} styles={{ content: shown.color ? { color: shown.color } : undefined }} />
        </Card>
      </Col>
    );
  };
  return (
    <Row gutter={[12, 12]}>
      {card('教师总数', t.teachers, {})}
      {card('纳入考核', t.assessed, { assessed: 'true' })}
      {running ? (
        <>
          {/* a cycle in progress: «no year failed yet» is progress, never shown as 达标 (nor in green) */}
          {card('进行中·暂无未完成项', t.compliant, { compliant: 'true' }, { rate: t.rate })}
          {card('进行中·已有未完成项', t.assessed - t.compliant, { compliant: 'false' }, { unit: '人', color: '#cf1322' })}
        </>
      ) : (
        <>
          {card('达标', t.compliant, { compliant: 'true' }, { rate: t.rate, color: '#237804' })}
          {card('未达标', t.assessed - t.compliant, { compliant: 'false' }, { unit: '人', color: '#cf1322' })}
        </>
      )}
      {card('已完成周期要求', t.completed, { completed: 'true' }, { rate: t.completionRate })}
      {card('不纳入考核', t.teachers - t.assessed, { assessed: 'false' }, { unit: '人' })}
    </Row>
  );
}
