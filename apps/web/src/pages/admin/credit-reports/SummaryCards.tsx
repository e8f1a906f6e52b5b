// The report's headline numbers, each opening the teachers behind it. A cycle in progress shows
// «暂无未完成项» (no year failed yet) instead of 达标, never in green.
import type { ReactNode } from 'react';
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
      {running ? (
        <>
          {/* a cycle in progress: «no year failed yet» is progress, never shown as 达标 (nor in green) */}
          {card('进行中·暂无未完成项', t.compliant, { compliant: 'true' }, <span style={{ fontSize: 14 }}>人 · {percent(t.rate)}</span>)}
          {card('进行中·已有未完成项', t.assessed - t.compliant, { compliant: 'false' }, '人', '#cf1322')}
        </>
      ) : (
        <>
          {card('达标', t.compliant, { compliant: 'true' }, <span style={{ fontSize: 14 }}>人 · {percent(t.rate)}</span>, '#389e0d')}
          {card('未达标', t.assessed - t.compliant, { compliant: 'false' }, '人', '#cf1322')}
        </>
      )}
      {card('已完成周期要求', t.completed, { completed: 'true' }, <span style={{ fontSize: 14 }}>人 · {percent(t.completionRate)}</span>)}
      {card('不纳入考核', t.teachers - t.assessed, { assessed: 'false' }, '人')}
    </Row>
  );
}
