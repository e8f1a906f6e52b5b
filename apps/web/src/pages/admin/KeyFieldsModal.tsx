import { useState } from 'react';
import { App, Form, Modal, Select, Typography } from 'antd';
import { checkIdNumber, normalizeIdNumber } from '@shixun/domain';
import { regions, teachers } from '@shixun/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { ApiError } from '../../api/client.ts';
import type { Profile } from '../../api/types.ts';
import { fieldByKey } from '../../format.ts';
import { FieldInput } from '../../components/FieldInput.tsx';

/** Fields of PUT /api/teachers/:id/key-fields. */
const EDITABLE = ['name', 'gender', 'birthDate', 'idType', 'idNumber', 'schoolId', 'qualificationNumber', 'personnelStatus'] as const;

function SchoolSelect({
  value,
  onChange,
  initialName,
  id,
}: {
  value?: number;
  onChange?: (v: number) => void;
  initialName?: string;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const schools = useQuery({
    queryKey: ['schools', '', q],
    queryFn: () => call(regions.schoolsInScope, { query: { q, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  const options = (schools.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.countyName ? `（${s.countyName}）` : ''}` }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={schools.isFetching}
      options={options}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入学校名称搜索"
    />
  );
}

export function KeyFieldsModal({
  teacherId,
  profile,
  revealedId,
  open,
  onClose,
}: {
  teacherId: string;
  profile: Profile;
  revealedId?: string;
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => call(teachers.editKeyFields, { params: { id: teacherId }, body }),
    onSuccess: async () => {
      message.success('关键字段已修改');
      await qc.invalidateQueries({ queryKey: ['teacher', teacherId] });
      await qc.invalidateQueries({ queryKey: ['teachers'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) form.setFields(Object.entries(e.fields).map(([name, m]) => ({ name, errors: [m] })));
      message.error(e.message);
    },
  });
  // The profile carries a masked ID number: never send it back; leave the field empty unless revealed.
  const initial: Record<string, unknown> = Object.fromEntries(EDITABLE.map((k) => [k, profile[k] ?? undefined]));
  initial.idNumber = revealedId ?? undefined;

  const submit = async () => {
    const v = await form.validateFields();
    const body: Record<string, unknown> = {};
    for (const k of EDITABLE) {
      const val = v[k];
      if (val === undefined || val === null || val === '') continue;
      if (val !== initial[k]) body[k] = k === 'idNumber' ? normalizeIdNumber(String(val)) : val;
    }
    if (Object.keys(body).length === 0) {
      message.info('没有修改任何字段');
      return;
    }
    save.mutate(body);
  };

  return (
    <Modal
      title="修改关键字段"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">
        修改将记录在审计日志中。单位只能调整到本管辖范围内的学校；跨区县调动暂不能在此办理，请联系调出、调入两地共同的上级（市级或省级）教育局管理员修改。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} preserve={false}>
        {EDITABLE.map((k) => {
          const f = fieldByKey(k)!;
          if (k === 'schoolId')
            return (
              <Form.Item key={k} label="单位" name="schoolId" rules={[{ required: true, message: '请选择单位' }]}>
                <SchoolSelect initialName={profile.schoolName ?? undefined} />
              </Form.Item>
            );
          return (
            <Form.Item
              key={k}
              label={f.label}
              name={k}
              extra={k === 'idNumber' && !revealedId ? `当前：${profile.idNumber ?? '—'}；不修改请留空` : undefined}
              rules={[
                ...(k === 'name' ? [{ required: true, whitespace: true, message: '请输入姓名' }] : []),
                ...(k === 'idNumber'
                  ? [
                      {
                        validator: async (_: unknown, val?: string) => {
                          const why = val ? checkIdNumber(val) : null;
                          if (why) throw new Error(why);
                        },
                      },
                    ]
                  : []),
              ]}
            >
              <FieldInput field={f} />
            </Form.Item>
          );
        })}
      </Form>
    </Modal>
  );
}
