import { useEffect } from 'react';
import { Alert, App, Form, Modal, Radio, Select, Spin, Typography } from 'antd';
import { certificates } from '@shixun/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { IssueAnswer } from './types.ts';

interface Values {
  by: 'cycle' | 'year';
  cycleId?: string;
  year?: number;
}

/** 生成学分证书: for a cycle (the usual one, for 定期注册) or for one year. */
export function IssueCreditModal({ open, onClose, onIssued }: { open: boolean; onClose: () => void; onIssued: (a: IssueAnswer) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const by = Form.useWatch('by', form);
  const options = useQuery({
    queryKey: ['certificates', 'credit-options'],
    queryFn: () => call(certificates.creditOptions),
    enabled: open,
  });
  const o = options.data;

  const issue = useMutation({
    mutationFn: (v: Values) =>
      call(certificates.issueCredit, { body: v.by === 'cycle' ? { cycleId: v.cycleId as string } : { year: v.year as number } }),
    onSuccess: (a) => {
      message.success(
        a.reused
          ? `学分数据没有变化，已为您找到此前生成的证书（${a.certificate.code}）`
          : `已生成${a.certificate.title}（${a.certificate.code}）`,
      );
      onIssued(a);
    },
  });
  const submit = (v: Values) => issue.mutate(v);
  const error = issue.error?.message ?? null;
  const resetIssue = issue.reset;
  useEffect(() => {
    if (open && o) {
      form.setFieldsValue({ by: 'cycle', cycleId: o.currentCycleId, year: Number(o.asOf.slice(0, 4)) });
      resetIssue();
    }
  }, [open, o, form, resetIssue]);

  const years = (o?.cycles ?? [])
    .flatMap((c) => c.years.filter((y) => y.issuable).map((y) => ({ value: y.year, label: `${y.year} 年（${c.name}周期）` })))
    .reverse();
  return (
    <Modal
      title="生成学分证书"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="生成"
      cancelText="取消"
      confirmLoading={issue.isPending}
      okButtonProps={{ disabled: !o }}
      destroyOnHidden
    >
      {options.isPending ? (
        <Spin style={{ display: 'block', padding: 32 }} />
      ) : options.isError ? (
        <Alert type="error" showIcon message={options.error.message} />
      ) : (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ by: 'cycle' }}>
          <Typography.Paragraph type="secondary">
            证书按您当前的学分数据生成（依据《{o!.policy.name}》第 {o!.policy.version}{' '}
            版），附验证码和二维码，任何人都可以在线验证。学分没有变化时再次生成，将返回此前的证书。
          </Typography.Paragraph>
          <Form.Item name="by" label="证书范围">
            <Radio.Group
              options={[
                { value: 'cycle', label: '按培训周期' },
                { value: 'year', label: '按年度' },
              ]}
              optionType="button"
            />
          </Form.Item>
          {by === 'year' ? (
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
              <Select options={years} placeholder="请选择年度" />
            </Form.Item>
          ) : (
            <Form.Item name="cycleId" label="培训周期" rules={[{ required: true, message: '请选择培训周期' }]}>
              <Select
                placeholder="请选择培训周期"
                options={o!.cycles.map((c) => ({
                  value: c.id,
                  disabled: !c.issuable,
                  label: `${c.name}周期（${c.startYear}–${c.endYear}）· ${c.issuable ? c.statusLabel : '尚未开始'}`,
                }))}
              />
            </Form.Item>
          )}
          {error && <Alert type="error" showIcon message={error} />}
        </Form>
      )}
    </Modal>
  );
}
