// The controls every section uses: a number box whose empty state removes the key, and a table of
// rows (周期, 学分类型, 分组 …) that adds and removes rows and scrolls inside its card on a tablet.
import type { ReactNode } from 'react';
import { Button, Input, InputNumber, Popconfirm, Select, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { asText, asTexts, type Doc, optionalNumber, type Path } from './draft.ts';

/** What every section of the form gets: the draft, and a way to change one path of it. */
export interface SectionProps {
  doc: Doc;
  set: (path: Path, value: unknown) => void;
}

type Option = { value: string; label: string };

interface NumberBoxProps {
  label: string;
  value: unknown;
  onChange: (v: number | undefined) => void;
  id?: string;
  /** years and counts: whole numbers only */
  integer?: boolean;
  placeholder?: string;
  width?: number | string;
}

/** A number ≥ 0; cleared, it hands back undefined so the key is removed rather than sent as null. */
export function NumberBox({ label, value, onChange, id, integer, placeholder = '不设', width = 120 }: NumberBoxProps) {
  return (
    <InputNumber
      id={id}
      aria-label={label}
      value={typeof value === 'number' ? value : null}
      min={0}
      precision={integer ? 0 : undefined}
      placeholder={placeholder}
      style={{ width }}
      onChange={(v) => onChange(optionalNumber(typeof v === 'number' ? v : null))}
    />
  );
}

export function TextBox({
  label,
  value,
  onChange,
  placeholder,
  width,
  mono,
}: {
  label: string;
  value: unknown;
  onChange: (v: string) => void;
  placeholder?: string;
  width?: number | string;
  mono?: boolean;
}) {
  return (
    <Input
      aria-label={label}
      value={asText(value)}
      placeholder={placeholder}
      style={{ width, ...(mono ? { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' } : {}) }}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

export function MultiPick({
  label,
  value,
  options,
  onChange,
  width = 220,
  placeholder = '不限',
}: {
  label: string;
  value: unknown;
  options: Option[];
  onChange: (v: string[]) => void;
  width?: number | string;
  placeholder?: string;
}) {
  return (
    <Select
      mode="multiple"
      aria-label={label}
      value={asTexts(value)}
      options={options}
      placeholder={placeholder}
      style={{ width }}
      onChange={onChange}
      maxTagCount="responsive"
    />
  );
}

export function OnePick({
  label,
  value,
  options,
  onChange,
  width = 120,
}: {
  label: string;
  value: unknown;
  options: Option[];
  onChange: (v: string) => void;
  width?: number | string;
}) {
  return (
    <Select
      aria-label={label}
      value={typeof value === 'string' ? value : undefined}
      options={options}
      style={{ width }}
      onChange={onChange}
      popupMatchSelectWidth={false}
    />
  );
}

export interface RowCtx {
  row: Doc;
  index: number;
  /** "第 2 行 名称": the accessible name of a cell's control */
  label: (field: string) => string;
}

interface ListTableProps {
  /** what one row is (周期, 学分类型 …): the add button and the empty text say it */
  noun: string;
  rows: Doc[];
  columns: ColumnsType<RowCtx>;
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** Where a row is still referenced: removing it then asks first and says what 校验 will report. */
  usesOf?: (row: Doc) => string[];
  testId?: string;
}

function RemoveButton({ ctx, noun, uses, onRemove }: { ctx: RowCtx; noun: string; uses: string[]; onRemove: () => void }) {
  const name = asText(ctx.row.name) || asText(ctx.row.id) || `第 ${ctx.index + 1} 行`;
  const button = (
    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除${noun}：${name}`} onClick={uses.length ? undefined : onRemove} />
  );
  if (!uses.length) return button;
  return (
    <Popconfirm
      title={`${noun}“${name}”仍在使用中`}
      description={<div style={{ maxWidth: 320 }}>仍被 {uses.join('、')} 引用。删除后请一并修改这些设置，否则校验不能通过。</div>}
      okText="仍然删除"
      cancelText="取消"
      onConfirm={onRemove}
    >
      {button}
    </Popconfirm>
  );
}

export function ListTable({ noun, rows, columns, onAdd, onRemove, usesOf, testId }: ListTableProps) {
  const data: RowCtx[] = rows.map((row, index) => ({ row, index, label: (field) => `第 ${index + 1} 行 ${field}` }));
  const all: ColumnsType<RowCtx> = [
    ...columns,
    {
      title: '',
      key: 'remove',
      width: 56,
      fixed: 'right',
      render: (_, ctx) => <RemoveButton ctx={ctx} noun={noun} uses={usesOf?.(ctx.row) ?? []} onRemove={() => onRemove(ctx.index)} />,
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<RowCtx>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={data}
        columns={all}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Typography.Text type="secondary">还没有{noun}</Typography.Text> }}
      />
      <Button icon={<PlusOutlined />} type="dashed" onClick={onAdd} style={{ marginTop: 8 }}>
        添加{noun}
      </Button>
    </div>
  );
}

/** A short line under a section's title: what the part of the policy means. */
export function Hint({ children }: { children: ReactNode }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
      {children}
    </Typography.Paragraph>
  );
}
