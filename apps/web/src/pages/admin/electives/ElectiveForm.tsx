import { useEffect } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { electives, type BodyOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import type { AdminElective } from './types.ts';

type Input = BodyOf<typeof electives.createElective>;
interface Values extends Omit<Input, 'applyStart' | 'applyEnd' | 'startDate' | 'endDate' | 'priceFen'> {
  apply: [Dayjs, Dayjs];
  learn: [Dayjs, Dayjs];
  priceYuan: number;
}
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 新建 / 修改自主选学项目: the course, who organises and provides it, credits, windows, places, price and pass rule. */
export function ElectiveForm({ editing, open, onClose }: { editing: AdminElective | null; open: boolean; onClose: (id?: number) => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const opts = useQuery({ queryKey: ['elective-form-options'], queryFn: () => call(electives.formOptions), enabled: open });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        ...editing,
        organiserRegionCode: editing.organiserRegionCode,
        creditAmount: editing.credits,
        apply: [dayjs(editing.applyStart), dayjs(editing.applyEnd)],
        learn: [dayjs(editing.startDate), dayjs(editing.endDate)],
        priceYuan: editing.priceFen / 100,
        minProgress: editing.minProgress ?? 100,
      });
  }, [open, editing, form]);
  const save = useMutation({
    mutationFn: (v: Values) => {
      const { apply, learn, priceYuan, ...rest } = v;
      const body: Input = {
        ...rest,
        applyStart: day(apply[0]),
        applyEnd: day(apply[1]),
        startDate: day(learn[0]),
        endDate: day(learn[1]),
        priceFen: Math.round((priceYuan ?? 0) * 100),
      };
      return editing ? call(electives.updateElective, { params: { id: editing.id }, body }) : call(electives.createElective, { body });
    },
    onSuccess: async (r) => {
      message.success(editing ? '已保存' : '已创建草稿，提交审核后由组织单位审核上架');
      await qc.invalidateQueries({ queryKey: ['admin-electives'] });
      onClose(r.elective.id);
    },
    onError: (e) => message.error(e.message),
  });
  const o = opts.data;
  const req = (label: string) => [{ required: true, message: `请填写${label}` }];
  return (
    <Modal
      open={open}
      title={editing ? '修改自主选学项目' : '新建自主选学项目'}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={{
          year: dayjs().year(),
          mode: 'online',
          creditCategory: 'self_elective',
          creditAmount: 2,
          hours: 6,
          passMark: 60,
          minProgress: 100,
          priceYuan: 0,
          payer: 'teacher',
          targetStages: [],
          targetSubjects: [],
        }}
      >
        <Form.Item name="name" label="课程名称" rules={req('课程名称')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="organiserRegionCode" label="组织单位（审核上架、认定学分）">
          <Select allowClear placeholder={o?.organisers[0]?.label} options={o?.organisers} />
        </Form.Item>
        {o?.institutions && (
          <Form.Item name="providerInstitutionId" label="提供机构" rules={[{ required: true, message: '请选择提供机构' }]}>
            <Select options={o.institutions.map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
        )}
        <Form.Item name="year" label="年度" rules={req('年度')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="mode" label="学习形式" rules={req('学习形式')}>
          <Select options={o?.modes} />
        </Form.Item>
        <Form.Item name="creditCategory" label="学分类型" rules={req('学分类型')}>
          <Select options={o?.categories.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="creditAmount" label={`学分（${o?.unit ?? '学分'}）`} rules={req('学分')}>
          <InputNumber min={0} max={1000} step={0.5} />
        </Form.Item>
        <Form.Item name="hours" label="学时">
          <InputNumber min={0} max={1000} />
        </Form.Item>
        <Form.Item name="targetStages" label="适用学段（不选为不限）">
          <Select mode="multiple" options={o?.stages.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="targetSubjects" label="适用学科（不选为不限）">
          <Select mode="multiple" options={o?.subjects.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="apply" label="报名时间" rules={[{ required: true, message: '请选择报名时间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="learn" label="学习时间" rules={[{ required: true, message: '请选择学习时间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="capacity" label="名额（不填为不限）">
          <InputNumber min={1} max={1000000} />
        </Form.Item>
        <Form.Item name="priceYuan" label="价格（元，0 为免费）">
          <InputNumber min={0} step={1} precision={2} />
        </Form.Item>
        <Form.Item name="payer" label="付费方">
          <Select
            options={[
              { value: 'teacher', label: '教师个人支付' },
              { value: 'school', label: '学校支付' },
            ]}
          />
        </Form.Item>
        <Form.Item name="minProgress" label="合格标准：学习进度不低于（%）">
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="passMark" label="合格标准：考核成绩不低于（分）">
          <InputNumber min={0} max={100} />
        </Form.Item>
        <Form.Item name="learningUrl" label="学习网址">
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
        <Form.Item name="description" label="课程简介">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="syllabus" label="课程大纲">
          <Input.TextArea rows={4} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
