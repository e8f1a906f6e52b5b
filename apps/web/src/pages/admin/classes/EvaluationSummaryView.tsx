import { Alert, Card, Empty, List, Progress, Space, Typography } from 'antd';
import type { EvaluationSummary, QuestionSummary } from './types.ts';

function Rating({ q }: { q: QuestionSummary }) {
  const total = q.answered || 1;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Text>
        平均 <b style={{ fontSize: 20 }}>{q.average ?? '—'}</b> 分（满分 5 分，{q.answered} 人作答）
      </Typography.Text>
      {[5, 4, 3, 2, 1].map((k) => (
        <div key={k} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <span style={{ width: 36 }}>{k} 分</span>
          <Progress
            percent={Math.round(((q.distribution?.[k - 1] ?? 0) / total) * 100)}
            size="small"
            style={{ flex: 1, margin: 0 }}
            format={() => `${q.distribution?.[k - 1] ?? 0} 人`}
            aria-label={`${k} 分的人数占比`}
          />
        </div>
      ))}
    </Space>
  );
}

/** Aggregates only: averages, distributions and text answers with no names; nothing under the minimum. */
export function EvaluationSummaryView({ data }: { data: EvaluationSummary }) {
  if (!data.questions.length) return <Empty description="该项目未设置训后评估问题" />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 860 }}>
      {data.hidden ? (
        <Alert type="info" showIcon title={data.message} />
      ) : (
        <Alert
          type="success"
          showIcon
          title={`已收到 ${data.count} 份评估${data.trainees !== undefined ? `（本班 ${data.trainees} 人）` : ''}`}
          description="评估为匿名填写：这里只显示统计结果，文字意见不显示填写人，顺序与提交先后无关。"
        />
      )}
      {!data.hidden &&
        data.questions.map((q, i) => (
          <Card key={q.id} size="small" title={`${i + 1}. ${q.text}`}>
            {q.kind === 'rating' ? (
              <Rating q={q} />
            ) : (
              <List
                size="small"
                dataSource={q.answers ?? []}
                locale={{ emptyText: '没有人填写' }}
                renderItem={(a) => <List.Item>{a}</List.Item>}
              />
            )}
          </Card>
        ))}
    </Space>
  );
}
