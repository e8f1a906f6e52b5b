// 分组要求: minimums over several forms or categories together (集中培训和远程培训 ≥ 70 a cycle;
// 校本研修 ≥ 10 a year and 50 a cycle). A group selects entries by form, by category, or both.
import { asRows, optionalList } from '../draft.ts';
import { Hint, ListTable, MultiPick, NumberBox, type SectionProps, TextBox } from '../fields.tsx';
import { categoryOptions, FORM_OPTIONS, unitWord } from '../labels.ts';

export function GroupsSection({ doc, set }: SectionProps) {
  const rows = asRows(doc.groups);
  const unit = unitWord(doc);
  const categories = categoryOptions(doc);
  return (
    <>
      <Hint>一个分组把若干培训形式或学分类型的学分合在一起计算（两者都选时须同时满足）。每年、每周期至少设一项；空着表示不设。</Hint>
      <ListTable
        noun="分组"
        testId="policy-groups"
        rows={rows}
        onAdd={() => set(['groups'], [...rows, { id: '', name: '' }])}
        onRemove={(i) =>
          set(
            ['groups'],
            rows.filter((_, j) => j !== i),
          )
        }
        columns={[
          {
            title: '标识',
            key: 'id',
            render: (_, { index, row, label }) => (
              <TextBox mono label={label('标识')} value={row.id} width={150} onChange={(v) => set(['groups', index, 'id'], v)} />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, { index, row, label }) => (
              <TextBox label={label('名称')} value={row.name} width={170} onChange={(v) => set(['groups', index, 'name'], v)} />
            ),
          },
          {
            title: '培训形式',
            key: 'forms',
            render: (_, { index, row, label }) => (
              <MultiPick
                label={label('培训形式')}
                value={row.forms}
                options={FORM_OPTIONS}
                onChange={(v) => set(['groups', index, 'forms'], optionalList(v))}
              />
            ),
          },
          {
            title: '学分类型',
            key: 'categories',
            render: (_, { index, row, label }) => (
              <MultiPick
                label={label('学分类型')}
                value={row.categories}
                options={categories}
                onChange={(v) => set(['groups', index, 'categories'], optionalList(v))}
              />
            ),
          },
          {
            title: `每年（${unit}）`,
            key: 'perYear',
            render: (_, { index, row, label }) => (
              <NumberBox label={label('每年')} value={row.perYear} width={100} onChange={(v) => set(['groups', index, 'perYear'], v)} />
            ),
          },
          {
            title: `每周期（${unit}）`,
            key: 'perCycle',
            render: (_, { index, row, label }) => (
              <NumberBox label={label('每周期')} value={row.perCycle} width={100} onChange={(v) => set(['groups', index, 'perCycle'], v)} />
            ),
          },
        ]}
      />
    </>
  );
}
