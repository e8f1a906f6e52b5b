// 冲销: asks for the reason in the confirmation itself; the server writes a reversing entry and
// leaves the original as it was. A second admin who was quicker gets a clear 409 message.
import { useState } from 'react';
import { App, Button, Input, Popconfirm } from 'antd';
import { credits } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';

const REASON_MAX = credits.reverseBody.shape.reason.maxLength ?? 500;

interface Props {
  entryId: number;
  title: string;
  onDone: () => void | Promise<unknown>;
}

export function ReverseButton({ entryId, title, onDone }: Props) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const reverse = useMutation({
    mutationFn: () => call(credits.reverseEntry, { params: { id: entryId }, body: { reason: reason.trim() } }),
    onSuccess: () => {
      message.success(`已冲销“${title}”`);
      setReason('');
    },
    onError: (e) => message.error(e.message),
    onSettled: () => onDone(),
  });
  const busy = reverse.isPending;
  return (
    <Popconfirm
      title="冲销这条学分记录"
      description={
        <div style={{ width: 280 }}>
          <p style={{ margin: '4px 0 8px' }}>将写入一条反向记录抵消“{title}”，原记录保留。请填写原因：</p>
          <Input.TextArea
            aria-label="冲销原因"
            rows={2}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="如：重复录入、成绩更正"
          />
        </div>
      }
      okText="冲销"
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy }}
      cancelText="取消"
      onConfirm={() => reverse.mutate()}
    >
      <Button size="small" danger loading={busy} data-testid={`reverse-${entryId}`}>
        冲销
      </Button>
    </Popconfirm>
  );
}
