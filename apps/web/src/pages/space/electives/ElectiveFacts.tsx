import { Descriptions, Tag } from 'antd';
import type { ElectiveSummary } from './types.ts';

const windowText = (from: string | null, to: string | null) => (from || to ? `${from ?? '—'} ~ ${to ?? '—'}` : '不限');

/** The lines every elective card and detail shows: provider, credits and type, form, windows, places, price. */
export function ElectiveFacts({
  e,
  extra = [],
}: {
  e: ElectiveSummary;
  extra?: { key: string; label: string; children: React.ReactNode }[];
}) {
  return (
    <Descriptions
      size="small"
      column={1}
      styles={{ label: { width: 110 } }}
      items={[
        { key: 'provider', label: '提供机构', children: e.providerName },
        {
          key: 'credit',
          label: '学分类型及标准',
          children: `${e.categoryName}：${e.credits} ${e.unit}${e.hours ? `（${e.hours} 学时）` : ''}`,
        },
        { key: 'mode', label: '学习形式', children: e.modeLabel },
        { key: 'apply', label: '报名时间', children: windowText(e.applyStart, e.applyEnd) },
        { key: 'learn', label: '学习时间', children: `${e.startDate} ~ ${e.endDate}` },
        {
          key: 'places',
          label: '名额',
          children:
            e.capacity === null ? '不限' : e.remaining === 0 ? <Tag color="red">名额已满</Tag> : `剩余 ${e.remaining} / ${e.capacity}`,
        },
        {
          key: 'price',
          label: '费用',
          children: e.priceFen === 0 ? <Tag color="green">免费</Tag> : <Tag color="gold">{e.priceLabel}</Tag>,
        },
        ...extra,
      ]}
    />
  );
}
