import { App, Button, Card, Popconfirm, Progress, Space, Tag, Typography } from 'antd';
import { DownloadOutlined, ReadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { certificates, electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { downloadFile } from '../../../api/files.ts';
import { ElectiveFacts } from './ElectiveFacts.tsx';
import type { MyElective } from './types.ts';

const TAB_COLOR = { learning: 'blue', passed: 'green', failed: 'red' } as const;

/** One of 我的自主选学's cards: the course, progress and result, and only the buttons the state allows. */
export function MyElectiveCard({ m, onOpen }: { m: MyElective; onOpen: (id: number) => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => call(electives.cancel, { params: { id: m.enrollmentId }, body: { version: m.version } }),
    onSuccess: async () => {
      message.success('已取消报名，名额已退回');
      await qc.invalidateQueries({ queryKey: ['my-electives'] });
    },
    onError: async (err) => {
      message.error(err.message);
      await qc.invalidateQueries({ queryKey: ['my-electives'] });
    },
  });
  const certificate = async () => {
    if (m.certificateId === null) return;
    try {
      await downloadFile(certificates.certificatePdf.path.replace(':id', String(m.certificateId)), `${m.elective.name}结业证书.pdf`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const e = m.elective;
  return (
    <Card
      size="small"
      data-testid="elective-card"
      style={{ marginBottom: 12 }}
      title={
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => onOpen(e.id)} style={{ fontSize: 16 }}>
            {e.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {e.year} · {e.organiserName}
          </Typography.Text>
        </Space>
      }
      extra={<Tag color={TAB_COLOR[m.tab]}>{m.statusLabel}</Tag>}
    >
      <ElectiveFacts
        e={e}
        extra={[
          {
            key: 'progress',
            label: '学习进度',
            children: <Progress percent={m.progress ?? 0} size="small" style={{ maxWidth: 240 }} aria-label="学习进度" />,
          },
          {
            key: 'score',
            label: '考核成绩',
            children: m.score === null ? '尚未登记' : `${m.score} 分${m.result ? `（${m.result === 'passed' ? '合格' : '不合格'}）` : ''}`,
          },
        ]}
      />
      <Space wrap style={{ marginTop: 8 }}>
        {m.canLearn && m.learningUrl && (
          <Button type="primary" icon={<ReadOutlined />} href={m.learningUrl} target="_blank" rel="noopener">
            去学习
          </Button>
        )}
        <Button onClick={() => onOpen(e.id)}>查看成绩</Button>
        {m.certificateId !== null && (
          <Button icon={<DownloadOutlined />} onClick={certificate}>
            证书
          </Button>
        )}
        {m.canCancel && (
          <Popconfirm
            title="取消报名"
            description="取消后名额将退回，报名时间内可以重新报名。确定取消吗？"
            okText="取消报名"
            cancelText="再想想"
            onConfirm={() => cancel.mutate()}
          >
            <Button danger loading={cancel.isPending}>
              取消报名
            </Button>
          </Popconfirm>
        )}
      </Space>
    </Card>
  );
}
