// 学分类型: the categories every entry carries (公共必修, 专业选修 …). Their 标识 is what the
// requirements, caps, groups and 申报类型 refer to, so removing a used one asks first.
import { asRows, asText, categoryUses } from '../draft.ts';
import { Hint, ListTable, type SectionProps, TextBox } from '../fields.tsx';

const USED_IN: Record<string, string> = { requirements: '分类最低要求', caps: '分类上限' };

export function CategoriesSection({ doc, set }: SectionProps) {
  const rows = asRows(doc.categories);
  return (
    <>
      <Hint>
        学分记录按学分类型登记。常用标识：public_required（公共必修）、professional_elective（专业选修）、self_elective（自主选修）、school_based（校本研修）。已有学分记录使用的标识请勿修改。
      </Hint>
      <ListTable
        noun="学分类型"
        testId="policy-categories"
        rows={rows}
        onAdd={() => set(['categories'], [...rows, { id: '', name: '' }])}
        onRemove={(i) =>
          set(
            ['categories'],
            rows.filter((_, j) => j !== i),
          )
        }
        usesOf={(row) => categoryUses(doc, asText(row.id), (k) => USED_IN[k] ?? k)}
        columns={[
          {
            title: '标识',
            key: 'id',
            render: (_, { index, row, label }) => (
              <TextBox mono label={label('标识')} value={row.id} width={220} onChange={(v) => set(['categories', index, 'id'], v)} />
            ),
          },
          {
            title: '名称',
            key: 'name',
            render: (_, { index, row, label }) => (
              <TextBox label={label('名称')} value={row.name} width={220} onChange={(v) => set(['categories', index, 'name'], v)} />
            ),
          },
        ]}
      />
    </>
  );
}
