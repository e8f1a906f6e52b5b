// 登记注册日期: a region admin records a teacher's 教师资格注册日期 (history kept on the server); the
// teacher's 定期注册 window then runs from it. A date picker (not after today, not before the hire
// date), an optional note, and a confirmation before the write.
import { useState } from 'react';
import { Alert, App, DatePicker, Descriptions, Form, Input, Modal, Tag } from 'antd';
import dayjs from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { creditReports, type ResponseOf } from '@shixun/contracts';
import { call } from '../../api/call.ts';
import { todayInZone } from '../../format.ts';

type Result = ResponseOf<typeof creditReports.recordRegistration>;
const STATUS: Record<Result['window']['status'], { text: string; color?: string }> = {
  eligible: { text: '学时已满', color: 'green' },
  in_progress: { text: '进行中', color: 'blue' },
  ineligible: { text: '学时不足', color: 'red' },
  not_assessed: { text: '不纳入' },
};

export function RegistrationModal({
  teacherId,
  name,
  hireDate,
  onClose,
}: {
  teacherId: string;
  name: string;
  hireDate: string | null;
  onClose: () => void;
}) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ registeredOn: dayjs.Dayjs | null; note?: string }>();
  const [done, setDone] = useState<Result | null>(null);
  const save = useMutation({
    mutationFn: (body: { registeredOn: string; note?: string }) =>
      call(creditReports.recordRegistration, { body: { teacherId: Number(teacherId), ...body } }),
    onSuccess: async (r) => {
      setDone(r);
      message.success(r.added ? '注册日期已登记' : '该注册日期已登记过，未重复添加');
      await qc.invalidateQueries({ queryKey: ['teacher', teacherId] });
      await qc.invalidateQueries({ queryKey: ['credit-eligibility'] });
    },
  });
  const today = todayInZone();

  const submit = async () => {
    const v = await form.validateFields();
    const registeredOn = (v.registeredOn as dayjs.Dayjs).format('YYYY-MM-DD');
    const note = v.note?.trim() || undefined;
    modal.confirm({
      title: '确认登记注册日期',
      content: `将为 ${name} 登记教师资格注册日期 ${registeredOn}。此后的定期注册周期从该日期起算（原有记录保留为历史）。确定登记吗？`,
      okText: '确定登记',
      cancelText: '取消',
      onOk: () => save.mutateAsync({ registeredOn, note }).catch(() => undefined),
    });
  };

  return (
    <Modal
      open
      title={`登记注册日期 — ${name}`}
      onCancel={onClose}
      onOk={done ? onClose : submit}
      okText={done ? '完成' : '登记'}
      cancelText="关闭"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {done ? (
        <div data-testid="registration-result">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="注册周期">
              {done.window.startDate ? `${done.window.startDate} 至 ${done.window.endDate}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="周期内学时">
              {done.window.requiredHours === null ? done.window.hours : `${done.window.hours} / ${done.window.requiredHours}`}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS[done.window.status].color}>{STATUS[done.window.status].text}</Tag>
              {done.window.missing.join('；')}
            </Descriptions.Item>
            <Descriptions.Item label="注册记录">{done.history.map((h) => h.registeredOn).join('、')}</Descriptions.Item>
          </Descriptions>
        </div>
      ) : (
        <Form form={form} layout="vertical" requiredMark>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="教师资格每五年定期注册一次。登记本次注册的日期后，该教师的定期注册周期从这一天起算。"
          />
          {save.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={save.error.message} />}
          <Form.Item
            name="registeredOn"
            label="注册日期"
            rules={[{ required: true, message: '请选择注册日期' }]}
            extra={hireDate ? `不能晚于今天，也不能早于入职时间 ${hireDate}` : '不能晚于今天'}
          >
            <DatePicker
              style={{ width: '100%' }}
              format="YYYY-MM-DD"
              placeholder="请选择注册日期"
              data-testid="registration-date"
              disabledDate={(d) => {
                const s = d.format('YYYY-MM-DD');
                return s > today || (hireDate !== null && s < hireDate);
              }}
            />
          </Form.Item>
          <Form.Item name="note" label="备注" rules={[{ max: 200, message: '备注不能超过 200 字' }]}>
            <Input placeholder="如：2026 年定期注册（选填）" maxLength={200} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
