// 周期: the fixed cycles (十四五 2021–2025 …) the teachers' tables are drawn by.
import { asNumber, asRows } from '../draft.ts';
import { Hint, ListTable, NumberBox, type RowCtx, type SectionProps, TextBox } from '../fields.tsx';

export function CyclesSection({ doc, set }: SectionProps) {
  const rows = asRows(doc.cycles);
  const add = () => {
    // the next five years after the last cycle: the usual 五年一周期
    const last = Math.max(0, ...rows.map((r) => asNumber(r.endYear) ?? 0));
    const start = last ? last + 1 : new Date().getFullYear();
    set(['cycles'], [...rows, { id: '', name: '', startYear: start, endYear: start + 4 }]);
  };
  return (
    <>
      <Hint>
        每个周期的学分只在本周期内有效。「显示起始年」用于教师页面的第一列早于起始年的情况（如十三五显示 2015 年），一般不填。
        {doc.cyclesFrom === 'registration' && ' 当前周期来源为「按注册日期滚动」，不能再列固定周期。'}
      </Hint>
      <ListTable
        noun="周期"
        testId="policy-cycles"
        rows={rows}
        onAdd={add}
        onRemove={(i) =>
          set(
            ['cycles'],
            rows.filter((_, j) => j !== i),
          )
        }
        columns={[
          {
            title: '标识',
            key: 'id',
            render: (_, { index, row, label }) => (
              <TextBox
                mono
                label={label('标识')}
                value={row.id}
                placeholder="如 fyp15"
                width={120}
                onChange={(v) => set(['cycles', index, 'id'], v)}
              />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, { index, row, label }) => (
              <TextBox
                label={label('名称')}
                value={row.name}
                placeholder="如 十五五"
                width={140}
                onChange={(v) => set(['cycles', index, 'name'], v)}
              />
            ),
          },
          ...(['startYear', 'endYear', 'shownStartYear'] as const).map((key) => {
            const title = { startYear: '起始年', endYear: '结束年', shownStartYear: '显示起始年' }[key];
            return {
              title,
              key,
              render: (_: unknown, { index, row, label }: RowCtx) => (
                <NumberBox
                  integer
                  label={label(title)}
                  value={row[key]}
                  width={100}
                  placeholder={key === 'shownStartYear' ? '同起始年' : ''}
                  onChange={(v) => set(['cycles', index, key], v)}
                />
              ),
            };
          }),
        ]}
      />
    </>
  );
}
