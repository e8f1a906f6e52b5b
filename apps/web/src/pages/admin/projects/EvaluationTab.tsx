import { Alert, Space, Spin, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { myClass, type ResponseOf } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { LoadError } from '../../../components/guards.tsx';
import { EvaluationSummaryView } from '../classes/EvaluationSummaryView.tsx';

type ClassRow = ResponseOf<typeof myClass.projectEvaluation>['classes'][number];

/** 训后评估 of the whole project, for its organiser: answers of all classes together (no names), and per class only how many answered. */
export function EvaluationTab({ projectId }: { projectId: number }) {
  const q = useQuery({
    queryKey: ['project-evaluation', projectId],
    queryFn: () => call(myClass.projectEvaluation, { params: { id: projectId } }),
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <LoadError message={q.error.message} onRetry={() => q.refetch()} />;
  const d = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-evaluation">
      <Alert type="info" showIcon title={`共收到 ${d.count} 份训后评估（匿名汇总，少于 ${d.minimum} 份时不显示明细）`} />
      <Table<ClassRow>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.classes}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未分班' }}
        columns={[
          { title: '班级', dataIndex: 'name' },
          { title: '承培机构', dataIndex: 'institutionName', render: (v: string | null) => v ?? '—' },
          { title: '学员', dataIndex: 'trainees', align: 'right' },
          { title: '已评估', dataIndex: 'responses', align: 'right' },
        ]}
      />
      <EvaluationSummaryView data={d} />
    </Space>
  );
}
