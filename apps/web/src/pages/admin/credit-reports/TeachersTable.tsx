import { Empty, Table, Tag, Tooltip, Typography } from 'antd';
import type { ReportTeacher } from './types.ts';

interface Props {
  items: ReportTeacher[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  error?: string | null;
  unit: string;
  onPage: (page: number, pageSize: number) => void;
  emptyText?: string;
}

function Status({ t }: { t: ReportTeacher }) {
  if (!t.assessed)
    return (
      <Tooltip title={t.notAssessedReason}>
        <Tag>不纳入考核</Tag>
      </Tooltip>
    );
  return t.compliant ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>;
}

/** The teachers behind a number: masked numbers, earned / required, and what is still missing. */
export function TeachersTable({ items, total, page, pageSize, loading, error, unit, onPage, emptyText }: Props) {
  const category = items.find((t) => t.category)?.category;
  return (
    <Table<ReportTeacher>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty description={error ?? emptyText ?? '没有符合条件的教师'} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (n) => `共 ${n} 人`,
        onChange: onPage,
      }}
      scroll={{ x: 900 }}
      columns={[
        { title: '姓名', dataIndex: 'name', width: 90, fixed: 'left' },
        { title: '证件号码', dataIndex: 'idNumber', width: 170 },
        { title: '手机号', dataIndex: 'phone', width: 110 },
        { title: '学校', dataIndex: 'schoolName', width: 160, render: (v: string, t) => <span title={t.countyName}>{v}</span> },
        { title: '状态', key: 'status', width: 100, render: (_, t) => <Status t={t} /> },
        {
          title: `已获 / 周期要求（${unit}）`,
          key: 'earned',
          width: 140,
          render: (_, t) => (t.assessed ? `${t.earned} / ${t.required}` : `${t.earned} / —`),
        },
        ...(category
          ? [
              {
                title: `该类型已获 / 要求`,
                key: 'category',
                width: 130,
                render: (_: unknown, t: ReportTeacher) => (t.category ? `${t.category.earned} / ${t.category.required}` : '—'),
              },
            ]
          : []),
        {
          title: '尚缺',
          key: 'missing',
          render: (_, t) => {
            if (!t.assessed) return <Typography.Text type="secondary">{t.notAssessedReason}</Typography.Text>;
            if (!t.missing.length) return <Typography.Text type="success">无</Typography.Text>;
            return (
              <Tooltip
                title={
                  <div>
                    {t.missing.map((m) => (
                      <div key={m}>{m}</div>
                    ))}
                  </div>
                }
              >
                <span>
                  {t.missing[0]}
                  {t.missing.length > 1 ? ` 等 ${t.missing.length} 项` : ''}
                </span>
              </Tooltip>
            );
          },
        },
      ]}
    />
  );
}
