// 总量与分类要求: the minimum of all credits together (广西: 16 a year, 120 a cycle), and per 学分类型
// a minimum and a cap — the `requirements` and `caps` records keyed by category id. An empty box is
// an absent key; a category with nothing set has no entry at all.
import { Button, Col, Form, Row, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { asObject, asRows, asText, perScope } from '../draft.ts';
import { Hint, NumberBox, type SectionProps } from '../fields.tsx';
import { unitWord } from '../labels.ts';

type Scope = 'perYear' | 'perCycle';
type RecordKey = 'requirements' | 'caps';
interface Line {
  id: string;
  name: string;
  /** a key of requirements/caps that names no declared category (校验 refuses it) */
  orphan: boolean;
}

const COLUMNS: { record: RecordKey; scope: Scope; title: string }[] = [
  { record: 'requirements', scope: 'perYear', title: '每年最低' },
  { record: 'requirements', scope: 'perCycle', title: '每周期最低' },
  { record: 'caps', scope: 'perYear', title: '每年上限' },
  { record: 'caps', scope: 'perCycle', title: '每周期上限' },
];

export function RequirementsSection({ doc, set }: SectionProps) {
  const unit = unitWord(doc);
  const total = asObject(doc.total);
  const requirements = asObject(doc.requirements);
  const caps = asObject(doc.caps);
  const declared = asRows(doc.categories).map((c) => ({ id: asText(c.id), name: asText(c.name) || asText(c.id), orphan: false }));
  const known = new Set(declared.map((c) => c.id));
  const orphans = [...new Set([...Object.keys(requirements), ...Object.keys(caps)])]
    .filter((id) => !known.has(id))
    .map((id) => ({ id, name: id, orphan: true }));
  const lines: Line[] = [...declared.filter((c) => c.id), ...orphans];
  const setScope = (record: RecordKey, id: string, scope: Scope, v: number | undefined) =>
    set([record, id], perScope(asObject(doc[record])[id], scope, v ?? null));
  const drop = (id: string) => {
    set(['requirements', id], undefined);
    set(['caps', id], undefined);
  };
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        总学分最低要求
      </Typography.Title>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={`每年最低（${unit}）`} htmlFor="policy-total-per-year">
              <NumberBox
                id="policy-total-per-year"
                label="总学分每年最低"
                value={total.perYear}
                onChange={(v) => set(['total', 'perYear'], v)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={`每周期最低（${unit}）`} htmlFor="policy-total-per-cycle">
              <NumberBox
                id="policy-total-per-cycle"
                label="总学分每周期最低"
                value={total.perCycle}
                onChange={(v) => set(['total', 'perCycle'], v)}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Typography.Title level={5}>各学分类型的要求与上限</Typography.Title>
      <Hint>
        最低要求：该类型至少要修满的数量。上限：超出部分仍计入该类型，但不计入总学分。空着表示不设；每周期要求会按新任教师实际考核的年数折算（见基本信息中的折算方式）。
      </Hint>
      <Table<Line>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={lines}
        scroll={{ x: 'max-content' }}
        data-testid="policy-requirements"
        locale={{ emptyText: <Typography.Text type="secondary">请先在「学分类型」中添加学分类型</Typography.Text> }}
        columns={[
          {
            title: '学分类型',
            key: 'name',
            render: (_, l) =>
              l.orphan ? (
                <Space>
                  <Tag color="error">未定义的学分类型</Tag>
                  <code>{l.id}</code>
                  <Button
                    size="small"
                    danger
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={`删除 ${l.id} 的要求和上限`}
                    onClick={() => drop(l.id)}
                  />
                </Space>
              ) : (
                l.name
              ),
          },
          ...COLUMNS.map((c) => ({
            title: `${c.title}（${unit}）`,
            key: `${c.record}-${c.scope}`,
            render: (_: unknown, l: Line) => (
              <NumberBox
                label={`${l.name} ${c.title}`}
                value={asObject(asObject(doc[c.record])[l.id])[c.scope]}
                onChange={(v) => setScope(c.record, l.id, c.scope, v)}
              />
            ),
          })),
        ]}
      />
    </>
  );
}
