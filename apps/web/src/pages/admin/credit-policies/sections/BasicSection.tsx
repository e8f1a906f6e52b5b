// 基本信息: the name, where the rules come from, the unit, and how cycles and new hires are counted.
import { Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { asNumber, asObject, asText, optionalText, setIn } from '../draft.ts';
import { Hint, NumberBox, type SectionProps } from '../fields.tsx';
import { CYCLES_FROM_OPTIONS, PRORATION_OPTIONS, UNIT_OPTIONS, unitWord } from '../labels.ts';

export function BasicSection({ doc, set }: SectionProps) {
  const registration = asObject(doc.registration);
  /** 定期注册 is optional as a whole: both boxes empty removes it. */
  const setRegistration = (key: 'years' | 'hours', v: number | undefined) => {
    const next = asObject(setIn(registration, [key], v));
    set(['registration'], Object.keys(next).length ? next : undefined);
  };
  return (
    <Form layout="vertical" component="div">
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item label="名称" htmlFor="policy-name" required>
            <Input id="policy-name" value={asText(doc.name)} onChange={(e) => set(['name'], e.target.value)} />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item label="依据文件" htmlFor="policy-source" tooltip="文件名称和条款，便于审核人员核对数字">
            <Input
              id="policy-source"
              value={asText(doc.source)}
              placeholder="如：广西中小学教师培训学分认定和管理办法 第 3 条"
              onChange={(e) => set(['source'], optionalText(e.target.value))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label="计量单位" required>
            <Radio.Group
              aria-label="计量单位"
              value={doc.unit}
              options={UNIT_OPTIONS}
              optionType="button"
              onChange={(e) => set(['unit'], e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label="学分与学时换算" htmlFor="policy-hours-per-credit" required>
            <Space>
              <span>1 学分 =</span>
              <NumberBox
                id="policy-hours-per-credit"
                label="1 学分折合学时"
                placeholder=""
                width={90}
                value={doc.hoursPerCredit}
                onChange={(v) => set(['hoursPerCredit'], v)}
              />
              <span>学时</span>
            </Space>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item label="周期来源">
            <Radio.Group
              aria-label="周期来源"
              value={doc.cyclesFrom ?? 'fixed'}
              options={CYCLES_FROM_OPTIONS}
              optionType="button"
              onChange={(e) => set(['cyclesFrom'], e.target.value)}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={12}>
          <Form.Item label="折算方式" required>
            <Radio.Group
              aria-label="折算方式"
              value={doc.proration}
              onChange={(e) => set(['proration'], e.target.value)}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={PRORATION_OPTIONS}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item
            label="定期注册（可不设）"
            htmlFor="policy-registration-years"
            tooltip="教师资格定期注册：从每位教师的注册日期起，每若干年内须完成的培训学时。两项都空着表示不设。"
          >
            <Space wrap>
              <span>每</span>
              <NumberBox
                id="policy-registration-years"
                label="定期注册周期（年）"
                integer
                width={80}
                value={asNumber(registration.years)}
                onChange={(v) => setRegistration('years', v)}
              />
              <span>年，至少</span>
              <NumberBox
                label="定期注册周期内学时"
                width={100}
                value={asNumber(registration.hours)}
                onChange={(v) => setRegistration('hours', v)}
              />
              <span>学时</span>
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Hint>
        以下各项的数量均以「{unitWord(doc)}
        」计。政策标识、版本号和学分有效期（在本周期内有效）不在表单中修改：版本号由系统在发布时分配，其余如需修改请使用「JSON（专家）」。
      </Hint>
      {doc.cyclesFrom === 'registration' && (
        <Typography.Text type="warning">周期按注册日期滚动时，须设定定期注册，不能再列固定周期，也不能设每年最低要求。</Typography.Text>
      )}
    </Form>
  );
}
