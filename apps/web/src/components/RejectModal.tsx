import { useState } from 'react';
import { Form, Input, Modal } from 'antd';

/**
 * 驳回 (or 退回) with a required reason. An empty reason is refused in the form with a Chinese message
 * (the dialog stays open); a failed request is left to the caller's onSubmit to report.
 */
export function RejectModal({
  open,
  title,
  verb = '驳回',
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  /** the word on the button and in the messages: 驳回 a registration or claim, 退回 an enrolment */
  verb?: '驳回' | '退回';
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={title}
      open={open}
      okText={verb}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        let reason: string;
        try {
          reason = (await form.validateFields()).reason;
        } catch {
          return; // the form shows what is missing
        }
        setBusy(true);
        try {
          await onSubmit(reason.trim());
        } catch {
          /* the caller reports its own errors; the dialog stays open to try again */
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={`${verb}原因`}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `请填写${verb}原因` },
            { max: 200, message: `${verb}原因不能超过 200 个字` },
          ]}
        >
          <Input.TextArea rows={3} placeholder="申请人将看到此原因" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
