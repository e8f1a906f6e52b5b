// 级别要求: of the cycle's total, so much organised at given levels (市级、县级 … "谁组织、谁认定").
import { asRows } from '../draft.ts';
import { Hint, ListTable, MultiPick, NumberBox, type SectionProps, TextBox } from '../fields.tsx';
import { LEVEL_OPTIONS, unitWord } from '../labels.ts';

export function LevelsSection({ doc, set }: SectionProps) {
  const rows = asRows(doc.levelMinimums);
  const unit = unitWord(doc);
  return (
    <>
      <Hint>
        按组织培训的级别设定每周期最低要求，例如「市级及以上不少于 30 学分」。同一级别只能出现在一项要求中，各项之和不能超过周期总要求。
      </Hint>
      <ListTable
        noun="级别要求"
        testId="policy-levels"
        rows={rows}
        onAdd={() => set(['levelMinimums'], [...rows, { id: '', name: '', levels: [] }])}
        onRemove={(i) =>
          set(
            ['levelMinimums'],
            rows.filter((_, j) => j !== i),
          )
        }
        columns={[
          {
            title: '标识',
            key: 'id',
            render: (_, { index, row, label }) => (
              <TextBox mono label={label('标识')} value={row.id} width={150} onChange={(v) => set(['levelMinimums', index, 'id'], v)} />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, { index, row, label }) => (
              <TextBox label={label('名称')} value={row.name} width={180} onChange={(v) => set(['levelMinimums', index, 'name'], v)} />
            ),
          },
          {
            title: '级别',
            key: 'levels',
            render: (_, { index, row, label }) => (
              <MultiPick
                label={label('级别')}
                value={row.levels}
                options={LEVEL_OPTIONS}
                placeholder="至少选一个"
                width={240}
                onChange={(v) => set(['levelMinimums', index, 'levels'], v)}
              />
            ),
          },
          {
            title: `每周期最低（${unit}）`,
            key: 'perCycle',
            render: (_, { index, row, label }) => (
              <NumberBox
                label={label('每周期最低')}
                value={row.perCycle}
                placeholder=""
                onChange={(v) => set(['levelMinimums', index, 'perCycle'], v)}
              />
            ),
          },
        ]}
      />
    </>
  );
}
