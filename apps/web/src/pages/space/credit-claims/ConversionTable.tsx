import { Button, Empty, Table } from 'antd';
import type { ClaimType, ClaimTypes } from './types.ts';

/** 学分申报折算表: what may be claimed, for how much, reviewed by whom — straight from the credit policy. */
export function ConversionTable({ data, onClaim }: { data: ClaimTypes; onClaim: (typeId: string) => void }) {
  const unit = data.unitLabel;
  return (
    <Table<ClaimType>
      data-testid="claim-types-table"
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={data.types}
      locale={{ emptyText: <Empty description="当前学分政策没有可申报的类型" /> }}
      columns={[
        { title: '申报类型', dataIndex: 'name' },
        { title: '学分类型', dataIndex: 'categoryName', width: 110 },
        { title: '折算标准', key: 'amount', width: 120, render: (_, t) => `每项 ${t.amount} ${unit}` },
        { title: '每年上限', key: 'max', width: 100, render: (_, t) => (t.maxPerYear === null ? '不限' : `${t.maxPerYear} ${unit}`) },
        { title: '审核单位', key: 'level', width: 100, render: (_, t) => `${t.reviewLevelLabel}管理员` },
        { title: '证明材料', dataIndex: 'evidence', render: (e: string | null) => e ?? '—' },
        {
          title: '操作',
          key: 'op',
          width: 80,
          render: (_, t) => (
            <Button type="link" size="small" onClick={() => onClaim(t.id)}>
              申报
            </Button>
          ),
        },
      ]}
    />
  );
}
