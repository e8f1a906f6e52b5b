import { Typography } from 'antd';
import type { ProfileChange } from '../api/types.ts';
import { fieldByKey, formatValue } from '../format.ts';

/** «姓名：李秀英 → 李秀瑛», one line per changed field. */
export function ChangeSummary({ changes }: { changes: ProfileChange['changes'] }) {
  return (
    <div>
      {Object.entries(changes ?? {}).map(([k, c]) => {
        const f = fieldByKey(k);
        return (
          <div key={k}>
            <Typography.Text strong>{f?.label ?? k}</Typography.Text>：
            <Typography.Text delete type="secondary">
              {formatValue(f, c?.from)}
            </Typography.Text>
            {' → '}
            <Typography.Text>{formatValue(f, c?.to)}</Typography.Text>
          </div>
        );
      })}
    </div>
  );
}
