import { useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { checkIdNumber, KEY_FIELDS, normalizeIdNumber } from '@shixun/domain';
import { profile as profileApi, regions } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { usePublicConfig } from '../../../api/session.ts';
import type { Profile } from '../../../api/types.ts';
import { fieldByKey, formatValue } from '../../../format.ts';
import { FieldInput } from '../../../components/FieldInput.tsx';
import { MY_CHANGES_KEY, PROFILE_KEY } from './useProfile.ts';

/** A school chosen through the public region tree (市 → 区县 → 学校): the unit is always a school record. */
function SchoolPicker({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  const cfg = usePublicConfig().data;
  const [city, setCity] = useState<string>();
  const [county, setCounty] = useState<string>();
  const cities = useQuery({
    queryKey: ['public-regions', cfg?.provinceCode],
    queryFn: () => call(regions.publicRegions, { query: { parent: cfg!.provinceCode } }),
    enabled: !!cfg,
  });
  const counties = useQuery({
    queryKey: ['public-regions', city],
    queryFn: () => call(regions.publicRegions, { query: { parent: city } }),
    enabled: !!city,
  });
  const schools = useQuery({
    queryKey: ['public-schools', county],
    queryFn: () => call(regions.publicSchools, { query: { countyCode: county! } }),
    enabled: !!county,
  });
  return (
    <div style={{ display: 'flex', gap: 8 }}>
      <Select
        style={{ flex: 1 }}
        placeholder="市"
        value={city}
        aria-label="新单位所在市"
        options={cities.data?.items.map((r) => ({ value: r.code, label: r.name }))}
        onChange={(v) => {
          setCity(v);
          setCounty(undefined);
          onChange?.(undefined);
        }}
      />
      <Select
        style={{ flex: 1 }}
        placeholder="区县"
        value={county}
        disabled={!city}
        aria-label="新单位所在区县"
        options={counties.data?.items.map((r) => ({ value: r.code, label: r.name }))}
        onChange={(v) => {
          setCounty(v);
          onChange?.(undefined);
        }}
      />
      <Select
        style={{ flex: 2 }}
        placeholder="学校"
        value={value}
        disabled={!county}
        aria-label="新单位"
        showSearch={{ optionFilterProp: 'label' }}
        options={schools.data?.items.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v) => onChange?.(v)}
      />
    </div>
  );
}

export function ChangeRequestModal({ open, profile, onClose }: { open: boolean; profile: Profile; onClose: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const request = useMutation({
    mutationFn: (body: { changes: Record<string, unknown>; reason: string }) => call(profileApi.requestChange, { body }),
    onSuccess: async () => {
      message.success('信息变更申请已提交，请等待区县管理员审核');
      form.resetFields();
      await Promise.all([qc.invalidateQueries({ queryKey: MY_CHANGES_KEY }), qc.invalidateQueries({ queryKey: PROFILE_KEY })]);
      onClose();
    },
    onError: (e) => message.error(e.message),
  });
  const chosen: string[] = Form.useWatch('fields', form) ?? [];

  const submit = async () => {
    const v = await form.validateFields();
    const changes: Record<string, unknown> = {};
    for (const k of v.fields as string[]) changes[k] = k === 'idNumber' ? normalizeIdNumber(String(v[`new_${k}`])) : v[`new_${k}`];
    request.mutate({ changes, reason: String(v.reason).trim() });
  };

  return (
    <Modal
      title="申请修改关键字段"
      open={open}
      onCancel={onClose}
      onOk={submit}
      okText="提交"
      confirmLoading={request.isPending}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">
        姓名、证件号码、单位等关键字段由区县管理员修改。请填写正确的新值和修改原因，审核通过后生效。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="申请修改的字段" name="fields" rules={[{ required: true, message: '请选择要修改的字段' }]}>
          <Select mode="multiple" placeholder="请选择" options={KEY_FIELDS.map((k) => ({ value: k, label: fieldByKey(k)!.label }))} />
        </Form.Item>
        {chosen.map((k) => {
          const f = fieldByKey(k)!;
          const current = k === 'schoolId' ? profile.schoolName : profile[k];
          return (
            <Form.Item
              key={k}
              label={`新${f.label}`}
              name={`new_${k}`}
              extra={`当前：${formatValue(f, current)}`}
              rules={[
                { required: true, message: `请填写新的${f.label}` },
                ...(k === 'idNumber'
                  ? [
                      {
                        validator: async (_: unknown, val: string) => {
                          const why = val ? checkIdNumber(val) : null;
                          if (why) throw new Error(why);
                        },
                      },
                    ]
                  : []),
              ]}
            >
              {k === 'schoolId' ? <SchoolPicker /> : <FieldInput field={f} />}
            </Form.Item>
          );
        })}
        <Form.Item label="修改原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写修改原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} placeholder="例如：身份证号录入错误，附身份证复印件已交学校" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
