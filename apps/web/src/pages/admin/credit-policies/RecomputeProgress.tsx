// The latest standings recompute (a background job that survives a restart) and the next scheduled one.
import { useEffect } from 'react';
import { Alert, Progress, Space, Typography } from 'antd';
import { creditPolicies as c } from '@shixun/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { formatTime } from '../../../format.ts';

const TRIGGER: Record<string, string> = { publish: '发布新版本后', year_turn: '跨年自动', manual: '手动' };

/** The latest standings recompute (a background job that survives a restart) and the next scheduled one. */
export function RecomputeProgress() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: ['credit-recompute'],
    queryFn: () => call(c.recomputeProgress),
    refetchInterval: (q) => (q.state.data?.state === 'running' || q.state.data?.state === 'queued' ? 1000 : false),
  });
  const s = status.data;
  const active = s?.state === 'running' || s?.state === 'queued';
  useEffect(() => {
    if (s && !active) void qc.invalidateQueries({ queryKey: ['credit-compliance'] });
  }, [s, active, qc]);
  if (!s) return null;
  const next = s.nextRunAt ? `下次自动重新计算：${formatTime(s.nextRunAt)}（跨年时按新的年度刷新全部教师的学分状态）` : null;
  const why = s.trigger ? `（${TRIGGER[s.trigger]}）` : '';
  const under = s.version ? `按第 ${s.version} 版政策` : '按当前政策';
  const pct = s.total ? Math.min(100, Math.floor((s.done / s.total) * 100)) : 0;
  const alert = (() => {
    if (s.state === 'idle') return null;
    if (s.state === 'queued')
      return (
        <Alert
          type="info"
          showIcon
          title={`${under}重新计算学分状态${why}：排队中${s.done ? `，已完成 ${s.done} / ${s.total}` : ''}`}
          description={
            s.error ? `上次尝试失败：${s.error}。稍后自动重试（已尝试 ${s.attempts} 次）。` : '后台任务即将开始，服务重启后会从中断处继续。'
          }
        />
      );
    if (s.state === 'running')
      return (
        <Alert
          type="info"
          showIcon
          title={`正在${under}重新计算全部教师的学分状态${why}：${s.done} / ${s.total}`}
          description={<Progress percent={pct} status="active" aria-label="重新计算进度" />}
        />
      );
    if (s.state === 'done')
      return (
        <Alert type="success" showIcon title={`已${under}重新计算 ${s.done} 名教师的学分状态${why}（${formatTime(s.finishedAt)} 完成）`} />
      );
    if (s.state === 'cancelled')
      return (
        <Alert
          type="warning"
          showIcon
          title={`${under}的重新计算在 ${s.done} / ${s.total} 时停止：已发布更新的版本，将按新版本重新计算。`}
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        title={`重新计算失败${why}：${s.error ?? '未知错误'}（已完成 ${s.done} / ${s.total}，已尝试 ${s.attempts} 次），请重新计算。`}
      />
    );
  })();
  if (!alert && !next) return null;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      {alert}
      {next && <Typography.Text type="secondary">{next}</Typography.Text>}
    </Space>
  );
}
