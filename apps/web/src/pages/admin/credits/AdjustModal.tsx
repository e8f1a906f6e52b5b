// 学分调整: an entry at the admin's own level that adds (or, negative, takes away) credits, with a
// reason. Used where a reversal does not fit, e.g. an amount that was partly wrong.
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { credits, type BodyOf } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { FORM_LABELS } from '../../space/credits/labels.ts';
import type { PolicyView } from '../../space/credits/types.ts';

type Values = BodyOf<typeof credits.adjustCredits>;
const { shape } = credits.adjustmentBody;

export function AdjustModal({
  teacherId,
  policy,
  open,
  onClose,
  onDone,
}: {
  teacherId: number | string;
  policy: PolicyView;
  open: boolean;
  onClose: () => void;
  onDone: () => void | Promise<unknown>;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const thisYear = new Date().getFullYear();
  const years = policy.cycles
    .flatMap((c) => Array.from({ length: c.endYear - c.startYear + 1 }, (_, i) => c.startYear + i))
    .filter((y) => y <= thisYear)
    .reverse();
  const adjust = useMutation({
    mutationFn: (v: Values) =>
      call(credits.adjustCredits, { params: { id: teacherId }, body: { ...v, title: v.title.trim(), reason: v.reason.trim() } }),
    onSuccess: async () => {
      message.success('学分调整已记入');
      form.resetFields();
      onClose();
      await onDone();
    },
    onError: (e) => message.error(e.message),
  });
  const submit = (v: Values) => adjust.mutate(v);
  return (
    <Modal
      open={open}
      title="学分调整"
      okText="确定调整"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={adjust.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: years[0], form: 'other' }} data-testid="adjust-form">
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
        </Form.Item>
        <Form.Item name="category" label="学分类型" rules={[{ required: true, message: '请选择学分类型' }]}>
          <Select options={policy.categories.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="form" label="培训形式" rules={[{ required: true }]}>
          <Select options={Object.entries(FORM_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="调整学分"
          extra="增加填正数，扣减填负数，最多两位小数"
          rules={[{ required: true, message: '请填写调整学分' }]}
        >
          <InputNumber style={{ width: '100%' }} step={0.5} precision={2} min={-200} max={200} />
        </Form.Item>
        <Form.Item name="title" label="调整事项" rules={[{ required: true, whitespace: true, message: '请填写调整事项' }]}>
          <Input maxLength={shape.title.maxLength ?? 200} placeholder="如：2024 年自主选学重复计入" />
        </Form.Item>
        <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }]}>
          <Input.TextArea rows={3} maxLength={shape.reason.maxLength ?? 500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
