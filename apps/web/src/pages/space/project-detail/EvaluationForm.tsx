import { Alert, App, Button, Form, Input, Popconfirm, Rate, Result } from 'antd';
import { myClass } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { MyClass } from './types.ts';

const RATE_TIPS = ['很不满意', '不满意', '一般', '满意', '很满意'];

/** 训后评估: once, anonymous; the server keeps the answers without my name. */
export function EvaluationForm({
  enrollmentId,
  evaluation,
  onDone,
}: {
  enrollmentId: number;
  evaluation: MyClass['evaluation'];
  onDone: () => unknown;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, number | string>>();
  const submitting = useMutation({
    mutationFn: (answers: Record<string, number | string>) =>
      call(myClass.submitEvaluation, { params: { id: enrollmentId }, body: { answers } }),
    onSuccess: async (r) => {
      message.success(r.message);
      await onDone();
    },
    onError: (e) => message.error(e.message),
  });
  if (evaluation.done) return <Result status="success" title="您已提交训后评估" subTitle="感谢您的反馈。评估为匿名，每人只能提交一次。" />;
  if (!evaluation.open) return <Alert type="info" showIcon title={evaluation.reason ?? '训后评估暂未开放'} />;
  const submit = async () => {
    const answers = await form.validateFields();
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== ''));
    await submitting.mutateAsync(clean).catch(() => undefined);
  };
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 640 }}>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="评估为匿名填写"
        description="您的回答不与姓名一起保存，承培机构和组织单位只能看到汇总结果（少于 3 份时不显示）。提交后不能修改。"
      />
      {evaluation.questions.map((q, i) =>
        q.kind === 'rating' ? (
          <Form.Item key={q.id} name={q.id} label={`${i + 1}. ${q.text}`} rules={[{ required: true, message: `请为“${q.text}”打分` }]}>
            <Rate tooltips={RATE_TIPS} />
          </Form.Item>
        ) : (
          <Form.Item key={q.id} name={q.id} label={`${i + 1}. ${q.text}`}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder="选填" />
          </Form.Item>
        ),
      )}
      <Popconfirm title="提交训后评估？" description="提交后不能修改。" okText="提交" cancelText="取消" onConfirm={submit}>
        <Button type="primary" loading={submitting.isPending} data-testid="submit-evaluation">
          提交评估
        </Button>
      </Popconfirm>
    </Form>
  );
}
