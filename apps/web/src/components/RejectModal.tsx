import { useState } from 'react';
import { Form, Input, Modal } from 'antd';

/** 驳回 with a required reason. */
export function RejectModal({
  open,
  title,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={title}
      open={open}
      okText="驳回"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onCancel}
      onOk={async () => {
        const { reason } = await form.validateFields();
        setBusy(true);
        try {
          await onSubmit(reason.trim());
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="驳回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写驳回原因' }, { max: 200 }]}>
          <Input.TextArea rows={3} placeholder="申请人将看到此原因" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
