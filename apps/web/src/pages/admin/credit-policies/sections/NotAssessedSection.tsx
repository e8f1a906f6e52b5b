// 不考核: who is out of assessment — new hires for their first years, and teachers whose 人员状态
// (退休, 离职 …) takes them out altogether.
import { Col, Form, Radio, Row, Select } from 'antd';
import { asObject, asTexts } from '../draft.ts';
import { Hint, NumberBox, type SectionProps } from '../fields.tsx';
import { NEW_HIRE_COUNTING_OPTIONS } from '../labels.ts';

export function NotAssessedSection({ doc, set }: SectionProps) {
  const n = asObject(doc.notAssessed);
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label="新任教师不考核年数" htmlFor="policy-new-hire-years" required tooltip="0 表示新任教师从入职当年起考核">
            <NumberBox
              id="policy-new-hire-years"
              label="新任教师不考核年数"
              integer
              placeholder=""
              value={n.newHireYears}
              onChange={(v) => set(['notAssessed', 'newHireYears'], v)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={16}>
          <Form.Item label="计算方式">
            <Radio.Group
              aria-label="新任教师计算方式"
              value={n.newHireCounting ?? 'calendar_years'}
              options={NEW_HIRE_COUNTING_OPTIONS}
              onChange={(e) => set(['notAssessed', 'newHireCounting'], e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="不考核的人员状态" htmlFor="policy-statuses" tooltip="教师信息中的人员状态，输入后按回车添加">
            <Select
              id="policy-statuses"
              mode="tags"
              aria-label="不考核的人员状态"
              value={asTexts(n.statuses)}
              placeholder="如：退休、离职"
              tokenSeparators={[',', '，', '、']}
              open={false}
              suffixIcon={null}
              onChange={(v: string[]) => set(['notAssessed', 'statuses'], v.map((s) => s.trim()).filter(Boolean))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Hint>
        自入职之日起：入职满上述年数之后才考核，某一年只有在其中超过一半的天数已过免考核期时才考核。按自然年：入职当年及其后（年数 −
        1）年不考核。
      </Hint>
    </Form>
  );
}
