import type { ReactNode } from 'react';
import { Table, type TableColumnType, type TableProps } from 'antd';
import { usePhone } from './responsive.ts';

/** A column's `responsive` for details: shown from `md` (768 px) up; on phones in the row's details (PhoneTable). */
export const FROM_MD: NonNullable<TableColumnType<object>['responsive']> = ['md'];

type Column<T> = TableColumnType<T> & { dataIndex?: string | number | readonly (string | number)[] };

function valueAt(row: object, path: Column<object>['dataIndex']): unknown {
  if (path === undefined) return undefined;
  const keys: readonly (string | number)[] = typeof path === 'string' || typeof path === 'number' ? [path] : path;
  let v: unknown = row;
  for (const k of keys) v = v === null || v === undefined ? undefined : (v as Record<string | number, unknown>)[k];
  return v;
}

/**
 * antd's Table that reflows on phones (< 768 px): it shows its key columns, and the columns marked
 * `responsive: FROM_MD` show under the row when it is tapped (title: value lines), followed by what the
 * table's own expansion shows. From 768 px up it is the plain Table. `detailsByClick={false}` for rows with
 * inputs or a selection box: the details then open from the row's ＋ only.
 */
export function PhoneTable<T extends object>({ detailsByClick = true, ...props }: TableProps<T> & { detailsByClick?: boolean }) {
  const phone = usePhone();
  const own = props.expandable;
  const hidden = phone
    ? ((props.columns ?? []) as Column<T>[]).filter((c) => c.responsive?.includes('md') && !c.responsive.includes('xs'))
    : [];
  if (!hidden.length) return <Table<T> {...props} />;
  const expandable: TableProps<T>['expandable'] = {
    expandRowByClick: detailsByClick,
    columnWidth: 28,
    expandedRowRender: (row, index, indent, expanded) => (
      <div className="phone-details">
        <dl>
          {hidden.map((c, i) => {
            const value = valueAt(row, c.dataIndex);
            const shown = c.render ? c.render(value, row, index) : value;
            return (
              <div key={String(c.key ?? c.dataIndex ?? i)}>
                <dt>{typeof c.title === 'function' ? null : c.title}</dt>
                <dd>{(shown === null || shown === undefined || shown === '' ? '—' : shown) as ReactNode}</dd>
              </div>
            );
          })}
        </dl>
        {own?.expandedRowRender && (!own.rowExpandable || own.rowExpandable(row)) && own.expandedRowRender(row, index, indent, expanded)}
      </div>
    ),
  };
  // the key columns fit the screen: no sideways scrolling set for the full table
  const scroll = props.scroll && { ...props.scroll, x: undefined };
  return <Table<T> {...props} scroll={scroll} expandable={expandable} />;
}
