// The ledger entries behind a cell: what was earned, from where, certified by whom, and corrections.
import type { ReactNode } from 'react';
import { Empty, Tag, Tooltip, Typography } from 'antd';
import { FORM_LABELS, LEVEL_LABELS, SOURCE_LABELS, fmt } from './labels.ts';
import type { EntryView } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

interface Props {
  entries: EntryView[];
  loading?: boolean;
  error?: string;
  unit: string;
  /** extra column for admins (冲销) */
  action?: (e: EntryView) => ReactNode;
}

function State({ e }: { e: EntryView }) {
  if (e.reversalOf !== null)
    return (
      <Tooltip title={e.reason ? `原因：${e.reason}` : undefined}>
        <Tag color="orange">冲销记录</Tag>
      </Tooltip>
    );
  if (e.reversedBy)
    return (
      <Tooltip title={`${e.reversedBy.date} 冲销${e.reversedBy.reason ? `，原因：${e.reversedBy.reason}` : ''}`}>
        <Tag>已冲销</Tag>
      </Tooltip>
    );
  if (e.source === 'adjustment')
    return (
      <Tooltip title={e.reason ? `原因：${e.reason}` : undefined}>
        <Tag color="purple">调整</Tag>
      </Tooltip>
    );
  return <Tag color="green">有效</Tag>;
}

export function EntriesTable({ entries, loading, error, unit, action }: Props) {
  return (
    <PhoneTable<EntryView>
      data-testid="credit-entries"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
      pagination={entries.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 条` } : false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty description={error ?? '这里还没有学分记录'} /> }}
      columns={[
        { title: '认定日期', responsive: FROM_MD, dataIndex: 'date', width: 108 },
        { title: '年度', responsive: FROM_MD, dataIndex: 'year', width: 64 },
        {
          title: '学分名称',
          dataIndex: 'title',
          render: (t: string, e) => <span style={{ textDecoration: e.reversedBy ? 'line-through' : undefined }}>{t}</span>,
        },
        { title: '学分类型', responsive: FROM_MD, dataIndex: 'categoryName', width: 104 },
        { title: '培训形式', responsive: FROM_MD, dataIndex: 'form', width: 88, render: (f: string) => FORM_LABELS[f] ?? f },
        { title: unit === '学时' ? '学分' : unit, dataIndex: 'amount', width: 64, align: 'right', render: fmt },
        { title: '学时', responsive: FROM_MD, dataIndex: 'hours', width: 64, align: 'right', render: fmt },
        { title: '来源', responsive: FROM_MD, dataIndex: 'source', width: 88, render: (s: string) => SOURCE_LABELS[s] ?? s },
        { title: '组织级别', responsive: FROM_MD, dataIndex: 'level', width: 88, render: (l: string) => LEVEL_LABELS[l] ?? l },
        {
          title: '认定单位 / 认定人',
          responsive: FROM_MD,
          key: 'certifier',
          render: (_, e) => (
            <>
              <div>{e.certifierUnit}</div>
              {e.certifierName !== e.certifierUnit && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.certifierName}
                </Typography.Text>
              )}
            </>
          ),
        },
        { title: '状态', key: 'state', width: 96, fixed: 'right', render: (_, e) => <State e={e} /> },
        // 状态 and 冲销 stay in view while the table scrolls sideways
        ...(action
          ? [{ title: '操作', key: 'op', width: 80, fixed: 'right' as const, render: (_: unknown, e: EntryView) => action(e) }]
          : []),
      ]}
    />
  );
}
