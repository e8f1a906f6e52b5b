import { useEffect, useState } from 'react';
import { App, Button, Empty, Select, Space, Tag, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import { classSchedule } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { formatTime, todayInZone } from '../../../format.ts';
import { classKey } from './ClassDetailPage.tsx';
import { CheckinQr } from './CheckinQr.tsx';
import { sessionsKey } from './ScheduleTab.tsx';
import type { Attendance } from './types.ts';
import { FROM_MD, PhoneTable } from '../../../layouts/phoneTable.tsx';

type Row = Attendance['items'][number];

/** 签到: per session, the rotating QR for the big screen and the attendance list with manual marking. */
export function CheckinTab({ classId }: { classId: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const sessions = useQuery({
    queryKey: sessionsKey(classId),
    queryFn: () => call(classSchedule.listSessions, { params: { id: classId } }),
  });
  const [sid, setSid] = useState<number | null>(null);
  const [showQr, setShowQr] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  useEffect(() => {
    // start on today's first session, else the first one
    const items = sessions.data?.items;
    if (sid === null && items?.length) {
      const today = todayInZone();
      setSid((items.find((s) => s.when.startsWith(today)) ?? items[0]!).id);
    }
  }, [sessions.data, sid]);
  const attendance = useQuery({
    queryKey: ['class', classId, 'attendance', sid],
    queryFn: () => call(classSchedule.sessionCheckins, { params: { id: classId, sid: sid ?? 0 } }),
    enabled: sid !== null,
    // while the QR is up, the list follows the scans
    refetchInterval: showQr ? 3000 : false,
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['class', classId, 'attendance'] }),
      qc.invalidateQueries({ queryKey: sessionsKey(classId) }),
      qc.invalidateQueries({ queryKey: classKey(classId) }),
    ]);
  const marking = useMutation({
    mutationFn: (present: boolean) =>
      call(classSchedule.markCheckins, { params: { id: classId, sid: sid ?? 0 }, body: { enrollmentIds: selected, present } }),
    onSuccess: async (r, present) => {
      message.success(
        present ? `已为 ${r.changed} 人签到${r.unchanged ? `（${r.unchanged} 人已签到过）` : ''}` : `已取消 ${r.changed} 人的签到`,
      );
      setSelected([]);
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const mark = (present: boolean) => marking.mutate(present);
  const busy = marking.isPending;

  if (sessions.data && !sessions.data.items.length) return <Empty description="尚未安排课程：请先在“课程安排”中添加课程，再组织签到" />;
  const items = attendance.data?.items ?? [];
  const done = items.filter((i) => i.checkedIn).length;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 360, maxWidth: '100%' }}
          loading={sessions.isPending}
          value={sid ?? undefined}
          onChange={(v) => {
            setSid(v);
            setSelected([]);
          }}
          options={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.when} ${s.topic}` }))}
          placeholder="选择课程"
        />
        <Button type="primary" icon={<QrcodeOutlined />} disabled={sid === null} onClick={() => setShowQr(true)} data-testid="show-qr">
          显示签到二维码
        </Button>
        {attendance.data && (
          <Typography.Text>
            已签到 {done} / {items.length} 人
          </Typography.Text>
        )}
      </Space>
      <Space style={{ marginBottom: 12 }}>
        <Button disabled={!selected.length} loading={busy} onClick={() => mark(true)}>
          手工签到（{selected.length}）
        </Button>
        <Button danger disabled={!selected.length} loading={busy} onClick={() => mark(false)}>
          取消签到
        </Button>
        <Typography.Text type="secondary">学员忘带手机等情况，可勾选后手工签到</Typography.Text>
      </Space>
      <PhoneTable<Row>
        detailsByClick={false}
        data-testid="attendance-table"
        rowKey="enrollmentId"
        size="middle"
        loading={attendance.isFetching && !showQr}
        dataSource={items}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={attendance.isError ? attendance.error.message : '本班暂无学员'} /> }}
        columns={[
          { title: '学员编号', responsive: FROM_MD, dataIndex: 'enrollmentId', width: 90 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '单位', responsive: FROM_MD, dataIndex: 'schoolName' },
          {
            title: '签到',
            dataIndex: 'checkedIn',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="green">已签到</Tag> : <Tag>未签到</Tag>),
          },
          {
            title: '方式',
            responsive: FROM_MD,
            dataIndex: 'method',
            width: 90,
            render: (m: Row['method']) => (m === 'qr' ? '扫码' : m === 'manual' ? '手工' : '—'),
          },
          { title: '时间', responsive: FROM_MD, dataIndex: 'at', width: 180, render: formatTime },
        ]}
      />
      {showQr && sid !== null && (
        <CheckinQr
          classId={classId}
          sessionId={sid}
          trainees={items.length}
          onClose={() => {
            setShowQr(false);
            void refresh();
          }}
        />
      )}
    </>
  );
}
