import { DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { isCalendarDate, type ProfileField } from '@shixun/domain';
import { todayInZone } from '../format.ts';

/** The input for one profile field, by its type. Dates use the app's date picker (antd, in Chinese) and stay
 *  'YYYY-MM-DD' strings; none of the profile's dates may lie after today (in the deployment's zone). */
export function FieldInput({
  field,
  value,
  onChange,
  id,
}: {
  field: ProfileField;
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
}) {
  if (field.type === 'select' && field.options)
    return (
      <Select
        id={id}
        allowClear
        placeholder={`请选择${field.label}`}
        value={value ?? undefined}
        onChange={(v) => onChange?.(v ?? null)}
        options={field.options.map((o) => ({ value: o, label: o }))}
      />
    );
  if (field.type === 'bool')
    return (
      <Select
        id={id}
        allowClear
        placeholder="请选择"
        value={value === null || value === undefined ? undefined : value}
        onChange={(v) => onChange?.(v ?? null)}
        options={[
          { value: true, label: '是' },
          { value: false, label: '否' },
        ]}
      />
    );
  if (field.type === 'date') {
    const day = typeof value === 'string' && isCalendarDate(value) ? dayjs(value) : null;
    return (
      <DatePicker
        id={id}
        style={{ width: '100%' }}
        format="YYYY-MM-DD"
        placeholder={`请选择${field.label}`}
        value={day}
        disabledDate={(d) => d.format('YYYY-MM-DD') > todayInZone()}
        onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      />
    );
  }
  return <Input id={id} value={(value as string) ?? ''} maxLength={field.max} onChange={(e) => onChange?.(e.target.value)} />;
}
