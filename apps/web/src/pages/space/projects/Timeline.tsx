import { Timeline, Typography } from 'antd';
import type { TimelineItem } from './types.ts';
import { formatMinute } from '../../../format.ts';

const COLORS: Record<string, string> = {
  returned: 'red',
  failed: 'red',
  approved: 'green',
  passed: 'green',
  certified: 'green',
  assigned: 'blue',
};
const when = formatMinute;

/** Every step of an enrolment: who, at which level, when, the outcome and any reason. */
export function EnrollmentTimeline({ items }: { items: TimelineItem[] }) {
  if (!items.length) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={items.map((t) => ({
        color: COLORS[t.action] ?? 'gray',
        content: (
          <div>
            <Typography.Text strong>{t.actionLabel}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {t.levelLabel ? `${t.levelLabel} · ` : ''}
              {t.actorName} · {when(t.at)}
            </Typography.Text>
            {t.reason && (
              <div style={{ color: t.action === 'returned' ? '#cf1322' : undefined }}>
                {t.action === 'returned' ? '理由：' : ''}
                {t.reason}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
