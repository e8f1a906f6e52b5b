import { App, Button, Card, Drawer, Empty, Space, Spin, Tag, Typography } from 'antd';
import { myProjects } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { OpenProject } from './types.ts';

/** 去申报: open projects of my area; those I may not apply to say why. */
export function ApplyDrawer({ open, onClose, onApplied }: { open: boolean; onClose: () => void; onApplied: () => void }) {
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const applyTo = useMutation({ mutationFn: (id: number) => call(myProjects.apply, { params: { id } }) });
  const list = useQuery({
    queryKey: ['my-projects', 'open'],
    queryFn: () => call(myProjects.openProjects),
    enabled: open,
  });
  const apply = (o: OpenProject) =>
    modal.confirm({
      title: `申报“${o.project.name}”？`,
      content: '提交后由学校、区县等逐级审核，审核进度可在“审核中”查看。',
      okText: '提交申报',
      cancelText: '取消',
      onOk: async () => {
        try {
          await applyTo.mutateAsync(o.project.id);
          message.success('已提交申报，等待学校审核');
          await qc.invalidateQueries({ queryKey: ['my-projects'] });
          onApplied();
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });
  const items = list.data?.items ?? [];
  return (
    <Drawer title="去申报" width={640} open={open} onClose={onClose} destroyOnHidden>
      {list.isPending ? (
        <Spin />
      ) : list.isError ? (
        <Empty description={list.error.message} />
      ) : items.length === 0 ? (
        <Empty description="目前没有面向您所在地区、正在接受申报的项目" />
      ) : (
        items.map((o) => (
          <Card
            key={o.project.id}
            size="small"
            style={{ marginBottom: 12 }}
            data-testid="open-project"
            title={o.project.name}
            extra={
              <Button
                type="primary"
                size="small"
                disabled={!o.canApply}
                loading={applyTo.isPending && applyTo.variables === o.project.id}
                onClick={() => apply(o)}
              >
                申报
              </Button>
            }
          >
            <Space orientation="vertical" size={2}>
              <Typography.Text>
                {o.project.year} <Tag color="geekblue">{o.project.levelLabel}</Tag>
                {o.project.organiserName}
              </Typography.Text>
              <Typography.Text type="secondary">
                {o.project.typeLabel} · {o.project.modeLabel} · {o.project.creditLabel}
              </Typography.Text>
              <Typography.Text type="secondary">
                面向：{o.project.subjectArea}　培训时间：{o.project.startDate} ~ {o.project.endDate}
              </Typography.Text>
              <Typography.Text type="secondary">
                申报时间：{o.project.applyStart ?? '—'} ~ {o.project.applyEnd ?? '—'}
              </Typography.Text>
              {!o.canApply &&
                o.reasons.map((r) => (
                  <Typography.Text key={r} type="danger">
                    {r}
                  </Typography.Text>
                ))}
            </Space>
          </Card>
        ))
      )}
    </Drawer>
  );
}
