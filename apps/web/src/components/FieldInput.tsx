import { Input, Select } from 'antd';
import type { ProfileField } from '@shixun/domain';

/** The input for one profile field, by its type. Dates use the native picker (YYYY-MM-DD strings). */
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
  if (field.type === 'date')
    return <Input id={id} type="date" value={(value as string) ?? ''} onChange={(e) => onChange?.(e.target.value || null)} />;
  return <Input id={id} value={(value as string) ?? ''} maxLength={field.max} onChange={(e) => onChange?.(e.target.value)} />;
}
