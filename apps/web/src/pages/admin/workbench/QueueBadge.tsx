// A queue's count beside its menu entry: nothing when the queue is empty or the count unknown.
import { Badge } from 'antd';

export function QueueBadge({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    // the badge's animated digits read poorly: screen readers get the number in words instead
    <span role="img" aria-label={`${count} 条待处理`} title={`${count} 条待处理`} data-testid="queue-badge">
      <Badge count={count} overflowCount={99} style={{ backgroundColor: '#cf1322', boxShadow: 'none' }} />
    </span>
  );
}
