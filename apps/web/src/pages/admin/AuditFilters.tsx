import { useState } from 'react';
import { Button, DatePicker, Input, Select, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { AUDIT_ACTION_GROUPS, AUDIT_OBJECT_LABELS } from '@shixun/domain';
import type { QueryOf, audit } from '@shixun/contracts';

export type AuditFilter = Omit<QueryOf<typeof audit.auditLog>, 'page' | 'pageSize'>;
type Result = 'success' | 'failure' | 'denied';

interface Draft {
  actor: string;
  action?: string;
  objectType?: string;
  objectId: string;
  result?: Result;
  range: [Dayjs | null, Dayjs | null] | null;
}

const EMPTY: Draft = { actor: '', objectId: '', range: null };

/** The action list in Chinese: a whole group (every action of it) or one action. */
const ACTION_OPTIONS = AUDIT_ACTION_GROUPS.map((g) => ({
  label: g.group,
  options: Object.entries(g.actions).map(([value, label]) => ({ value, label })),
}));
const OBJECT_OPTIONS = Object.entries(AUDIT_OBJECT_LABELS).map(([value, label]) => ({ value, label }));

function toFilter(d: Draft): AuditFilter {
  return {
    actor: d.actor.trim() || undefined,
    action: d.action,
    objectType: d.objectType,
    objectId: d.objectId.trim() || undefined,
    result: d.result,
    from: d.range?.[0]?.format('YYYY-MM-DD'),
    to: d.range?.[1]?.format('YYYY-MM-DD'),
  };
}

/** 审计日志's filters: person, action (a Chinese list), object, result and a date range; plus 导出. */
export function AuditFilters({
  onSearch,
  onExport,
  exporting,
}: {
  onSearch: (f: AuditFilter) => void;
  onExport: () => void;
  exporting: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const search = () => onSearch(toFilter(draft));
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Input
        aria-label="操作人"
        placeholder="操作人姓名"
        allowClear
        style={{ width: 150 }}
        value={draft.actor}
        onChange={(e) => set({ actor: e.target.value })}
        onPressEnter={search}
      />
      <Select
        aria-label="操作类型"
        placeholder="操作类型"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 220 }}
        value={draft.action}
        options={ACTION_OPTIONS}
        onChange={(v) => set({ action: v })}
      />
      <Space.Compact>
        <Select
          aria-label="对象类型"
          placeholder="对象类型"
          allowClear
          style={{ width: 140 }}
          value={draft.objectType}
          options={OBJECT_OPTIONS}
          onChange={(v) => set({ objectType: v })}
        />
        <Input
          aria-label="对象编号"
          placeholder="编号"
          allowClear
          style={{ width: 100 }}
          value={draft.objectId}
          onChange={(e) => set({ objectId: e.target.value })}
          onPressEnter={search}
        />
      </Space.Compact>
      <Select
        aria-label="结果"
        placeholder="结果"
        allowClear
        style={{ width: 100 }}
        value={draft.result}
        options={[
          { value: 'success', label: '成功' },
          { value: 'failure', label: '失败' },
          { value: 'denied', label: '拒绝' },
        ]}
        onChange={(v) => set({ result: v })}
      />
      {/* allowEmpty: an empty range picker sends Tab back to its first field (a keyboard trap); either end may stay open */}
      <DatePicker.RangePicker
        aria-label="日期范围"
        allowEmpty={[true, true]}
        placeholder={['开始日期', '结束日期']}
        value={draft.range}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(r) => set({ range: r })}
      />
      <Button type="primary" onClick={search}>
        查询
      </Button>
      <Button
        onClick={() => {
          setDraft(EMPTY);
          onSearch({});
        }}
      >
        重置
      </Button>
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="audit-export">
        导出 Excel
      </Button>
    </Space>
  );
}
