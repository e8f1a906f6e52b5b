// The table of the Guangxi 我的学分 page: 学分类型 × 年份 and the cycle column, each cell opening the
// entries behind it. One concept, one row, one status: a 学分类型 row shows what was earned, with a
// required amount and a status colour only where the policy version sets one; the requirements —
// the total (each year's minimum and the cycle's), and the checks over several forms or categories
// (集中培训和远程培训 ≥ 70, 校本研修 ≥ 50 and ≥ 10 a year …) — carry the status and «还差 …». A year with
// any requirement not met is marked red in the header.
import type { KeyboardEvent } from 'react';
import { Tooltip } from 'antd';
import { CREDIT_STATUS_LABELS } from '@shixun/domain';
import { fmt, STATUS_ORDER, STATUS_STYLE } from './labels.ts';
import type { CellRef, CreditCell, CreditCycleResult, PolicyView } from './types.ts';
import './credits.css';

interface Props {
  policy: PolicyView;
  cycle: CreditCycleResult;
  onCell: (ref: CellRef) => void;
}

export function CreditLegend() {
  return (
    <div className="credit-legend" data-testid="credit-legend">
      {STATUS_ORDER.map((s) => (
        <span key={s}>
          <span
            className="swatch"
            style={{ background: STATUS_STYLE[s].background === 'transparent' ? '#fff' : STATUS_STYLE[s].background }}
          />
          {CREDIT_STATUS_LABELS[s]}
        </span>
      ))}
    </div>
  );
}

function Cell({
  cell,
  refOf,
  onCell,
  unit,
  cycleCol,
  earnedOnly,
}: {
  cell?: CreditCell;
  refOf: CellRef;
  onCell: Props['onCell'];
  unit: string;
  cycleCol?: boolean;
  /** a 学分类型 without a required amount: the amount earned, no status */
  earnedOnly?: boolean;
}) {
  if (!cell) return <td className={`na${cycleCol ? ' cycle-col' : ''}`}>—</td>;
  const st = earnedOnly ? { background: 'transparent', color: 'inherit' } : STATUS_STYLE[cell.status];
  const open = () => onCell(refOf);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
  const capped = cell.counted !== cell.earned ? `，其中计入 ${fmt(cell.counted)}` : '';
  const short = !earnedOnly && cell.required > cell.counted && cell.status !== 'not_required' ? cell.required - cell.counted : 0;
  const detail = earnedOnly
    ? `已获 ${fmt(cell.earned)}${capped} ${unit}（本政策对该学分类型没有单独要求）`
    : `已获 ${fmt(cell.earned)}${capped} / 要求 ${fmt(cell.required)} ${unit}，${CREDIT_STATUS_LABELS[cell.status]}${short ? `，还差 ${fmt(short)} ${unit}` : ''}`;
  const title = `${refOf.label}：${detail}。点击查看明细`;
  const shortShown = short > 0 && cell.status === 'incomplete';
  // the name read out holds what the cell shows («5/16 还差 11»; WCAG 2.5.3: a voice user says what they see), then the sentence
  const name = earnedOnly
    ? title
    : `${refOf.label} ${fmt(cell.earned)}/${fmt(cell.required)}${shortShown ? ` 还差 ${fmt(short)}` : ''}：${detail}。点击查看明细`;
  return (
    <Tooltip title={title}>
      <td
        className={`cell${cycleCol ? ' cycle-col' : ''}`}
        style={{ background: st.background, color: st.color }}
        role="button"
        tabIndex={0}
        aria-label={name}
        data-status={earnedOnly ? 'earned' : cell.status}
        data-testid={`cell-${refOf.category ?? refOf.group ?? 'total'}-${refOf.year ?? 'cycle'}`}
        onClick={open}
        onKeyDown={onKey}
      >
        {earnedOnly ? (
          fmt(cell.earned)
        ) : (
          <>
            {fmt(cell.earned)}/{fmt(cell.required)}
            {shortShown && <div className="short">还差 {fmt(short)}</div>}
          </>
        )}
      </td>
    </Tooltip>
  );
}

/** Years in which some requirement was not met (a past year: the total or a check is 未完成). */
function failedYears(cycle: CreditCycleResult): Set<number> {
  const out = new Set<number>();
  for (const y of cycle.years) {
    const cells = [y.total, ...Object.values(y.groups), ...Object.values(y.categories)];
    if (cells.some((c) => c.status === 'incomplete')) out.add(y.year);
  }
  return out;
}

export function CreditTable({ policy, cycle, onCell }: Props) {
  const shown: number[] = [];
  for (let y = cycle.shownStartYear; y <= cycle.endYear; y++) shown.push(y);
  const yearOf = (y: number) => cycle.years.find((r) => r.year === y);
  const checks = [
    ...policy.groups.filter((g) => cycle.groups[g.id] || cycle.years.some((y) => y.groups[g.id])),
    ...policy.levelMinimums.filter((l) => cycle.levels[l.id]),
  ];
  const failed = failedYears(cycle);
  const head = (first: string) => (
    <thead>
      <tr>
        <th className="row-head">{first}</th>
        {shown.map((y) => (
          <th key={y} className={failed.has(y) ? 'year-failed' : undefined} data-testid={failed.has(y) ? `year-failed-${y}` : undefined}>
            {y}
            {failed.has(y) && <span className="year-failed-note">未达标</span>}
          </th>
        ))}
        <th className="cycle-col">合计</th>
      </tr>
    </thead>
  );
  const base = { cycleId: cycle.id };
  return (
    <>
      <div className="credit-scroll">
        <table className="credit-table" data-testid={`credit-table-${cycle.id}`}>
          {head('学分类型\\年份')}
          <tbody>
            {policy.categories.map((c) => (
              <tr key={c.id}>
                <th className="row-head">{c.name}</th>
                {shown.map((y) => (
                  <Cell
                    key={y}
                    unit={policy.unit}
                    onCell={onCell}
                    cell={yearOf(y)?.categories[c.id]}
                    earnedOnly={!c.required}
                    refOf={{ ...base, year: y, category: c.id, label: `${y} 年${c.name}` }}
                  />
                ))}
                <Cell
                  cycleCol
                  earnedOnly={!c.required}
                  unit={policy.unit}
                  onCell={onCell}
                  cell={cycle.categories[c.id]}
                  refOf={{ ...base, category: c.id, label: `${cycle.name}周期${c.name}` }}
                />
              </tr>
            ))}
            <tr className="total-row">
              <th className="row-head">{policy.categories.some((c) => !c.required) ? '合计（每年及周期要求）' : '合计'}</th>
              {shown.map((y) => (
                <Cell
                  key={y}
                  unit={policy.unit}
                  onCell={onCell}
                  cell={yearOf(y)?.total}
                  refOf={{ ...base, year: y, label: `${y} 年合计` }}
                />
              ))}
              <Cell cycleCol unit={policy.unit} onCell={onCell} cell={cycle.total} refOf={{ ...base, label: `${cycle.name}周期合计` }} />
            </tr>
          </tbody>
        </table>
      </div>
      {checks.length > 0 && (
        <div className="credit-scroll" style={{ marginTop: 16 }}>
          <table className="credit-table" data-testid={`credit-checks-${cycle.id}`}>
            {head('分项要求\\年份')}
            <tbody>
              {checks.map((g) => (
                <tr key={g.id}>
                  <th className="row-head">{g.name}</th>
                  {shown.map((y) => (
                    <Cell
                      key={y}
                      unit={policy.unit}
                      onCell={onCell}
                      cell={yearOf(y)?.groups[g.id]}
                      refOf={{ ...base, year: y, group: g.id, label: `${y} 年${g.name}` }}
                    />
                  ))}
                  <Cell
                    cycleCol
                    unit={policy.unit}
                    onCell={onCell}
                    cell={cycle.groups[g.id] ?? cycle.levels[g.id]}
                    refOf={{ ...base, group: g.id, label: `${cycle.name}周期${g.name}` }}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
