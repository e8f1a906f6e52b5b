import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { get } from '../../../api/client.ts';
import { LoadError } from '../../../components/guards.tsx';
import { EvaluationSummaryView } from './EvaluationSummaryView.tsx';
import type { EvaluationSummary } from './types.ts';

/** 训后评估 of this class: aggregates only (under 3 responses, only the count). */
export function EvaluationTab({ classId }: { classId: number }) {
  const q = useQuery({
    queryKey: ['class', classId, 'evaluation'],
    queryFn: () => get<EvaluationSummary>(`/api/classes/${classId}/evaluation`),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <LoadError message={q.error.message} onRetry={() => q.refetch()} />;
  return <EvaluationSummaryView data={q.data} />;
}
