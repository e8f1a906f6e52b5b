// 单条认定: pick a teacher of the own school, the year, the day, what the activity was and the credits.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { credits, teachers } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';

const TITLE_MAX = credits.schoolBasedBody.shape.title.maxLength ?? 200;

interface Values {
  teacherId: number;
  year: number;
  date: Dayjs;
  title: string;
  amount: number;
  hours?: number | null;
}

function TeacherPicker({ value, onChange }: { value?: number; onChange?: (v: number) => void }) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['teachers', 'picker', q],
    queryFn: () => call(teachers.list, { query: { q, status: 'active', pageSize: 30 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      aria-label="教师"
      value={value}
      onChange={onChange}
      placeholder="输入姓名、证件号或手机号查找本校教师"
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={list.data?.items.map((t) => ({ value: t.id, label: `${t.name}（${t.idNumber ?? '无证件号'}）` }))}
      notFoundContent={list.isError ? list.error.message : '没有找到本校教师'}
    />
  );
}

export function SchoolBasedForm({ onPosted }: { onPosted: () => void | Promise<unknown> }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const thisYear = new Date().getFullYear();
  const enter = useMutation({
    mutationFn: (v: Values) =>
      call(credits.enterSchoolBased, {
        body: {
          teacherId: v.teacherId,
          year: v.year,
          date: v.date.format('YYYY-MM-DD'),
          title: v.title.trim(),
          amount: v.amount,
          ...(v.hours === null || v.hours === undefined ? {} : { hours: v.hours }),
        },
      }),
    onSuccess: async () => {
      message.success('校本研修学分已认定');
      form.resetFields(['teacherId', 'amount', 'hours']);
      await onPosted();
    },
    onError: (e) => message.error(e.message),
  });
  const submit = (v: Values) => enter.mutate(v);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ year: thisYear }}
      data-testid="school-based-form"
      style={{ maxWidth: 520 }}
    >
      <Form.Item name="teacherId" label="教师" rules={[{ required: true, message: '请选择教师' }]}>
        <TeacherPicker />
      </Form.Item>
      <Form.Item name="year" label="年度" rules={[{ required: true, message: '请选择年度' }]}>
        <Select options={Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y} 年` }))} />
      </Form.Item>
      <Form.Item name="date" label="认定日期" rules={[{ required: true, message: '请选择认定日期' }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} />
      </Form.Item>
      <Form.Item name="title" label="研修内容" rules={[{ required: true, whitespace: true, message: '请填写研修内容' }]}>
        <Input maxLength={TITLE_MAX} placeholder="如：2026 年春季学期校本研修：集体备课与听评课" />
      </Form.Item>
      <Form.Item label="学分 / 学时" required style={{ marginBottom: 0 }}>
        <Form.Item
          name="amount"
          rules={[{ required: true, message: '请填写学分' }]}
          style={{ display: 'inline-block', width: 'calc(50% - 8px)' }}
        >
          <InputNumber aria-label="学分" placeholder="学分" min={0.01} max={50} step={0.5} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="hours" style={{ display: 'inline-block', width: 'calc(50% - 8px)', marginLeft: 16 }}>
          <InputNumber aria-label="学时" placeholder="学时（可不填）" min={0} max={500} step={1} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={enter.isPending}>
        认定
      </Button>
    </Form>
  );
}
