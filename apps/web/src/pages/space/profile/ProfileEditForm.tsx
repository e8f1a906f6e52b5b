import { App, Button, Col, Form, Row, Space, type FormRule } from 'antd';
import { ORDINARY_FIELDS, profileEducationErrors } from '@shixun/domain';
import { profile as profileApi } from '@shixun/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import type { Profile } from '../../../api/types.ts';
import { fieldByKey } from '../../../format.ts';
import { FieldInput } from '../../../components/FieldInput.tsx';
import { PROFILE_KEY } from './useProfile.ts';

/** The teacher edits only the ordinary fields; key fields go through a change request. */
export function ProfileEditForm({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => call(profileApi.update, { body }),
    onSuccess: async () => {
      message.success('个人资料已保存');
      await qc.invalidateQueries({ queryKey: PROFILE_KEY });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, m]) => ({ name, errors: [m] })));
      message.error(e.message);
    },
  });
  const initial = Object.fromEntries(ORDINARY_FIELDS.map((k) => [k, profile[k] ?? null]));
  /** The field's own limits, and the rules across fields the server applies too (最高学历 ≥ 初始学历). */
  const rulesOf = (k: string): FormRule[] => {
    const f = fieldByKey(k)!;
    const rules: FormRule[] = f.max ? [{ max: f.max, message: `${f.label}不能超过 ${f.max} 个字` }] : [];
    if (k === 'highestEducation')
      rules.push({
        validator: async (_r, v: string | null | undefined) => {
          const why = profileEducationErrors({
            initialEducation: form.getFieldValue('initialEducation'),
            highestEducation: v,
          }).highestEducation;
          if (why) throw new Error(why);
        },
      });
    return rules;
  };

  const onFinish = (values: Record<string, unknown>) =>
    save.mutate(Object.fromEntries(ORDINARY_FIELDS.map((k) => [k, values[k] === '' || values[k] === undefined ? null : values[k]])));

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish} data-testid="profile-edit-form">
      <Row gutter={16}>
        {ORDINARY_FIELDS.map((k) => {
          const f = fieldByKey(k)!;
          return (
            <Col key={k} xs={24} md={12} xl={8}>
              <Form.Item
                label={f.label}
                name={k}
                rules={rulesOf(k)}
                dependencies={k === 'highestEducation' ? ['initialEducation'] : undefined}
              >
                <FieldInput field={f} />
              </Form.Item>
            </Col>
          );
        })}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
        <Button onClick={onClose}>取消</Button>
      </Space>
    </Form>
  );
}
