// 申报折算: the 学分申报 conversion table — what a teacher may claim (a paper, a course given …), how
// much one item is worth, how much counts a year, who reviews it and what evidence to attach.
import { asRows, optionalText } from '../draft.ts';
import { Hint, ListTable, NumberBox, OnePick, type SectionProps, TextBox } from '../fields.tsx';
import { categoryOptions, FORM_OPTIONS, REVIEW_LEVEL_OPTIONS, unitWord } from '../labels.ts';

export function ClaimTypesSection({ doc, set }: SectionProps) {
  const rows = asRows(doc.claimTypes);
  const unit = unitWord(doc);
  const categories = categoryOptions(doc);
  const add = () =>
    set(['claimTypes'], [...rows, { id: '', name: '', category: categories[0]?.value ?? '', form: 'other', reviewLevel: 'county' }]);
  const at = (index: number, key: string, value: unknown) => set(['claimTypes', index, key], value);
  return (
    <>
      <Hint>
        教师在「学分申报」中可选的申报类型。每项折算：每申报一项（一篇论文、一次授课……）计多少{unit}；每年上限：每年最多计入多少{unit}
        ，空着表示不限。
      </Hint>
      <ListTable
        noun="申报类型"
        testId="policy-claim-types"
        rows={rows}
        onAdd={add}
        onRemove={(i) =>
          set(
            ['claimTypes'],
            rows.filter((_, j) => j !== i),
          )
        }
        columns={[
          {
            title: '标识',
            key: 'id',
            render: (_, { index, row, label }) => (
              <TextBox mono label={label('标识')} value={row.id} width={120} onChange={(v) => at(index, 'id', v)} />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, { index, row, label }) => (
              <TextBox label={label('名称')} value={row.name} width={200} onChange={(v) => at(index, 'name', v)} />
            ),
          },
          {
            title: '学分类型',
            key: 'category',
            render: (_, { index, row, label }) => (
              <OnePick
                label={label('学分类型')}
                value={row.category}
                options={categories}
                width={110}
                onChange={(v) => at(index, 'category', v)}
              />
            ),
          },
          {
            title: '培训形式',
            key: 'form',
            render: (_, { index, row, label }) => (
              <OnePick
                label={label('培训形式')}
                value={row.form ?? 'other'}
                options={FORM_OPTIONS}
                width={100}
                onChange={(v) => at(index, 'form', v)}
              />
            ),
          },
          {
            title: '每项折算',
            key: 'amount',
            render: (_, { index, row, label }) => (
              <NumberBox label={label('每项折算')} value={row.amount} placeholder="" width={80} onChange={(v) => at(index, 'amount', v)} />
            ),
          },
          {
            title: '每年上限',
            key: 'maxPerYear',
            render: (_, { index, row, label }) => (
              <NumberBox
                label={label('每年上限')}
                value={row.maxPerYear}
                placeholder="不限"
                width={90}
                onChange={(v) => at(index, 'maxPerYear', v)}
              />
            ),
          },
          {
            title: '审核级别',
            key: 'reviewLevel',
            render: (_, { index, row, label }) => (
              <OnePick
                label={label('审核级别')}
                value={row.reviewLevel ?? 'county'}
                options={REVIEW_LEVEL_OPTIONS}
                width={70}
                onChange={(v) => at(index, 'reviewLevel', v)}
              />
            ),
          },
          {
            title: '所需材料',
            key: 'evidence',
            render: (_, { index, row, label }) => (
              <TextBox
                label={label('所需材料')}
                value={row.evidence}
                width={220}
                onChange={(v) => at(index, 'evidence', optionalText(v))}
              />
            ),
          },
        ]}
      />
    </>
  );
}
