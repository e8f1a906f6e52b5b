import type { ComplianceRow } from './types.ts';

export const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
const colorOf = (r: number | null) => (r === null ? '#d9d9d9' : r >= 0.9 ? '#52c41a' : r >= 0.6 ? '#faad14' : '#ff4d4f');

/**
 * 达标率 of each group as horizontal bars (plain elements, no chart library): long Chinese names
 * stay readable and the chart follows the card's width. Clicking a bar opens that group.
 */
export function RateBars({ rows, onOpen }: { rows: ComplianceRow[]; onOpen?: (row: ComplianceRow) => void }) {
  return (
    <div role="list" aria-label="达标率图表" style={{ maxHeight: 520, overflowY: 'auto' }}>
      {rows.map((r) => (
        <div
          key={r.id ?? r.code}
          role="listitem"
          title={`${r.name}：达标 ${r.compliant} / 纳入考核 ${r.assessed}（${percent(r.rate)}）${onOpen ? '，点击查看' : ''}`}
          onClick={() => onOpen?.(r)}
          style={{ display: 'flex', alignItems: 'center', gap: 8, height: 26, cursor: onOpen ? 'pointer' : undefined }}
        >
          <span
            style={{
              width: 120,
              flex: 'none',
              textAlign: 'right',
              fontSize: 12,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {r.name}
          </span>
          <span style={{ flex: 1, height: 14, background: '#f5f5f5', borderRadius: 3, position: 'relative' }}>
            <span
              style={{
                position: 'absolute',
                inset: 0,
                width: `${(r.rate ?? 0) * 100}%`,
                minWidth: r.rate ? 2 : 0,
                background: colorOf(r.rate),
                borderRadius: 3,
              }}
            />
          </span>
          <span style={{ width: 52, flex: 'none', fontSize: 12, color: '#555' }}>{percent(r.rate)}</span>
        </div>
      ))}
      <div style={{ display: 'flex', gap: 12, justifyContent: 'flex-end', fontSize: 12, color: '#595959', marginTop: 8 }}>
        <span>
          <i style={{ display: 'inline-block', width: 10, height: 10, background: colorOf(1) }} /> ≥ 90%
        </span>
        <span>
          <i style={{ display: 'inline-block', width: 10, height: 10, background: colorOf(0.7) }} /> 60%–90%
        </span>
        <span>
          <i style={{ display: 'inline-block', width: 10, height: 10, background: colorOf(0) }} /> &lt; 60%
        </span>
        <span>
          <i style={{ display: 'inline-block', width: 10, height: 10, background: colorOf(null) }} /> 无考核对象
        </span>
      </div>
    </div>
  );
}
