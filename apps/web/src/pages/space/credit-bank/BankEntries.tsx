// The account's entries: filters (年度, 来源, 学分类型), a server-paged table, the filtered sum; an entry
// cancelled by a 冲销 is struck through and says when and why, the 冲销 row says which entry it cancels.
import { Empty, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';
import { fmt, type BankEntry, type BankFilters, type BankView } from './types.ts';

interface Props {
  view: BankView | undefined;
  loading: boolean;
  filters: BankFilters;
  onFilters: (f: BankFilters) => void;
  page: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
}

function State({ e }: { e: BankEntry }) {
  if (e.reversalOf !== null)
    return (
      <Tooltip title={e.reason ? `原因：${e.reason}` : undefined}>
        <Tag color="orange">冲销第 {e.reversalOf} 号</Tag>
      </Tooltip>
    );
  if (e.reversedBy)
    return (
      <Tooltip title={`${e.reversedBy.date ?? ''} 冲销${e.reversedBy.reason ? `，原因：${e.reversedBy.reason}` : ''}`}>
        <Tag color="red">已冲销</Tag>
      </Tooltip>
    );
  return <Tag color="green">有效</Tag>;
}

export function BankEntries({ view, loading, filters, onFilters, page, onPage }: Props) {
  const o = view?.options;
  const sum = view?.entries.sum;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<number>
          aria-label="年度"
          placeholder="全部年度"
          allowClear
          style={{ width: 130 }}
          value={filters.year}
          onChange={(year) => onFilters({ ...filters, year })}
          options={(o?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))}
        />
        <Select<string>
          aria-label="来源"
          placeholder="全部来源"
          allowClear
          style={{ width: 150 }}
          value={filters.source}
          onChange={(source) => onFilters({ ...filters, source: source as BankFilters['source'] })}
          options={o?.sources ?? []}
        />
        <Select<string>
          aria-label="学分类型"
          placeholder="全部学分类型"
          allowClear
          style={{ width: 160 }}
          value={filters.category}
          onChange={(category) => onFilters({ ...filters, category })}
          options={o?.categories ?? []}
        />
      </Space>
      <PhoneTable<BankEntry>
        data-testid="bank-entries"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={view?.entries.items ?? []}
        locale={{ emptyText: <Empty description="没有符合条件的学习记录" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: view?.entries.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 条`,
          onChange: onPage,
        }}
        columns={[
          { title: '认定日期', dataIndex: 'date', width: 104, responsive: FROM_MD },
          {
            title: '名称',
            dataIndex: 'title',
            render: (t: string, e) => (
              <>
                <Typography.Text delete={!!e.reversedBy}>{t}</Typography.Text>
                <div style={{ fontSize: 12, color: '#595959' }}>
                  {e.year} 年 · {e.sourceLabel}
                </div>
              </>
            ),
          },
          { title: '学分类型', dataIndex: 'categoryName', width: 110, responsive: FROM_MD },
          { title: '培训形式', dataIndex: 'formLabel', width: 90, responsive: FROM_MD },
          { title: '认定单位', dataIndex: 'certifier', responsive: FROM_MD },
          { title: '学时', dataIndex: 'hours', width: 70, align: 'right', render: fmt, responsive: FROM_MD },
          { title: '学分', dataIndex: 'amount', width: 70, align: 'right', render: fmt },
          { title: '状态', key: 'state', width: 100, render: (_, e) => <State e={e} /> },
        ]}
      />
      {sum && (
        <Typography.Text type="secondary" data-testid="bank-filtered-sum">
          当前筛选合计：{fmt(sum.amount)} 学分，{fmt(sum.hours)} 学时（{sum.entries} 条，冲销已抵减）
        </Typography.Text>
      )}
    </>
  );
}
