// 我的学分 as the Guangxi manual shows it: the rules, one tab per cycle (the current one first
// selected), the legend, the table, the checks, and what is still missing in plain words. The
// teacher's page and the admin's teacher detail both draw it; they differ in where entries come from.
import { Alert, Space, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { CREDIT_STATUS_LABELS } from '@shixun/domain';
import { CreditLegend, CreditTable } from './CreditTable.tsx';
import { fmt, STATUS_STYLE } from './labels.ts';
import type { CellRef, CreditCycleResult, CreditsResponse } from './types.ts';

interface Props extends CreditsResponse {
  onCell: (ref: CellRef) => void;
  /** the rules text takes room; the admin view leaves it out */
  showRules?: boolean;
}

export function RulesText({ name, text }: { name: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <div className="credit-rules" data-testid="credit-rules">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {name}
      </Typography.Title>
      {text.split(/\n\s*\n/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

function Missing({ cycle, unit }: { cycle: CreditCycleResult; unit: string }) {
  if (cycle.status === 'not_started') return <Alert type="info" showIcon title={`${cycle.name}周期尚未开始`} />;
  if (cycle.status === 'not_required') return <Alert type="info" showIcon title={`${cycle.name}周期无考核要求`} />;
  if (!cycle.missing.length) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={`${cycle.name}周期各项学分要求均已完成（共 ${fmt(cycle.total.earned)} ${unit}）`}
      />
    );
  }
  const past = cycle.status === 'incomplete';
  return (
    <Alert
      data-testid="credit-missing"
      type={past ? 'error' : 'warning'}
      showIcon
      icon={<ExclamationCircleOutlined />}
      title={past ? `${cycle.name}周期有未完成的要求` : '还需完成'}
      description={
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {cycle.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      }
    />
  );
}

export function CreditOverview({ policy, evaluation, onCell, showRules = true }: Props) {
  const items = evaluation.cycles.map((c) => ({
    key: c.id,
    label: (
      <span data-testid={`cycle-tab-${c.id}`}>
        {c.name}周期{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {c.shownStartYear} - {c.endYear}
        </Typography.Text>
      </span>
    ),
    children: (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap>
          <span>本周期状态</span>
          <Tag color={STATUS_STYLE[c.status].tag}>{CREDIT_STATUS_LABELS[c.status]}</Tag>
          <span>
            已获 {fmt(c.total.earned)} / 要求 {fmt(c.total.required)} {policy.unit}
          </span>
        </Space>
        <CreditLegend />
        {policy.categories.some((x) => !x.required) && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="credit-category-note">
            学分类型各行只显示已获{policy.unit}（{policy.name}对学分类型没有单独要求）；是否达标看“合计”和“分项要求”。
          </Typography.Text>
        )}
        <CreditTable policy={policy} cycle={c} onCell={onCell} />
        <Missing cycle={c} unit={policy.unit} />
      </Space>
    ),
  }));
  return (
    <>
      {showRules && <RulesText name={policy.name} text={policy.rulesText} />}
      <Tabs defaultActiveKey={evaluation.currentCycleId} items={items} />
      {evaluation.notes.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="credit-notes">
          说明：{evaluation.notes.join('；')}。
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0, fontSize: 12 }}>
        依据：{policy.name}（第 {policy.version} 版），统计日期 {evaluation.asOf}。点击表格中的数字可查看对应的学分明细。
      </Typography.Paragraph>
    </>
  );
}
