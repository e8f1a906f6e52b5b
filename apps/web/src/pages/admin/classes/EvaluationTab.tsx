import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { classScores } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { LoadError } from '../../../components/guards.tsx';
import { EvaluationSummaryView } from './EvaluationSummaryView.tsx';

/** 训后评估 of this class: aggregates only (under 3 responses, only the count). */
export function EvaluationTab({ classId }: { classId: number }) {
  const q = useQuery({
    queryKey: ['class', classId, 'evaluation'],
    queryFn: () => call(classScores.classEvaluation, { params: { id: classId } }),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <LoadError message={q.error.message} onRetry={() => q.refetch()} />;
  return <EvaluationSummaryView data={q.data} />;
}
